package io.github.dmstat.core.survey;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.Group;
import java.util.Locale;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Change in prevalence between two independent survey samples (e.g. two survey years):
 * {@code Δ = p₂ − p₁}, {@code se(Δ) = √(se₁² + se₂²)}, Wald interval {@code Δ ± z·se(Δ)} and
 * two-sided test {@code z = Δ/se(Δ)}, {@code P = 2Φ(−|z|)}. Independence of the samples is
 * assumed (no shared PSUs); see Korn &amp; Graubard (1999), <i>Analysis of Health Surveys</i>,
 * §3.5.
 *
 * @param group the domain compared
 * @param earlier prevalence in the first sample
 * @param later prevalence in the second sample
 * @param difference {@code later − earlier}
 * @param se standard error of the difference
 * @param z test statistic
 * @param pValue two-sided p-value
 * @param ciLower lower bound of the difference
 * @param ciUpper upper bound of the difference
 * @param level confidence level
 */
public record PrevalenceChange(Group group, double earlier, double later, double difference, double se, double z,
    double pValue, double ciLower, double ciUpper, double level) {

  /**
   * The change from {@code first} to {@code second}; both must be published (not suppressed):
   * a suppressed cell cannot enter a comparison that would reveal it.
   *
   * @param first the estimate of the first (earlier) sample; its group names the result
   * @param second the estimate of the second (later) sample
   * @param level confidence level of the interval, strictly between 0 and 1
   * @return the change, its standard error, test and Wald interval
   * @throws IllegalArgumentException when {@code level} is out of range, either estimate is
   *     suppressed, or both standard errors are 0
   */
  public static PrevalenceChange between(PrevalenceEstimate first, PrevalenceEstimate second, double level) {
    Checks.level(level);
    PrevalenceValue a = first.value().orElseThrow(() -> new IllegalArgumentException(
        "first estimate (" + first.group() + ") is suppressed: " + first.note()));
    PrevalenceValue b = second.value().orElseThrow(() -> new IllegalArgumentException(
        "second estimate (" + second.group() + ") is suppressed: " + second.note()));
    double diff = b.prevalence() - a.prevalence();
    double se = Math.sqrt(a.se() * a.se() + b.se() * b.se());
    if (!(se > 0)) {
      throw new IllegalArgumentException("both standard errors are 0: no test of the change is possible");
    }
    NormalDistribution n = NormalDistribution.of(0, 1);
    double z = diff / se;
    double p = 2 * n.cumulativeProbability(-Math.abs(z));
    double q = n.inverseCumulativeProbability(1 - (1 - level) / 2);
    return new PrevalenceChange(first.group(), a.prevalence(), b.prevalence(), diff, se, z, p, diff - q * se,
        diff + q * se, level);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Change[%s%+.2f pp (%s%% CI %+.2f to %+.2f), %.2f%% → %.2f%%, z=%.2f, p=%.4f]",
        group.isAll() ? "" : group + ": ", 100 * difference, PrevalenceEstimate.levelText(level), 100 * ciLower,
        100 * ciUpper, 100 * earlier, 100 * later, z, pValue);
  }
}
