package io.github.dmstat.core.selection;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.TextTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How sure is a selection? A seeded Monte Carlo over the indicators' standard errors.
 *
 * <p>In each of {@code R} replicates every indicator value with a standard error is redrawn as
 * {@code x* ~ Normal(x, se²)} (values without a standard-error column stay fixed), then the
 * standardisation, scores, ranks and selection are recomputed with the same rules. For each scored
 * area: the probability of being selected (share of replicates), and the 2.5% and 97.5% quantiles
 * of its rank among scored areas (R {@code quantile(type = 7)}). Named inclusions have probability
 * 1, named exclusions 0. Deterministic for a seed: normal deviates come from
 * {@link java.util.SplittableRandom} by the polar method, drawn replicate by replicate, indicator by
 * indicator, area by area.
 *
 * @param replicates number of replicates {@code R}
 * @param seed the seed
 * @param areas one row per scored area, in order of the observed rank
 */
public record RankUncertainty(int replicates, long seed, List<AreaUncertainty> areas) {
  /**
   * Copies {@code areas}.
   *
   * @param replicates number of replicates {@code R}
   * @param seed the seed
   * @param areas one row per scored area, in order of the observed rank
   */
  public RankUncertainty {
    areas = List.copyOf(areas);
  }

  /**
   * One area.
   *
   * @param area area id
   * @param rank observed rank (1 = highest score)
   * @param selected whether it is in the observed selection
   * @param probabilitySelected share of replicates in which it is selected, in [0, 1]
   * @param rankLower 2.5% quantile of its replicate ranks
   * @param rankUpper 97.5% quantile of its replicate ranks
   */
  public record AreaUncertainty(String area, int rank, boolean selected, double probabilitySelected, double rankLower,
      double rankUpper) {
    /**
     * Throws {@link IllegalArgumentException} when {@code probabilitySelected} is not in [0, 1] or
     * {@code rankLower > rankUpper}, {@link NullPointerException} when {@code area} is null.
     *
     * @param area area id
     * @param rank observed rank (1 = highest score)
     * @param selected whether it is in the observed selection
     * @param probabilitySelected share of replicates in which it is selected, in [0, 1]
     * @param rankLower 2.5% quantile of its replicate ranks
     * @param rankUpper 97.5% quantile of its replicate ranks
     */
    public AreaUncertainty {
      Objects.requireNonNull(area, "area");
      if (!(probabilitySelected >= 0 && probabilitySelected <= 1) || !(rankLower <= rankUpper)) {
        throw new IllegalArgumentException("area '" + area + "': probability " + probabilitySelected + ", rank interval "
            + rankLower + "–" + rankUpper);
      }
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s: rank %d (95%% interval %s–%s), P(selected) = %.3f", area, rank,
          num(rankLower), num(rankUpper), probabilitySelected);
    }
  }

  static RankUncertainty compute(CompositeIndex idx, AreaIndicators data, SelectionRules rules, int replicates,
      long seed) {
    if (replicates < 10) {
      throw Checks.badArgument("replicates", "must be >= 10", replicates);
    }
    idx.check(data, rules);
    Selection observed = idx.select(data, rules);
    int n = data.size();
    int kk = idx.indicators().size();
    double[][] values = data.valuesView();
    double[][] se = data.seView();
    double[] w = idx.weights();
    double[] pop = data.populationView();
    SelectionKernel kernel = new SelectionKernel(data.areas(), rules);
    Gaussian g = new Gaussian(seed);
    int[][] ranks = new int[n][replicates];
    int[] count = new int[n];
    double[][] draw = new double[kk][n];
    int[] rank = new int[n];
    int[] eligibleRank = new int[n];
    boolean[] selected = new boolean[n];
    for (int r = 0; r < replicates; r++) {
      for (int k = 0; k < kk; k++) {
        double[] v = values[k];
        double[] s = se[k];
        double[] d = draw[k];
        for (int i = 0; i < n; i++) {
          d[i] = s == null || Double.isNaN(v[i]) ? v[i] : v[i] + s[i] * g.next();
        }
      }
      double[][] std = SelectionKernel.standardise(idx.names(), draw, idx.standardisation());
      double[] score = SelectionKernel.scores(std, w, n);
      byte[] status = kernel.status(score, pop, rules.minimumPopulation());
      kernel.select(score, status, rank, eligibleRank, selected);
      for (int i = 0; i < n; i++) {
        ranks[i][r] = rank[i];
        if (selected[i]) {
          count[i]++;
        }
      }
    }
    List<AreaUncertainty> out = new ArrayList<>();
    for (Explanation e : observed.explanations()) {
      if (e.rank().isEmpty()) {
        continue;
      }
      int i = data.areas().indexOf(e.area());
      int[] rs = ranks[i].clone();
      Arrays.sort(rs);
      out.add(new AreaUncertainty(e.area(), e.rank().getAsInt(), e.selected(), count[i] / (double) replicates,
          quantile7(rs, 0.025), quantile7(rs, 0.975)));
    }
    out.sort((a, b) -> Integer.compare(a.rank(), b.rank()));
    return new RankUncertainty(replicates, seed, out);
  }

  /** R {@code quantile(x, p, type = 7)} of sorted {@code x}. */
  static double quantile7(int[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /**
   * The row of {@code area}.
   *
   * @param area area id
   * @return its row; empty when the area is not listed (unknown or without a score)
   */
  public java.util.Optional<AreaUncertainty> find(String area) {
    return areas.stream().filter(a -> a.area().equals(area)).findFirst();
  }

  /**
   * Columns {@code area, rank, selected, probabilitySelected, rankLower, rankUpper}.
   *
   * @return one row per scored area, in observed rank order; {@code selected} is {@code yes} or {@code no}
   */
  public Table toTable() {
    StringColumn a = StringColumn.create("area");
    IntColumn rk = IntColumn.create("rank");
    StringColumn sel = StringColumn.create("selected");
    DoubleColumn p = DoubleColumn.create("probabilitySelected");
    DoubleColumn lo = DoubleColumn.create("rankLower");
    DoubleColumn hi = DoubleColumn.create("rankUpper");
    for (AreaUncertainty u : areas) {
      a.append(u.area());
      rk.append(u.rank());
      sel.append(u.selected() ? "yes" : "no");
      p.append(u.probabilitySelected());
      lo.append(u.rankLower());
      hi.append(u.rankUpper());
    }
    return Table.create("rank uncertainty (" + replicates + " replicates, seed " + seed + ")")
        .addColumns(a, rk, sel, p, lo, hi);
  }

  @Override
  public String toString() {
    TextTable tt = new TextTable(List.of("area", "rank", "95% rank interval", "P(selected)", "selected"));
    for (AreaUncertainty u : areas) {
      tt.row(List.of(u.area(), Integer.toString(u.rank()), num(u.rankLower()) + " – " + num(u.rankUpper()),
          String.format(Locale.ROOT, "%.3f", u.probabilitySelected()), u.selected() ? "yes" : "no"));
    }
    return "Rank uncertainty (" + replicates + " Monte Carlo replicates, seed " + seed + ")\n" + tt;
  }

  static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
