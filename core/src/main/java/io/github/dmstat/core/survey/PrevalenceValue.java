package io.github.dmstat.core.survey;

import java.util.OptionalDouble;

/**
 * The numbers of a published (not suppressed) prevalence estimate. Proportions are in [0, 1];
 * percentages exist only when formatting.
 *
 * @param prevalence weighted proportion
 * @param se linearised standard error
 * @param ciLower lower confidence bound
 * @param ciUpper upper confidence bound
 * @param designEffect design effect (empty where undefined, see {@link PrevalenceEstimator})
 * @param effectiveN {@code n / deff} (empty where the design effect is undefined)
 */
public record PrevalenceValue(double prevalence, double se, double ciLower, double ciUpper,
    OptionalDouble designEffect, OptionalDouble effectiveN) {
  public PrevalenceValue {
    if (!(prevalence >= 0 && prevalence <= 1)) {
      throw new IllegalArgumentException("prevalence must be in [0, 1] but was " + prevalence);
    }
    if (!(se >= 0) || Double.isNaN(ciLower) || Double.isNaN(ciUpper)) {
      throw new IllegalArgumentException("se and interval must be numbers but were " + se + ", " + ciLower + ", " + ciUpper);
    }
  }

  /** Relative standard error {@code se/p} ({@code +∞} when p = 0). */
  public double relativeSe() {
    return prevalence == 0 ? Double.POSITIVE_INFINITY : se / prevalence;
  }
}
