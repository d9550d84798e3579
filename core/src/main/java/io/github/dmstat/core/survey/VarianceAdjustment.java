package io.github.dmstat.core.survey;

/**
 * How a reweighted (calibrated) design turns the influence values of an estimate into the
 * residuals whose design-based variance is the estimate's variance (R {@code svyrecvar}'s
 * {@code postStrata} step): for calibration, the residuals of a regression on the calibration
 * variables (Deville &amp; Särndal 1992; Lumley 2010, ch. 7).
 */
public interface VarianceAdjustment {
  /**
   * The residuals of one influence variable.
   *
   * @param influence one value per row of the design (0 outside the estimate's domain)
   * @return one residual per row; a new array
   */
  double[] residuals(double[] influence);
}
