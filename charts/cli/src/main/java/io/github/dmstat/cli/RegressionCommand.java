package io.github.dmstat.cli;

import io.github.dmstat.core.io.Json;
import io.github.dmstat.core.outcomes.Coefficient;
import io.github.dmstat.core.regression.GlmFamily;
import io.github.dmstat.core.regression.GlmFit;
import io.github.dmstat.core.regression.SurveyGlm;
import io.github.dmstat.core.survey.DesignSpec;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** {@code dmstat logistic} and {@code linear}: design-based regression ({@link SurveyGlm}). */
abstract class RegressionCommand extends ReplicableCommand {

  @Option(names = "--outcome", required = true, paramLabel = "COL", description = "Outcome column.")
  String outcome;

  @Option(names = "--predictors", required = true, paramLabel = "COL[,COL...]", split = ",",
      description = "Predictor columns: numeric, or categorical (text) with the first level, sorted as text, as reference.")
  List<String> predictors;

  @Option(names = "--factors", paramLabel = "COL[,COL...]", split = ",",
      description = "Numeric-coded predictors to take as categorical (e.g. a year or a region code).")
  List<String> factors = List.of();

  @Option(names = "--level", paramLabel = "P", defaultValue = "0.95", description = "Confidence level (default: ${DEFAULT-VALUE}).")
  double level;

  @Option(names = "--format", paramLabel = "FMT", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  String format;


  /** The model without settings. */
  abstract SurveyGlm model();

  @Override
  public Integer call() {
    Format fmt = Format.parse(format);
    DesignSpec design = design();
    Table table = data.load(spec.commandLine().getErr(), model().family() == GlmFamily.QUASIBINOMIAL ? List.of(outcome) : List.of());
    GlmFit fit;
    try {
      SurveyGlm m = model().withFactors(factors.toArray(String[]::new)).withLevel(level);
      fit = replicated() ? m.fit(table, replicates.design(table, design), outcome, predictors)
          : m.fit(table, design, outcome, predictors);
    } catch (IllegalArgumentException e) {
      throw data.where(e);
    }
    print(fmt.render(fit, () -> coefficients(fit)));
    return 0;
  }

  /** One row per coefficient: term, estimate, se, t, p, ciLower, ciUpper. */
  static Table coefficients(GlmFit fit) {
    StringColumn term = StringColumn.create("term");
    DoubleColumn est = DoubleColumn.create("estimate");
    DoubleColumn se = DoubleColumn.create("se");
    DoubleColumn t = DoubleColumn.create("t");
    DoubleColumn p = DoubleColumn.create("p");
    DoubleColumn lo = DoubleColumn.create("ciLower");
    DoubleColumn hi = DoubleColumn.create("ciUpper");
    for (Coefficient c : fit.coefficients()) {
      term.append(c.term());
      est.append(c.estimate());
      se.append(c.se());
      t.append(c.t());
      p.append(c.p());
      double[] ci = fit.confidenceInterval(c.term());
      lo.append(ci[0]);
      hi.append(ci[1]);
    }
    return Table.create("coefficients", term, est, se, t, p, lo, hi);
  }

  /** {@code dmstat logistic}. */
  @Command(name = "logistic", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Design-based logistic regression of a 0/1 outcome (R survey's svyglm with quasibinomial): "
          + "coefficients with sandwich standard errors over the design, t tests on the design's residual degrees of "
          + "freedom, odds ratios with intervals, and a Wald F test per predictor (regTermTest).",
          "Rows with an empty outcome or predictor are left out (counted in 'excluded')."})
  static final class Logistic extends RegressionCommand {
    @Override
    SurveyGlm model() {
      return SurveyGlm.logistic();
    }
  }

  /** {@code dmstat linear}. */
  @Command(name = "linear", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Design-based linear regression (R survey's svyglm with gaussian): coefficients with sandwich "
          + "standard errors over the design, t tests on the design's residual degrees of freedom and a Wald F test per "
          + "predictor (regTermTest).",
          "Rows with an empty outcome or predictor are left out (counted in 'excluded')."})
  static final class Linear extends RegressionCommand {
    @Override
    SurveyGlm model() {
      return SurveyGlm.linear();
    }
  }
}
