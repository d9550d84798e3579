package io.github.dmstat.core.calibration;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * What a calibration did to the weights: the g-weights ({@code calibrated / design weight}),
 * how many rows sit at a bound, and the sums before and after.
 *
 * @param method the method
 * @param rows rows of the survey
 * @param iterations passes (raking) or Newton steps (calibrate); 0 where the solution is closed-form
 * @param scale the factor R applies to the design weights before a bounded or non-linear
 *     calibration when every population total is more than 20 times the sample's (1 otherwise);
 *     the bounds then act on {@code g/scale}
 * @param minG the smallest g-weight
 * @param maxG the largest g-weight
 * @param lowerBound the lower bound on g as applied (empty when none; per row {@code bound/d}
 *     when the bounds are on the weights)
 * @param upperBound the upper bound on g as applied (empty when none)
 * @param atLower rows whose g is at the lower bound ({@code |g − L| <= 1e-9·|L|})
 * @param atUpper rows whose g is at the upper bound
 * @param sumBefore sum of the design weights
 * @param sumAfter sum of the calibrated weights
 * @param boundsOnWeights whether the bounds were given on the weights ({@code bounds.const}) rather than on g
 */
public record CalibrationReport(CalibrationMethod method, int rows, int iterations, double scale, double minG, double maxG,
    OptionalDouble lowerBound, OptionalDouble upperBound, long atLower, long atUpper, double sumBefore, double sumAfter,
    boolean boundsOnWeights) {
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Calibration[%s: g %.6g to %.6g%s, %d at the lower and %d at the upper bound, "
        + "weights %.6g -> %.6g over %d rows%s%s]", method.code(), minG, maxG,
        lowerBound.isPresent() || upperBound.isPresent() ? String.format(Locale.ROOT, " (bounds %s to %s%s)",
            lowerBound.isPresent() ? String.format(Locale.ROOT, "%.6g", lowerBound.getAsDouble()) : "-inf",
            upperBound.isPresent() ? String.format(Locale.ROOT, "%.6g", upperBound.getAsDouble()) : "inf",
            boundsOnWeights ? " on the weights" : "") : "",
        atLower, atUpper, sumBefore, sumAfter, rows, iterations > 0 ? ", " + iterations + " iterations" : "",
        scale != 1 ? String.format(Locale.ROOT, ", weights scaled by %.6g first", scale) : "");
  }
}
