package io.github.dmstat.core.concentration;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A Lorenz curve of events over areas: the origin {@code (0, 0)} followed by one point per area.
 *
 * <p>{@link Variant#COUNT}: areas sorted ascending by event count (ties by area id),
 * {@code x_k = k/n}, {@code y_k = Σ_{j≤k} e_(j) / E}. {@link Variant#POPULATION}: areas sorted
 * ascending by rate {@code e_i/p_i} (ties by area id), {@code x_k = Σ_{j≤k} p_(j) / P},
 * {@code y_k = Σ_{j≤k} e_(j) / E}; areas with population 0 have no rate and are left out (they
 * add nothing to either share) and counted in {@link #omitted()}.
 *
 * <p>{@link #gini()} is one minus twice the area under the curve (trapezoids),
 * {@code G = 1 − Σ_k (x_k − x_{k−1})(y_k + y_{k−1})}; for the count variant this is the plain
 * Gini of {@link Gini}, for the population variant the population-weighted Gini
 * {@code Σ_i Σ_j p_i p_j |r_i − r_j| / (2 P² r̄)}, {@code r̄ = E/P}.
 *
 * @param variant how areas are ordered and weighted
 * @param points origin plus one point per area
 * @param omitted areas left out (population 0 in the population variant)
 */
public record LorenzCurve(Variant variant, List<LorenzPoint> points, int omitted) {
  /**
   * Copies {@code points}; throws {@link IllegalArgumentException} when there are none,
   * {@link NullPointerException} when {@code variant} is null.
   *
   * @param variant how areas are ordered and weighted
   * @param points origin plus one point per area
   * @param omitted areas left out (population 0 in the population variant)
   */
  public LorenzCurve {
    Objects.requireNonNull(variant, "variant");
    points = List.copyOf(points);
    if (points.isEmpty()) {
      throw new IllegalArgumentException("a Lorenz curve needs at least the origin");
    }
  }

  /** How the Lorenz curve orders and weights areas. */
  public enum Variant {
    /** x = share of areas, areas sorted by event count. */
    COUNT,
    /** x = share of population, areas sorted by rate. */
    POPULATION
  }

  /**
   * Gini coefficient from the curve: {@code 1 − Σ_k (x_k − x_{k−1})(y_k + y_{k−1})}.
   *
   * @return the Gini coefficient (0 = all areas equal)
   */
  public double gini() {
    double s = 0;
    for (int k = 1; k < points.size(); k++) {
      LorenzPoint a = points.get(k - 1);
      LorenzPoint b = points.get(k);
      s += (b.x() - a.x()) * (b.y() + a.y());
    }
    return 1 - s;
  }

  /**
   * Columns {@code k, area, x, y}.
   *
   * @return one row per point, origin first; x is named {@code shareOfAreas} or
   *     {@code shareOfPopulation}, y {@code shareOfEvents}
   */
  public Table toTable() {
    IntColumn k = IntColumn.create("k");
    StringColumn a = StringColumn.create("area");
    DoubleColumn x = DoubleColumn.create(variant == Variant.COUNT ? "shareOfAreas" : "shareOfPopulation");
    DoubleColumn y = DoubleColumn.create("shareOfEvents");
    for (LorenzPoint p : points) {
      k.append(p.k());
      a.append(p.area());
      x.append(p.x());
      y.append(p.y());
    }
    return Table.create("Lorenz curve (" + variant.name().toLowerCase(Locale.ROOT) + ")").addColumns(k, a, x, y);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "LorenzCurve[%s, %d areas, Gini %.4f%s]", variant.name().toLowerCase(Locale.ROOT),
        points.size() - 1, gini(), omitted > 0 ? ", " + omitted + " areas without population omitted" : "");
  }
}
