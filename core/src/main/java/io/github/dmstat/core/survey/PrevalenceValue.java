package io.github.dmstat.core.survey;

import java.util.OptionalDouble;

/**
 * The numbers of a published (not suppressed) prevalence estimate. Proportions are in [0, 1];
 * percentages exist only when formatting.
 *
 * @param prevalence weighted proportion
 * @param se linearised standard error
 * @param ciLower lower confidence bound ({@link IntervalMethod#MEAN} may give one below 0)
 * @param ciUpper upper confidence bound ({@link IntervalMethod#MEAN} may give one above 1)
 * @param designEffect design effect (empty where undefined, see {@link PrevalenceEstimator})
 * @param effectiveN {@code n / deff} (empty where the design effect is undefined)
 */
public record PrevalenceValue(double prevalence, double se, double ciLower, double ciUpper,
    OptionalDouble designEffect, OptionalDouble effectiveN) {
  /**
   * Checks the numbers.
   *
   * @param prevalence weighted proportion, in [0, 1]
   * @param se linearised standard error, {@code >= 0}
   * @param ciLower lower confidence bound, not {@code NaN}
   * @param ciUpper upper confidence bound, not {@code NaN}
   * @param designEffect design effect (empty where undefined)
   * @param effectiveN {@code n / deff} (empty where the design effect is undefined)
   * @throws IllegalArgumentException when {@code prevalence} is outside [0, 1], {@code se} is negative
   *     or {@code NaN}, or a bound is {@code NaN}
   */
  public PrevalenceValue {
    if (!(prevalence >= 0 && prevalence <= 1)) {
      throw new IllegalArgumentException("prevalence must be in [0, 1] but was " + prevalence);
    }
    if (!(se >= 0) || Double.isNaN(ciLower) || Double.isNaN(ciUpper)) {
      throw new IllegalArgumentException("se and interval must be numbers but were " + se + ", " + ciLower + ", " + ciUpper);
    }
  }

  /**
   * Relative standard error {@code se/p} ({@code +∞} when p = 0).
   *
   * @return {@code se/p} as a fraction (0.3 is 30%), or {@link Double#POSITIVE_INFINITY}
   */
  public double relativeSe() {
    return prevalence == 0 ? Double.POSITIVE_INFINITY : se / prevalence;
  }
}
