package io.github.dmstat.core.selection;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One indicator's part in an area's score: {@code contribution = weight × standardised}.
 *
 * @param indicator indicator name
 * @param weight its weight {@code w_k}
 * @param raw the area's raw value (empty when missing)
 * @param standardised standardised value {@code s_k} (empty when missing)
 * @param contribution {@code w_k · s_k} (empty when missing)
 */
public record Contribution(String indicator, double weight, OptionalDouble raw, OptionalDouble standardised,
    OptionalDouble contribution) {
  /**
   * Throws {@link NullPointerException} when a component other than {@code weight} is null.
   *
   * @param indicator indicator name
   * @param weight its weight {@code w_k}
   * @param raw the area's raw value (empty when missing)
   * @param standardised standardised value {@code s_k} (empty when missing)
   * @param contribution {@code w_k · s_k} (empty when missing)
   */
  public Contribution {
    Objects.requireNonNull(indicator, "indicator");
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(standardised, "standardised");
    Objects.requireNonNull(contribution, "contribution");
  }

  @Override
  public String toString() {
    if (raw.isEmpty()) {
      return indicator + " missing";
    }
    return String.format(Locale.ROOT, "%s %.4g → %.3f × %s = %+.3f", indicator, raw.getAsDouble(),
        standardised.getAsDouble(), Double.toString(weight), contribution.getAsDouble());
  }
}
