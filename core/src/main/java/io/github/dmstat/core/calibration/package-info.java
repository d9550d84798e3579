/**
 * Calibration of survey weights to population totals: post-stratification, raking and
 * calibration with linear, raking and logit distance functions (with bounds), as R
 * {@code survey}'s {@code postStratify}, {@code rake} and {@code calibrate}; the calibrated
 * design's variances use the calibration residuals. Give a {@link io.github.dmstat.core.calibration.Calibration}
 * to {@link io.github.dmstat.core.survey.DesignSpec#withCalibration} and every estimator uses it.
 */
package io.github.dmstat.core.calibration;
