package io.github.dmstat.core.concentration;

import io.github.dmstat.core.internal.IndexOrder;
import io.github.dmstat.core.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Concentration of events over areas: Lorenz curves, Gini coefficients (plain, corrected,
 * generalised for sparse counts, population-weighted), share of events in the top x% of areas,
 * Hoover index and location quotients.
 *
 * <p>Notation: {@code n} areas, events {@code e_i} (total {@code E > 0}), population {@code p_i}
 * (total {@code P}), rate {@code r_i = e_i/p_i}. Every measure needs {@code E > 0} and throws an
 * {@link IllegalArgumentException} otherwise. Ties are always broken by ascending area id, so all
 * results are deterministic and independent of input row order.
 *
 * <p>References: Bernasco &amp; Steenbeek (2017, J. Quant. Criminol. 33:451–467,
 * doi:10.1007/s10940-016-9302-9); Hoover (1941, J. Econ. Hist. 1:1–17); Weisburd (2015,
 * Criminology 53:133–157, doi:10.1111/1745-9125.12070).
 *
 * <pre>{@code
 * ConcentrationSummary s = Concentration.summarise(counts, 0.01, 0.10);
 * LorenzCurve l = Concentration.lorenz(counts);
 * }</pre>
 */
public final class Concentration {
  private Concentration() {}

  /** Default top fractions of {@link #summarise(AreaCounts, double...)}: 1%, 10%. */
  public static final double[] DEFAULT_TOP_FRACTIONS = {0.01, 0.10};

  /**
   * Lorenz curve of the counts: areas ascending by count (ties by id), x = share of areas.
   *
   * @param counts the bound counts (total events {@code > 0})
   * @return the {@link LorenzCurve.Variant#COUNT} curve: the origin and one point per area
   */
  public static LorenzCurve lorenz(AreaCounts counts) {
    counts.requireEvents("Lorenz curve");
    long[] e = counts.eventsView();
    List<String> ids = counts.areas();
    int n = e.length;
    int[] o = IndexOrder.sort(n, (a, b) -> {
      int c = Long.compare(e[a], e[b]);
      return c != 0 ? c : ids.get(a).compareTo(ids.get(b));
    });
    double total = counts.totalEvents();
    List<LorenzPoint> pts = new ArrayList<>(n + 1);
    pts.add(new LorenzPoint(0, "", 0, 0));
    long cum = 0;
    for (int k = 0; k < n; k++) {
      cum += e[o[k]];
      pts.add(new LorenzPoint(k + 1, ids.get(o[k]), (k + 1) / (double) n, cum / total));
    }
    return new LorenzCurve(LorenzCurve.Variant.COUNT, pts, 0);
  }

  /**
   * Population-weighted Lorenz curve: areas ascending by rate (ties by id), x = cumulative share of
   * population, y = cumulative share of events. Areas with population 0 are omitted (reported).
   *
   * @param counts the bound counts (total events {@code > 0})
   * @return the {@link LorenzCurve.Variant#POPULATION} curve; {@link LorenzCurve#omitted()} counts the
   *     areas with population 0
   */
  public static LorenzCurve populationLorenz(AreaCounts counts) {
    counts.requireEvents("population Lorenz curve");
    long[] e = counts.eventsView();
    double[] p = counts.populationView();
    List<String> ids = counts.areas();
    int n = e.length;
    int[] o = IndexOrder.sort(n, (a, b) -> {
      int c = Double.compare(rate(e[a], p[a]), rate(e[b], p[b]));
      return c != 0 ? c : ids.get(a).compareTo(ids.get(b));
    });
    double totalE = counts.totalEvents();
    double totalP = counts.totalPopulation();
    List<LorenzPoint> pts = new ArrayList<>(n + 1);
    pts.add(new LorenzPoint(0, "", 0, 0));
    long cumE = 0;
    double cumP = 0;
    int omitted = 0;
    int k = 0;
    for (int j = 0; j < n; j++) {
      int i = o[j];
      if (p[i] == 0) {
        omitted++;
        continue;
      }
      cumE += e[i];
      cumP += p[i];
      k++;
      pts.add(new LorenzPoint(k, ids.get(i), Math.min(1, cumP / totalP), cumE / totalE));
    }
    return new LorenzCurve(LorenzCurve.Variant.POPULATION, pts, omitted);
  }

  private static double rate(long e, double p) {
    return p > 0 ? e / p : -1;
  }

  /**
   * Plain, corrected and generalised Gini of the counts (see {@link Gini}); needs n ≥ 2.
   *
   * @param counts the bound counts (at least 2 areas, total events {@code > 0})
   * @return the Gini coefficients
   */
  public static Gini gini(AreaCounts counts) {
    counts.requireEvents("Gini");
    return gini(counts.eventsView());
  }

  /**
   * Plain, corrected and generalised Gini of non-negative whole counts (n ≥ 2, total > 0).
   *
   * @param counts event counts, one per area (not modified)
   * @return the Gini coefficients
   * @throws IllegalArgumentException when there are fewer than 2 counts, a count is negative or the total is 0
   */
  public static Gini gini(long[] counts) {
    int n = counts.length;
    if (n < 2) {
      throw Checks.badArgument("number of areas", "must be >= 2 for a Gini coefficient", n);
    }
    long[] x = counts.clone();
    long total = 0;
    for (int i = 0; i < n; i++) {
      if (x[i] < 0) {
        throw Checks.badArgument("count " + (i + 1), "must be >= 0", x[i]);
      }
      total += x[i];
    }
    if (total == 0) {
      throw Checks.badArgument("total events", "must be > 0 for a Gini coefficient", 0);
    }
    java.util.Arrays.sort(x);
    double s = 0;
    for (int k = 0; k < n; k++) {
      s += (k + 1.0) * x[k];
    }
    double g = (2 * s / total - (n + 1)) / n;
    double corrected = g * n / (n - 1.0);
    double generalised = total < n ? 1 - (1 - g) * n / (double) total : g;
    return new Gini(n, total, g, corrected, generalised);
  }

  /**
   * Population-weighted Gini: one minus twice the area under {@link #populationLorenz}; equals
   * {@code Σ_i Σ_j p_i p_j |r_i − r_j| / (2 P² r̄)}.
   *
   * @param counts the bound counts (total events {@code > 0})
   * @return the population-weighted Gini (0 = equal rates)
   */
  public static double populationGini(AreaCounts counts) {
    return populationLorenz(counts).gini();
  }

  /**
   * Share of events in the top {@code fraction} of areas (see {@link TopShare}).
   *
   * @param counts the bound counts (total events {@code > 0})
   * @param fraction in (0, 1], e.g. 0.01 for the top 1%
   * @return the share, the top areas and any tie at the cut
   */
  public static TopShare topShare(AreaCounts counts, double fraction) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw Checks.badArgument("fraction", "must be in (0, 1]", fraction);
    }
    counts.requireEvents("top share");
    long[] e = counts.eventsView();
    List<String> ids = counts.areas();
    int n = e.length;
    int k = (int) Math.max(1, Math.min(n, Math.ceil(fraction * n - 1e-9)));
    int[] o = IndexOrder.sort(n, (a, b) -> {
      int c = Long.compare(e[b], e[a]);
      return c != 0 ? c : ids.get(a).compareTo(ids.get(b));
    });
    long top = 0;
    List<String> topIds = new ArrayList<>(k);
    for (int j = 0; j < k; j++) {
      top += e[o[j]];
      topIds.add(ids.get(o[j]));
    }
    Optional<String> tie = Optional.empty();
    if (k < n && e[o[k]] == e[o[k - 1]]) {
      long c = e[o[k - 1]];
      int first = k - 1;
      while (first > 0 && e[o[first - 1]] == c) {
        first--;
      }
      int last = k;
      while (last + 1 < n && e[o[last + 1]] == c) {
        last++;
      }
      List<String> tied = new ArrayList<>();
      for (int j = first; j <= last; j++) {
        tied.add(ids.get(o[j]));
      }
      tie = Optional.of((last - first + 1) + " areas with " + c + " events tie at the cut; the first " + (k - first)
          + " by area id are counted (" + String.join(", ", tied.subList(0, k - first)) + "), not "
          + String.join(", ", tied.subList(k - first, tied.size())));
    }
    return new TopShare(fraction, n, k, top, counts.totalEvents(), top / (double) counts.totalEvents(), topIds, tie);
  }

  /**
   * Hoover index {@code H = ½ Σ_i |e_i/E − p_i/P|}: the share of events that would have to move for
   * rates to be equal.
   *
   * @param counts the bound counts (total events {@code > 0})
   * @return the index, in [0, 1]
   */
  public static double hoover(AreaCounts counts) {
    counts.requireEvents("Hoover index");
    long[] e = counts.eventsView();
    double[] p = counts.populationView();
    double totalE = counts.totalEvents();
    double totalP = counts.totalPopulation();
    double s = 0;
    for (int i = 0; i < e.length; i++) {
      s += Math.abs(e[i] / totalE - p[i] / totalP);
    }
    return 0.5 * s;
  }

  /**
   * Location quotients {@code (e_i/p_i)/(E/P)} in input order (empty for population 0).
   *
   * @param counts the bound counts (total events {@code > 0})
   * @return one quotient per area, in input order
   */
  public static List<LocationQuotient> locationQuotients(AreaCounts counts) {
    counts.requireEvents("location quotient");
    long[] e = counts.eventsView();
    double[] p = counts.populationView();
    double overall = counts.totalEvents() / counts.totalPopulation();
    List<LocationQuotient> out = new ArrayList<>(e.length);
    for (int i = 0; i < e.length; i++) {
      OptionalDouble lq = p[i] > 0 ? OptionalDouble.of((e[i] / p[i]) / overall) : OptionalDouble.empty();
      out.add(new LocationQuotient(counts.areas().get(i), e[i], p[i], lq));
    }
    return out;
  }

  /**
   * All summary figures, with the top shares for {@code topFractions} (none given: 1% and 10%).
   *
   * @param counts the bound counts (at least 2 areas, total events {@code > 0})
   * @param topFractions fractions of areas in (0, 1] for the top shares; {@code null} or none: 1% and 10%
   * @return Gini, population-weighted Gini, Hoover index and the top shares in the order given
   */
  public static ConcentrationSummary summarise(AreaCounts counts, double... topFractions) {
    double[] f = topFractions == null || topFractions.length == 0 ? DEFAULT_TOP_FRACTIONS : topFractions;
    List<TopShare> tops = new ArrayList<>();
    for (double x : f) {
      tops.add(topShare(counts, x));
    }
    return new ConcentrationSummary(counts.size(), counts.totalEvents(), counts.totalPopulation(), gini(counts),
        populationGini(counts), hoover(counts), tops, counts.excludedCount());
  }
}
