package io.github.dmstat.core.selection;

import io.github.dmstat.core.internal.IndexOrder;
import java.util.List;

/**
 * The numeric core of a selection on primitive arrays: standardise, score, rank, select. Used once
 * for {@link Selection} and once per replicate by {@link RankUncertainty}.
 */
final class SelectionKernel {
  /** Status of an area before ranking. */
  static final byte ELIGIBLE = 0;
  static final byte EXCLUDED = 1;
  static final byte UNSCORED = 2;
  static final byte POPULATION_MISSING = 3;
  static final byte SMALL = 4;

  final List<String> ids;
  final int[] idRank;
  final boolean[] included;
  final boolean[] excluded;
  final int slots;

  SelectionKernel(List<String> ids, SelectionRules rules) {
    this.ids = ids;
    int n = ids.size();
    int[] o = IndexOrder.sort(n, (a, b) -> ids.get(a).compareTo(ids.get(b)));
    idRank = new int[n];
    for (int k = 0; k < n; k++) {
      idRank[o[k]] = k;
    }
    included = new boolean[n];
    excluded = new boolean[n];
    for (int i = 0; i < n; i++) {
      included[i] = rules.inclusions().containsKey(ids.get(i));
      excluded[i] = rules.exclusions().containsKey(ids.get(i));
    }
    slots = Math.max(0, rules.size() - rules.inclusions().size());
  }

  /** Standardised values {@code s[k][i]} ({@code NaN} where missing). */
  static double[][] standardise(List<String> names, double[][] values, IndicatorScaling st) {
    double[][] s = new double[values.length][];
    for (int k = 0; k < values.length; k++) {
      s[k] = st.apply(names.get(k), values[k]);
    }
    return s;
  }

  /** {@code score_i = Σ_k w_k s_ki}; {@code NaN} when any indicator is missing. */
  static double[] scores(double[][] std, double[] w, int n) {
    double[] score = new double[n];
    for (int k = 0; k < std.length; k++) {
      double[] s = std[k];
      double wk = w[k];
      for (int i = 0; i < n; i++) {
        score[i] += wk * s[i];
      }
    }
    return score;
  }

  /** Eligibility status per area. */
  byte[] status(double[] score, double[] population, double minimumPopulation) {
    int n = score.length;
    byte[] st = new byte[n];
    for (int i = 0; i < n; i++) {
      if (excluded[i]) {
        st[i] = EXCLUDED;
      } else if (Double.isNaN(score[i])) {
        st[i] = UNSCORED;
      } else if (minimumPopulation > 0 && Double.isNaN(population[i])) {
        st[i] = POPULATION_MISSING;
      } else if (minimumPopulation > 0 && population[i] < minimumPopulation) {
        st[i] = SMALL;
      } else {
        st[i] = ELIGIBLE;
      }
    }
    return st;
  }

  /** Scored areas by descending score, ties by ascending id. */
  int[] order(double[] score) {
    int n = score.length;
    int m = 0;
    for (double v : score) {
      if (!Double.isNaN(v)) {
        m++;
      }
    }
    int[] all = IndexOrder.sort(n, (a, b) -> {
      boolean na = Double.isNaN(score[a]);
      boolean nb = Double.isNaN(score[b]);
      if (na != nb) {
        return na ? 1 : -1;
      }
      int c = na ? 0 : Double.compare(score[b], score[a]);
      return c != 0 ? c : Integer.compare(idRank[a], idRank[b]);
    });
    return java.util.Arrays.copyOf(all, m);
  }

  /**
   * Decides the selection: fills {@code rank} (1-based overall rank, 0 = unscored),
   * {@code eligibleRank} (0 = not competing) and {@code selected}; returns the competing areas in
   * rank order.
   */
  int[] select(double[] score, byte[] status, int[] rank, int[] eligibleRank, boolean[] selected) {
    int n = score.length;
    int[] o = order(score);
    java.util.Arrays.fill(rank, 0);
    java.util.Arrays.fill(eligibleRank, 0);
    java.util.Arrays.fill(selected, false);
    int[] competing = new int[o.length];
    int c = 0;
    for (int j = 0; j < o.length; j++) {
      int i = o[j];
      rank[i] = j + 1;
      if (status[i] == ELIGIBLE && !included[i]) {
        competing[c++] = i;
        eligibleRank[i] = c;
        if (c <= slots) {
          selected[i] = true;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (included[i]) {
        selected[i] = true;
      }
    }
    return java.util.Arrays.copyOf(competing, c);
  }
}
