package io.github.dmstat.core.replicate;

import io.github.dmstat.core.Columns;
import io.github.dmstat.core.Group;
import io.github.dmstat.core.disclosure.Assessment;
import io.github.dmstat.core.disclosure.Reliability;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.survey.DesignSummary;
import io.github.dmstat.core.survey.PrevalenceDifference;
import io.github.dmstat.core.survey.Statistic;
import io.github.dmstat.core.survey.StatisticEstimate;
import io.github.dmstat.core.survey.StatisticTable;
import io.github.dmstat.core.survey.StatisticValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.NormalDistribution;
import tech.tablesaw.api.Table;

/**
 * Totals, means, ratios and prevalences by domain on a {@link ReplicateDesign}: the estimate from
 * the full-sample weights, its variance from the same estimate under every replicate weight
 * ({@link ReplicateDesign#variance}), as R {@code svytotal}, {@code svymean}, {@code svyratio} and
 * {@code svyby} on a {@code svrepdesign} (with {@code na.rm = TRUE}). Normal intervals, as R's
 * {@code confint}; the reliability rule for measures.
 *
 * <p>One pass over the rows fills the weighted sums of every domain: for replicates made from a
 * Taylor design, per (domain, PSU), from which each replicate's sums follow by its PSU multipliers
 * (so 80 replicates cost little more than the Taylor estimate); for supplied replicate weights, per
 * (replicate, domain).
 */
public final class ReplicateStatistics {
  private final double level;
  private final ReliabilityRule rule;

  private ReplicateStatistics(double level, ReliabilityRule rule) {
    this.level = level;
    this.rule = rule;
  }

  /**
   * Level 0.95 and the NCHS rule.
   *
   * @return the estimator
   */
  public static ReplicateStatistics withDefaults() {
    return new ReplicateStatistics(0.95, ReliabilityRule.NCHS);
  }

  /**
   * The same estimator with another reliability rule.
   *
   * @param r the rule
   * @return a new estimator
   */
  public ReplicateStatistics with(ReliabilityRule r) {
    return new ReplicateStatistics(level, Objects.requireNonNull(r, "rule"));
  }

  /**
   * The same estimator with another confidence level.
   *
   * @param l the level, in (0, 1)
   * @return a new estimator
   * @throws IllegalArgumentException when {@code l} is out of range
   */
  public ReplicateStatistics withLevel(double l) {
    return new ReplicateStatistics(io.github.dmstat.core.Checks.level(l), rule);
  }

  /**
   * The prevalence of a 0/1 outcome by domain (the mean of the flag).
   *
   * @param table the survey
   * @param design its replicate design (same rows)
   * @param outcome a 0/1 column (empty cells are missing)
   * @param by grouping columns
   * @return one estimate per domain; the estimate is a proportion
   * @throws IllegalArgumentException when a column is missing or a cell is invalid
   */
  public StatisticTable prevalence(Table table, ReplicateDesign design, String outcome, List<String> by) {
    return estimate(Statistic.MEAN, design, flags(table, outcome), null, Columns.codes(table, by), outcome, null, by);
  }

  /** A 0/1 column as numbers, {@code NaN} where missing. */
  private static double[] flags(Table table, String outcome) {
    byte[] flags = Columns.flags(table, outcome);
    double[] y = new double[flags.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = flags[i] < 0 ? Double.NaN : flags[i];
    }
    return y;
  }

  /**
   * The difference between the prevalences of two domains, {@code p_b − p_a}, with the replicate
   * covariance of the two (R {@code svycontrast(svyby(..., covmat = TRUE), c(-1, 1))} on a
   * {@code svrepdesign}); normal Wald interval and test. Both domains must be published under the
   * reliability rule.
   *
   * @param table the survey
   * @param design its replicate design
   * @param outcome a 0/1 column
   * @param by grouping columns
   * @param first the grouping values of domain {@code a}
   * @param second the grouping values of domain {@code b}
   * @return the difference, its standard error, interval and test
   * @throws IllegalArgumentException when a domain does not exist or is suppressed, or both are the same
   */
  public PrevalenceDifference difference(Table table, ReplicateDesign design, String outcome, List<String> by,
      List<String> first, List<String> second) {
    if (first.equals(second)) {
      throw new IllegalArgumentException("the two domains are the same: " + first);
    }
    double[] y = flags(table, outcome);
    Columns.Codes codes = Columns.codes(table, by);
    int a = codes.levels().indexOf(first);
    int b = codes.levels().indexOf(second);
    if (a < 0 || b < 0) {
      throw new IllegalArgumentException("no domain " + new Group(by, a < 0 ? first : second) + "; domains: "
          + codes.levels());
    }
    StatisticTable t = estimate(Statistic.MEAN, design, y, null, codes, outcome, null, by);
    for (List<String> v : List.of(first, second)) {
      StatisticEstimate e = t.find(v.toArray(String[]::new)).orElseThrow();
      if (e.suppressed()) {
        throw new IllegalArgumentException("domain " + e.group() + " is suppressed: " + e.note());
      }
    }
    // every domain's mean per replicate: a replicate without weight in any domain is left out for all, as R's svyby
    int reps = design.replicates();
    int domains = codes.size();
    Sums sums = sums(design, y, null, codes.codes(), domains);
    double[] full = {sums.fy[a] / sums.fw[a], sums.fy[b] / sums.fw[b]};
    double[][] theta = new double[reps][];
    for (int r = 0; r < reps; r++) {
      boolean any = false;
      for (int g = 0; g < domains; g++) {
        any |= sums.fw[g] > 0 && !(sums.rw[r][g] > 0);
      }
      theta[r] = any ? new double[] {Double.NaN, Double.NaN}
          : new double[] {sums.ry[r][a] / sums.rw[r][a], sums.ry[r][b] / sums.rw[r][b]};
    }
    double[][] c = design.covariance(full, theta);
    double v = c[0][0] + c[1][1] - 2 * c[0][1];
    double se = Math.sqrt(v);
    if (!(se > 0)) {
      throw new IllegalArgumentException("the difference has no sampling variance: no test is possible");
    }
    double diff = full[1] - full[0];
    NormalDistribution nd = NormalDistribution.of(0, 1);
    double z = diff / se;
    double q = nd.inverseSurvivalProbability((1 - level) / 2);
    return new PrevalenceDifference(new Group(by, first), new Group(by, second), full[0], full[1], diff, c[0][1], se, z,
        2 * nd.cumulativeProbability(-Math.abs(z)), diff - q * se, diff + q * se, level);
  }

  /**
   * A total, mean or ratio by domain.
   *
   * @param statistic what to estimate
   * @param table the survey
   * @param design its replicate design (same rows)
   * @param variable a numeric column (the numerator of a ratio); empty cells are left out
   * @param denominator the denominator of a ratio, {@code null} otherwise
   * @param by grouping columns
   * @return one estimate per domain
   * @throws IllegalArgumentException when a column is missing or a cell is invalid
   */
  public StatisticTable estimate(Statistic statistic, Table table, ReplicateDesign design, String variable,
      String denominator, List<String> by) {
    statistic.checkDenominator(denominator);
    double[] y = Columns.numbers(table, variable);
    double[] x = denominator == null ? null : Columns.numbers(table, denominator);
    return estimate(statistic, design, y, x, Columns.codes(table, by), variable, denominator, by);
  }

  /**
   * A total, mean or ratio by domain from bound columns (for benchmarks and other engines).
   *
   * @param statistic what to estimate
   * @param design the replicate design
   * @param y the variable, one value per row ({@code NaN} missing)
   * @param x the denominator of a ratio ({@code NaN} missing), {@code null} otherwise
   * @param codes the domain of each row ({@code -1}: none) and the domains' grouping values
   * @param variable the variable's name, for the result
   * @param denominator the denominator's name, {@code null} unless a ratio
   * @param by the grouping columns' names
   * @return one estimate per domain
   * @throws IllegalArgumentException when the lengths differ from the design's rows
   */
  public StatisticTable estimate(Statistic statistic, ReplicateDesign design, double[] y, double[] x, Columns.Codes codes,
      String variable, String denominator, List<String> by) {
    int n = design.rows();
    if (y.length != n || codes.codes().length != n || (x != null && x.length != n)) {
      throw new IllegalArgumentException("the replicate design has " + n + " rows but the columns have " + y.length);
    }
    return table(statistic, design, sums(design, y, x, codes.codes(), codes.size()), codes.levels(), codes.missingRows(),
        variable, denominator, by);
  }

  /**
   * The table of a prevalence, mean or total from replicate sums filled elsewhere: by another
   * engine over the rows of a replicate design known here by its structure
   * ({@link ReplicateDesign#ofStructure}). This is how {@code dmstat-spark} finishes replicate
   * estimates; the result is the table {@link #estimate(Statistic, Table, ReplicateDesign, String,
   * String, List)} gives for the same rows, up to the rounding of the order of additions.
   *
   * @param statistic {@link Statistic#MEAN} (a prevalence for a 0/1 variable) or {@link Statistic#TOTAL}
   * @param design the replicate design (its kind, scale, rscales and centring; its rows for the summary)
   * @param sums the merged sums, one domain per level and one replicate per replicate of the design
   * @param levels the grouping values of each domain, in domain code order
   * @param variable the variable's name
   * @param by the grouping columns' names
   * @return one estimate per domain
   * @throws IllegalArgumentException for a ratio, or when the sums do not fit the design and levels
   */
  public StatisticTable finish(Statistic statistic, ReplicateDesign design, ReplicateSums sums, List<List<String>> levels,
      String variable, List<String> by) {
    if (statistic == Statistic.RATIO) {
      throw new IllegalArgumentException("a ratio needs the denominator's sums: not available from ReplicateSums");
    }
    if (sums.domains() != levels.size() || sums.replicates() != design.replicates()) {
      throw new IllegalArgumentException("sums of " + sums.domains() + " domains x " + sums.replicates() + " replicates do not "
          + "fit " + levels.size() + " domains and a design of " + design.replicates() + " replicates");
    }
    // read only: without a denominator x = 1, so Σw·x is Σw (as the row path sums it)
    Sums s = new Sums(sums.fw, sums.fy, sums.fw, sums.observed, sums.rw, sums.ry, sums.rw, sums.missing);
    return table(statistic, design, s, List.copyOf(levels), sums.outside, variable, null, List.copyOf(by));
  }


  /** The estimates from the sums (shared by the rows and by partials finished here). */
  private StatisticTable table(Statistic statistic, ReplicateDesign design, Sums sums, List<List<String>> levels,
      long missingGroupRows, String variable, String denominator, List<String> by) {
    int n = design.rows();
    int domains = levels.size();
    int reps = design.replicates();
    double[] fw = sums.fw;
    double[] fy = sums.fy;
    double[] fx = sums.fx;
    long[] observed = sums.observed;
    double[][] rw = sums.rw;
    double[][] ry = sums.ry;
    double[][] rx = sums.rx;
    long missing = sums.missing;
    Map<String, Long> reasons = new LinkedHashMap<>();
    if (missing > 0) {
      reasons.put(denominator == null ? "variable '" + variable + "' missing"
          : "variable '" + variable + "' or denominator '" + denominator + "' missing", missing);
    }
    if (missingGroupRows > 0) {
      reasons.put("grouping value missing", missingGroupRows);
    }
    DesignSummary summary = new DesignSummary(n, missing + missingGroupRows, reasons, 1, reps, reps - 1);
    double q = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - level) / 2);
    List<StatisticEstimate> out = new ArrayList<>();
    for (int g = 0; g < domains; g++) {
      Group group = new Group(by, levels.get(g));
      double full = value(statistic, fw[g], fy[g], fx[g]);
      if (observed[g] == 0 || Double.isNaN(full)) {
        out.add(new StatisticEstimate(group, observed[g], fw[g], reps - 1, Reliability.SUPPRESSED,
            observed[g] == 0 ? "no observed value in this domain" : "no weight (or denominator) in this domain",
            Optional.empty()));
        continue;
      }
      double[] theta = new double[reps];
      for (int r = 0; r < reps; r++) {
        theta[r] = value(statistic, rw[r][g], ry[r][g], rx[r][g]);
      }
      double se = Math.sqrt(design.variance(full, theta));
      Assessment a = rule.assessMeasure(observed[g], full, se);
      if (a.status() == Reliability.SUPPRESSED || Double.isNaN(se)) {
        out.add(new StatisticEstimate(group, observed[g], fw[g], reps - 1, Reliability.SUPPRESSED,
            Double.isNaN(se) ? "no replicate estimate" : a.reason(), Optional.empty()));
        continue;
      }
      out.add(new StatisticEstimate(group, observed[g], fw[g], reps - 1, a.status(), a.reason(),
          Optional.of(new StatisticValue(full, se, full - q * se, full + q * se, OptionalDouble.empty()))));
    }
    out.sort(Comparator.comparing(e -> e.group().values(), Group::compareValues));
    return new StatisticTable(statistic, variable, Optional.ofNullable(denominator), by, summary, level, false, rule, out);
  }

  /**
   * Weighted sums per domain of the full sample ({@code fw = Σw}, {@code fy = Σw·y},
   * {@code fx = Σw·x}) and of every replicate ({@code rw[r]}, …), over the rows whose variable (and
   * denominator) is observed, with the observed rows per domain and the rows left out.
   */
  private record Sums(double[] fw, double[] fy, double[] fx, long[] observed, double[][] rw, double[][] ry,
      double[][] rx, long missing) {}

  /**
   * One pass over the rows: for replicates that are PSU factors, sums per (domain, PSU) from which
   * each replicate's sums follow by its factors; otherwise one sequential pass per replicate column.
   */
  private static Sums sums(ReplicateDesign design, double[] y, double[] x, int[] codes, int domains) {
    int n = design.rows();
    int reps = design.replicates();
    double[] w = design.weights();
    double[] fw = new double[domains];
    double[] fy = new double[domains];
    double[] fx = new double[domains];
    long[] observed = new long[domains];
    double[][] rw = new double[reps][domains];
    double[][] ry = new double[reps][domains];
    double[][] rx = new double[reps][domains];
    long missing = 0;
    boolean byUnit = design.byUnit();
    int units = byUnit ? design.units() : 0;
    double[] uw = new double[domains * units];
    double[] uy = new double[domains * units];
    double[] ux = new double[domains * units];
    // one pass: the observed domain of each row (-1: none), and its sums per (domain, PSU) for PSU
    // factors, or per domain with the row's domain kept for the passes over the replicate columns
    int[] dom = byUnit ? null : new int[n];
    for (int i = 0; i < n; i++) {
      int g = codes[i];
      if (!byUnit) {
        dom[i] = -1;
      }
      if (g < 0) {
        continue;
      }
      double xi = x == null ? 1 : x[i];
      if (Double.isNaN(y[i]) || Double.isNaN(xi)) {
        missing++;
        continue;
      }
      observed[g]++;
      if (byUnit) {
        int k = g * units + design.unit(i);
        uw[k] += w[i];
        uy[k] += w[i] * y[i];
        ux[k] += w[i] * xi;
      } else {
        dom[i] = g;
        fw[g] += w[i];
        fy[g] += w[i] * y[i];
        fx[g] += w[i] * xi;
      }
    }
    if (byUnit) {
      for (int g = 0; g < domains; g++) {
        for (int u = 0; u < units; u++) {
          int k = g * units + u;
          fw[g] += uw[k];
          fy[g] += uy[k];
          fx[g] += ux[k];
          if (uw[k] == 0 && uy[k] == 0 && ux[k] == 0) {
            continue;
          }
          for (int r = 0; r < reps; r++) {
            double m = design.multiplier(r, u);
            rw[r][g] += m * uw[k];
            ry[r][g] += m * uy[k];
            rx[r][g] += m * ux[k];
          }
        }
      }
    } else {
      for (int r = 0; r < reps; r++) {
        double[] sw = rw[r];
        double[] sy = ry[r];
        double[] sx = rx[r];
        for (int i = 0; i < n; i++) {
          int g = dom[i];
          if (g >= 0) {
            double wr = design.rowWeight(r, i);
            sw[g] += wr;
            sy[g] += wr * y[i];
            if (x != null) {
              sx[g] += wr * x[i];
            }
          }
        }
        if (x == null) {
          System.arraycopy(sw, 0, sx, 0, domains);
        }
      }
    }
    return new Sums(fw, fy, fx, observed, rw, ry, rx, missing);
  }

  /** The estimate from the sums: total {@code Σwy}, mean {@code Σwy/Σw}, ratio {@code Σwy/Σwx}; NaN when undefined. */
  private static double value(Statistic statistic, double sw, double sy, double sx) {
    switch (statistic) {
      case TOTAL:
        return sy;
      case MEAN:
        return sw > 0 ? sy / sw : Double.NaN;
      default:
        return sx != 0 ? sy / sx : Double.NaN;
    }
  }

  @Override
  public String toString() {
    return "ReplicateStatistics[level=" + level + ", rule=" + rule.code() + "]";
  }
}
