package io.github.dmstat.core.crosstab;

import java.util.Locale;

/**
 * One test statistic of a {@link TableTest} with its reference distribution.
 *
 * @param name {@code F}, {@code Chisq}, {@code Wald} or {@code adjWald}, as R names them
 * @param value the statistic as R reports it; {@code NaN} when not available (see {@link #available()})
 * @param numeratorDf the degrees of freedom (of the numerator, for an F distribution); not
 *     necessarily whole
 * @param denominatorDf the denominator degrees of freedom of an F distribution;
 *     {@link Double#POSITIVE_INFINITY} for a chi-square reference
 * @param pValue the upper-tail p-value
 */
public record TestStatistic(String name, double value, double numeratorDf, double denominatorDf, double pValue) {
  /**
   * Whether the test could be computed (a Wald test needs more degrees of freedom than cells and
   * an invertible covariance).
   *
   * @return {@code false} when the value is {@code NaN}
   */
  public boolean available() {
    return !Double.isNaN(value);
  }

  @Override
  public String toString() {
    if (!available()) {
      return name + ": not available (a singular covariance: more cells than the design's degrees of freedom carry"
          + (name.equals("adjWald") ? ", or too few degrees of freedom" : "") + ")";
    }
    return String.format(Locale.ROOT, "%s=%.4f on %s%s df, p=%.4g", name, value, df(numeratorDf),
        Double.isInfinite(denominatorDf) ? "" : " and " + df(denominatorDf), pValue);
  }

  /** Degrees of freedom as a whole number where they are one, else to 4 significant digits. */
  private static String df(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.4g", d);
  }
}
