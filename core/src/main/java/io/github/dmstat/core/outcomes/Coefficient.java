package io.github.dmstat.core.outcomes;

import io.github.dmstat.core.Checks;
import java.util.Locale;
import java.util.Objects;

/**
 * One regression coefficient with its standard error, t statistic and two-sided p value.
 *
 * @param term name
 * @param estimate coefficient
 * @param se standard error
 * @param t {@code estimate/se}
 * @param p two-sided p value
 */
public record Coefficient(String term, double estimate, double se, double t, double p) {
  /**
   * Checks the components.
   *
   * @param term name, not null
   * @param estimate coefficient, finite
   * @param se standard error, finite and {@code >= 0}
   * @param t {@code estimate/se} (not checked)
   * @param p two-sided p value, in [0, 1]
   * @throws IllegalArgumentException when {@code estimate}, {@code se} or {@code p} is out of range
   */
  public Coefficient {
    Objects.requireNonNull(term, "term");
    Checks.finite("estimate", estimate);
    Checks.finiteNonNegative("se", se);
    if (!(p >= 0 && p <= 1)) {
      throw Checks.badArgument("p", "must be in [0, 1]", p);
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s %s (se %s, t %.3f, p %s)", term, Stat.g(estimate), Stat.g(se), t,
        Stat.p(p));
  }
}
