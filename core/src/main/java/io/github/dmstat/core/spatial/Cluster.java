package io.github.dmstat.core.spatial;

import io.github.dmstat.core.Coded;

/**
 * Local Moran cluster label (LISA quadrant): the sign of the area's deviation from the mean
 * {@code z_i} and of its spatial lag {@code Σ_j w_ij z_j}, "High" when {@code > 0} and "Low"
 * when {@code <= 0} (spdep {@code attr(, "quadr")$pysal}).
 */
public enum Cluster implements Coded {
  /** High value among high neighbours (hot spot). */
  HIGH_HIGH("HH"),
  /** Low value among low neighbours (cold spot). */
  LOW_LOW("LL"),
  /** High value among low neighbours (spatial outlier). */
  HIGH_LOW("HL"),
  /** Low value among high neighbours (spatial outlier). */
  LOW_HIGH("LH"),
  /** p above alpha (after correction), or no p-value. */
  NOT_SIGNIFICANT("not significant"),
  /** No neighbours: no local statistic. */
  NO_NEIGHBOURS("no neighbours");

  private final String label;

  Cluster(String label) {
    this.label = label;
  }

  /**
   * The machine token (JSON, CSV): HH, LL, HL, LH, "not significant", "no neighbours".
   *
   * @return the token of this label
   */
  public String code() {
    return label;
  }

  /**
   * The quadrant of {@code z} and {@code lag} (each High when {@code > 0}).
   *
   * @param z the area's deviation from the mean, {@code z_i}
   * @param lag the spatial lag of the deviations, {@code Σ_j w_ij z_j}
   * @return {@link #HIGH_HIGH}, {@link #HIGH_LOW}, {@link #LOW_HIGH} or {@link #LOW_LOW}, regardless of
   *     significance
   */
  public static Cluster quadrant(double z, double lag) {
    boolean hz = z > 0;
    boolean hl = lag > 0;
    return hz ? (hl ? HIGH_HIGH : HIGH_LOW) : (hl ? LOW_HIGH : LOW_LOW);
  }
}
