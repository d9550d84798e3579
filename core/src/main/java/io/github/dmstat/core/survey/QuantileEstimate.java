package io.github.dmstat.core.survey;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.Group;
import io.github.dmstat.core.disclosure.Reliability;
import java.util.Objects;
import java.util.Optional;

/**
 * One quantile in one domain after the reliability rule; a suppressed estimate has no value.
 *
 * @param group the domain
 * @param probability the quantile's probability, e.g. 0.5 for the median
 * @param n rows of the domain with the variable observed (zero weights included)
 * @param degreesOfFreedom design degrees of freedom of those rows with a positive weight
 * @param reliability publication status
 * @param note why it is unreliable or suppressed (empty when OK)
 * @param value the numbers, absent when suppressed
 */
public record QuantileEstimate(Group group, double probability, long n, int degreesOfFreedom, Reliability reliability,
    String note, Optional<QuantileValue> value) {
  /**
   * Checks the components and reads a {@code null} note as empty.
   *
   * @param group the domain
   * @param probability the probability
   * @param n rows with the variable observed
   * @param degreesOfFreedom design degrees of freedom
   * @param reliability publication status
   * @param note why it is unreliable or suppressed, or {@code null}
   * @param value the numbers, absent exactly when suppressed
   * @throws NullPointerException when {@code group}, {@code reliability} or {@code value} is {@code null}
   * @throws IllegalArgumentException when a suppressed estimate has a value or another has none
   */
  public QuantileEstimate {
    Objects.requireNonNull(group, "group");
    note = note == null ? "" : note;
    Checks.valueMatchesStatus(reliability, value);
  }

  @Override
  public String toString() {
    String where = group.isAll() ? "" : group + ": ";
    if (value.isEmpty()) {
      return "Quantile[" + where + "p=" + probability + " suppressed (" + note + "), n=" + n + "]";
    }
    QuantileValue v = value.get();
    return "Quantile[" + where + "p=" + probability + ": " + StatisticTable.number(v.estimate()) + " (CI "
        + bound(v.ciLower()) + " – " + bound(v.ciUpper()) + "), n=" + n
        + (reliability == Reliability.UNRELIABLE ? ", unreliable: " + note : "") + "]";
  }

  static String bound(java.util.OptionalDouble b) {
    return b.isPresent() ? StatisticTable.number(b.getAsDouble()) : "?";
  }
}
