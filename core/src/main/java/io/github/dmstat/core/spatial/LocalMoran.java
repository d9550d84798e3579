package io.github.dmstat.core.spatial;

import io.github.dmstat.core.internal.TableColumns;
import io.github.dmstat.core.Checks;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Local Moran's I (LISA) for every area, computed by {@link Moran#local}.
 *
 * @param rows one per area, in weights order
 * @param settings alpha, correction and permutations used
 */
public record LocalMoran(List<Row> rows, LocalSettings settings) {
  /**
   * Copies the rows.
   *
   * @param rows one per area, in weights order
   * @param settings alpha, correction and permutations used, not {@code null}
   * @throws IllegalArgumentException when {@code settings} is {@code null}
   */
  public LocalMoran {
    rows = List.copyOf(rows);
    if (settings == null) {
      throw Checks.badArgument("settings", "must be present", null);
    }
  }

  /**
   * One area.
   *
   * @param id area id
   * @param neighbours number of neighbours
   * @param value the input value {@code x_i}
   * @param lag spatial lag of the deviations {@code Σ_j w_ij z_j}
   * @param statistic {@code I_i}
   * @param expectation {@code E(I_i)} (conditional)
   * @param variance {@code Var(I_i)} (conditional, under randomisation)
   * @param z {@code Z_i}; absent when the variance is 0
   * @param p two-sided normal p-value; absent when the variance is 0
   * @param pSimulated folded permutation pseudo p-value, when permutations were run
   * @param pAdjusted the p used for the label after the multiple-testing correction
   * @param quadrant HH, LL, HL or LH regardless of significance
   * @param cluster the quadrant if significant, else {@link Cluster#NOT_SIGNIFICANT} (or
   *     {@link Cluster#NO_NEIGHBOURS})
   */
  public record Row(String id, int neighbours, double value, double lag, double statistic, double expectation,
      double variance, OptionalDouble z, OptionalDouble p, OptionalDouble pSimulated, OptionalDouble pAdjusted,
      Cluster quadrant, Cluster cluster) {
    /**
     * Checks the statistic and its moments.
     *
     * @param id area id
     * @param neighbours number of neighbours
     * @param value the input value {@code x_i}
     * @param lag spatial lag of the deviations {@code Σ_j w_ij z_j}
     * @param statistic {@code I_i}, finite
     * @param expectation {@code E(I_i)}, finite
     * @param variance {@code Var(I_i)}, finite
     * @param z {@code Z_i}; absent when the variance is 0
     * @param p two-sided normal p-value; absent when the variance is 0
     * @param pSimulated folded permutation pseudo p-value, when permutations were run
     * @param pAdjusted the p used for the label after the multiple-testing correction
     * @param quadrant HH, LL, HL or LH regardless of significance
     * @param cluster the label
     * @throws IllegalArgumentException when the statistic, expectation or variance is not finite
     */
    public Row {
      Checks.finite("local Moran I of " + id, statistic);
      Checks.finite("E(I) of " + id, expectation);
      Checks.finite("Var(I) of " + id, variance);
    }
  }

  /**
   * The row of an area id. A linear scan: to look up many areas, index {@link #rows()} once.
   *
   * @param id area id
   * @return the area's row, or empty for an unknown id
   */
  public Optional<Row> find(String id) {
    return rows.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /**
   * Number of areas per cluster label.
   *
   * @return a new map with every {@link Cluster} in declaration order, 0 for labels no area has
   */
  public Map<Cluster, Integer> counts() {
    Map<Cluster, Integer> m = new EnumMap<>(Cluster.class);
    for (Cluster c : Cluster.values()) {
      m.put(c, 0);
    }
    for (Row r : rows) {
      m.merge(r.cluster(), 1, Integer::sum);
    }
    return m;
  }

  /**
   * Columns id, neighbours, value, lag, Ii, E_Ii, Var_Ii, Z_Ii, p, p_sim, p_adjusted, quadrant,
   * cluster (absent = missing).
   *
   * @return a new table, one row per area in weights order; quadrant and cluster as {@link Cluster#code()}
   */
  public Table toTable() {
    StringColumn id = StringColumn.create("id");
    IntColumn nb = IntColumn.create("neighbours");
    DoubleColumn v = DoubleColumn.create("value");
    DoubleColumn lag = DoubleColumn.create("lag");
    DoubleColumn ii = DoubleColumn.create("Ii");
    DoubleColumn e = DoubleColumn.create("E_Ii");
    DoubleColumn var = DoubleColumn.create("Var_Ii");
    DoubleColumn z = DoubleColumn.create("Z_Ii");
    DoubleColumn p = DoubleColumn.create("p");
    DoubleColumn ps = DoubleColumn.create("p_sim");
    DoubleColumn pa = DoubleColumn.create("p_adjusted");
    StringColumn q = StringColumn.create("quadrant");
    StringColumn c = StringColumn.create("cluster");
    for (Row r : rows) {
      id.append(r.id());
      nb.append(r.neighbours());
      v.append(r.value());
      lag.append(r.lag());
      ii.append(r.statistic());
      e.append(r.expectation());
      var.append(r.variance());
      TableColumns.appendOptional(z, r.z());
      TableColumns.appendOptional(p, r.p());
      TableColumns.appendOptional(ps, r.pSimulated());
      TableColumns.appendOptional(pa, r.pAdjusted());
      q.append(r.quadrant().code());
      c.append(r.cluster().code());
    }
    return Table.create("local Moran").addColumns(id, nb, v, lag, ii, e, var, z, p, ps, pa, q, c);
  }


  @Override
  public String toString() {
    Map<Cluster, Integer> m = counts();
    return String.format(Locale.ROOT, "LocalMoran[%d areas: HH %d, LL %d, HL %d, LH %d, not significant %d, no neighbours %d;"
        + " alpha %.3g, %s, %s]", rows.size(), m.get(Cluster.HIGH_HIGH), m.get(Cluster.LOW_LOW), m.get(Cluster.HIGH_LOW),
        m.get(Cluster.LOW_HIGH), m.get(Cluster.NOT_SIGNIFICANT), m.get(Cluster.NO_NEIGHBOURS), settings.alpha(),
        "correction " + settings.correction().code(),
        settings.permutations() > 0 ? settings.permutations() + " permutations" : "analytical p");
  }
}
