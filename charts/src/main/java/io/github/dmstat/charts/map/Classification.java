package io.github.dmstat.charts.map;

import io.github.dmstat.core.Checks;
import java.util.Arrays;
import java.util.Locale;

/**
 * How a choropleth map cuts values into classes. Both methods return the classes as
 * <i>upper bounds</i> {@code u_1 < u_2 < ... < u_k = max}: a value {@code v} belongs to the first
 * class {@code c} with {@code v <= u_c}. Every bound is a data value, so legend labels show values
 * that occur. Ties never straddle a bound, so with many equal values a method may return fewer
 * classes than asked for (never more).
 */
public enum Classification {
  /**
   * Equal-count classes: with the {@code n} values sorted, {@code x_(1) <= ... <= x_(n)}, the upper
   * bound of class {@code c} of {@code k} is {@code x_(⌈n·c/k⌉)} (the type-1 quantile of R's
   * {@code quantile(x, c/k, type = 1)}); repeated bounds are merged.
   */
  QUANTILES,
  /**
   * Jenks natural breaks, computed exactly: the partition of the sorted values into {@code k}
   * contiguous classes that minimises the total within-class sum of squared deviations
   * {@code Σ_c Σ_{i∈c} (x_i − x̄_c)²}, found by Fisher's dynamic programme in
   * {@code O(k·m²)} time over the {@code m} distinct values (equal values always share a class).
   * Among partitions with the same minimum (to floating point) the one with the earliest cuts is
   * chosen, so the result is deterministic.
   *
   * <p>References: Fisher, W. D. (1958). On grouping for maximum homogeneity. <i>Journal of the
   * American Statistical Association</i> 53(284), 789–798, doi:10.1080/01621459.1958.10501479;
   * Jenks, G. F. (1977). <i>Optimal data classification for choropleth maps</i>. Occasional paper
   * 2, Department of Geography, University of Kansas.
   */
  NATURAL_BREAKS;

  /**
   * The method named {@code name} (case-insensitive; {@code jenks} means natural breaks).
   *
   * @param name {@code quantiles}, {@code natural_breaks} (also with a hyphen or space), {@code natural}
   *     or {@code jenks}; surrounding spaces are ignored
   * @return the method
   * @throws IllegalArgumentException for any other name, including null (listing the methods)
   */
  public static Classification parse(String name) {
    String s = name == null ? "" : name.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    if ("JENKS".equals(s) || "NATURAL".equals(s)) {
      return NATURAL_BREAKS;
    }
    for (Classification c : values()) {
      if (c.name().equals(s)) {
        return c;
      }
    }
    throw Checks.unknownValue("classification", name, Arrays.asList(values()));
  }

  /**
   * Upper class bounds for {@code values} in at most {@code classes} classes (see the class
   * comment). The input is not modified.
   *
   * @param values the values to classify, finite, at least one
   * @param classes the largest number of classes, at least 1
   * @return the upper bounds, ascending, the last the largest value; at most {@code classes} of them
   * @throws IllegalArgumentException when {@code values} is empty or holds a non-finite value
   *     (naming its 1-based position), or {@code classes < 1}
   */
  public double[] upperBounds(double[] values, int classes) {
    if (classes < 1) {
      throw Checks.badArgument("classes", "must be >= 1", classes);
    }
    if (values.length == 0) {
      throw Checks.badArgument("values", "must not be empty", 0);
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw Checks.badArgument("value " + (i + 1), "must be finite", values[i]);
      }
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    if (this == QUANTILES) {
      return quantileBounds(sorted, classes);
    }
    return Jenks.upperBounds(sorted, classes);
  }

  /**
   * The 0-based class of {@code v} given {@code upperBounds} (the last class for values above all bounds).
   *
   * @param v the value
   * @param upperBounds ascending upper bounds, as from {@link #upperBounds}
   * @return the index of the first bound {@code >= v}, else {@code upperBounds.length - 1}
   */
  public static int classOf(double v, double[] upperBounds) {
    for (int c = 0; c < upperBounds.length; c++) {
      if (v <= upperBounds[c]) {
        return c;
      }
    }
    return upperBounds.length - 1;
  }

  private static double[] quantileBounds(double[] sorted, int k) {
    int n = sorted.length;
    double[] out = new double[k];
    int m = 0;
    for (int c = 1; c <= k; c++) {
      long pos = ((long) n * c + k - 1) / k; // ceil(n c / k), 1-based
      double b = sorted[(int) Math.max(1, pos) - 1];
      if (m == 0 || b > out[m - 1]) {
        out[m++] = b;
      }
    }
    return Arrays.copyOf(out, m);
  }
}
