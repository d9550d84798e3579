package io.github.dmstat.core.spatial;

import io.github.dmstat.core.Checks;
import java.util.Locale;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Global Moran's I with its moments under both null hypotheses of R {@code spdep::moran.test}
 * (normality and randomisation) and, optionally, a permutation p-value.
 *
 * @param statistic Moran's I
 * @param expectation {@code E(I) = −1/(n − 1)}
 * @param varianceNormality {@code Var(I)} under normality
 * @param varianceRandomisation {@code Var(I)} under randomisation
 * @param n areas used in the formulas: all areas minus those without neighbours (spdep
 *     {@code adjust.n = TRUE} with {@code zero.policy = TRUE})
 * @param islands areas without neighbours (kept in the mean and variance of x)
 * @param permutations number of random permutations (0 = none)
 * @param permutationP one-sided ("greater") permutation p-value {@code (#{I_perm >= I} + 1)/(nsim + 1)}
 */
public record MoranResult(double statistic, double expectation, double varianceNormality,
    double varianceRandomisation, int n, int islands, int permutations, OptionalDouble permutationP) {
  private static final NormalDistribution STD = NormalDistribution.of(0, 1);

  /**
   * Checks the values.
   *
   * @param statistic Moran's I, finite
   * @param expectation {@code E(I)}, finite
   * @param varianceNormality {@code Var(I)} under normality, finite
   * @param varianceRandomisation {@code Var(I)} under randomisation, finite
   * @param n areas with neighbours, {@code >= 4}
   * @param islands areas without neighbours
   * @param permutations number of random permutations, {@code >= 0}
   * @param permutationP permutation p-value, present exactly when {@code permutations > 0}
   * @throws IllegalArgumentException when the statistic, expectation or a variance is not finite,
   *     {@code n < 4}, {@code permutations < 0}, or {@code permutationP} is present when
   *     {@code permutations = 0} or absent when {@code permutations > 0}
   */
  public MoranResult {
    Checks.finite("Moran's I", statistic);
    Checks.finite("expectation", expectation);
    Checks.finite("variance under normality", varianceNormality);
    Checks.finite("variance under randomisation", varianceRandomisation);
    if (n < 4) {
      throw Checks.badArgument("number of areas with neighbours", "must be at least 4", n);
    }
    if (permutations < 0 || (permutations == 0) != permutationP.isEmpty()) {
      throw Checks.badArgument("permutations", "must be >= 0 and match the presence of a permutation p", permutations);
    }
  }

  /**
   * {@code z = (I − E(I)) / √Var(I)} under normality.
   *
   * @return the standard deviate under normality (spdep {@code moran.test(randomisation = FALSE)})
   */
  public double zNormality() {
    return (statistic - expectation) / Math.sqrt(varianceNormality);
  }

  /**
   * {@code z = (I − E(I)) / √Var(I)} under randomisation.
   *
   * @return the standard deviate under randomisation (spdep {@code moran.test} default)
   */
  public double zRandomisation() {
    return (statistic - expectation) / Math.sqrt(varianceRandomisation);
  }

  /**
   * One-sided ("greater", positive autocorrelation) p under normality: {@code 1 − Φ(z)}.
   *
   * @return the p-value, in [0, 1], of {@link #zNormality()}
   */
  public double pNormality() {
    return STD.survivalProbability(zNormality());
  }

  /**
   * One-sided ("greater") p under randomisation: {@code 1 − Φ(z)}.
   *
   * @return the p-value, in [0, 1], of {@link #zRandomisation()}
   */
  public double pRandomisation() {
    return STD.survivalProbability(zRandomisation());
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "MoranResult[I=%.4f, E(I)=%.4f, z=%.3f (randomisation), p=%.3g (greater)%s, n=%d%s]",
        statistic, expectation, zRandomisation(), pRandomisation(),
        permutationP.isPresent() ? String.format(Locale.ROOT, ", permutation p=%.4f (%d permutations)",
            permutationP.getAsDouble(), permutations) : "",
        n, islands > 0 ? ", " + islands + " without neighbours" : "");
  }
}
