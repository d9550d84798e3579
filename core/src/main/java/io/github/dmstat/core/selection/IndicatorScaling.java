package io.github.dmstat.core.selection;

import io.github.dmstat.core.Coded;
import io.github.dmstat.core.Labels;
import io.github.dmstat.core.internal.IndexOrder;
import io.github.dmstat.core.Checks;

/**
 * How a composite index puts indicators on a common scale. Each is computed per indicator over
 * all areas with a value (missing values, {@code NaN}, stay missing and are not counted in
 * {@code n}); a higher raw value always gives a higher standardised value (the sign of the
 * weight gives the direction).
 */
public enum IndicatorScaling implements Coded {
  /** {@code z = (x − x̄)/s} with the sample SD {@code s = √(Σ(x − x̄)²/(n−1))}; as R {@code scale(x)}. */
  Z("z"),
  /** {@code (x − min)/(max − min)}, in [0, 1]. */
  MINMAX("minmax"),
  /**
   * {@code (r − 1)/(n − 1)}, in [0, 1], with {@code r} the average rank of {@code x} (ties get the
   * mean of their ranks: R {@code rank(x, ties.method = "average")}).
   */
  RANK("rank");

  private final String label;

  IndicatorScaling(String label) {
    this.label = label;
  }

  /** The name used on the command line and in JSON. */
  @Override
  public String code() {
    return label;
  }

  /**
   * Parses {@code z}, {@code minmax} or {@code rank} (any case).
   *
   * @param text the scaling name; surrounding blanks are ignored
   * @return the scaling
   * @throws IllegalArgumentException when {@code text} names no scaling
   */
  public static IndicatorScaling parse(String text) {
    return Labels.parse(IndicatorScaling.class, "standardisation", text);
  }

  /**
   * Standardised copy of {@code x} ({@code NaN} = missing, kept). Throws when fewer than 2 values
   * are present or they are all equal (the scale is undefined), naming {@code indicator}.
   *
   * @param indicator indicator name, used in the error message
   * @param x raw values, one per area ({@code NaN} = missing; not modified)
   * @return a new array of the same length, {@code NaN} where {@code x} is missing
   * @throws IllegalArgumentException when fewer than 2 values are present or all are equal
   */
  public double[] apply(String indicator, double[] x) {
    int n = 0;
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      if (!Double.isNaN(v)) {
        n++;
        sum += v;
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (n < 2) {
      throw Checks.badArgument("indicator '" + indicator + "'", "needs values for at least 2 areas to standardise", n);
    }
    if (min == max) {
      throw Checks.badArgument("indicator '" + indicator + "'",
          "must vary between areas to standardise (" + label + "); all " + n + " values equal", min);
    }
    double[] out = new double[x.length];
    switch (this) {
      case Z: {
        double mean = sum / n;
        double ss = 0;
        for (double v : x) {
          if (!Double.isNaN(v)) {
            ss += (v - mean) * (v - mean);
          }
        }
        double sd = Math.sqrt(ss / (n - 1));
        for (int i = 0; i < x.length; i++) {
          out[i] = (x[i] - mean) / sd;
        }
        return out;
      }
      case MINMAX: {
        double range = max - min;
        for (int i = 0; i < x.length; i++) {
          out[i] = (x[i] - min) / range;
        }
        return out;
      }
      case RANK: {
        double[] r = averageRanks(x);
        for (int i = 0; i < x.length; i++) {
          out[i] = (r[i] - 1) / (n - 1);
        }
        return out;
      }
      default:
        throw new AssertionError(this);
    }
  }

  /** Average ranks (1 = smallest) of the non-missing values; {@code NaN} stays {@code NaN}. */
  static double[] averageRanks(double[] x) {
    int[] o = IndexOrder.sort(x.length, (a, b) -> Double.compare(x[a], x[b]));
    double[] r = new double[x.length];
    int i = 0;
    while (i < o.length && !Double.isNaN(x[o[i]])) {
      int j = i;
      while (j + 1 < o.length && x[o[j + 1]] == x[o[i]]) {
        j++;
      }
      double avg = (i + j + 2) / 2.0;
      for (int k = i; k <= j; k++) {
        r[o[k]] = avg;
      }
      i = j + 1;
    }
    for (; i < o.length; i++) {
      r[o[i]] = Double.NaN;
    }
    return r;
  }

  @Override
  public String toString() {
    return label;
  }
}
