package io.github.dmstat.core.spatial;

import io.github.dmstat.core.Checks;

/**
 * Settings for local statistics (local Moran, Getis–Ord Gi*): significance level, correction
 * for testing every area, and conditional permutations. Immutable; change with {@code with…}.
 *
 * @param alpha significance level: an area is labelled significant when its (corrected) p is
 *     {@code <= alpha}
 * @param correction multiple-testing correction over the tested areas
 * @param permutations conditional permutations per area (0 = analytical p-values only); when
 *     {@code > 0}, local Moran labels use the permutation p-value
 * @param seed seed of the {@link java.util.SplittableRandom} used for permutations
 */
public record LocalSettings(double alpha, MultipleTesting correction, int permutations, long seed) {
  /**
   * Checks the settings.
   *
   * @param alpha significance level, strictly between 0 and 1
   * @param correction multiple-testing correction, not {@code null}
   * @param permutations conditional permutations per area, 0 to 1,000,000
   * @param seed seed of the permutations' random generator
   * @throws IllegalArgumentException when {@code alpha} is not strictly between 0 and 1,
   *     {@code correction} is {@code null} or {@code permutations} is outside 0 to 1,000,000
   */
  public LocalSettings {
    Checks.level(alpha);
    if (correction == null) {
      throw Checks.badArgument("correction", "must be present", null);
    }
    if (permutations < 0 || permutations > 1_000_000) {
      throw Checks.badArgument("permutations", "must be between 0 and 1,000,000", permutations);
    }
  }

  /**
   * alpha 0.05, no correction, no permutations, seed 1.
   *
   * @return the default settings
   */
  public static LocalSettings withDefaults() {
    return new LocalSettings(0.05, MultipleTesting.NONE, 0, 1L);
  }

  /**
   * With another significance level.
   *
   * @param a significance level, strictly between 0 and 1
   * @return new settings, the rest unchanged
   * @throws IllegalArgumentException when {@code a} is not strictly between 0 and 1
   */
  public LocalSettings withAlpha(double a) {
    return new LocalSettings(a, correction, permutations, seed);
  }

  /**
   * With another multiple-testing correction.
   *
   * @param c the correction, not {@code null}
   * @return new settings, the rest unchanged
   * @throws IllegalArgumentException when {@code c} is {@code null}
   */
  public LocalSettings with(MultipleTesting c) {
    return new LocalSettings(alpha, c, permutations, seed);
  }

  /**
   * With {@code nsim} conditional permutations drawn from a generator seeded with {@code s}.
   *
   * @param nsim permutations per area, 0 to 1,000,000 (0 = analytical p-values only)
   * @param s seed of the random generator
   * @return new settings, the rest unchanged
   * @throws IllegalArgumentException when {@code nsim} is outside 0 to 1,000,000
   */
  public LocalSettings withPermutations(int nsim, long s) {
    return new LocalSettings(alpha, correction, nsim, s);
  }
}
