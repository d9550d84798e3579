package io.github.dmstat.core.calibration;

import io.github.dmstat.core.Coded;
import io.github.dmstat.core.Labels;
import java.util.Locale;

/** How the weights are calibrated ({@link Calibration}). */
public enum CalibrationMethod implements Coded {
  /** Post-stratification to the counts of one (cross-classified) margin: R {@code postStratify}. */
  POSTSTRATIFY,
  /** Raking: post-stratification to each margin in turn until the weights settle: R {@code rake}. */
  RAKE,
  /** Calibration with the linear (GREG, chi-square) distance: R {@code calibrate(calfun = "linear")}. */
  LINEAR,
  /** Calibration with the raking (multiplicative) distance: R {@code calibrate(calfun = "raking")}. */
  RAKING,
  /** Calibration with the logit distance, which keeps g-weights inside finite bounds: R {@code calibrate(calfun = "logit")}. */
  LOGIT;

  /**
   * Parses {@code poststratify|rake|linear|raking|logit} (any case; surrounding blanks ignored).
   *
   * @param text the code or enum name
   * @return the method
   * @throws IllegalArgumentException when {@code text} is {@code null} or names no method
   */
  public static CalibrationMethod parse(String text) {
    return Labels.parse(CalibrationMethod.class, "calibration method", text);
  }

  /**
   * Lower-case name as used on the command line.
   *
   * @return {@code poststratify}, {@code rake}, {@code linear}, {@code raking} or {@code logit}
   */
  @Override
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
