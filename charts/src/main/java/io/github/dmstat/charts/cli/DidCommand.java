package io.github.dmstat.charts.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code dmstat did}: being written (placeholder so the command is registered). */
@Command(name = "did", mixinStandardHelpOptions = true, description = "Not available yet.")
final class DidCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("dmstat did is not implemented yet");
  }
}
