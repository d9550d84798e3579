package io.github.dmstat.core.concentration;

import io.github.dmstat.core.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * Global empirical Bayes smoothing of area rates towards the overall rate, by the method of
 * moments (Marshall 1991, Appl. Statist. 40:283–294, doi:10.2307/2347593), exactly as R
 * {@code spdep::EBest(n = events, x = population, family = "poisson")}.
 *
 * <p>With raw rates {@code r_i = e_i/p_i}, {@code m} areas, {@code b = E/P} (the overall rate),
 * {@code s² = Σ p_i (r_i − b)² / P} and {@code a = s² − b / (P/m)}, truncated at 0 when negative
 * (as spdep does): the smoothed rate is {@code r̂_i = b + a (r_i − b) / (a + b/p_i)}. When
 * {@code a = 0} every area gets {@code b}. Small areas move most towards {@code b}.
 *
 * <p>Areas with population 0 have no rate: spdep refuses them; here they are left out of the
 * computation and listed in {@link EbRates#withoutPopulation()}. Needs at least one area with
 * population &gt; 0. Rates are reported per {@code per} inhabitants; the parameters {@code a}
 * and {@code b} stay per inhabitant (as spdep's {@code attr(, "parameters")}).
 */
public final class EmpiricalBayes {
  private EmpiricalBayes() {}

  /**
   * Smoothed rates per {@code per} inhabitants (e.g. 1,000).
   *
   * @param counts the bound counts (at least one area with population {@code > 0})
   * @param per rates per this many inhabitants, finite and {@code > 0}
   * @return raw and smoothed rates per {@code per}, with {@code a} and {@code b} per inhabitant
   * @throws IllegalArgumentException when {@code per} is out of range or no area has population {@code > 0}
   */
  public static EbRates estimate(AreaCounts counts, double per) {
    if (!(per > 0) || Double.isInfinite(per)) {
      throw Checks.badArgument("per", "must be finite and > 0", per);
    }
    long[] e = counts.eventsView();
    double[] p = counts.populationView();
    int m = 0;
    double sumE = 0;
    double sumP = 0;
    for (int i = 0; i < e.length; i++) {
      if (p[i] > 0) {
        m++;
        sumE += e[i];
        sumP += p[i];
      }
    }
    if (m == 0) {
      throw new IllegalArgumentException("empirical Bayes needs at least one area with population > 0 but had none of "
          + e.length);
    }
    double b = sumE / sumP;
    double s2 = 0;
    for (int i = 0; i < e.length; i++) {
      if (p[i] > 0) {
        double d = e[i] / p[i] - b;
        s2 += p[i] * (d * d / sumP);
      }
    }
    double a = s2 - b / (sumP / m);
    if (a < 0) {
      a = 0;
    }
    List<EbRates.EbRate> rows = new ArrayList<>(m);
    List<String> none = new ArrayList<>();
    for (int i = 0; i < e.length; i++) {
      String id = counts.areas().get(i);
      if (p[i] > 0) {
        double r = e[i] / p[i];
        double est = a + b / p[i] > 0 ? b + a * (r - b) / (a + b / p[i]) : b;
        rows.add(new EbRates.EbRate(id, e[i], p[i], per * r, per * est));
      } else {
        none.add(id);
      }
    }
    return new EbRates(per, a, b, rows, none, counts.excludedCount());
  }
}
