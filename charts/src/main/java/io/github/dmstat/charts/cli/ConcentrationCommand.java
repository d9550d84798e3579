package io.github.dmstat.charts.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code dmstat concentration}: being written (placeholder so the command is registered). */
@Command(name = "concentration", mixinStandardHelpOptions = true, description = "Not available yet.")
final class ConcentrationCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("dmstat concentration is not implemented yet");
  }
}
