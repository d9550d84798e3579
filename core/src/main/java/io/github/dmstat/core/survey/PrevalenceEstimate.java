package io.github.dmstat.core.survey;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.Group;
import io.github.dmstat.core.disclosure.Reliability;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Prevalence in one domain after the reliability rule.
 *
 * <p>A {@link Reliability#SUPPRESSED suppressed} estimate has no {@link #value()}: its
 * prevalence, standard error, interval and design effect exist nowhere, so no output can show
 * them. Counts ({@code n}, domain rows) and the weight sum stay.
 *
 * @param group the domain
 * @param n rows in the domain with an observed outcome
 * @param weightSum sum of their weights
 * @param degreesOfFreedom design degrees of freedom of the domain
 * @param method interval method
 * @param level confidence level
 * @param reliability publication status
 * @param note why it is unreliable or suppressed (empty when OK)
 * @param value the numbers, absent when suppressed
 */
public record PrevalenceEstimate(Group group, long n, double weightSum, int degreesOfFreedom,
    IntervalMethod method, double level, Reliability reliability, String note,
    Optional<PrevalenceValue> value) {
  /**
   * Checks the components and reads a {@code null} note as empty.
   *
   * @param group the domain
   * @param n rows in the domain with an observed outcome
   * @param weightSum sum of their weights
   * @param degreesOfFreedom design degrees of freedom of the domain
   * @param method interval method
   * @param level confidence level
   * @param reliability publication status
   * @param note why it is unreliable or suppressed, or {@code null} for none
   * @param value the numbers, absent exactly when suppressed
   * @throws NullPointerException when {@code group}, {@code method}, {@code reliability} or
   *     {@code value} is {@code null}
   * @throws IllegalArgumentException when a suppressed estimate has a value or another has none
   */
  public PrevalenceEstimate {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(method, "method");
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
      return "Prevalence[" + where + "suppressed (" + note + "), n=" + n + "]";
    }
    PrevalenceValue v = value.get();
    return String.format(Locale.ROOT, "Prevalence[%s%.2f%% (%s%% CI %.2f–%.2f, %s), n=%d%s%s]",
        where, 100 * v.prevalence(), levelText(level), 100 * v.ciLower(), 100 * v.ciUpper(), method.code(), n,
        v.designEffect().isPresent() ? String.format(Locale.ROOT, ", deff=%.2f", v.designEffect().getAsDouble()) : "",
        reliability == Reliability.UNRELIABLE ? ", unreliable: " + note : "");
  }

  static String levelText(double level) {
    double pct = 100 * level;
    return pct == Math.rint(pct) ? Integer.toString((int) pct) : String.format(Locale.ROOT, "%.1f", pct);
  }
}
