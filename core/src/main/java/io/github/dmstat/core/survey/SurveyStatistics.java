package io.github.dmstat.core.survey;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.Columns;
import io.github.dmstat.core.Group;
import io.github.dmstat.core.disclosure.Assessment;
import io.github.dmstat.core.disclosure.Reliability;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.io.ColumnType;
import io.github.dmstat.core.io.Frame;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import tech.tablesaw.api.Table;

/**
 * Design-based totals, means and ratios of continuous variables by domain, with Taylor-linearised
 * standard errors: R {@code survey}'s {@code svytotal}, {@code svymean} and {@code svyratio}
 * (with {@code na.rm = TRUE}), by domains as {@code svyby} computes them.
 *
 * <p>In domain {@code d} with indicator {@code I_di}, over rows whose variable {@code y} (and, for
 * a ratio, denominator {@code x}) is observed:
 * <ul>
 *   <li>total {@code Ŷ_d = Σ w_i I_di y_i}, linearisation variable {@code z_i = w_i I_di y_i};</li>
 *   <li>ratio {@code R̂_d = Ŷ_d / X̂_d}, {@code z_i = w_i I_di (y_i − R̂_d x_i) / X̂_d}
 *       (Woodruff 1971; Wolter 2007, §6.5); the mean is the ratio with {@code x = 1}.</li>
 * </ul>
 * The variance is the between-PSU variance of the PSU totals of {@code z} within strata,
 * {@code V = Σ_h f_h · n_h/(n_h − 1) · Σ_i (z_hi − z̄_h)²}, over every PSU of the full design (rows
 * outside the domain add zeros), with the finite population correction {@code f_h} and the
 * {@link LonelyPsu lonely-PSU} policy, as R {@code survey:::svyrecvar} for one-stage designs
 * (Lumley 2010, <i>Complex Surveys</i>, §2.2–2.4). Element sampling (no PSU column) uses sums of
 * squares per stratum instead of PSU totals, with the same result.
 *
 * <p>The design effect of a total or mean is R's {@code deff = TRUE}: {@code V / V_srs} with
 * {@code V_srs = s² (N̂ − m)/(N̂ m)} for a mean and {@code N̂² s² (N̂ − m)/(N̂ m)} for a total,
 * {@code s² = Σ w (y − ȳ)² / Σ w · m/(m − 1)}, {@code m} the observed domain rows with a positive
 * weight and {@code N̂} their weight sum. The interval is {@code estimate ± q·se} with the normal
 * quantile (R's {@code confint} default) or, {@link #withStudentT(boolean) when asked}, the
 * t quantile on the domain's design degrees of freedom.
 *
 * <p>Rows with a missing variable or denominator, or a missing grouping value, are left out and
 * counted in the {@link DesignSummary}; each estimate then goes through the
 * {@link ReliabilityRule#assessMeasure reliability rule for measures}, and a suppressed estimate
 * carries no numbers. One pass over primitive columns fills mergeable partial sums per domain and
 * PSU (stratum under element sampling), so the cost is one read of the bound columns.
 */
public final class SurveyStatistics {
  private final double level;
  private final ReliabilityRule rule;
  private final boolean studentT;

  private SurveyStatistics(double level, ReliabilityRule rule, boolean studentT) {
    this.level = level;
    this.rule = rule;
    this.studentT = studentT;
  }

  /**
   * Level 0.95, the NCHS rule, normal intervals (as R's {@code confint}).
   *
   * @return the estimator with its defaults
   */
  public static SurveyStatistics withDefaults() {
    return new SurveyStatistics(0.95, ReliabilityRule.NCHS, false);
  }

  /**
   * The same estimator with another reliability rule.
   *
   * @param r the rule ({@link ReliabilityRule#NONE} publishes everything)
   * @return a new estimator
   * @throws NullPointerException when {@code r} is {@code null}
   */
  public SurveyStatistics with(ReliabilityRule r) {
    return new SurveyStatistics(level, Objects.requireNonNull(r, "rule"), studentT);
  }

  /**
   * The same estimator with another confidence level.
   *
   * @param l the level, strictly between 0 and 1
   * @return a new estimator
   * @throws IllegalArgumentException when {@code l} is not in (0, 1)
   */
  public SurveyStatistics withLevel(double l) {
    if (!(l > 0 && l < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1) but was " + l);
    }
    return new SurveyStatistics(l, rule, studentT);
  }

  /**
   * The same estimator with t intervals on the domain's design degrees of freedom (as R
   * {@code confint(x, df = ...)}) instead of normal ones.
   *
   * @param t {@code true} for t quantiles, {@code false} for normal quantiles
   * @return a new estimator
   */
  public SurveyStatistics withStudentT(boolean t) {
    return new SurveyStatistics(level, rule, t);
  }

  /**
   * The confidence level.
   *
   * @return the level (0.95 by default)
   */
  public double level() {
    return level;
  }

  /**
   * The reliability rule.
   *
   * @return the rule ({@link ReliabilityRule#NCHS} by default)
   */
  public ReliabilityRule rule() {
    return rule;
  }

  /**
   * Whether intervals use t quantiles on the domain degrees of freedom.
   *
   * @return {@code true} for t intervals, {@code false} for normal ones (the default)
   */
  public boolean studentT() {
    return studentT;
  }

  /**
   * The columns that the frame methods bind and how a reader reads them: the design's columns,
   * the grouping columns as text, the variables as numbers.
   * <pre>{@code
   * Frame f = Csv.frame(path, options, SurveyStatistics.columns(spec, List.of("amount"), List.of("region")));
   * }</pre>
   *
   * @param spec the design columns
   * @param variables the variable and, for a ratio, the denominator
   * @param by the grouping columns
   * @return column name → type: the design's columns first, then each grouping column that is not a
   *     design column as {@link ColumnType#TEXT}, then the variables as {@link ColumnType#NUMBER}
   */
  public static Map<String, ColumnType> columns(DesignSpec spec, List<String> variables, List<String> by) {
    Map<String, ColumnType> m = new LinkedHashMap<>(spec.columnTypes());
    for (String b : by) {
      m.putIfAbsent(b, ColumnType.TEXT);
    }
    for (String v : variables) {
      m.putIfAbsent(v, ColumnType.NUMBER);
    }
    return m;
  }

  /**
   * The population total of {@code variable} by the {@code by} columns (empty: overall).
   *
   * @param table the survey, one row per respondent; not modified
   * @param spec the design columns of {@code table}
   * @param variable a numeric column; empty cells are left out
   * @param by grouping columns; rows with an empty grouping value are left out
   * @return one estimate per domain, sorted by the grouping values as text, column by column
   * @throws IllegalArgumentException when a column is missing or a cell is invalid
   */
  public StatisticTable total(Table table, DesignSpec spec, String variable, List<String> by) {
    return estimate(Statistic.TOTAL, table, spec, variable, null, by);
  }

  /**
   * The population mean of {@code variable} by the {@code by} columns (empty: overall).
   *
   * @param table the survey, one row per respondent; not modified
   * @param spec the design columns of {@code table}
   * @param variable a numeric column; empty cells are left out
   * @param by grouping columns; rows with an empty grouping value are left out
   * @return one estimate per domain, sorted by the grouping values as text, column by column
   * @throws IllegalArgumentException when a column is missing or a cell is invalid
   */
  public StatisticTable mean(Table table, DesignSpec spec, String variable, List<String> by) {
    return estimate(Statistic.MEAN, table, spec, variable, null, by);
  }

  /**
   * The ratio of the totals of {@code numerator} and {@code denominator} by the {@code by} columns
   * (empty: overall).
   *
   * @param table the survey, one row per respondent; not modified
   * @param spec the design columns of {@code table}
   * @param numerator a numeric column; rows where it or the denominator is empty are left out
   * @param denominator a numeric column
   * @param by grouping columns; rows with an empty grouping value are left out
   * @return one estimate per domain, sorted by the grouping values as text, column by column
   * @throws IllegalArgumentException when a column is missing or a cell is invalid
   */
  public StatisticTable ratio(Table table, DesignSpec spec, String numerator, String denominator, List<String> by) {
    return estimate(Statistic.RATIO, table, spec, numerator, Objects.requireNonNull(denominator, "denominator"), by);
  }

  /**
   * {@code statistic} of {@code variable} (over {@code denominator} for a ratio) from a table.
   *
   * @param statistic what to estimate
   * @param table the survey, one row per respondent; not modified
   * @param spec the design columns of {@code table}
   * @param variable a numeric column (the numerator of a ratio); empty cells are left out
   * @param denominator the denominator column of a ratio, {@code null} for a total or mean
   * @param by grouping columns; rows with an empty grouping value are left out
   * @return one estimate per domain, sorted by the grouping values as text, column by column
   * @throws IllegalArgumentException when a column is missing or a cell is invalid, or when a ratio
   *     has no denominator or a total or mean has one
   */
  public StatisticTable estimate(Statistic statistic, Table table, DesignSpec spec, String variable, String denominator,
      List<String> by) {
    Objects.requireNonNull(statistic, "statistic").checkDenominator(denominator);
    Objects.requireNonNull(variable, "variable");
    SurveyDesign design = spec.bind(table);
    double[] y = Columns.numbers(table, variable);
    double[] x = denominator == null ? null : Columns.numbers(table, denominator);
    Columns.Codes codes = Columns.codes(table, by);
    return estimate(statistic, design, y, x, codes, variable, denominator, by);
  }

  /**
   * {@code statistic} of {@code variable} (over {@code denominator} for a ratio) from a frame read
   * with {@link #columns}; the same estimates as from a table, with errors naming file and line.
   *
   * @param statistic what to estimate
   * @param frame the data, read with at least the columns of {@link #columns}
   * @param spec the design columns
   * @param variable a numeric column (the numerator of a ratio); missing values are left out
   * @param denominator the denominator column of a ratio, {@code null} for a total or mean
   * @param by grouping columns (empty: overall); rows with a missing grouping value are left out
   * @return one estimate per domain, sorted by the grouping values as text, column by column
   * @throws IllegalArgumentException when a column is missing or a cell is invalid, naming file and line
   */
  public StatisticTable estimate(Statistic statistic, Frame frame, DesignSpec spec, String variable, String denominator,
      List<String> by) {
    Objects.requireNonNull(statistic, "statistic").checkDenominator(denominator);
    Objects.requireNonNull(variable, "variable");
    SurveyDesign design = SurveyDesign.from(frame, spec);
    try {
      double[] y = finite(frame.numbers(variable), variable);
      double[] x = denominator == null ? null : finite(frame.numbers(denominator), denominator);
      Columns.Codes codes = Columns.codes(frame, by);
      return estimate(statistic, design, y, x, codes, variable, denominator, by);
    } catch (IllegalArgumentException e) {
      throw frame.locate(e);
    }
  }

  private static double[] finite(double[] v, String column) {
    for (int i = 0; i < v.length; i++) {
      if (Double.isInfinite(v[i])) {
        throw Checks.badCell(column, i + 1, "must be a finite number", v[i]);
      }
    }
    return v;
  }

  StatisticTable estimate(Statistic statistic, SurveyDesign design, double[] y, double[] x, Columns.Codes domains,
      String variable, String denominator, List<String> by) {
    int n = design.rows();
    RatioSums s = design.elementSampling()
        ? new RatioSums(domains.size(), design.strataCount(), true, x != null)
        : new RatioSums(domains.size(), design.psuCount(), false, x != null);
    s.add(design.weightsView(), y, x, domains.codes(), design.elementSampling() ? design.rowStratum() : design.rowPsu(),
        0, n);
    long missing = 0;
    for (long m : s.missing) {
      missing += m;
    }
    Map<String, Long> reasons = new LinkedHashMap<>();
    if (missing > 0) {
      reasons.put(x == null ? "variable '" + variable + "' missing"
          : "variable '" + variable + "' or denominator '" + denominator + "' missing",
          missing);
    }
    if (domains.missingRows() > 0) {
      reasons.put("grouping value missing", (long) domains.missingRows());
    }
    DesignSummary summary = new DesignSummary(n, missing + domains.missingRows(), reasons, design.strataCount(),
        design.psuCount(), design.degreesOfFreedom());
    List<StatisticEstimate> out = new ArrayList<>();
    for (int g = 0; g < s.domains; g++) {
      out.add(domain(statistic, design, s, g, new Group(by, domains.levels().get(g)), new Rows(y, x, domains.codes())));
    }
    out.sort(Comparator.comparing(e -> e.group().values(), Group::compareValues));
    return new StatisticTable(statistic, variable, Optional.ofNullable(denominator), by, summary, level, studentT, rule,
        out);
  }

  /** The bound columns, for the row-level variance of a reweighted (calibrated) design. */
  private record Rows(double[] y, double[] x, int[] domain) {}

  private StatisticEstimate domain(Statistic statistic, SurveyDesign design, RatioSums s, int g, Group group, Rows rows) {
    long n = s.observed(g);
    int c = s.cells;
    double w = 0;
    double ty = 0;
    double tx = 0;
    for (int k = g * c, end = k + c; k < end; k++) {
      w += s.sw[k];
      ty += s.swy[k];
      tx += s.swx[k];
    }
    int df = DomainMoments.degreesOfFreedom(design, s.rows, c, g);
    if (n == 0) {
      return suppressed(group, n, w, df, "no observed value in this domain");
    }
    if (statistic != Statistic.TOTAL && tx == 0) {
      return suppressed(group, n, w, df, statistic == Statistic.MEAN ? "all weights are zero in this domain"
          : "the denominator's total is 0 in this domain");
    }
    // z = a (w y − r w x): a total is r = 0, a = 1; a mean or ratio r = Ŷ/X̂, a = 1/X̂
    double r = statistic == Statistic.TOTAL ? 0 : ty / tx;
    double a = statistic == Statistic.TOTAL ? 1 : 1 / tx;
    double estimate = statistic == Statistic.TOTAL ? ty : r;
    double variance = design.reweighted() ? rowVariance(design, rows, g, r, a) : variance(design, s, g, r, a);
    double se = Math.sqrt(Math.max(0, variance));
    if (!Double.isFinite(estimate) || !Double.isFinite(se)) {
      throw new IllegalArgumentException("the " + statistic.code() + " of '" + group + "' overflows a double (estimate "
          + estimate + ", se " + se + "): are some values far too large?");
    }
    double deff = statistic == Statistic.RATIO ? Double.NaN : designEffect(statistic, s, g, w, ty, variance);
    Assessment assessment = rule.assessMeasure(n, estimate, se);
    double q;
    if (studentT) {
      if (df < 1) {
        assessment = assessment.worst(Assessment.suppressed("no interval: design df " + df + " < 1"));
        q = Double.NaN;
      } else {
        q = TDistribution.of(df).inverseSurvivalProbability((1 - level) / 2);
      }
    } else {
      q = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - level) / 2);
    }
    if (assessment.status() == Reliability.SUPPRESSED) {
      return suppressed(group, n, w, df, assessment.reason());
    }
    OptionalDouble d = Double.isNaN(deff) ? OptionalDouble.empty() : OptionalDouble.of(deff);
    StatisticValue value = new StatisticValue(estimate, se, estimate - q * se, estimate + q * se, d);
    return new StatisticEstimate(group, n, w, df, assessment.status(), assessment.reason(), Optional.of(value));
  }

  private static StatisticEstimate suppressed(Group group, long n, double w, int df, String why) {
    return new StatisticEstimate(group, n, w, df, Reliability.SUPPRESSED, why, Optional.empty());
  }

  /**
   * The same variance from the rows, for a reweighted design whose residual step needs the
   * row-level influence values.
   */
  private static double rowVariance(SurveyDesign design, Rows rows, int g, double r, double a) {
    double[] w = design.weights();
    double[] z = new double[w.length];
    for (int i = 0; i < z.length; i++) {
      double xi = rows.x() == null ? 1 : rows.x()[i];
      if (rows.domain()[i] == g && !Double.isNaN(rows.y()[i]) && !Double.isNaN(xi)) {
        z[i] = a * (w[i] * rows.y()[i] - r * w[i] * xi);
      }
    }
    return design.variance(z);
  }

  /** Linearised variance of domain {@code g} with {@code z = a (w y − r w x)}. */
  private static double variance(SurveyDesign design, RatioSums s, int g, double r, double a) {
    int c = s.cells;
    if (design.elementSampling()) {
      double[] s1 = new double[c];
      double[] s2 = new double[c];
      for (int h = 0, k = g * c; h < c; h++, k++) {
        s1[h] = a * (s.swy[k] - r * s.swx[k]);
        s2[h] = a * a * (s.sw2yy[k] - 2 * r * s.sw2xy[k] + r * r * s.sw2xx[k]);
      }
      return design.varianceOfStratumSums(s1, s2);
    }
    double[] t = new double[c];
    for (int psu = 0, k = g * c; psu < c; psu++, k++) {
      t[psu] = a * (s.swy[k] - r * s.swx[k]);
    }
    return design.varianceOfPsuTotals(t);
  }

  /**
   * R's {@code deff = TRUE} for a total or mean; {@code NaN} where undefined ({@code m < 2}, no
   * spread, or {@code N̂ <= m}).
   */
  private static double designEffect(Statistic statistic, RatioSums s, int g, double big, double ty, double variance) {
    long m = s.observed(g) - s.zeroWeight[g];
    if (m < 2 || !(big > m)) {
      return Double.NaN;
    }
    double mean = ty / big;
    double s2 = (s.swyy[g] - mean * ty) / big * m / (m - 1.0);
    if (!(s2 > 0)) {
      return Double.NaN;
    }
    double srs = s2 * (big - m) / (big * m);
    if (statistic == Statistic.TOTAL) {
      srs *= big * big;
    }
    return variance / srs;
  }

  @Override
  public String toString() {
    return "SurveyStatistics[level=" + level + ", rule=" + rule.code() + ", interval=" + (studentT ? "t" : "normal") + "]";
  }
}
