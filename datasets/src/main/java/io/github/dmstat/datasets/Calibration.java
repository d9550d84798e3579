package io.github.dmstat.datasets;

import io.github.dmstat.core.model.RecallPeriod;

/**
 * Exact calibration of nested cell probabilities to population targets. Not API.
 *
 * <p>For period {@code j} (lifetime, last year, last month, daily) the probability in cell
 * {@code c} is {@code p_j,c = p_(j−1),c · expit(θ_j + η_j,c)} with {@code p_(−1),c = 1} and
 * {@code expit(x) = 1/(1 + e^(−x))}, so {@code p_daily ≤ p_month ≤ p_year ≤ p_lifetime} in every
 * cell. The shift {@code θ_j} is the root of
 * {@code Σ_{c∈G} s_c p_j,c(θ) / Σ_{c∈G} s_c = T_j} (population shares {@code s_c}, calibration
 * group {@code G}, target {@code T_j}); the left side is strictly increasing in {@code θ}, so
 * bisection to adjacent doubles finds it to within rounding (about 1e-17).
 */
final class Calibration {
  private Calibration() {}

  /**
   * Nested probabilities {@code [period][cell]}; a period whose target is NaN (and every later
   * one) is {@code null}.
   */
  static double[][] nested(double[] share, boolean[] group, double[][] eta, double[] target) {
    int cells = share.length;
    double[][] p = new double[target.length][];
    double[] parent = new double[cells];
    java.util.Arrays.fill(parent, 1.0);
    for (int j = 0; j < target.length; j++) {
      if (Double.isNaN(target[j])) {
        break;
      }
      p[j] = level(share, group, parent, eta[j], target[j], RecallPeriod.values()[j]);
      parent = p[j];
    }
    return p;
  }

  private static double[] level(double[] share, boolean[] group, double[] parent, double[] eta, double target,
      RecallPeriod period) {
    double max = SurveyModel.weightedMean(share, parent, group);
    if (!(target > 0 && target < max)) {
      throw new IllegalStateException("target for " + period.code() + " must be in (0, " + max + ") but was " + target);
    }
    double lo = -60;
    double hi = 60;
    while (true) {
      double mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) {
        break;
      }
      if (mean(share, group, parent, eta, mid) < target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double theta = Math.abs(mean(share, group, parent, eta, lo) - target)
        <= Math.abs(mean(share, group, parent, eta, hi) - target) ? lo : hi;
    return probabilities(parent, eta, theta);
  }

  private static double mean(double[] share, boolean[] group, double[] parent, double[] eta, double theta) {
    return SurveyModel.weightedMean(share, probabilities(parent, eta, theta), group);
  }

  static double[] probabilities(double[] parent, double[] eta, double theta) {
    double[] p = new double[parent.length];
    for (int k = 0; k < p.length; k++) {
      p[k] = parent[k] * expit(theta + eta[k]);
    }
    return p;
  }

  /** {@code 1/(1 + e^(−x))} with {@link StrictMath} (identical on every JVM). */
  static double expit(double x) {
    return 1.0 / (1.0 + StrictMath.exp(-x));
  }
}
