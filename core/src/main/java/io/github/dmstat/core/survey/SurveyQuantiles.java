package io.github.dmstat.core.survey;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.Columns;
import io.github.dmstat.core.Group;
import io.github.dmstat.core.disclosure.Assessment;
import io.github.dmstat.core.disclosure.Reliability;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.internal.IndexOrder;
import io.github.dmstat.core.io.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import tech.tablesaw.api.Table;

/**
 * Design-based quantiles with confidence intervals by domain, as R {@code survey::svyquantile}
 * (survey 4.1 defaults: {@code qrule = "math"}, {@code interval.type = "mean"}).
 *
 * <p>In a domain, over the rows with the variable observed and a positive weight {@code w'}
 * (R uses {@code 1/(1/w)}), sorted stably by value: cumulative weights {@code C_k} (exact sums
 * rounded to double, as R's extended-precision {@code cumsum}), and the {@link QuantileRule} gives
 * the quantile {@code q̂}. The Woodruff (1952) interval ({@link QuantileInterval#MEAN}) takes
 * {@code p̂ = F̂(q̂)}, the weighted share at or below {@code q̂}, with its linearised standard error
 * over the full design ({@link SurveyDesign#variance}, influence {@code w'(I(y <= q̂) − p̂)/W}), the
 * band {@code p̂ ± t·SE} with {@code t} the Student quantile on the domain's design degrees of
 * freedom, and reads its ends back through the rule; a band end outside [0, 1] has no bound
 * (R: {@code NaN}). {@link QuantileInterval#BETA} uses the Korn–Graubard beta band on the effective
 * sample size {@code p̂(1 − p̂)/V}, scaled by {@code (t_{n−1}/t_df)²}. The standard error is
 * {@code (upper − lower)/(2t)} (Lumley 2010, §2.9; Woodruff 1952; Francisco &amp; Fuller 1991).
 *
 * <p>The reliability rule applies to each quantile as to a measure
 * ({@link ReliabilityRule#assessMeasure}); a quantile without a standard error is judged on its
 * sample size and marked unreliable under a rule that needs one.
 */
public final class SurveyQuantiles {
  private final QuantileRule rule;
  private final QuantileInterval interval;
  private final double level;
  private final ReliabilityRule reliability;

  private SurveyQuantiles(QuantileRule rule, QuantileInterval interval, double level, ReliabilityRule reliability) {
    this.rule = rule;
    this.interval = interval;
    this.level = level;
    this.reliability = reliability;
  }

  /**
   * R's defaults ({@code math} rule, Woodruff interval, level 0.95) with the NCHS rule.
   *
   * @return the estimator
   */
  public static SurveyQuantiles withDefaults() {
    return new SurveyQuantiles(QuantileRule.MATH, QuantileInterval.MEAN, 0.95, ReliabilityRule.NCHS);
  }

  /**
   * The same estimator with another quantile rule.
   *
   * @param r the rule
   * @return a new estimator
   */
  public SurveyQuantiles with(QuantileRule r) {
    return new SurveyQuantiles(Objects.requireNonNull(r, "rule"), interval, level, reliability);
  }

  /**
   * The same estimator with another interval type.
   *
   * @param i the interval type
   * @return a new estimator
   */
  public SurveyQuantiles with(QuantileInterval i) {
    return new SurveyQuantiles(rule, Objects.requireNonNull(i, "interval"), level, reliability);
  }

  /**
   * The same estimator with another reliability rule.
   *
   * @param r the reliability rule
   * @return a new estimator
   */
  public SurveyQuantiles with(ReliabilityRule r) {
    return new SurveyQuantiles(rule, interval, level, Objects.requireNonNull(r, "reliability rule"));
  }

  /**
   * The same estimator with another confidence level.
   *
   * @param l the level, strictly between 0 and 1
   * @return a new estimator
   * @throws IllegalArgumentException when {@code l} is not in (0, 1)
   */
  public SurveyQuantiles withLevel(double l) {
    return new SurveyQuantiles(rule, interval, Checks.level(l), reliability);
  }

  /**
   * Quantiles of {@code variable} by the {@code by} columns of a table.
   *
   * @param table the survey, one row per respondent; not modified
   * @param spec the design columns
   * @param variable a numeric column; empty cells are left out
   * @param by grouping columns (empty: overall); rows with an empty grouping value are left out
   * @param probabilities the probabilities, each in [0, 1], e.g. 0.25, 0.5, 0.75
   * @return one estimate per domain and probability
   * @throws IllegalArgumentException when a column is missing, a cell is invalid or a probability is out of range
   */
  public QuantileTable estimate(Table table, DesignSpec spec, String variable, List<String> by, double... probabilities) {
    Objects.requireNonNull(variable, "variable");
    SurveyDesign design = spec.bind(table);
    double[] y = Columns.numbers(table, variable);
    Columns.Codes codes = Columns.codes(table, by);
    return estimate(design, y, codes, variable, by, probabilities);
  }

  /**
   * Quantiles from a frame read with {@link SurveyStatistics#columns} (the variable as a number);
   * errors name file and line.
   *
   * @param frame the data
   * @param spec the design columns
   * @param variable a numeric column; missing values are left out
   * @param by grouping columns (empty: overall)
   * @param probabilities the probabilities, each in [0, 1]
   * @return one estimate per domain and probability
   * @throws IllegalArgumentException when a column is missing or a cell is invalid, naming file and line
   */
  public QuantileTable estimate(Frame frame, DesignSpec spec, String variable, List<String> by, double... probabilities) {
    Objects.requireNonNull(variable, "variable");
    SurveyDesign design = SurveyDesign.from(frame, spec);
    try {
      double[] y = frame.numbers(variable);
      Columns.Codes codes = Columns.codes(frame, by);
      return estimate(design, y, codes, variable, by, probabilities);
    } catch (IllegalArgumentException e) {
      throw frame.locate(e);
    }
  }

  private QuantileTable estimate(SurveyDesign design, double[] y, Columns.Codes codes, String variable, List<String> by,
      double[] probabilities) {
    if (interval == QuantileInterval.QUANTILE) {
      throw new IllegalArgumentException("the 'quantile' interval needs a replicate design; use mean or beta");
    }
    checkProbabilities(probabilities);
    int n = design.rows();
    for (int i = 0; i < n; i++) {
      if (Double.isInfinite(y[i])) {
        throw Checks.badCell(variable, i + 1, "must be a finite number", y[i]);
      }
    }
    DesignSummary summary = summary(variable, y, codes, design.strataCount(), design.psuCount(),
        design.degreesOfFreedom());
    double[] w = primed(design.weights());
    List<QuantileEstimate> out = new ArrayList<>();
    for (int g : domainsInOrder(codes)) {
      Group group = new Group(by, codes.levels().get(g));
      int[] rows = sortedRows(codes.codes(), g, y);
      boolean[] positive = new boolean[n];
      for (int i : rows) {
        positive[i] = w[i] > 0;
      }
      int df = design.degreesOfFreedom(positive);
      Cdf cdf = new Cdf(rows, y, w);
      double t = df > 0 ? TDistribution.of(df).inverseSurvivalProbability((1 - level) / 2) : Double.NaN;
      double[] z = new double[n];
      for (double p : probabilities) {
        if (cdf.m == 0) {
          out.add(empty(group, p, rows.length, df));
          continue;
        }
        double q = cdf.quantile(p);
        // p̂ = F̂(q̂) and its linearised variance over the full design
        double all = 0;
        for (int i : rows) {
          all += w[i];
        }
        double pHat = share(rows, y, w, q);
        for (int i : rows) {
          z[i] = w[i] * ((y[i] <= q ? 1 : 0) - pHat) / all;
        }
        double v = design.variance(z);
        double pl;
        double pu;
        if (interval == QuantileInterval.MEAN) {
          pl = pHat - t * Math.sqrt(v);
          pu = pHat + t * Math.sqrt(v);
        } else {
          double neff = pHat * (1 - pHat) / v;
          double tn = rows.length > 1 ? TDistribution.of(rows.length - 1.0).inverseCumulativeProbability((1 - level) / 2)
              : Double.NaN;
          double td = df > 0 ? TDistribution.of(df).inverseCumulativeProbability((1 - level) / 2) : Double.NaN;
          neff *= (tn / td) * (tn / td);
          pl = betaQuantile((1 - level) / 2, neff * pHat, neff * (1 - pHat) + 1);
          pu = betaQuantile(1 - (1 - level) / 2, neff * pHat + 1, neff * (1 - pHat));
        }
        OptionalDouble lower = pl >= 0 ? OptionalDouble.of(cdf.quantile(pl)) : OptionalDouble.empty();
        OptionalDouble upper = pu <= 1 ? OptionalDouble.of(cdf.quantile(pu)) : OptionalDouble.empty();
        out.add(estimate(group, p, rows.length, df, q, lower, upper, t));
      }
    }
    return new QuantileTable(variable, by, summary, rule, interval, level, reliability, out);
  }

  /**
   * Quantiles on a replicate-weight design (R {@code svyquantile} on a {@code svrepdesign}): the
   * quantile from the full-sample weights; with the {@link QuantileInterval#MEAN} interval the
   * standard error of {@code F̂(q̂)} from the replicates (each replicate's share at or below
   * {@code q̂}), with {@link QuantileInterval#QUANTILE} the replicate variance of the quantile
   * itself ({@code q̂ ± t·√V}); {@code t} on the degrees of freedom of the domain's rows
   * ({@link io.github.dmstat.core.replicate.ReplicateDesign#degreesOfFreedom(boolean[])}).
   *
   * @param table the survey (the rows of {@code design})
   * @param design the replicate design
   * @param variable a numeric column; empty cells are left out
   * @param by grouping columns (empty: overall)
   * @param probabilities the probabilities, each in [0, 1]
   * @return one estimate per domain and probability
   * @throws IllegalArgumentException when a column is missing, a cell is invalid, a probability is
   *     out of range, or the interval is {@link QuantileInterval#BETA}
   */
  public QuantileTable estimate(Table table, io.github.dmstat.core.replicate.ReplicateDesign design, String variable,
      List<String> by, double... probabilities) {
    Objects.requireNonNull(variable, "variable");
    if (interval == QuantileInterval.BETA) {
      throw new IllegalArgumentException("the beta interval is for Taylor designs; use mean or quantile");
    }
    if (design.rows() != table.rowCount()) {
      throw new IllegalArgumentException("the replicate design has " + design.rows() + " rows but the table "
          + table.rowCount());
    }
    checkProbabilities(probabilities);
    double[] y = Columns.numbers(table, variable);
    int n = y.length;
    Columns.Codes codes = Columns.codes(table, by);
    double[] w = primed(design.weights());
    int reps = design.replicates();
    double[][] rw = new double[reps][];
    for (int r = 0; r < reps; r++) {
      rw[r] = primed(design.weights(r));
    }
    DesignSummary summary = summary(variable, y, codes, 1, reps, design.degreesOfFreedom());
    List<QuantileEstimate> out = new ArrayList<>();
    for (int g : domainsInOrder(codes)) {
      Group group = new Group(by, codes.levels().get(g));
      int[] rows = sortedRows(codes.codes(), g, y);
      boolean[] analysed = new boolean[n];
      for (int i : rows) {
        analysed[i] = true;
      }
      int df = design.degreesOfFreedom(analysed);
      Cdf cdf = new Cdf(rows, y, w);
      double t = df > 0 ? TDistribution.of(df).inverseSurvivalProbability((1 - level) / 2) : Double.NaN;
      for (double p : probabilities) {
        if (cdf.m == 0) {
          out.add(empty(group, p, rows.length, df));
          continue;
        }
        double q = cdf.quantile(p);
        double[] theta = new double[reps];
        OptionalDouble lower;
        OptionalDouble upper;
        if (interval == QuantileInterval.MEAN) {
          double pHat = share(rows, y, w, q);
          for (int r = 0; r < reps; r++) {
            theta[r] = share(rows, y, rw[r], q);
          }
          double se = Math.sqrt(design.variance(pHat, theta));
          double pl = pHat - t * se;
          double pu = pHat + t * se;
          lower = pl >= 0 ? OptionalDouble.of(cdf.quantile(pl)) : OptionalDouble.empty();
          upper = pu <= 1 ? OptionalDouble.of(cdf.quantile(pu)) : OptionalDouble.empty();
        } else {
          for (int r = 0; r < reps; r++) {
            Cdf cr = new Cdf(rows, y, rw[r]);
            theta[r] = cr.m == 0 ? Double.NaN : cr.quantile(p);
          }
          double sd = Math.sqrt(design.variance(q, theta));
          lower = Double.isNaN(q - t * sd) ? OptionalDouble.empty() : OptionalDouble.of(q - t * sd);
          upper = Double.isNaN(q + t * sd) ? OptionalDouble.empty() : OptionalDouble.of(q + t * sd);
        }
        out.add(estimate(group, p, rows.length, df, q, lower, upper, t));
      }
    }
    return new QuantileTable(variable, by, summary, rule, interval, level, reliability, out);
  }

  /** The full-sample CDF of one domain: its rows with positive weight, in value order, and their cumulative weights. */
  private final class Cdf {
    final double[] values;
    final double[] cumulative;
    final int m;

    /** {@code rows} sorted by value; {@code w} the weights as R uses them ({@link #primed}). */
    Cdf(int[] rows, double[] y, double[] w) {
      double[] ys = new double[rows.length];
      double[] ws = new double[rows.length];
      int k = 0;
      for (int i : rows) {
        if (w[i] > 0) {
          ys[k] = y[i];
          ws[k++] = w[i];
        }
      }
      m = k;
      values = Arrays.copyOf(ys, k);
      cumulative = cumulative(Arrays.copyOf(ws, k));
    }

    double quantile(double p) {
      return rule.apply(values, cumulative, m, p);
    }
  }

  /** A quantile with its interval, its SE from the interval's width, and the reliability rule applied. */
  private QuantileEstimate estimate(Group group, double p, long n, int df, double q, OptionalDouble lower,
      OptionalDouble upper, double t) {
    OptionalDouble se = lower.isPresent() && upper.isPresent() && t > 0
        ? OptionalDouble.of((upper.getAsDouble() - lower.getAsDouble()) / (2 * t)) : OptionalDouble.empty();
    Assessment a;
    if (se.isPresent()) {
      a = reliability.assessMeasure(n, q, se.getAsDouble());
    } else {
      // no standard error: judged on the sample size alone, and not solid under a rule that asks for one
      a = reliability.assessMeasure(n, q, 0);
      if (reliability != ReliabilityRule.NONE) {
        a = a.worst(Assessment.unreliable("no standard error: the interval reaches beyond the data"));
      }
    }
    return a.status() == Reliability.SUPPRESSED
        ? new QuantileEstimate(group, p, n, df, a.status(), a.reason(), Optional.empty())
        : new QuantileEstimate(group, p, n, df, a.status(), a.reason(), Optional.of(new QuantileValue(q, lower, upper, se)));
  }

  private static QuantileEstimate empty(Group group, double p, long n, int df) {
    return new QuantileEstimate(group, p, n, df, Reliability.SUPPRESSED,
        n == 0 ? "no observed value in this domain" : "all weights are zero in this domain", Optional.empty());
  }

  private static void checkProbabilities(double[] probabilities) {
    if (probabilities.length == 0) {
      throw new IllegalArgumentException("no probabilities given: ask for e.g. 0.5 (the median)");
    }
    for (double p : probabilities) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("a quantile's probability must be in [0, 1] but was " + p);
      }
    }
  }

  /** What was read and left out: rows with a missing variable in a domain, rows with a missing grouping value. */
  private static DesignSummary summary(String variable, double[] y, Columns.Codes codes, int strata, int psus, int df) {
    long missing = 0;
    for (int i = 0; i < y.length; i++) {
      if (codes.codes()[i] >= 0 && Double.isNaN(y[i])) {
        missing++;
      }
    }
    Map<String, Long> reasons = new LinkedHashMap<>();
    if (missing > 0) {
      reasons.put("variable '" + variable + "' missing", missing);
    }
    if (codes.missingRows() > 0) {
      reasons.put("grouping value missing", (long) codes.missingRows());
    }
    return new DesignSummary(y.length, missing + codes.missingRows(), reasons, strata, psus, df);
  }

  /** The domains in the order of their grouping values. */
  private static int[] domainsInOrder(Columns.Codes codes) {
    return IndexOrder.sort(codes.size(), (a, b) -> Group.compareValues(codes.levels().get(a), codes.levels().get(b)));
  }

  /** The rows of domain {@code g} with the variable observed, sorted by value (stable: ties keep file order). */
  private static int[] sortedRows(int[] codes, int g, double[] y) {
    int m = 0;
    for (int i = 0; i < codes.length; i++) {
      m += codes[i] == g && !Double.isNaN(y[i]) ? 1 : 0;
    }
    int[] rows = new int[m];
    int k = 0;
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] == g && !Double.isNaN(y[i])) {
        rows[k++] = i;
      }
    }
    int[] order = IndexOrder.sort(m, (a, b) -> Double.compare(y[rows[a]], y[rows[b]]));
    int[] out = new int[m];
    for (int j = 0; j < m; j++) {
      out[j] = rows[order[j]];
    }
    return out;
  }

  /** The weights as R's svyquantile uses them, {@code 1/(1/w)} (they can differ from {@code w} in the last bit). */
  private static double[] primed(double[] w) {
    double[] out = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      out[i] = 1 / (1 / w[i]);
    }
    return out;
  }

  /** The weighted share of the rows at or below {@code q}; {@code NaN} without weight. */
  private static double share(int[] rows, double[] y, double[] w, double q) {
    double all = 0;
    double below = 0;
    for (int i : rows) {
      all += w[i];
      below += y[i] <= q ? w[i] : 0;
    }
    return all > 0 ? below / all : Double.NaN;
  }

  /**
   * Running sums {@code C_k = w_0 + … + w_k}, each the exact sum rounded to double (as R's
   * extended-precision {@code cumsum} gives them): TwoSum with a carried error term.
   */
  static double[] cumulative(double[] w) {
    double[] cum = new double[w.length];
    double hi = 0;
    double lo = 0;
    for (int k = 0; k < w.length; k++) {
      double s = hi + w[k];
      double bp = s - hi;
      double e = (hi - (s - bp)) + (w[k] - bp);
      lo += e;
      double hi2 = s + lo;
      lo -= hi2 - s;
      hi = hi2;
      cum[k] = hi;
    }
    return cum;
  }

  /** The beta quantile, {@code NaN} where a shape is not positive (R gives NaN). */
  private static double betaQuantile(double p, double a, double b) {
    if (!(a > 0 && b > 0)) {
      return a == 0 && p < 1 ? 0 : Double.NaN;
    }
    return BetaDistribution.of(a, b).inverseCumulativeProbability(p);
  }

  @Override
  public String toString() {
    return "SurveyQuantiles[rule=" + rule.code() + ", interval=" + interval.code() + ", level=" + level
        + ", reliability=" + reliability.code() + "]";
  }
}
