package io.github.dmstat.cli;

import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.io.Frame;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.core.survey.QuantileInterval;
import io.github.dmstat.core.survey.QuantileRule;
import io.github.dmstat.core.survey.QuantileTable;
import io.github.dmstat.core.survey.SurveyQuantiles;
import io.github.dmstat.core.survey.SurveyStatistics;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/** {@code dmstat quantile}: design-based quantiles with intervals by domain ({@link SurveyQuantiles}). */
@Command(name = "quantile", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Design-based quantiles of a numeric variable (e.g. the median age at first use), overall or by "
        + "domains, with Woodruff confidence intervals, as R survey's svyquantile (survey 4.1 defaults: rule math, "
        + "interval mean).",
        "An empty cell is missing (counted in 'excluded'); a bound that the data cannot reach is left empty."})
class QuantileCommand extends ReplicableCommand {
  @Option(names = "--variable", required = true, paramLabel = "COL", description = "Numeric column.")
  String variable;

  @Option(names = "--quantiles", paramLabel = "P[,P...]", split = ",", defaultValue = "0.25,0.5,0.75",
      description = "Probabilities (default: ${DEFAULT-VALUE}).")
  List<Double> quantiles;

  @Option(names = "--by", paramLabel = "COL[,COL...]", split = ",", description = "Domain columns.")
  List<String> by = List.of();

  @Option(names = "--rule", paramLabel = "RULE", defaultValue = "math", description = "math, school or hf7 (default: ${DEFAULT-VALUE}).")
  String rule;

  @Option(names = "--interval", paramLabel = "KIND", defaultValue = "mean",
      description = "mean (Woodruff), beta, or with replicates quantile (default: ${DEFAULT-VALUE}).")
  String interval;

  @Option(names = "--level", paramLabel = "P", defaultValue = "0.95", description = "Confidence level (default: ${DEFAULT-VALUE}).")
  double level;

  @Option(names = "--reliability", paramLabel = "RULE", defaultValue = "nchs",
      description = "Reliability rule for measures: none, nchs, nsduh (default: ${DEFAULT-VALUE}).")
  String reliability;

  @Option(names = "--format", paramLabel = "FMT", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  String format;


  @Override
  public Integer call() {
    Format fmt = Format.parse(format);
    SurveyQuantiles q = SurveyQuantiles.withDefaults().with(QuantileRule.parse(rule)).with(QuantileInterval.parse(interval))
        .with(ReliabilityRule.parse(reliability)).withLevel(level);
    double[] p = quantiles.stream().mapToDouble(Double::doubleValue).toArray();
    DesignSpec design = design();
    QuantileTable result;
    if (replicated()) {
      Table table = data.load(spec.commandLine().getErr());
      try {
        result = q.estimate(table, replicates.design(table, design), variable, by, p);
      } catch (IllegalArgumentException e) {
        throw data.where(e);
      }
    } else if (data.isFile()) {
      Frame frame = data.frame(SurveyStatistics.columns(design, List.of(variable), by), spec.commandLine().getErr());
      result = q.estimate(frame, design, variable, by, p);
    } else {
      Table table = data.load(spec.commandLine().getErr());
      try {
        result = q.estimate(table, design, variable, by, p);
      } catch (IllegalArgumentException e) {
        throw data.where(e);
      }
    }
    QuantileTable out = result;
    print(fmt.render(out, out::toTable));
    return 0;
  }
}
