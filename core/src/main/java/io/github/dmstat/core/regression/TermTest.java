package io.github.dmstat.core.regression;

import java.util.List;
import java.util.Locale;

/**
 * Design-based Wald test that the coefficients of one predictor are all zero, as R
 * {@code survey::regTermTest(fit, ~term)} (method {@code "Wald"}):
 * {@code F = β_Tᵀ V_T⁻¹ β_T / k} on {@code k} and the fit's residual degrees of freedom, with
 * {@code β_T} the predictor's {@code k} coefficients and {@code V_T} their design-based covariance;
 * with {@code df = Inf} R refers {@code χ² = k·F} to the chi-square distribution on {@code k}
 * degrees of freedom ({@link #chiSquarePValue()}).
 *
 * @param predictor the predictor tested
 * @param terms its coefficients' names
 * @param f the F statistic
 * @param numeratorDf {@code k}
 * @param denominatorDf the fit's residual design degrees of freedom
 * @param pValue {@code P(F(k, df) > f)}
 * @param chiSquarePValue {@code P(χ²(k) > k·f)}, the large-sample version
 */
public record TermTest(String predictor, List<String> terms, double f, int numeratorDf, int denominatorDf,
    double pValue, double chiSquarePValue) {
  /**
   * Copies {@code terms}.
   *
   * @param predictor the predictor tested
   * @param terms its coefficients' names
   * @param f the F statistic
   * @param numeratorDf {@code k}
   * @param denominatorDf residual design degrees of freedom
   * @param pValue the p-value
   * @param chiSquarePValue the large-sample p-value
   */
  public TermTest {
    terms = List.copyOf(terms);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "TermTest[%s: F=%.4f on %d and %d df, p=%.4g]", predictor, f, numeratorDf,
        denominatorDf, pValue);
  }
}
