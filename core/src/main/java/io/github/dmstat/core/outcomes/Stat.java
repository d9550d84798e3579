package io.github.dmstat.core.outcomes;

import java.util.Locale;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/** Small numeric helpers shared by the outcome estimators (not API). */
final class Stat {
  private Stat() {}

  private static final NormalDistribution STD_NORMAL = NormalDistribution.of(0, 1);

  /** {@code Φ⁻¹(q)}. */
  static double z(double q) {
    return STD_NORMAL.inverseCumulativeProbability(q);
  }

  /** Two-sided normal quantile {@code Φ⁻¹(1 − (1 − level)/2)}. */
  static double zLevel(double level) {
    return z(1 - (1 - level) / 2);
  }

  /** {@code Φ(x)}. */
  static double pnorm(double x) {
    return STD_NORMAL.cumulativeProbability(x);
  }

  /** Upper tail {@code 1 − Φ(x)}, accurate far in the tail. */
  static double pnormUpper(double x) {
    return STD_NORMAL.survivalProbability(x);
  }

  /** Two-sided normal p value of {@code z}. */
  static double pTwoSided(double z) {
    return 2 * STD_NORMAL.survivalProbability(Math.abs(z));
  }

  /**
   * Wilson score interval without continuity correction, exactly as R
   * {@code prop.test(x, n, correct = FALSE)$conf.int}: 0 when {@code x = 0}, 1 when {@code x = n}.
   */
  static double[] wilson(long x, long n, double level) {
    double z = zLevel(level);
    double p = (double) x / n;
    double z22n = z * z / (2.0 * n);
    double upper = p >= 1 ? 1 : (p + z22n + z * Math.sqrt(p * (1 - p) / n + z22n / (2.0 * n))) / (1 + 2 * z22n);
    double lower = p <= 0 ? 0 : (p + z22n - z * Math.sqrt(p * (1 - p) / n + z22n / (2.0 * n))) / (1 + 2 * z22n);
    return new double[] {lower, upper};
  }

  /** Clopper–Pearson interval as R {@code binom.test(x, n)$conf.int}. */
  static double[] clopperPearson(long x, long n, double level) {
    double alpha = 1 - level;
    double lower = x == 0 ? 0 : BetaDistribution.of(x, n - x + 1.0).inverseCumulativeProbability(alpha / 2);
    double upper = x == n ? 1 : BetaDistribution.of(x + 1.0, n - x).inverseCumulativeProbability(1 - alpha / 2);
    return new double[] {lower, upper};
  }

  /** Level as a percentage label, e.g. {@code 95}. */
  static String pct(double level) {
    double p = level * 100;
    return p == Math.rint(p) ? Long.toString(Math.round(p)) : String.format(Locale.ROOT, "%.1f", p);
  }

  /** A number with 4 significant digits. */
  static String g(double v) {
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "−∞";
    }
    return String.format(Locale.ROOT, "%.4g", v);
  }

  /** A p value: {@code < 0.0001} or 4 significant digits. */
  static String p(double v) {
    return v < 1e-4 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", v);
  }
}
