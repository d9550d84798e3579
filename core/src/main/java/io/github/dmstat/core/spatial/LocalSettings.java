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
  public LocalSettings {
    Checks.level(alpha);
    if (correction == null) {
      throw Checks.badArgument("correction", "must be present", null);
    }
    if (permutations < 0 || permutations > 1_000_000) {
      throw Checks.badArgument("permutations", "must be between 0 and 1,000,000", permutations);
    }
  }

  /** alpha 0.05, no correction, no permutations, seed 1. */
  public static LocalSettings withDefaults() {
    return new LocalSettings(0.05, MultipleTesting.NONE, 0, 1L);
  }

  /** With another significance level. */
  public LocalSettings withAlpha(double a) {
    return new LocalSettings(a, correction, permutations, seed);
  }

  /** With another multiple-testing correction. */
  public LocalSettings with(MultipleTesting c) {
    return new LocalSettings(alpha, c, permutations, seed);
  }

  /** With {@code nsim} conditional permutations drawn from a generator seeded with {@code seed}. */
  public LocalSettings withPermutations(int nsim, long s) {
    return new LocalSettings(alpha, correction, nsim, s);
  }
}
