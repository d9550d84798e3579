package io.github.dmstat.charts.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code dmstat survival}: being written (placeholder so the command is registered). */
@Command(name = "survival", mixinStandardHelpOptions = true, description = "Not available yet.")
final class SurvivalCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("dmstat survival is not implemented yet");
  }
}
