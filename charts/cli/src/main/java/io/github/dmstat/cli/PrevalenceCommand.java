package io.github.dmstat.cli;

import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.io.Frame;
import io.github.dmstat.core.io.Json;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.core.survey.PrevalenceDifference;
import io.github.dmstat.core.survey.PrevalenceEstimator;
import io.github.dmstat.core.survey.PrevalenceTable;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/** {@code dmstat prevalence}: survey-weighted prevalence by domain. */
@Command(name = "prevalence", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Survey-weighted prevalence of a 0/1 outcome, overall or by domains, with "
        + "design-based (Taylor-linearised) standard errors, confidence intervals, design effects "
        + "and a reliability rule. Agrees with R survey's svymean/svyby/svyciprop.",
        "An empty outcome cell is missing (counted in 'excluded'); other values than 0/1/true/false are errors."})
class PrevalenceCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.ArgGroup(exclusive = false, multiplicity = "1", heading = "Data:%n")
  DataOptions data = new DataOptions();

  @Option(names = "--outcome", required = true, paramLabel = "COL", description = "0/1 outcome column.")
  String outcome;

  @CommandLine.ArgGroup(exclusive = false, heading = "Design:%n", order = 10)
  DesignOptions designOptions = new DesignOptions();

  @Option(names = "--by", paramLabel = "COL[,COL...]", split = ",", description = "Domain columns.")
  List<String> by = List.of();

  @Mixin
  EstimatorOptions estimation = new EstimatorOptions();

  @Option(names = "--format", paramLabel = "FMT", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  String format = "table";

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Threads for the single pass (default: ${DEFAULT-VALUE}).")
  int threads = 1;

  @Option(names = "--compare", paramLabel = "A,B",
      description = "Instead of the table: the difference of two domains' prevalences (B minus A), with their design-based "
          + "covariance, interval and z test (R svycontrast); a domain of several --by columns is written a:b.")
  String compare;

  /** Standard output and error when the command runs without picocli ({@link QuickStart}); else null. */
  PrintWriter out;
  PrintWriter err;

  @Override
  public Integer call() {
    Format fmt = Format.parse(format);
    PrintWriter o = out != null ? out : spec.commandLine().getOut();
    if (compare != null) {
      PrevalenceDifference d = difference();
      o.print(fmt.render(d, () -> differenceTable(d)) + (fmt == Format.TABLE ? "\n" : ""));
      o.flush();
      return 0;
    }
    PrevalenceTable result = compute();
    o.print(render(result, fmt));
    o.flush();
    return 0;
  }

  private PrintWriter err() {
    return err != null ? err : spec.commandLine().getErr();
  }

  /**
   * Reads only the columns it needs (a file is parsed straight into primitive arrays) and
   * estimates the prevalence table; errors name the file and line (also used by {@code chart prevalence}).
   */
  PrevalenceTable compute() {
    PrevalenceEstimator estimator = estimation.estimator().withThreads(threads);
    DesignOptions d = designOptions == null ? new DesignOptions() : designOptions;
    DesignSpec design = d.spec(data.defaultDesign());
    if (data.isFile()) {
      Frame frame = data.frame(PrevalenceEstimator.columns(design, outcome, by), err());
      return estimator.estimate(frame, design, outcome, by);
    }
    Table table = data.load(err());
    try {
      return estimator.estimate(table, design, outcome, by);
    } catch (IllegalArgumentException e) {
      throw data.where(e);
    }
  }

  /** The difference of the two {@code --compare} domains (from the whole table; rows by {@code --by}). */
  private PrevalenceDifference difference() {
    String[] parts = compare.split(",");
    if (parts.length != 2 || by.isEmpty()) {
      throw new IllegalArgumentException("--compare takes two domains A,B of the --by columns, e.g. --by sex --compare F,M");
    }
    List<String> a = List.of(parts[0].strip().split(":"));
    List<String> b = List.of(parts[1].strip().split(":"));
    PrevalenceEstimator estimator = estimation.estimator();
    DesignOptions d = designOptions == null ? new DesignOptions() : designOptions;
    DesignSpec design = d.spec(data.defaultDesign());
    Table table = data.load(err(), List.of(outcome));
    try {
      return estimator.difference(table, design, outcome, by, a, b);
    } catch (IllegalArgumentException e) {
      throw data.where(e);
    }
  }

  private static Table differenceTable(PrevalenceDifference d) {
    return Table.create("difference", tech.tablesaw.api.StringColumn.create("first", d.first().toString()),
        tech.tablesaw.api.StringColumn.create("second", d.second().toString()),
        tech.tablesaw.api.DoubleColumn.create("difference", d.difference()),
        tech.tablesaw.api.DoubleColumn.create("se", d.se()),
        tech.tablesaw.api.DoubleColumn.create("ciLower", d.ciLower()),
        tech.tablesaw.api.DoubleColumn.create("ciUpper", d.ciUpper()),
        tech.tablesaw.api.DoubleColumn.create("z", d.z()),
        tech.tablesaw.api.DoubleColumn.create("p", d.pValue()));
  }

  static String render(PrevalenceTable t, Format fmt) {
    switch (fmt) {
      case JSON:
        return Json.write(t) + "\n";
      case CSV:
        return Csv.toString(t.toTable());
      default:
        return t.toString();
    }
  }
}
