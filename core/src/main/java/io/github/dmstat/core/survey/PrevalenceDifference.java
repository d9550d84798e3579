package io.github.dmstat.core.survey;

import io.github.dmstat.core.Group;
import java.util.Locale;

/**
 * Difference between the prevalences of two domains of the same survey (e.g. students and
 * non-students), with the design-based covariance of the two estimates:
 * {@code Δ = p_b − p_a}, {@code V(Δ) = V(p_a) + V(p_b) − 2 C(p_a, p_b)}, where the covariance
 * comes from the same Taylor linearisation over the full design (both domains share PSUs), as R
 * {@code svycontrast(svyby(..., covmat = TRUE), c(-1, 1))}. Wald interval {@code Δ ± z·se} and
 * two-sided test {@code z = Δ/se}, {@code P = 2Φ(−|z|)} (Lumley 2010, §2.4, §5.2).
 *
 * @param first the domain {@code a}
 * @param second the domain {@code b}
 * @param firstPrevalence {@code p_a}
 * @param secondPrevalence {@code p_b}
 * @param difference {@code p_b − p_a}
 * @param covariance {@code C(p_a, p_b)}
 * @param se standard error of the difference
 * @param z test statistic
 * @param pValue two-sided p-value
 * @param ciLower lower bound of the difference
 * @param ciUpper upper bound of the difference
 * @param level confidence level
 */
public record PrevalenceDifference(Group first, Group second, double firstPrevalence, double secondPrevalence,
    double difference, double covariance, double se, double z, double pValue, double ciLower, double ciUpper,
    double level) {
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Difference[%s − %s: %+.2f pp (%s%% CI %+.2f to %+.2f), %.2f%% vs %.2f%%, z=%.2f, p=%.4f]",
        second, first, 100 * difference, PrevalenceEstimate.levelText(level), 100 * ciLower, 100 * ciUpper,
        100 * secondPrevalence, 100 * firstPrevalence, z, pValue);
  }
}
