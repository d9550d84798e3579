package io.github.dmstat.cli;

import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.regression.SurveyTrend;
import io.github.dmstat.core.survey.DesignSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/** {@code dmstat trend}: the trend test of a prevalence across survey years ({@link SurveyTrend}). */
@Command(name = "trend", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Trend of a prevalence across survey years, as the Drug Monitor reports it: a design-based logistic "
        + "regression of the 0/1 outcome on the year (a number), optionally adjusted (--adjust agegroup,sex), with the "
        + "years as independent samples (strata crossed with the year, PSUs nested). Prints the direction, the odds "
        + "ratio per year with its interval and the p-value.",
        "Either one file with a year column (--data FILE --year COL) or one file per year (--survey 2016=a.csv "
            + "--survey 2020=b.csv)."})
class TrendCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.ArgGroup(exclusive = false, heading = "Data:%n")
  DataOptions data;

  @Option(names = "--survey", paramLabel = "YEAR=FILE", description = "A survey file of one year (repeat for each year).")
  Map<Integer, Path> surveys = new LinkedHashMap<>();

  @CommandLine.ArgGroup(exclusive = false, heading = "Design (within each year):%n", order = 10)
  DesignOptions designOptions = new DesignOptions();

  @Option(names = "--outcome", required = true, paramLabel = "COL", description = "0/1 outcome column.")
  String outcome;

  @Option(names = "--year", paramLabel = "COL", description = "Year column (with --data).")
  String year;

  @Option(names = "--adjust", paramLabel = "COL[,COL...]", split = ",", description = "Predictors to adjust for.")
  List<String> adjust = List.of();

  @Option(names = "--format", paramLabel = "FMT", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    Format fmt = Format.parse(format);
    SurveyTrend trend = compute();
    spec.commandLine().getOut().print(fmt.render(fmt == Format.TABLE ? new Printed(trend) : trend,
        () -> RegressionCommand.coefficients(trend.fit())));
    spec.commandLine().getOut().flush();
    return 0;
  }

  SurveyTrend compute() {
    boolean file = data != null;
    if (file == !surveys.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "give either --data FILE --year COL (or --dataset) or two --survey YEAR=FILE or more");
    }
    if (file && year == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--year COL is required with --data");
    }
    if (!file && year != null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--year goes with --data; --survey names the year itself");
    }
    DesignSpec design = (designOptions == null ? new DesignOptions() : designOptions)
        .spec(file ? data.defaultDesign() : java.util.Optional.empty());
    if (file) {
      Table table = data.load(spec.commandLine().getErr(), List.of(outcome));
      try {
        return SurveyTrend.test(table, design, outcome, year, adjust);
      } catch (IllegalArgumentException e) {
        throw data.where(e);
      }
    }
    Map<Integer, Table> tables = new LinkedHashMap<>();
    for (Map.Entry<Integer, Path> e : surveys.entrySet()) {
      DataOptions one = DataOptions.file(e.getValue());
      Table t = one.load(spec.commandLine().getErr(), List.of(outcome));
      try {
        // each year's own file binds on its own, so that an error names that file and its line
        design.bind(t);
        for (String c : adjust) {
          io.github.dmstat.core.Columns.column(t, c);
        }
        io.github.dmstat.core.Columns.flags(t, outcome);
      } catch (IllegalArgumentException ex) {
        throw one.where(ex);
      }
      tables.put(e.getKey(), t);
    }
    return SurveyTrend.test(tables, design, outcome, adjust);
  }

  /** The table form: the sentence, then the model. */
  private record Printed(SurveyTrend trend) {
    @Override
    public String toString() {
      return "Trend " + trend.sentence() + "\n\n" + trend.fit();
    }
  }
}
