package io.github.dmstat.core.survey;

import io.github.dmstat.core.Coded;
import io.github.dmstat.core.Labels;
import java.util.Locale;

/**
 * How a quantile is read off the weighted empirical distribution function, as R
 * {@code survey::svyquantile}'s {@code qrule}.
 */
public enum QuantileRule implements Coded {
  /**
   * The inverse of the weighted CDF, {@code min{y : F̂(y) >= p}} (R's default {@code "math"},
   * {@code "hf1"}); a cumulative weight exactly at {@code p} gives the lower value.
   */
  MATH,
  /** As {@link #MATH}, but a cumulative weight exactly at {@code p} gives the midpoint of the two values ({@code "school"}, {@code "hf2"}). */
  SCHOOL,
  /** Linear interpolation between plotting positions {@code C_{k−1}/C_{n−1}} (a weighted Hyndman–Fan type 7, {@code "hf7"}). */
  HF7;

  /**
   * Parses {@code math|school|hf7} (any case; surrounding blanks ignored).
   *
   * @param text the code or enum name
   * @return the rule
   * @throws IllegalArgumentException when {@code text} is {@code null} or names no rule
   */
  public static QuantileRule parse(String text) {
    return Labels.parse(QuantileRule.class, "quantile rule", text);
  }

  /**
   * The name R gives the rule.
   *
   * @return {@code math}, {@code school} or {@code hf7}
   */
  @Override
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The quantile at {@code p} of sorted values {@code y[0..n)} with cumulative weights
   * {@code c[k] = w_0 + … + w_k} (each the exact sum rounded to double), as R's rule functions
   * compute it in double precision.
   */
  double apply(double[] y, double[] c, int n, double p) {
    double total = c[n - 1];
    if (this == HF7) {
      if (n == 1) {
        return y[0];
      }
      if (p < 0) {
        return y[0];
      }
      if (p > 1) {
        return y[n - 1];
      }
      // positions pk_0 = 0, pk_k = c[k-1]/c[n-2]
      double last = c[n - 2];
      int i = 0;
      for (int k = 1; k < n; k++) {
        if (c[k - 1] / last <= p) {
          i = k;
        }
      }
      double pi = i == 0 ? 0 : c[i - 1] / last;
      if (p == pi || i == n - 1) {
        return y[i];
      }
      double pn = c[i] / last;
      return y[i] + (y[i + 1] - y[i]) * ((p - pi) / (pn - pi));
    }
    int pos = 0;
    double target = p * total;
    for (int k = 0; k < n; k++) {
      if (c[k] <= target) {
        pos = k;
      }
    }
    int next = Math.min(pos + 1, n - 1);
    if (p - c[pos] / total == 0) {
      return this == SCHOOL ? (y[pos] + y[next]) / 2 : y[pos];
    }
    return y[next];
  }
}
