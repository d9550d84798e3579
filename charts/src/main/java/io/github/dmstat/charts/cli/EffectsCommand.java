package io.github.dmstat.charts.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code dmstat effects}: being written (placeholder so the command is registered). */
@Command(name = "effects", mixinStandardHelpOptions = true, description = "Not available yet.")
final class EffectsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("dmstat effects is not implemented yet");
  }
}
