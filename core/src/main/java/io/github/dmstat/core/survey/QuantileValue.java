package io.github.dmstat.core.survey;

import java.util.OptionalDouble;

/**
 * The numbers of a published quantile. A bound is empty where the probability band leaves
 * [0, 1] (R gives {@code NaN} there: the data cannot say how far the interval reaches), and the
 * standard error, derived from the interval's width, is empty with it.
 *
 * @param estimate the quantile
 * @param ciLower lower confidence bound, empty when undefined
 * @param ciUpper upper confidence bound, empty when undefined
 * @param se {@code (upper − lower)/(2t)}, empty when a bound is
 */
public record QuantileValue(double estimate, OptionalDouble ciLower, OptionalDouble ciUpper, OptionalDouble se) {
  /**
   * Checks the components.
   *
   * @param estimate the quantile, finite
   * @param ciLower lower bound
   * @param ciUpper upper bound
   * @param se standard error
   * @throws IllegalArgumentException when {@code estimate} is not finite
   * @throws NullPointerException when an optional is {@code null}
   */
  public QuantileValue {
    if (!Double.isFinite(estimate)) {
      throw new IllegalArgumentException("a quantile must be a finite number but was " + estimate);
    }
    java.util.Objects.requireNonNull(ciLower, "ciLower");
    java.util.Objects.requireNonNull(ciUpper, "ciUpper");
    java.util.Objects.requireNonNull(se, "se");
  }
}
