package io.github.dmstat.core.spatial;

import io.github.dmstat.core.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Moran's I, global and local (LISA), as R {@code spdep} 1.2 {@code moran.test},
 * {@code moran.mc} and {@code localmoran}, with {@code zero.policy = TRUE}.
 *
 * <p>Values {@code x_i} are aligned with the weights by position ({@code x[i]} belongs to
 * {@code w.id(i)}); they must be finite and not all equal. {@code z_i = x_i − x̄} over all
 * {@code N} areas (islands included) and the spatial lag is {@code lag_i = Σ_j w_ij z_j}.
 *
 * <p>References: Cliff &amp; Ord (1981), <i>Spatial Processes</i>, Pion (moments of I); Anselin
 * (1995), Geographical Analysis 27:93–115, doi:10.1111/j.1538-4632.1995.tb00338.x (LISA);
 * Sokal, Oden &amp; Thomson (1998), Geographical Analysis 30:331–354,
 * doi:10.1111/j.1538-4632.1998.tb00406.x (conditional moments of I_i).
 */
public final class Moran {
  private static final NormalDistribution STD = NormalDistribution.of(0, 1);

  private Moran() {}

  /**
   * Global Moran's I without permutations; see {@link #global(double[], SpatialWeights, int, long)}.
   *
   * @param x one value per area, aligned with {@code w} by position; finite and not all equal
   * @param w the weights, used as given (binary and row-standardised weights give different I)
   * @return I with its moments under normality and randomisation, no permutation p-value
   * @throws IllegalArgumentException when lengths differ, x has a non-finite value (index named) or
   *     is constant, or fewer than 4 areas have neighbours
   */
  public static MoranResult global(double[] x, SpatialWeights w) {
    return global(x, w, 0, 0L);
  }

  /**
   * Global Moran's I {@code I = (n/S0) · Σ_i z_i lag_i / Σ_i z_i²} with {@code n} the number of
   * areas that have neighbours (spdep {@code adjust.n = TRUE}), {@code S0 = Σ w_ij},
   * {@code S1 = ½ Σ_ij (w_ij + w_ji)²}, {@code S2 = Σ_i (w_i· + w_·i)²}, {@code E(I) = −1/(n−1)},
   * <pre>
   * Var_N(I) = (n² S1 − n S2 + 3 S0²) / (S0² (n² − 1)) − E(I)²
   * Var_R(I) = [n((n² − 3n + 3) S1 − n S2 + 3 S0²) − K((n² − n) S1 − 2n S2 + 6 S0²)]
   *            / ((n−1)(n−2)(n−3) S0²) − E(I)²,   K = N Σ z⁴ / (Σ z²)²
   * </pre>
   * With {@code permutations > 0}, x is permuted (all N values) {@code nsim} times with a
   * {@link SplittableRandom} seeded by {@code seed} and the one-sided p-value is
   * {@code (#{I_perm >= I} + 1)/(nsim + 1)} (Hope 1968; spdep {@code moran.mc}). Cost
   * {@code O(nsim · links)}.
   *
   * @param x one value per area, aligned with {@code w} by position; finite and not all equal
   * @param w the weights, used as given (binary and row-standardised weights give different I)
   * @param permutations number of random permutations {@code nsim}, {@code >= 0} (0 = none)
   * @param seed seed of the random generator (not used when {@code permutations = 0})
   * @return I with its moments under normality and randomisation and, when
   *     {@code permutations > 0}, the permutation p-value
   * @throws IllegalArgumentException when lengths differ, x has a non-finite value (index
   *     named) or is constant, fewer than 4 areas have neighbours, or {@code permutations < 0}
   */
  public static MoranResult global(double[] x, SpatialWeights w, int permutations, long seed) {
    double[] z = centred(x, w);
    int nAll = z.length;
    if (permutations < 0) {
      throw Checks.badArgument("permutations", "must be >= 0", permutations);
    }
    int islands = 0;
    double[] rowSum = new double[nAll];
    double[] colSum = new double[nAll];
    double s1 = 0;
    for (int i = 0; i < nAll; i++) {
      if (w.rowStart[i] == w.rowStart[i + 1]) {
        islands++;
        continue;
      }
      for (int t = w.rowStart[i]; t < w.rowStart[i + 1]; t++) {
        int j = w.neighbour[t];
        double wij = w.weight[t];
        rowSum[i] += wij;
        colSum[j] += wij;
        int back = w.find(j, i);
        double wji = back < 0 ? 0 : w.weight[back];
        s1 += wij * wij + wij * wji;
      }
    }
    double s0 = w.s0();
    double s2 = 0;
    for (int i = 0; i < nAll; i++) {
      double s = rowSum[i] + colSum[i];
      s2 += s * s;
    }
    double n = nAll - islands;
    if (n < 4) {
      throw Checks.badArgument("number of areas with neighbours", "must be at least 4", (int) n);
    }
    if (!(s0 > 0)) {
      throw Checks.badArgument("sum of weights S0", "must be > 0", s0);
    }
    double zz = 0;
    double z4 = 0;
    for (double v : z) {
      zz += v * v;
      z4 += v * v * v * v;
    }
    double stat = n / s0 * crossLag(z, w) / zz;
    double k = nAll * z4 / (zz * zz);
    double ei = -1 / (n - 1);
    double nn = n * n;
    double s02 = s0 * s0;
    double vn = (nn * s1 - n * s2 + 3 * s02) / (s02 * (nn - 1)) - ei * ei;
    double vr = (n * (s1 * (nn - 3 * n + 3) - n * s2 + 3 * s02) - k * (s1 * (nn - n) - 2 * n * s2 + 6 * s02))
        / ((n - 1) * (n - 2) * (n - 3) * s02) - ei * ei;
    OptionalDouble pperm = OptionalDouble.empty();
    if (permutations > 0) {
      SplittableRandom rng = new SplittableRandom(seed);
      double[] perm = z.clone();
      double obs = crossLag(z, w);
      double tol = 1e-12 * Math.abs(obs);
      int ge = 0;
      for (int s = 0; s < permutations; s++) {
        shuffle(perm, rng);
        if (crossLag(perm, w) >= obs - tol) {
          ge++;
        }
      }
      pperm = OptionalDouble.of((ge + 1.0) / (permutations + 1.0));
    }
    return new MoranResult(stat, ei, vn, vr, (int) n, islands, permutations, pperm);
  }

  /**
   * Local Moran's I with default settings ({@link LocalSettings#withDefaults()}).
   *
   * @param x one value per area, aligned with {@code w} by position; finite and not all equal
   * @param w the weights, used as given (the style changes {@code I_i} and its moments)
   * @return one row per area, in weights order, labelled at alpha 0.05 without correction
   * @throws IllegalArgumentException when lengths differ, x has a non-finite value (area named) or
   *     is constant, or there are fewer than 3 areas
   * @see #local(double[], SpatialWeights, LocalSettings)
   */
  public static LocalMoran local(double[] x, SpatialWeights w) {
    return local(x, w, LocalSettings.withDefaults());
  }

  /**
   * Local Moran's I (spdep {@code localmoran} defaults: {@code conditional = TRUE,
   * mlvar = TRUE}, two-sided), with {@code m2 = Σ z²/N}, {@code W_i = Σ_j w_ij},
   * {@code W2_i = Σ_j w_ij²}:
   * <pre>
   * I_i = z_i · lag_i / m2
   * E(I_i) = −z_i² W_i / ((N−1) m2)
   * Var(I_i) = (z_i/m2)² · N/(N−2) · (W2_i − W_i²/(N−1)) · (m2 − z_i²/(N−1))
   * Z_i = (I_i − E(I_i)) / √Var(I_i),  p_i = 2(1 − Φ(|Z_i|))
   * </pre>
   * Where {@code Var(I_i) = 0} (no neighbours, or {@code z_i = 0}) Z and p are absent (R gives
   * NaN). With permutations, for each area {@code nsim} sets of {@code |N(i)|} values are drawn
   * without replacement from the other {@code N − 1} values ("conditional randomisation") and the
   * folded pseudo p-value of spdep {@code localmoran_perm} is reported:
   * {@code (min(#{I* >= I_i}, nsim − #{I* >= I_i}) + 1)/(nsim + 1)} (1 when {@code z_i = 0}).
   * Labels: the quadrant ({@link Cluster#quadrant}) when the chosen p (permutation p when
   * permutations were run, else analytical), corrected over the tested areas, is
   * {@code <= alpha}.
   *
   * @param x one value per area, aligned with {@code w} by position; finite and not all equal
   * @param w the weights, used as given (the style changes {@code I_i} and its moments)
   * @param settings alpha, correction, permutations and seed
   * @return one row per area, in weights order; areas without neighbours are labelled
   *     {@link Cluster#NO_NEIGHBOURS}
   * @throws IllegalArgumentException when lengths differ, x has a non-finite value (area named) or
   *     is constant, or there are fewer than 3 areas
   */
  public static LocalMoran local(double[] x, SpatialWeights w, LocalSettings settings) {
    double[] z = centred(x, w);
    int n = z.length;
    if (n < 3) {
      throw Checks.badArgument("number of areas", "must be at least 3", n);
    }
    double zz = 0;
    for (double v : z) {
      zz += v * v;
    }
    double m2 = zz / n;
    double[] lag = new double[n];
    double[] ii = new double[n];
    double[] ei = new double[n];
    double[] vi = new double[n];
    double[] zi = new double[n];
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      double l = 0;
      double wi = 0;
      double wi2 = 0;
      for (int t = w.rowStart[i]; t < w.rowStart[i + 1]; t++) {
        l += w.weight[t] * z[w.neighbour[t]];
        wi += w.weight[t];
        wi2 += w.weight[t] * w.weight[t];
      }
      lag[i] = l;
      ii[i] = z[i] / m2 * l;
      ei[i] = -(z[i] * z[i] * wi) / ((n - 1) * m2);
      double a = z[i] / m2;
      vi[i] = a * a * ((double) n / (n - 2)) * (wi2 - wi * wi / (n - 1)) * (m2 - z[i] * z[i] / (n - 1));
      if (vi[i] > 0) {
        zi[i] = (ii[i] - ei[i]) / Math.sqrt(vi[i]);
        p[i] = 2 * STD.survivalProbability(Math.abs(zi[i]));
      } else {
        zi[i] = Double.NaN;
        p[i] = Double.NaN;
      }
    }
    double[] psim = null;
    if (settings.permutations() > 0) {
      psim = conditionalPermutations(z, w, ii, m2, settings.permutations(), settings.seed());
    }
    double[] tested = psim != null ? psim : p;
    double[] adj = settings.correction().adjust(tested);
    List<LocalMoran.Row> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean island = w.rowStart[i] == w.rowStart[i + 1];
      Cluster q = Cluster.quadrant(z[i], lag[i]);
      Cluster c = island ? Cluster.NO_NEIGHBOURS
          : !Double.isNaN(adj[i]) && adj[i] <= settings.alpha() ? q : Cluster.NOT_SIGNIFICANT;
      rows.add(new LocalMoran.Row(w.id(i), w.cardinality(i), x[i], lag[i], ii[i], ei[i], vi[i], opt(zi[i]), opt(p[i]),
          psim == null ? OptionalDouble.empty() : opt(psim[i]), opt(adj[i]), q, c));
    }
    return new LocalMoran(rows, settings);
  }

  private static double[] conditionalPermutations(double[] z, SpatialWeights w, double[] ii, double m2, int nsim,
      long seed) {
    int n = z.length;
    SplittableRandom rng = new SplittableRandom(seed);
    int[] pool = new int[n];
    int[] pos = new int[n];
    for (int i = 0; i < n; i++) {
      pool[i] = i;
      pos[i] = i;
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      int k = w.cardinality(i);
      if (k == 0) {
        out[i] = Double.NaN;
        continue;
      }
      if (z[i] == 0) {
        out[i] = 1;
        continue;
      }
      swap(pool, pos, pos[i], n - 1); // area i sits at the end, out of reach
      double tol = 1e-12 * Math.abs(ii[i]);
      int ge = 0;
      int base = w.rowStart[i];
      for (int s = 0; s < nsim; s++) {
        double l = 0;
        for (int t = 0; t < k; t++) {
          int r = t + rng.nextInt(n - 1 - t);
          swap(pool, pos, t, r);
          l += w.weight[base + t] * z[pool[t]];
        }
        if (z[i] / m2 * l >= ii[i] - tol) {
          ge++;
        }
      }
      int rnk = Math.min(ge, nsim - ge);
      out[i] = (rnk + 1.0) / (nsim + 1.0);
    }
    return out;
  }

  private static void swap(int[] pool, int[] pos, int a, int b) {
    int va = pool[a];
    int vb = pool[b];
    pool[a] = vb;
    pool[b] = va;
    pos[vb] = a;
    pos[va] = b;
  }

  private static OptionalDouble opt(double v) {
    return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** {@code Σ_i z_i Σ_j w_ij z_j}. */
  private static double crossLag(double[] z, SpatialWeights w) {
    double s = 0;
    int n = z.length;
    for (int i = 0; i < n; i++) {
      double l = 0;
      for (int t = w.rowStart[i]; t < w.rowStart[i + 1]; t++) {
        l += w.weight[t] * z[w.neighbour[t]];
      }
      s += z[i] * l;
    }
    return s;
  }

  private static void shuffle(double[] a, SplittableRandom rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      double t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** Checks x against w and returns {@code z = x − mean(x)}. */
  static double[] centred(double[] x, SpatialWeights w) {
    if (x == null || x.length != w.size()) {
      throw Checks.badArgument("x", "must have one value per area (" + w.size() + ")", x == null ? null : x.length);
    }
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i])) {
        throw Checks.badArgument("x of area " + w.id(i) + " (index " + i + ")", "must be finite", x[i]);
      }
      sum += x[i];
    }
    double mean = sum / x.length;
    double[] z = new double[x.length];
    boolean constant = true;
    for (int i = 0; i < x.length; i++) {
      z[i] = x[i] - mean;
      constant &= x[i] == x[0];
    }
    if (constant) {
      throw Checks.badArgument("x", "must not be constant (zero variance)", x[0]);
    }
    return z;
  }
}
