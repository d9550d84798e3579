package io.github.dmstat.core.spatial;

import io.github.dmstat.core.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Local empirical Bayes smoothed rates, as R {@code spdep::EBlocal(ri, ni, nb)} (Marshall 1991,
 * Applied Statistics 40:283–294, doi:10.2307/2347593; Bivand, Pebesma &amp; Gómez-Rubio 2013).
 * Rates are events per inhabitant ({@code ×1000} for "per 1,000").
 *
 * <p>With {@code S_i = N(i) ∪ {i}} (binary weights including the area itself), raw rate
 * {@code x_i = r_i/n_i}:
 * <pre>
 * m_i = Σ_{S_i} r_j / Σ_{S_i} n_j           local mean rate
 * n̄_i = mean_{S_i} n_j
 * C_i = Σ_{j ∈ S_i} n_j (x_j − m_j)²          spdep default (geoda = FALSE: each term uses m_j)
 *     = Σ_{j ∈ S_i} n_j (x_j − m_i)²          geoda = TRUE
 * a_i = max(0, C_i/Σ_{S_i} n_j − m_i/n̄_i)     local between-area variance
 * est_i = m_i + (x_i − m_i) · a_i / (a_i + m_i/n_i)
 * </pre>
 * Where {@code m_i = 0} (no events in the whole neighbourhood) {@code est_i = 0} (R gives NaN).
 *
 * @param rows one per area, in weights order
 * @param geoda whether the GeoDa variance variant was used
 */
public record LocalEb(List<Row> rows, boolean geoda) {
  /**
   * Copies the rows.
   *
   * @param rows one per area, in weights order
   * @param geoda whether the GeoDa variance variant was used
   */
  public LocalEb {
    rows = List.copyOf(rows);
  }

  /**
   * One area.
   *
   * @param id area id
   * @param count events {@code r_i}
   * @param population population at risk {@code n_i}
   * @param raw raw rate {@code r_i/n_i} (per inhabitant)
   * @param estimate smoothed rate (per inhabitant)
   * @param localMean {@code m_i}
   * @param localVariance {@code a_i}
   */
  public record Row(String id, double count, double population, double raw, double estimate, double localMean,
      double localVariance) {
    /**
     * Checks the smoothed rate.
     *
     * @param id area id
     * @param count events {@code r_i}
     * @param population population at risk {@code n_i}
     * @param raw raw rate {@code r_i/n_i} (per inhabitant)
     * @param estimate smoothed rate (per inhabitant), finite
     * @param localMean {@code m_i}
     * @param localVariance {@code a_i}
     * @throws IllegalArgumentException when {@code estimate} is not finite
     */
    public Row {
      Checks.finite("smoothed rate of " + id, estimate);
    }
  }

  /**
   * spdep default variant ({@code geoda = FALSE}).
   *
   * @param counts events per area, finite and {@code >= 0}, aligned with {@code w} by position
   * @param population population at risk per area, finite and {@code > 0}
   * @param w the neighbour links (weights and style are ignored)
   * @return the smoothed rates, one row per area in weights order
   * @throws IllegalArgumentException when lengths differ, a count is negative or not finite, or a
   *     population is not finite and {@code > 0} (area and value named)
   */
  public static LocalEb of(double[] counts, double[] population, SpatialWeights w) {
    return of(counts, population, w, false);
  }

  /**
   * Computes local EB rates; counts and population are aligned with {@code w} by position.
   *
   * @param counts events per area, finite and {@code >= 0}
   * @param population population at risk per area, finite and {@code > 0}
   * @param w the neighbour links (weights and style are ignored)
   * @param geoda {@code true} for the GeoDa variant ({@code C_i} around {@code m_i}), {@code false}
   *     for the spdep default
   * @return the smoothed rates, one row per area in weights order
   * @throws IllegalArgumentException when lengths differ, a count is negative or not finite, or a
   *     population is not finite and {@code > 0} (area and value named)
   */
  public static LocalEb of(double[] counts, double[] population, SpatialWeights w, boolean geoda) {
    int n = w.size();
    if (counts.length != n || population.length != n) {
      throw Checks.badArgument("counts and population", "must have one value per area (" + n + ")",
          counts.length != n ? counts.length : population.length);
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      Checks.finiteNonNegative("count of area " + w.id(i), counts[i]);
      if (!(population[i] > 0) || Double.isInfinite(population[i])) {
        throw Checks.badArgument("population of area " + w.id(i), "must be finite and > 0", population[i]);
      }
      x[i] = counts[i] / population[i];
    }
    double[] rsum = new double[n];
    double[] nsum = new double[n];
    double[] m = new double[n];
    for (int i = 0; i < n; i++) {
      double r = counts[i];
      double p = population[i];
      for (int t = w.rowStart[i]; t < w.rowStart[i + 1]; t++) {
        r += counts[w.neighbour[t]];
        p += population[w.neighbour[t]];
      }
      rsum[i] = r;
      nsum[i] = p;
      m[i] = r / p;
    }
    List<Row> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double ci = term(population, x, m, i, i, geoda);
      for (int t = w.rowStart[i]; t < w.rowStart[i + 1]; t++) {
        ci += term(population, x, m, w.neighbour[t], i, geoda);
      }
      double nbar = nsum[i] / (w.cardinality(i) + 1.0);
      double a = Math.max(0, ci / nsum[i] - m[i] / nbar);
      double est = m[i] == 0 ? 0 : m[i] + (x[i] - m[i]) * (a / (a + m[i] / population[i]));
      rows.add(new Row(w.id(i), counts[i], population[i], x[i], est, m[i], a));
    }
    return new LocalEb(rows, geoda);
  }

  private static double term(double[] pop, double[] x, double[] m, int j, int i, boolean geoda) {
    double d = x[j] - (geoda ? m[i] : m[j]);
    return pop[j] * d * d;
  }

  /**
   * The row of an area id (a linear scan).
   *
   * @param id area id
   * @return the area's row, or empty for an unknown id
   */
  public Optional<Row> find(String id) {
    return rows.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /**
   * Columns id, count, population, raw_per_1000, eb_per_1000, local_mean_per_1000.
   *
   * @return a new table, one row per area in weights order, rates per 1,000 inhabitants
   */
  public Table toTable() {
    StringColumn id = StringColumn.create("id");
    DoubleColumn c = DoubleColumn.create("count");
    DoubleColumn p = DoubleColumn.create("population");
    DoubleColumn raw = DoubleColumn.create("raw_per_1000");
    DoubleColumn est = DoubleColumn.create("eb_per_1000");
    DoubleColumn mm = DoubleColumn.create("local_mean_per_1000");
    for (Row r : rows) {
      id.append(r.id());
      c.append(r.count());
      p.append(r.population());
      raw.append(1000 * r.raw());
      est.append(1000 * r.estimate());
      mm.append(1000 * r.localMean());
    }
    return Table.create("local empirical Bayes rates").addColumns(id, c, p, raw, est, mm);
  }

  @Override
  public String toString() {
    double lo = rows.stream().mapToDouble(Row::estimate).min().orElse(0) * 1000;
    double hi = rows.stream().mapToDouble(Row::estimate).max().orElse(0) * 1000;
    return String.format(Locale.ROOT, "LocalEb[%d areas, smoothed rates %.3g–%.3g per 1,000%s]", rows.size(), lo, hi,
        geoda ? ", GeoDa variant" : "");
  }
}
