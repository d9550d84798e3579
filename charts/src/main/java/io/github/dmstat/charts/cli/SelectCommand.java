package io.github.dmstat.charts.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code dmstat select}: being written (placeholder so the command is registered). */
@Command(name = "select", mixinStandardHelpOptions = true, description = "Not available yet.")
final class SelectCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("dmstat select is not implemented yet");
  }
}
