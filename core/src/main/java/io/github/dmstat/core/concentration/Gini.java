package io.github.dmstat.core.concentration;

import java.util.Locale;

/**
 * Gini coefficients of event counts {@code x_1..x_n} over {@code n} areas with {@code N = Σ x_i > 0}
 * events.
 *
 * <ul>
 *   <li>{@code gini}: {@code G = Σ_i Σ_j |x_i − x_j| / (2 n² x̄)}, computed as
 *       {@code (2 Σ_k k x_(k) / N − (n+1)) / n} over the ascending order statistics (as R
 *       {@code ineq::Gini(x)}); 0 = all equal, {@code (n−1)/n} = all events in one area.
 *   <li>{@code corrected}: {@code G · n/(n−1)} (small-sample correction; 1 = all in one area; as
 *       {@code ineq::Gini(x, corr = TRUE)}).
 *   <li>{@code generalised}: Bernasco &amp; Steenbeek (2017, J. Quant. Criminol. 33:451–467,
 *       doi:10.1007/s10940-016-9302-9). With fewer events than areas ({@code N < n}) even the most
 *       equal possible distribution (one event in each of {@code N} areas) has Gini
 *       {@code 1 − N/n}; {@code G'} compares the Lorenz curve with that line of maximal equality:
 *       {@code G' = 1 − (1 − G) n / N} when {@code N < n}, else {@code G' = G}. Worked example:
 *       counts 5, 2, 1 and seven zeros give {@code G = 0.80}, {@code G' = 0.75}.
 * </ul>
 *
 * @param areas number of areas {@code n}
 * @param events total events {@code N}
 * @param gini plain Gini
 * @param corrected {@code G · n/(n−1)}
 * @param generalised Bernasco–Steenbeek {@code G'}
 */
public record Gini(int areas, long events, double gini, double corrected, double generalised) {
  /**
   * Throws {@link IllegalArgumentException} when {@code areas < 2}, {@code events <= 0}, {@code gini} is
   * not in [0, 1] or {@code corrected} or {@code generalised} is {@code NaN}.
   *
   * @param areas number of areas {@code n}
   * @param events total events {@code N}
   * @param gini plain Gini
   * @param corrected {@code G · n/(n−1)}
   * @param generalised Bernasco–Steenbeek {@code G'}
   */
  public Gini {
    if (areas < 2 || events <= 0) {
      throw new IllegalArgumentException("Gini needs >= 2 areas and > 0 events but had " + areas + " areas and "
          + events + " events");
    }
    if (!(gini >= -1e-12 && gini <= 1) || Double.isNaN(corrected) || Double.isNaN(generalised)) {
      throw new IllegalArgumentException("Gini must be in [0, 1] but was " + gini);
    }
  }

  /**
   * Whether there are fewer events than areas (then {@link #generalised()} differs from {@link #gini()}).
   *
   * @return {@code true} when {@code N < n}
   */
  public boolean sparse() {
    return events < areas;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Gini[G=%.4f, corrected %.4f, generalised G'=%.4f; %d events over %d areas%s]",
        gini, corrected, generalised, events, areas, sparse() ? " (sparse: N < n)" : "");
  }
}
