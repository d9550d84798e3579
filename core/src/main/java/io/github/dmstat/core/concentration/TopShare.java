package io.github.dmstat.core.concentration;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Share of all events that occur in the top {@code fraction} of areas: the
 * {@code k = ⌈fraction · n⌉} areas with the most events (a tolerance of 1e-9 keeps
 * {@code 0.1 · 60} at 6). Areas with equal counts at the cut are taken in ascending area-id order;
 * the share does not depend on that choice, the list of areas does, and {@link #tie()} says so.
 *
 * @param fraction requested fraction of areas, in (0, 1]
 * @param areas number of areas {@code n}
 * @param k number of top areas
 * @param topEvents events in the top {@code k} areas
 * @param totalEvents all events {@code E}
 * @param share {@code topEvents / E}, in [0, 1]
 * @param topAreas ids of the top areas, most events first
 * @param tie description of a tie at the cut, if any
 */
public record TopShare(double fraction, int areas, int k, long topEvents, long totalEvents, double share,
    List<String> topAreas, Optional<String> tie) {
  /**
   * Copies {@code topAreas}; throws {@link IllegalArgumentException} when {@code fraction} is not in
   * (0, 1], {@code k} is not in [1, {@code areas}], {@code topAreas} does not have {@code k} ids or
   * {@code share} is not in [0, 1]; {@link NullPointerException} when {@code tie} is null.
   *
   * @param fraction requested fraction of areas, in (0, 1]
   * @param areas number of areas {@code n}
   * @param k number of top areas
   * @param topEvents events in the top {@code k} areas
   * @param totalEvents all events {@code E}
   * @param share {@code topEvents / E}, in [0, 1]
   * @param topAreas ids of the top areas, most events first
   * @param tie description of a tie at the cut, if any
   */
  public TopShare {
    topAreas = List.copyOf(topAreas);
    Objects.requireNonNull(tie, "tie");
    if (!(fraction > 0 && fraction <= 1) || k < 1 || k > areas || topAreas.size() != k || !(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("inconsistent top share: fraction=" + fraction + ", k=" + k + ", n=" + areas
          + ", share=" + share);
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "TopShare[%.1f%% of events (%d of %d) in the top %s%% of areas (%d of %d)%s]",
        100 * share, topEvents, totalEvents, pct(fraction), k, areas, tie.map(t -> "; " + t).orElse(""));
  }

  private static String pct(double f) {
    double p = 100 * f;
    return p == Math.rint(p) ? Long.toString((long) p) : String.format(Locale.ROOT, "%.2f", p);
  }
}
