package io.github.dmstat.core.spatial;

import io.github.dmstat.core.Coded;
import io.github.dmstat.core.Labels;
import io.github.dmstat.core.Checks;
import java.util.Arrays;

/**
 * Correction of p-values for testing many areas at once, as R {@code p.adjust(p, method)}.
 * Only the areas that were tested count in {@code m}; untested entries ({@code NaN}) stay
 * {@code NaN} (R treats {@code NA} the same way).
 */
public enum MultipleTesting implements Coded {
  /** No correction ({@code p.adjust "none"}). */
  NONE("none"),
  /** Bonferroni: {@code min(1, m·p)} ({@code p.adjust "bonferroni"}); controls the family-wise error rate. */
  BONFERRONI("bonferroni"),
  /**
   * Benjamini–Hochberg step-up: for p sorted ascending {@code p_(1..m)},
   * {@code q_(i) = min_{j >= i} min(1, m/j · p_(j))} ({@code p.adjust "BH"}); controls the false
   * discovery rate (Benjamini &amp; Hochberg 1995, JRSS B 57:289–300,
   * doi:10.1111/j.2517-6161.1995.tb02031.x).
   */
  BENJAMINI_HOCHBERG("bh");

  private final String label;

  MultipleTesting(String label) {
    this.label = label;
  }

  /** The name used on the command line. */
  @Override
  public String code() {
    return label;
  }

  /**
   * Parses {@code none|bonferroni|bh}, or a constant's name such as {@code benjamini_hochberg}
   * (any case).
   *
   * @param text the token or constant name; surrounding white space is ignored
   * @return the correction
   * @throws IllegalArgumentException for {@code null} or any other text (the valid tokens named)
   */
  public static MultipleTesting parse(String text) {
    return Labels.parse(MultipleTesting.class, "multiple-testing correction", text);
  }

  /**
   * Adjusted p-values, same order as {@code p}; {@code NaN} entries mean "not tested".
   *
   * @param p p-values in [0, 1], {@code NaN} for areas not tested; not modified
   * @return a new array: the adjusted p-values, each in [0, 1], and {@code NaN} where {@code p} is
   *     {@code NaN}
   * @throws IllegalArgumentException for a value outside [0, 1] (index named)
   */
  public double[] adjust(double[] p) {
    int m = 0;
    for (int i = 0; i < p.length; i++) {
      if (Double.isNaN(p[i])) {
        continue;
      }
      if (!(p[i] >= 0 && p[i] <= 1)) {
        throw Checks.badArgument("p-value at index " + i, "must be in [0, 1]", p[i]);
      }
      m++;
    }
    double[] out = p.clone();
    if (this == NONE || m == 0) {
      return out;
    }
    if (this == BONFERRONI) {
      for (int i = 0; i < p.length; i++) {
        if (!Double.isNaN(p[i])) {
          out[i] = Math.min(1, m * p[i]);
        }
      }
      return out;
    }
    int[] idx = new int[m];
    int k = 0;
    for (int i = 0; i < p.length; i++) {
      if (!Double.isNaN(p[i])) {
        idx[k++] = i;
      }
    }
    // sort indices by p ascending, ties by index (stable)
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> {
      int c = Double.compare(p[idx[a]], p[idx[b]]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    double run = 1.0;
    for (int r = m - 1; r >= 0; r--) {
      int i = idx[order[r]];
      run = Math.min(run, (double) m / (r + 1) * p[i]);
      out[i] = Math.min(1, run);
    }
    return out;
  }
}
