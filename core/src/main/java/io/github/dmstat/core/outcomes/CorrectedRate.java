package io.github.dmstat.core.outcomes;

import io.github.dmstat.core.Checks;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * Re-offending rate corrected for cohort composition, as the WODC Recidivemonitor does
 * <i>(model form inferred)</i>: {@code corrected = observed / expected × reference rate}, where
 * {@code observed} is the cohort's rate, {@code expected} the mean predicted probability for the
 * cohort's members from a logistic regression on background characteristics fitted on a reference
 * cohort ({@link LogisticFit}), and {@code reference rate} the observed rate of that reference
 * cohort. All rates are proportions in [0, 1]. A corrected rate above the reference rate means more
 * re-offending than the cohort's composition predicts.
 *
 * @param observed cohort rate {@code x/n}
 * @param expected mean predicted probability in the cohort
 * @param referenceRate observed rate of the reference cohort
 * @param corrected {@code observed / expected × referenceRate}
 * @param n cohort size
 * @param model the logistic regression used
 */
public record CorrectedRate(double observed, double expected, double referenceRate, double corrected, int n,
    LogisticFit model) {
  /**
   * Checks the components.
   *
   * @param observed cohort rate, in [0, 1]
   * @param expected mean predicted probability, strictly between 0 and 1
   * @param referenceRate observed rate of the reference cohort, in [0, 1]
   * @param corrected corrected rate, finite and {@code >= 0} (not recomputed)
   * @param n cohort size (not checked)
   * @param model the logistic regression used, not null
   * @throws IllegalArgumentException when a rate is out of range
   */
  public CorrectedRate {
    Objects.requireNonNull(model, "model");
    if (!(observed >= 0 && observed <= 1)) {
      throw Checks.badArgument("observed", "must be in [0, 1]", observed);
    }
    if (!(expected > 0 && expected < 1)) {
      throw Checks.badArgument("expected", "must be in (0, 1)", expected);
    }
    if (!(referenceRate >= 0 && referenceRate <= 1)) {
      throw Checks.badArgument("referenceRate", "must be in [0, 1]", referenceRate);
    }
    Checks.finiteNonNegative("corrected", corrected);
  }

  /**
   * Fits {@code outcome ~ covariates} on {@code reference} and corrects the rate of {@code cohort}
   * (both tables need the outcome and covariate columns; no cell may be missing).
   *
   * @param reference the reference cohort the model is fitted on, one row per person
   * @param cohort the cohort whose rate is corrected, one row per person
   * @param outcome name of the 0/1 outcome column
   * @param covariates names of the numeric covariate columns, in model order
   * @return the corrected rate of {@code cohort}, with the reference rate taken from {@code reference}
   * @throws IllegalArgumentException when a column is absent, a cell is missing or invalid, {@code cohort} has no
   *     rows, or the model cannot be fitted (see {@link LogisticFit#fit(double[][], byte[], List)})
   */
  public static CorrectedRate of(Table reference, Table cohort, String outcome, List<String> covariates) {
    LogisticFit fit = LogisticFit.fit(reference, outcome, covariates);
    byte[] yRef = LogisticFit.outcomes(reference, outcome);
    byte[] y = LogisticFit.outcomes(cohort, outcome);
    return of(fit, mean(yRef), LogisticFit.matrix(cohort, covariates), y);
  }

  /**
   * From a fitted model, the reference rate, and the cohort's covariates and outcomes.
   *
   * @param fit the model fitted on the reference cohort
   * @param referenceRate observed rate of the reference cohort, in [0, 1]
   * @param cohortX the cohort's covariate rows, without intercept column, in the model's covariate order
   * @param cohortY the cohort's 0/1 outcomes, one per row of {@code cohortX}; not empty
   * @return the corrected rate; {@code n} is the length of {@code cohortY}
   * @throws IllegalArgumentException when {@code cohortY} is empty, a row of {@code cohortX} has the wrong
   *     number of covariates, or a resulting rate is out of range (e.g. {@code expected} not in (0, 1))
   */
  public static CorrectedRate of(LogisticFit fit, double referenceRate, double[][] cohortX, byte[] cohortY) {
    if (cohortY.length == 0) {
      throw Checks.badArgument("cohort", "must have at least one row", 0);
    }
    double[] pred = fit.predict(cohortX);
    double expected = 0;
    for (double v : pred) {
      expected += v;
    }
    expected /= pred.length;
    double observed = mean(cohortY);
    return new CorrectedRate(observed, expected, referenceRate, observed / expected * referenceRate, cohortY.length,
        fit);
  }

  private static double mean(byte[] y) {
    double s = 0;
    for (byte b : y) {
      s += b;
    }
    return s / y.length;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "CorrectedRate[corrected %.2f%% = observed %.2f%% / expected %.2f%% × reference %.2f%%, n=%d]",
        100 * corrected, 100 * observed, 100 * expected, 100 * referenceRate, n);
  }
}
