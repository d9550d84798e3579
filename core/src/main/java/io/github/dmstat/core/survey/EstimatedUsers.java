package io.github.dmstat.core.survey;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.Group;
import java.util.Locale;

/**
 * Estimated number of users: prevalence × population size, {@code U = p·N}, with the interval
 * {@code [L·N, U·N]} from the prevalence interval. {@code N} is a known population count (e.g.
 * CBS inhabitants 18+ of the area), treated as fixed.
 *
 * @param group the domain
 * @param population the population size {@code N}
 * @param users {@code p·N}
 * @param lower {@code max(0, ciLower)·N}
 * @param upper {@code min(1, ciUpper)·N}
 * @param level confidence level of the prevalence interval
 */
public record EstimatedUsers(Group group, double population, double users, double lower, double upper, double level) {

  /**
   * Users from a published estimate and a population size; the interval bounds of the prevalence
   * are first clipped to [0, 1].
   *
   * @param estimate a published (not suppressed) prevalence estimate
   * @param population the population size {@code N} of the estimate's domain, finite and {@code >= 0}
   * @return the estimated users, with the estimate's group and level
   * @throws IllegalArgumentException when the estimate is suppressed or {@code population} is negative,
   *     infinite or {@code NaN}
   */
  public static EstimatedUsers of(PrevalenceEstimate estimate, double population) {
    Checks.finiteNonNegative("population", population);
    PrevalenceValue v = estimate.value().orElseThrow(() -> new IllegalArgumentException(
        "estimate (" + estimate.group() + ") is suppressed: " + estimate.note()));
    return new EstimatedUsers(estimate.group(), population, v.prevalence() * population,
        Math.max(0, v.ciLower()) * population, Math.min(1, v.ciUpper()) * population, estimate.level());
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Users[%s%,.0f (%s%% CI %,.0f–%,.0f) of %,.0f]", group.isAll() ? "" : group + ": ",
        users, PrevalenceEstimate.levelText(level), lower, upper, population);
  }
}
