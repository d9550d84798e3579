package io.github.dmstat.core.survey;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.Group;
import io.github.dmstat.core.disclosure.Reliability;
import java.util.Objects;
import java.util.Optional;

/**
 * A total, mean or ratio in one domain after the reliability rule. A
 * {@link Reliability#SUPPRESSED suppressed} estimate has no {@link #value()}: its estimate,
 * standard error and interval exist nowhere, so no output can show them.
 *
 * @param group the domain
 * @param n rows in the domain with the variable (and denominator) observed
 * @param weightSum sum of their weights (the estimated population of the domain)
 * @param degreesOfFreedom design degrees of freedom of the domain
 * @param reliability publication status
 * @param note why it is unreliable or suppressed (empty when OK)
 * @param value the numbers, absent when suppressed
 */
public record StatisticEstimate(Group group, long n, double weightSum, int degreesOfFreedom, Reliability reliability,
    String note, Optional<StatisticValue> value) {
  /**
   * Checks the components and reads a {@code null} note as empty.
   *
   * @param group the domain
   * @param n rows in the domain with the variable observed
   * @param weightSum sum of their weights
   * @param degreesOfFreedom design degrees of freedom of the domain
   * @param reliability publication status
   * @param note why it is unreliable or suppressed, or {@code null} for none
   * @param value the numbers, absent exactly when suppressed
   * @throws NullPointerException when {@code group}, {@code reliability} or {@code value} is {@code null}
   * @throws IllegalArgumentException when a suppressed estimate has a value or another has none
   */
  public StatisticEstimate {
    Objects.requireNonNull(group, "group");
    note = note == null ? "" : note;
    Checks.valueMatchesStatus(reliability, value);
  }

  /**
   * Whether it is suppressed.
   *
   * @return {@code true} when {@link #reliability()} is {@link Reliability#SUPPRESSED} (then
   *     {@link #value()} is empty)
   */
  public boolean suppressed() {
    return reliability == Reliability.SUPPRESSED;
  }

  @Override
  public String toString() {
    String where = group.isAll() ? "" : group + ": ";
    if (value.isEmpty()) {
      return "Estimate[" + where + "suppressed (" + note + "), n=" + n + "]";
    }
    StatisticValue v = value.get();
    return "Estimate[" + where + StatisticTable.number(v.estimate()) + " (se " + StatisticTable.number(v.se())
        + ", CI " + StatisticTable.number(v.ciLower()) + " – " + StatisticTable.number(v.ciUpper()) + "), n=" + n
        + (reliability == Reliability.UNRELIABLE ? ", unreliable: " + note : "") + "]";
  }
}
