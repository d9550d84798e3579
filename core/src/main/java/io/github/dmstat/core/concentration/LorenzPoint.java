package io.github.dmstat.core.concentration;

import java.util.Locale;
import java.util.Objects;

/**
 * One point of a {@link LorenzCurve}: after the first {@code k} areas (in curve order) a share
 * {@code x} of the areas (or of the population) holds a share {@code y} of the events. Both shares
 * are proportions in [0, 1].
 *
 * @param k number of areas accumulated (0 for the origin)
 * @param area the {@code k}-th area ({@code ""} for the origin)
 * @param x cumulative share of areas (or population)
 * @param y cumulative share of events
 */
public record LorenzPoint(int k, String area, double x, double y) {
  /**
   * Throws {@link IllegalArgumentException} when {@code k < 0} or a share is not in [0, 1],
   * {@link NullPointerException} when {@code area} is null.
   *
   * @param k number of areas accumulated (0 for the origin)
   * @param area the {@code k}-th area ({@code ""} for the origin)
   * @param x cumulative share of areas (or population)
   * @param y cumulative share of events
   */
  public LorenzPoint {
    Objects.requireNonNull(area, "area");
    if (k < 0 || !(x >= 0 && x <= 1 + 1e-12) || !(y >= 0 && y <= 1 + 1e-12)) {
      throw new IllegalArgumentException("Lorenz point needs k >= 0 and shares in [0, 1] but was k=" + k + ", x=" + x
          + ", y=" + y);
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "(%.4f, %.4f)", x, y);
  }
}
