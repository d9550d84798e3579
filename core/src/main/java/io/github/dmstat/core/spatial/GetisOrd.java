package io.github.dmstat.core.spatial;

import io.github.dmstat.core.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.statistics.distribution.NormalDistribution;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Getis–Ord local {@code G_i*} z-scores, as R {@code spdep::localG(x,
 * nb2listw(include.self(nb), style = "B"))}: binary weights over the area's neighbours and the
 * area itself ({@code W_i = |N(i)| + 1}), {@code x̄} and {@code s² = Σ(x − x̄)²/n} over all n areas:
 * <pre>
 * G*_i = (Σ_{j ∈ N(i) ∪ {i}} x_j − W_i x̄) / √( s² (n W_i − W_i²)/(n − 1) )
 * </pre>
 * p-values are two-sided normal {@code 2(1 − Φ(|G*_i|))}, corrected over all areas; an area is
 * a hot (cold) spot when the corrected p is {@code <= alpha} and {@code G*_i > 0} ({@code < 0}).
 * An area without neighbours still has a value (its own). The weights' style is ignored: only
 * the links are used. Ord &amp; Getis (1995), Geographical Analysis 27:286–306,
 * doi:10.1111/j.1538-4632.1995.tb00912.x.
 *
 * @param rows one per area, in weights order
 * @param settings alpha and correction used (permutations are not used)
 */
public record GetisOrd(List<Row> rows, LocalSettings settings) {
  private static final NormalDistribution STD = NormalDistribution.of(0, 1);

  /**
   * Copies the rows.
   *
   * @param rows one per area, in weights order
   * @param settings alpha and correction used, not {@code null}
   * @throws IllegalArgumentException when {@code settings} is {@code null}
   */
  public GetisOrd {
    rows = List.copyOf(rows);
    if (settings == null) {
      throw Checks.badArgument("settings", "must be present", null);
    }
  }

  /** Hot/cold spot label. */
  public enum Spot {
    /** Significant, {@code G*_i > 0}. */
    HOT,
    /** Significant, {@code G*_i < 0}. */
    COLD,
    /** Not significant. */
    NOT_SIGNIFICANT
  }

  /**
   * One area.
   *
   * @param id area id
   * @param gStar the z-score {@code G*_i}
   * @param p two-sided normal p-value
   * @param pAdjusted p after the multiple-testing correction
   * @param spot label
   */
  public record Row(String id, double gStar, double p, double pAdjusted, Spot spot) {
    /**
     * Checks the z-score.
     *
     * @param id area id
     * @param gStar the z-score {@code G*_i}, finite
     * @param p two-sided normal p-value
     * @param pAdjusted p after the multiple-testing correction
     * @param spot label
     * @throws IllegalArgumentException when {@code gStar} is not finite
     */
    public Row {
      Checks.finite("G* of " + id, gStar);
    }
  }

  /**
   * With default settings (alpha 0.05, no correction).
   *
   * @param x one value per area, aligned with {@code w} by position; finite and not all equal
   * @param w the neighbour links (weights and style are ignored)
   * @return {@code G*_i} for every area, in weights order
   * @throws IllegalArgumentException when lengths differ, x has a non-finite value or is constant
   */
  public static GetisOrd of(double[] x, SpatialWeights w) {
    return of(x, w, LocalSettings.withDefaults());
  }

  /**
   * Computes {@code G*_i} for all areas.
   *
   * @param x one value per area, aligned with {@code w} by position; finite and not all equal
   * @param w the neighbour links (weights and style are ignored)
   * @param settings alpha and correction for the labels (permutations are not used)
   * @return {@code G*_i} for every area, in weights order
   * @throws IllegalArgumentException when lengths differ, x has a non-finite value or is constant
   */
  public static GetisOrd of(double[] x, SpatialWeights w, LocalSettings settings) {
    double[] z = Moran.centred(x, w);
    int n = z.length;
    double sum = 0;
    double zz = 0;
    for (int i = 0; i < n; i++) {
      sum += x[i];
      zz += z[i] * z[i];
    }
    double mean = sum / n;
    double s2 = zz / n;
    double[] g = new double[n];
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      double lx = x[i];
      for (int t = w.rowStart[i]; t < w.rowStart[i + 1]; t++) {
        lx += x[w.neighbour[t]];
      }
      double wi = w.cardinality(i) + 1.0;
      double vg = s2 * (n * wi - wi * wi) / (n - 1);
      g[i] = (lx - wi * mean) / Math.sqrt(vg);
      p[i] = 2 * STD.survivalProbability(Math.abs(g[i]));
    }
    double[] adj = settings.correction().adjust(p);
    List<Row> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Spot s = adj[i] <= settings.alpha() ? (g[i] > 0 ? Spot.HOT : g[i] < 0 ? Spot.COLD : Spot.NOT_SIGNIFICANT)
          : Spot.NOT_SIGNIFICANT;
      rows.add(new Row(w.id(i), g[i], p[i], adj[i], s));
    }
    return new GetisOrd(rows, settings);
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
   * Columns id, gstar, p, p_adjusted, spot.
   *
   * @return a new table, one row per area in weights order; spot as {@code hot}, {@code cold} or
   *     {@code not significant}
   */
  public Table toTable() {
    StringColumn id = StringColumn.create("id");
    DoubleColumn g = DoubleColumn.create("gstar");
    DoubleColumn p = DoubleColumn.create("p");
    DoubleColumn pa = DoubleColumn.create("p_adjusted");
    StringColumn s = StringColumn.create("spot");
    for (Row r : rows) {
      id.append(r.id());
      g.append(r.gStar());
      p.append(r.p());
      pa.append(r.pAdjusted());
      s.append(r.spot().name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }
    return Table.create("Getis-Ord Gi*").addColumns(id, g, p, pa, s);
  }

  @Override
  public String toString() {
    long hot = rows.stream().filter(r -> r.spot() == Spot.HOT).count();
    long cold = rows.stream().filter(r -> r.spot() == Spot.COLD).count();
    return String.format(Locale.ROOT, "GetisOrd[Gi* z-scores for %d areas: %d hot, %d cold spots at alpha %.3g, correction %s]",
        rows.size(), hot, cold, settings.alpha(), settings.correction().code());
  }
}
