package io.github.dmstat.core.selection;

import java.util.SplittableRandom;

/** Standard normal deviates by the polar method (Marsaglia 1964), deterministic for a seed. */
final class Gaussian {
  private final SplittableRandom rnd;
  private double spare;
  private boolean hasSpare;

  Gaussian(long seed) {
    this.rnd = new SplittableRandom(seed);
  }

  double next() {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * rnd.nextDouble() - 1;
      v = 2 * rnd.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double f = Math.sqrt(-2 * Math.log(s) / s);
    spare = v * f;
    hasSpare = true;
    return u * f;
  }
}
