package io.github.dmstat.core.concentration;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Location quotient of one area: {@code LQ_i = (e_i / p_i) / (E / P)}, the area's rate relative to
 * the rate over all areas (1 = average, 2 = twice the overall rate). Undefined (empty) for an area
 * with population 0.
 *
 * @param area area id
 * @param events events {@code e_i}
 * @param population inhabitants {@code p_i}
 * @param quotient {@code LQ_i}, empty when {@code p_i = 0}
 */
public record LocationQuotient(String area, long events, double population, OptionalDouble quotient) {
  /**
   * Throws {@link NullPointerException} when {@code area} or {@code quotient} is null.
   *
   * @param area area id
   * @param events events {@code e_i}
   * @param population inhabitants {@code p_i}
   * @param quotient {@code LQ_i}, empty when {@code p_i = 0}
   */
  public LocationQuotient {
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(quotient, "quotient");
  }

  @Override
  public String toString() {
    return "LocationQuotient[" + area + ": " + (quotient.isPresent()
        ? String.format(Locale.ROOT, "%.3f", quotient.getAsDouble()) : "undefined (population 0)") + "]";
  }
}
