package io.github.dmstat.cli;

import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.io.Frame;
import io.github.dmstat.core.io.Json;
import io.github.dmstat.core.replicate.ReplicateStatistics;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.core.survey.Statistic;
import io.github.dmstat.core.survey.StatisticTable;
import io.github.dmstat.core.survey.SurveyStatistics;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/**
 * {@code dmstat total}, {@code mean} and {@code ratio}: design-based totals, means and ratios of
 * continuous variables by domain ({@link SurveyStatistics}). The options they share are here; each
 * subclass names its variables.
 */
abstract class StatisticCommand extends ReplicableCommand {

  @Option(names = "--by", paramLabel = "COL[,COL...]", split = ",", description = "Domain columns.")
  List<String> by = List.of();

  @Option(names = "--interval", paramLabel = "KIND", defaultValue = "normal",
      description = "normal (as R confint) or t (t quantile on the domain's design degrees of freedom) (default: ${DEFAULT-VALUE}).")
  String interval;

  @Option(names = "--level", paramLabel = "P", defaultValue = "0.95", description = "Confidence level (default: ${DEFAULT-VALUE}).")
  double level;

  @Option(names = "--reliability", paramLabel = "RULE", defaultValue = "nchs",
      description = "Reliability rule for measures: none, nchs (n < 30 suppressed; n < 60 or relative SE >= 30%% unreliable), "
          + "nsduh (n < 10 or relative SE > 50%% suppressed) (default: ${DEFAULT-VALUE}).")
  String reliability;

  @Option(names = "--format", paramLabel = "FMT", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  String format;


  /** What the command estimates. */
  abstract Statistic statistic();

  /** The variable (the numerator of a ratio). */
  abstract String variable();

  /** The denominator of a ratio, {@code null} otherwise. */
  String denominator() {
    return null;
  }

  @Override
  public Integer call() {
    Format fmt = Format.parse(format);
    StatisticTable result = compute();
    print(fmt.render(result, result::toTable));
    return 0;
  }

  StatisticTable compute() {
    boolean t;
    switch (interval.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "normal":
        t = false;
        break;
      case "t":
        t = true;
        break;
      default:
        throw new CommandLine.ParameterException(spec.commandLine(), "--interval: '" + interval + "' is not one of normal, t");
    }
    SurveyStatistics estimator = SurveyStatistics.withDefaults().with(ReliabilityRule.parse(reliability))
        .withLevel(level).withStudentT(t);
    DesignSpec design = design();
    List<String> variables = new ArrayList<>(List.of(variable()));
    if (denominator() != null) {
      variables.add(denominator());
    }
    if (replicated()) {
      if (t) {
        throw new IllegalArgumentException("--interval t is for Taylor designs; replicate designs give normal intervals");
      }
      Table table = data.load(spec.commandLine().getErr());
      try {
        return ReplicateStatistics.withDefaults().with(ReliabilityRule.parse(reliability)).withLevel(level)
            .estimate(statistic(), table, replicates.design(table, design), variable(), denominator(), by);
      } catch (IllegalArgumentException e) {
        throw data.where(e);
      }
    }
    if (data.isFile()) {
      Frame frame = data.frame(SurveyStatistics.columns(design, variables, by), spec.commandLine().getErr());
      return estimator.estimate(statistic(), frame, design, variable(), denominator(), by);
    }
    Table table = data.load(spec.commandLine().getErr());
    try {
      return estimator.estimate(statistic(), table, design, variable(), denominator(), by);
    } catch (IllegalArgumentException e) {
      throw data.where(e);
    }
  }

  /** {@code dmstat total}. */
  @Command(name = "total", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Design-based population total of a numeric variable (e.g. the estimated number of users, "
          + "from a 0/1 column, or the amount spent), overall or by domains, with a Taylor-linearised standard error, "
          + "confidence interval and design effect. Agrees with R survey's svytotal(na.rm = TRUE) and svyby.",
          "An empty cell is missing (counted in 'excluded')."})
  static final class Total extends StatisticCommand {
    @Option(names = "--variable", required = true, paramLabel = "COL", description = "Numeric column to total.")
    String variable;

    @Override
    Statistic statistic() {
      return Statistic.TOTAL;
    }

    @Override
    String variable() {
      return variable;
    }
  }

  /** {@code dmstat mean}. */
  @Command(name = "mean", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Design-based population mean of a numeric variable (e.g. age at first use), overall or by domains, "
          + "with a Taylor-linearised standard error, confidence interval and design effect. Agrees with R survey's "
          + "svymean(na.rm = TRUE) and svyby.",
          "An empty cell is missing (counted in 'excluded')."})
  static final class Mean extends StatisticCommand {
    @Option(names = "--variable", required = true, paramLabel = "COL", description = "Numeric column to average.")
    String variable;

    @Override
    Statistic statistic() {
      return Statistic.MEAN;
    }

    @Override
    String variable() {
      return variable;
    }
  }

  /** {@code dmstat ratio}. */
  @Command(name = "ratio", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Design-based ratio of two population totals (e.g. amount spent per day of use), overall or by "
          + "domains, with a Taylor-linearised standard error and confidence interval. Agrees with R survey's "
          + "svyratio(na.rm = TRUE) and svyby.",
          "A row whose numerator or denominator is empty is missing (counted in 'excluded')."})
  static final class Ratio extends StatisticCommand {
    @Option(names = "--numerator", required = true, paramLabel = "COL", description = "Numeric column on top.")
    String numerator;

    @Option(names = "--denominator", required = true, paramLabel = "COL", description = "Numeric column below.")
    String denominator;

    @Override
    Statistic statistic() {
      return Statistic.RATIO;
    }

    @Override
    String variable() {
      return numerator;
    }

    @Override
    String denominator() {
      return denominator;
    }
  }
}
