package io.github.dmstat.core.survey;

import io.github.dmstat.core.internal.DomainSums;

/**
 * A finished {@link DomainSums} partial read against its design: domain proportions and the
 * Taylor-linearised variance of any linear combination of them.
 *
 * <p>For a domain {@code d} the ratio estimator is {@code p_d = Σ w_i y_i I_di / Σ w_i I_di}
 * over rows with an observed outcome. Its linearisation variable is
 * {@code z_di = w_i I_di (y_i − p_d) / W_d}. For a combination {@code L = Σ_d c_d p_d} the PSU
 * totals {@code t_hi = Σ_d c_d Σ_{j∈PSU hi} z_dj} give
 * {@code V(L) = Σ_h f_h · n_h/(n_h − 1) · Σ_i (t_hi − t̄_h)²}, summing over all {@code n_h} PSUs of
 * stratum {@code h} in the full design (rows outside the domain contribute zeros), as R
 * {@code survey:::svyrecvar} / {@code onestrat} does for one-stage designs (Binder 1983; Wolter
 * 2007, §6; Lumley 2010, §2.2, §2.4 domains). Single-PSU strata follow {@link LonelyPsu}.
 */
final class DomainMoments {
  private final SurveyDesign design;
  private final DomainSums sums;
  private final double[] weightSum;
  private final double[] proportion;
  private final long[] domainRows;

  /** The outcome and domain of each row, for the row-level variance of a reweighted design; {@code null} when not kept. */
  private final byte[] rowOutcome;
  private final int[] rowDomain;

  DomainMoments(SurveyDesign design, DomainSums sums) {
    this(design, sums, null, null);
  }

  DomainMoments(SurveyDesign design, DomainSums sums, byte[] rowOutcome, int[] rowDomain) {
    this.design = design;
    this.sums = sums;
    this.rowOutcome = rowOutcome;
    this.rowDomain = rowDomain;
    int d = sums.domains;
    int c = sums.cells;
    weightSum = new double[d];
    proportion = new double[d];
    domainRows = new long[d];
    for (int g = 0; g < d; g++) {
      double w = 0;
      double wy = 0;
      long rows = 0;
      for (int k = g * c, end = k + c; k < end; k++) {
        w += sums.sw[k];
        wy += sums.swy[k];
        rows += sums.rows[k];
      }
      weightSum[g] = w;
      proportion[g] = w > 0 ? wy / w : Double.NaN;
      domainRows[g] = rows;
    }
  }

  int domains() {
    return sums.domains;
  }

  double weightSum(int g) {
    return weightSum[g];
  }

  double proportion(int g) {
    return proportion[g];
  }

  long observed(int g) {
    return domainRows[g] - sums.missing[g];
  }

  long positive(int g) {
    return observed(g) - sums.zeroWeight[g];
  }

  /** Rows in any domain whose outcome is missing. */
  long missingOutcomes() {
    long m = 0;
    for (long v : sums.missing) {
      m += v;
    }
    return m;
  }

  long domainRows(int g) {
    return domainRows[g];
  }

  /** Linearised variance of {@code p_g}. */
  double variance(int g) {
    double[] c = new double[sums.domains];
    c[g] = 1;
    return variance(c);
  }

  /** Linearised variance of {@code Σ_d coef[d]·p_d} (domains with {@code coef = 0} are skipped). */
  double variance(double[] coef) {
    if (design.reweighted()) {
      if (rowOutcome == null) {
        throw new UnsupportedOperationException("a mergeable partial cannot finish on a calibrated design: its variance "
            + "needs the rows; estimate from the table or frame instead");
      }
      // z_i = Σ_d c_d w_i (y_i − p_d)/W_d for the observed rows of each domain, then the design's residual step
      double[] w = design.weights();
      double[] z = new double[w.length];
      for (int i = 0; i < z.length; i++) {
        int g = rowDomain[i];
        if (g >= 0 && coef[g] != 0 && rowOutcome[i] >= 0 && weightSum[g] > 0) {
          z[i] = coef[g] * w[i] * (rowOutcome[i] - proportion[g]) / weightSum[g];
        }
      }
      return design.variance(z);
    }
    int strata = design.strataCount();
    int c = sums.cells;
    if (design.elementSampling()) {
      double[] s1 = new double[strata];
      double[] s2 = new double[strata];
      for (int g = 0; g < sums.domains; g++) {
        if (coef[g] == 0 || !(weightSum[g] > 0)) {
          continue;
        }
        double p = proportion[g];
        double a = coef[g] / weightSum[g];
        for (int h = 0; h < strata; h++) {
          int k = g * c + h;
          s1[h] += a * (sums.swy[k] - p * sums.sw[k]);
          s2[h] += a * a * (sums.sw2y[k] * (1 - 2 * p) + p * p * sums.sw2[k]);
        }
      }
      return design.varianceOfStratumSums(s1, s2);
    }
    double[] t = new double[c];
    for (int g = 0; g < sums.domains; g++) {
      if (coef[g] == 0 || !(weightSum[g] > 0)) {
        continue;
      }
      double p = proportion[g];
      double a = coef[g] / weightSum[g];
      for (int psu = 0, k = g * c; psu < c; psu++, k++) {
        t[psu] += a * (sums.swy[k] - p * sums.sw[k]);
      }
    }
    return design.varianceOfPsuTotals(t);
  }

  /**
   * Design degrees of freedom of the union of the domains with non-zero {@code coef}: PSUs that
   * hold rows of those domains minus the strata that hold them (R {@code degf} of the subset).
   */
  int degreesOfFreedom(double[] coef) {
    int strata = design.strataCount();
    boolean[] used = new boolean[strata];
    int c = sums.cells;
    long psus = 0;
    if (design.elementSampling()) {
      for (int h = 0; h < strata; h++) {
        long rows = 0;
        for (int g = 0; g < sums.domains; g++) {
          if (coef[g] != 0) {
            rows += sums.rows[g * c + h];
          }
        }
        psus += rows;
        used[h] = rows > 0;
      }
    } else {
      int[] owner = design.psuStratum();
      for (int psu = 0; psu < c; psu++) {
        boolean any = false;
        for (int g = 0; g < sums.domains && !any; g++) {
          any = coef[g] != 0 && sums.rows[g * c + psu] > 0;
        }
        if (any) {
          psus++;
          used[owner[psu]] = true;
        }
      }
    }
    int strataUsed = 0;
    for (boolean u : used) {
      strataUsed += u ? 1 : 0;
    }
    return (int) Math.min(Integer.MAX_VALUE, psus - strataUsed);
  }

  /** {@link #degreesOfFreedom(double[])} for one domain, in O(cells). */
  int degreesOfFreedom(int g) {
    return degreesOfFreedom(design, sums.rows, sums.cells, g);
  }

  /**
   * Design degrees of freedom of domain {@code g} from the domain rows per cell
   * ({@code rows[g * cells + cell]}, cells being PSUs or, under element sampling, strata): PSUs
   * that hold rows of the domain minus the strata that hold them.
   */
  static int degreesOfFreedom(SurveyDesign design, int[] rows, int cells, int g) {
    int strata = design.strataCount();
    boolean[] used = new boolean[strata];
    long psus = 0;
    for (int cell = 0, k = g * cells; cell < cells; cell++, k++) {
      int r = rows[k];
      if (r > 0) {
        psus += design.elementSampling() ? r : 1;
        used[design.elementSampling() ? cell : design.psuStratum()[cell]] = true;
      }
    }
    int strataUsed = 0;
    for (boolean u : used) {
      strataUsed += u ? 1 : 0;
    }
    return (int) Math.min(Integer.MAX_VALUE, psus - strataUsed);
  }

  /**
   * Design effect against simple random sampling without replacement of the same size, as R
   * {@code svymean(deff=TRUE)}: {@code deff = V(p) / (s² (N̂ − m)/(N̂ m))} with
   * {@code s² = p(1−p)·m/(m−1)}, {@code m} the observed rows with positive weight and
   * {@code N̂ = Σw}. {@code NaN} when undefined ({@code m < 2}, {@code p ∈ {0,1}} or
   * {@code N̂ <= m}).
   */
  double designEffect(int g, double variance) {
    long m = positive(g);
    double p = proportion[g];
    double big = weightSum[g];
    if (m < 2 || !(p > 0 && p < 1) || !(big > m)) {
      return Double.NaN;
    }
    double s2 = p * (1 - p) * m / (m - 1.0);
    double srs = s2 * (big - m) / (big * m);
    return variance / srs;
  }
}
