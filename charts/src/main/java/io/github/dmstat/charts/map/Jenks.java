package io.github.dmstat.charts.map;

import java.util.Arrays;

/**
 * Exact Jenks–Fisher optimal classification by dynamic programming over distinct values with
 * multiplicities. Kernel for {@link Classification#NATURAL_BREAKS}.
 */
final class Jenks {
  private Jenks() {}

  /**
   * Upper bounds of the optimal partition of {@code sorted} (ascending, finite) into at most
   * {@code k} classes; fewer when there are fewer distinct values.
   */
  static double[] upperBounds(double[] sorted, int k) {
    int[] ends = optimalEnds(sorted, k);
    double[] out = new double[ends.length];
    for (int c = 0; c < ends.length; c++) {
      out[c] = sorted[ends[c]];
    }
    return out;
  }

  /**
   * Index (into {@code sorted}) of the last element of each class of the optimal partition; equal
   * values are never split.
   */
  static int[] optimalEnds(double[] sorted, int k) {
    int n = sorted.length;
    // distinct values, their counts and the index of their last occurrence
    double[] v = new double[n];
    double[] w = new double[n];
    int[] last = new int[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (m > 0 && sorted[i] == v[m - 1]) {
        w[m - 1] += 1;
      } else {
        v[m] = sorted[i];
        w[m] = 1;
        m++;
      }
      last[m - 1] = i;
    }
    int classes = Math.min(k, m);
    // centre to limit cancellation in the prefix sums
    double centre = 0.5 * (v[0] + v[m - 1]);
    double scale = Math.max(Math.abs(v[m - 1] - v[0]), Double.MIN_NORMAL);
    double[] sw = new double[m + 1];
    double[] s1 = new double[m + 1];
    double[] s2 = new double[m + 1];
    for (int j = 0; j < m; j++) {
      double x = (v[j] - centre) / scale;
      sw[j + 1] = sw[j] + w[j];
      s1[j + 1] = s1[j] + w[j] * x;
      s2[j + 1] = s2[j] + w[j] * x * x;
    }
    // cost[c][j]: minimum SSW of distinct values 0..j in c+1 classes; from[c][j]: first index of the last class
    double[] prev = new double[m];
    double[] cur = new double[m];
    int[][] from = new int[classes][m];
    for (int j = 0; j < m; j++) {
      prev[j] = ssw(sw, s1, s2, 0, j);
    }
    for (int c = 1; c < classes; c++) {
      Arrays.fill(cur, Double.POSITIVE_INFINITY);
      for (int j = c; j < m; j++) {
        double best = Double.POSITIVE_INFINITY;
        int arg = c;
        for (int i = c; i <= j; i++) {
          double d = prev[i - 1] + ssw(sw, s1, s2, i, j);
          if (i == c || d < best - 1e-12 * Math.abs(best)) {
            best = d;
            arg = i;
          }
        }
        cur[j] = best;
        from[c][j] = arg;
      }
      double[] t = prev;
      prev = cur;
      cur = t;
    }
    int[] ends = new int[classes];
    int j = m - 1;
    for (int c = classes - 1; c >= 0; c--) {
      ends[c] = last[j];
      j = c == 0 ? -1 : from[c][j] - 1;
    }
    return ends;
  }

  /** Within-class weighted sum of squares of distinct values {@code i..j} (inclusive). */
  private static double ssw(double[] sw, double[] s1, double[] s2, int i, int j) {
    double wt = sw[j + 1] - sw[i];
    double a = s1[j + 1] - s1[i];
    double r = s2[j + 1] - s2[i] - a * a / wt;
    return r > 0 ? r : 0;
  }
}
