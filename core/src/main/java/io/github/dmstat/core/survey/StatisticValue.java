package io.github.dmstat.core.survey;

import java.util.OptionalDouble;

/**
 * The numbers of a published (not suppressed) total, mean or ratio.
 *
 * @param estimate the total, mean or ratio
 * @param se its linearised standard error
 * @param ciLower lower confidence bound
 * @param ciUpper upper confidence bound
 * @param designEffect design effect against simple random sampling without replacement (totals and
 *     means; empty for ratios and where undefined)
 */
public record StatisticValue(double estimate, double se, double ciLower, double ciUpper, OptionalDouble designEffect) {
  /**
   * Checks the numbers.
   *
   * @param estimate the total, mean or ratio, finite
   * @param se its standard error, {@code >= 0}
   * @param ciLower lower confidence bound, not {@code NaN}
   * @param ciUpper upper confidence bound, not {@code NaN}
   * @param designEffect design effect (empty where undefined)
   * @throws IllegalArgumentException when {@code estimate} is not finite, {@code se} is negative or
   *     {@code NaN}, or a bound is {@code NaN}
   * @throws NullPointerException when {@code designEffect} is {@code null}
   */
  public StatisticValue {
    if (!Double.isFinite(estimate) || !(se >= 0) || Double.isNaN(ciLower) || Double.isNaN(ciUpper)) {
      throw new IllegalArgumentException("estimate, se and interval must be numbers but were " + estimate + ", " + se
          + ", " + ciLower + ", " + ciUpper);
    }
    java.util.Objects.requireNonNull(designEffect, "designEffect");
  }

  /**
   * Relative standard error {@code se/|estimate|} ({@code +∞} when the estimate is 0).
   *
   * @return the relative standard error as a fraction (0.3 is 30%), or {@link Double#POSITIVE_INFINITY}
   */
  public double relativeSe() {
    return estimate == 0 ? Double.POSITIVE_INFINITY : se / Math.abs(estimate);
  }
}
