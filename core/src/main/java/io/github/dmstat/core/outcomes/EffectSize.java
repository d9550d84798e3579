package io.github.dmstat.core.outcomes;

import io.github.dmstat.core.Checks;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;

/**
 * One effect size of a 2×2 table (treated vs control) with its confidence interval.
 *
 * <p><b>Estimates.</b> {@code RR = p1/p2}, {@code OR = (a·d)/(b·c)}, {@code RD = p1 − p2} (proportion
 * scale, treated minus control). {@link EffectInterval#WALD}: {@code yi ± z·√vi} with {@code yi, vi}
 * as {@code metafor::escalc} ({@link Measure}); RR and OR are reported back-transformed
 * ({@code estimate = exp(yi)}). When any cell is 0, 1/2 is added to all four cells of that table
 * (escalc {@code to = "only0"}) and {@link #zeroCellCorrected()} is true; the estimate then is the
 * corrected one, as in escalc. {@link EffectInterval#NEWCOMBE} (RD only) uses the uncorrected
 * counts. {@code yi, vi} are always escalc's (corrected when the table has a zero cell).
 *
 * <p>{@link #fisherP()}: two-sided Fisher exact test of independence, as R {@code fisher.test}:
 * the sum of the hypergeometric probabilities of all tables with the same margins that are no
 * more likely than the observed one (relative tolerance 1e-7).
 *
 * @param measure RR, OR or RD
 * @param interval interval method
 * @param counts the table
 * @param estimate ratio (RR, OR) or difference (RD)
 * @param ciLower lower confidence limit (same scale as estimate)
 * @param ciUpper upper confidence limit
 * @param level confidence level
 * @param yi escalc effect (log scale for RR, OR)
 * @param vi escalc sampling variance of {@code yi}
 * @param zeroCellCorrected whether 1/2 was added to the cells for the estimate and interval
 * @param fisherP Fisher exact two-sided p value
 */
public record EffectSize(Measure measure, EffectInterval interval, TwoByTwo counts, double estimate, double ciLower,
    double ciUpper, double level, double yi, double vi, boolean zeroCellCorrected, double fisherP) {
  /**
   * Checks the components.
   *
   * @param measure RR, OR or RD; not null
   * @param interval interval method, not null; {@link EffectInterval#NEWCOMBE} only with {@link Measure#RD}
   * @param counts the table, not null
   * @param estimate ratio (RR, OR) or difference (RD), finite
   * @param ciLower lower confidence limit, finite and {@code <= ciUpper}
   * @param ciUpper upper confidence limit, finite
   * @param level confidence level, strictly between 0 and 1
   * @param yi escalc effect, finite
   * @param vi escalc sampling variance, finite and {@code >= 0}
   * @param zeroCellCorrected whether 1/2 was added to the cells
   * @param fisherP Fisher exact two-sided p value (not checked)
   * @throws IllegalArgumentException when a component is out of range
   */
  public EffectSize {
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(counts, "counts");
    Checks.level(level);
    Checks.finite("estimate", estimate);
    Checks.finite("ciLower", ciLower);
    Checks.finite("ciUpper", ciUpper);
    Checks.finite("yi", yi);
    Checks.finiteNonNegative("vi", vi);
    if (interval == EffectInterval.NEWCOMBE && measure != Measure.RD) {
      throw Checks.badArgument("interval", "newcombe is only defined for RD", measure.name());
    }
    if (!(ciLower <= ciUpper)) {
      throw Checks.badArgument("ciLower", "must be <= ciUpper (" + ciUpper + ")", ciLower);
    }
  }

  /**
   * Wald effect size ({@link EffectInterval#WALD}) of the given measure.
   *
   * @param t the counts
   * @param m the measure
   * @param level confidence level, strictly between 0 and 1 (e.g. 0.95)
   * @return the effect size with its Wald interval
   * @throws IllegalArgumentException when {@code level} is out of range
   */
  public static EffectSize of(TwoByTwo t, Measure m, double level) {
    return of(t, m, EffectInterval.WALD, level);
  }

  /**
   * Effect size with the chosen interval ({@link EffectInterval#NEWCOMBE} only for RD).
   *
   * @param t the counts
   * @param m the measure
   * @param interval the interval method
   * @param level confidence level, strictly between 0 and 1 (e.g. 0.95)
   * @return the effect size with its interval
   * @throws IllegalArgumentException when {@code level} is out of range or Newcombe is asked for RR or OR
   * @throws NullPointerException when an argument is null
   */
  public static EffectSize of(TwoByTwo t, Measure m, EffectInterval interval, double level) {
    Objects.requireNonNull(t, "counts");
    Objects.requireNonNull(m, "measure");
    Objects.requireNonNull(interval, "interval");
    Checks.level(level);
    if (interval == EffectInterval.NEWCOMBE && m != Measure.RD) {
      throw Checks.badArgument("interval", "newcombe is only defined for RD", m.name());
    }
    double[] e = escalc(t, m);
    double fisher = fisherExactP(t);
    boolean corrected = t.hasZeroCell();
    if (interval == EffectInterval.NEWCOMBE) {
      double p1 = t.riskTreated();
      double p2 = t.riskControl();
      double[] w1 = Stat.wilson(t.eventsTreated(), t.totalTreated(), level);
      double[] w2 = Stat.wilson(t.eventsControl(), t.totalControl(), level);
      double d = p1 - p2;
      double lo = d - Math.sqrt(sq(p1 - w1[0]) + sq(w2[1] - p2));
      double hi = d + Math.sqrt(sq(w1[1] - p1) + sq(p2 - w2[0]));
      return new EffectSize(m, interval, t, d, lo, hi, level, e[0], e[1], false, fisher);
    }
    double z = Stat.zLevel(level);
    double half = z * Math.sqrt(e[1]);
    double est = e[0];
    double lo = e[0] - half;
    double hi = e[0] + half;
    if (m.isRatio()) {
      est = Math.exp(est);
      lo = Math.exp(lo);
      hi = Math.exp(hi);
    }
    return new EffectSize(m, interval, t, est, lo, hi, level, e[0], e[1], corrected, fisher);
  }

  /**
   * {@code {yi, vi}} exactly as {@code metafor::escalc(measure, ai, n1i, ci, n2i)} with its defaults
   * {@code add = 1/2, to = "only0"}.
   *
   * @param t the counts
   * @param m the measure
   * @return a new array {@code {yi, vi}}; {@code yi} is a log ratio for RR and OR, a difference for RD
   */
  public static double[] escalc(TwoByTwo t, Measure m) {
    double add = t.hasZeroCell() ? 0.5 : 0;
    double a = t.eventsTreated() + add;
    double b = t.totalTreated() - t.eventsTreated() + add;
    double c = t.eventsControl() + add;
    double d = t.totalControl() - t.eventsControl() + add;
    double n1 = a + b;
    double n2 = c + d;
    switch (m) {
      case RR:
        return new double[] {Math.log(a / n1) - Math.log(c / n2), 1 / a - 1 / n1 + 1 / c - 1 / n2};
      case OR:
        return new double[] {Math.log(a * d / (b * c)), 1 / a + 1 / b + 1 / c + 1 / d};
      case RD: {
        double p1 = a / n1;
        double p2 = c / n2;
        return new double[] {p1 - p2, p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2};
      }
      default:
        throw new AssertionError(m);
    }
  }

  /**
   * Two-sided Fisher exact p value of the 2×2 table, as R {@code fisher.test(x)$p.value}: tables
   * {@code x'} with the observed margins and {@code P(x') <= P(x)·(1 + 1e-7)} are summed.
   *
   * @param t the counts
   * @return the p value, in [0, 1]
   * @throws ArithmeticException when the total count exceeds {@link Integer#MAX_VALUE}
   */
  public static double fisherExactP(TwoByTwo t) {
    long a = t.eventsTreated();
    long b = t.totalTreated() - a;
    long c = t.eventsControl();
    long d = t.totalControl() - c;
    long m = a + c;
    long n = b + d;
    long k = a + b;
    long lo = Math.max(0, k - n);
    long hi = Math.min(k, m);
    HypergeometricDistribution h = HypergeometricDistribution.of(Math.toIntExact(m + n), Math.toIntExact(m),
        Math.toIntExact(k));
    int size = (int) (hi - lo + 1);
    double[] logd = new double[size];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < size; i++) {
      logd[i] = h.logProbability((int) (lo + i));
      max = Math.max(max, logd[i]);
    }
    double total = 0;
    double[] dens = new double[size];
    for (int i = 0; i < size; i++) {
      dens[i] = Math.exp(logd[i] - max);
      total += dens[i];
    }
    double observed = dens[(int) (a - lo)] * (1 + 1e-7);
    double sum = 0;
    for (int i = 0; i < size; i++) {
      if (dens[i] <= observed) {
        sum += dens[i];
      }
    }
    return Math.min(1, sum / total);
  }

  private static double sq(double x) {
    return x * x;
  }

  /**
   * The number needed to treat from this risk difference ({@link Measure#RD} only).
   *
   * @param harmfulOutcome whether the outcome is undesirable (e.g. re-offending), so that a lower risk is a benefit
   * @return the NNT with the interval inverted from this effect size's limits
   * @throws IllegalArgumentException when the measure is not RD, or a limit lies outside [−1, 1]
   */
  public NumberNeededToTreat numberNeededToTreat(boolean harmfulOutcome) {
    if (measure != Measure.RD) {
      throw Checks.badArgument("measure", "must be RD for a number needed to treat", measure.name());
    }
    return new NumberNeededToTreat(estimate, ciLower, ciUpper, level, harmfulOutcome);
  }

  @Override
  public String toString() {
    String what = measure == Measure.RD ? "RD (treated − control, proportion)" : measure.name();
    return String.format(Locale.ROOT, "EffectSize[%s %s (%s%% CI %s to %s, %s)%s, Fisher p=%s, %s]", what,
        Stat.g(estimate), Stat.pct(level), Stat.g(ciLower), Stat.g(ciUpper), interval,
        zeroCellCorrected ? ", zero cell: 1/2 added to all cells" : "", Stat.p(fisherP), counts);
  }
}
