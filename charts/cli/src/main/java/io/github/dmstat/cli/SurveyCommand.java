package io.github.dmstat.cli;

import io.github.dmstat.core.survey.DesignSpec;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * The options every command that estimates from one survey file shares: the data source with
 * its reading options, and the design. Subclasses add their own.
 */
abstract class SurveyCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.ArgGroup(exclusive = false, multiplicity = "1", heading = "Data:%n")
  DataOptions data = new DataOptions();

  @CommandLine.ArgGroup(exclusive = false, heading = "Design:%n", order = 10)
  DesignOptions designOptions = new DesignOptions();

  /** The design: the options given, or the embedded dataset's own. */
  DesignSpec design() {
    return (designOptions == null ? new DesignOptions() : designOptions).spec(data.defaultDesign());
  }

  /** Prints {@code text} on standard output. */
  void print(String text) {
    spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
  }
}
