package io.github.dmstat.core.selection;

import java.util.Locale;
import java.util.Objects;

/**
 * One selected area.
 *
 * @param rank position in the selection (1 = highest score)
 * @param area area id
 * @param score composite score
 * @param reason why it is selected
 */
public record SelectedArea(int rank, String area, double score, String reason) {
  /**
   * Throws {@link IllegalArgumentException} when {@code rank < 1} or {@code score} is not finite,
   * {@link NullPointerException} when {@code area} or {@code reason} is null.
   *
   * @param rank position in the selection (1 = highest score)
   * @param area area id
   * @param score composite score
   * @param reason why it is selected
   */
  public SelectedArea {
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(reason, "reason");
    if (rank < 1 || !Double.isFinite(score)) {
      throw new IllegalArgumentException("selected area '" + area + "' needs rank >= 1 and a finite score but had rank "
          + rank + ", score " + score);
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%d. %s (score %.3f; %s)", rank, area, score, reason);
  }
}
