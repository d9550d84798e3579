package io.github.dmstat.core.outcomes;

import io.github.dmstat.core.Checks;
import java.util.Locale;

/**
 * Counts of a two-group comparison with a binary outcome: {@code eventsTreated} of
 * {@code totalTreated} in the intervention group, {@code eventsControl} of {@code totalControl}
 * in the comparison group.
 *
 * @param eventsTreated events (e.g. re-offenders) among the treated, {@code 0 <= a <= n1}
 * @param totalTreated treated persons, {@code n1 >= 1}
 * @param eventsControl events among the controls, {@code 0 <= c <= n2}
 * @param totalControl control persons, {@code n2 >= 1}
 */
public record TwoByTwo(long eventsTreated, long totalTreated, long eventsControl, long totalControl) {
  /**
   * Checks the counts.
   *
   * @param eventsTreated events among the treated, in [0, totalTreated]
   * @param totalTreated treated persons, {@code >= 1}
   * @param eventsControl events among the controls, in [0, totalControl]
   * @param totalControl control persons, {@code >= 1}
   * @throws IllegalArgumentException when a count is out of range
   */
  public TwoByTwo {
    check("eventsTreated", eventsTreated, "totalTreated", totalTreated);
    check("eventsControl", eventsControl, "totalControl", totalControl);
  }

  private static void check(String ev, long e, String tot, long n) {
    if (n < 1) {
      throw Checks.badArgument(tot, "must be >= 1", n);
    }
    if (e < 0) {
      throw Checks.badArgument(ev, "must be >= 0", e);
    }
    if (e > n) {
      throw Checks.badArgument(ev, "must be <= " + tot + " (" + n + ")", e);
    }
  }

  /**
   * {@code a/n1}.
   *
   * @return the risk in the treated group, in [0, 1]
   */
  public double riskTreated() {
    return (double) eventsTreated / totalTreated;
  }

  /**
   * {@code c/n2}.
   *
   * @return the risk in the control group, in [0, 1]
   */
  public double riskControl() {
    return (double) eventsControl / totalControl;
  }

  /**
   * Whether any of the four cells {@code a, n1−a, c, n2−c} is zero.
   *
   * @return true when a cell is zero (escalc then adds 1/2 to every cell)
   */
  public boolean hasZeroCell() {
    return eventsTreated == 0 || eventsTreated == totalTreated || eventsControl == 0 || eventsControl == totalControl;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "TwoByTwo[treated %d/%d, control %d/%d]", eventsTreated, totalTreated,
        eventsControl, totalControl);
  }
}
