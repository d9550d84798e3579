package io.github.dmstat.core.outcomes;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.Columns;
import io.github.dmstat.core.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Logistic regression {@code logit P(y=1) = β0 + Σ βj xj} fitted by iteratively reweighted least
 * squares (Fisher scoring, as R {@code glm(family = binomial)}), started at {@code β = 0}, stopped
 * when {@code |D − D_old| / (|D| + 0.1) < 1e-14} (deviance {@code D}) or the largest coefficient
 * change is below 1e-13. Standard errors {@code √diag((X'WX)⁻¹)} with {@code W = diag(μ(1−μ))} at the
 * final estimate (McCullagh &amp; Nelder 1989, ch. 4).
 *
 * <p>Edge cases: perfect separation (coefficients diverge, or more than 100 iterations) and a
 * singular {@code X'WX} (collinear covariates) are errors, never silent results.
 *
 * @param terms {@code (Intercept)} then the covariate names
 * @param coefficients {@code β}, same order as terms
 * @param standardErrors model-based SEs
 * @param deviance residual deviance {@code −2 log L}
 * @param iterations IRLS iterations used
 * @param n rows used
 */
public record LogisticFit(List<String> terms, List<Double> coefficients, List<Double> standardErrors, double deviance,
    int iterations, int n) {
  /**
   * Checks the components and copies the lists.
   *
   * @param terms {@code (Intercept)} then the covariate names
   * @param coefficients {@code β}, one per term
   * @param standardErrors model-based SEs, one per term
   * @param deviance residual deviance (not checked)
   * @param iterations IRLS iterations used (not checked)
   * @param n rows used (not checked)
   * @throws IllegalArgumentException when the lists differ in length
   */
  public LogisticFit {
    terms = List.copyOf(terms);
    coefficients = List.copyOf(coefficients);
    standardErrors = List.copyOf(standardErrors);
    if (coefficients.size() != terms.size() || standardErrors.size() != terms.size()) {
      throw Checks.badArgument("coefficients", "must have one value per term (" + terms.size() + ")",
          coefficients.size());
    }
  }

  /** Name of the intercept term. */
  public static final String INTERCEPT = "(Intercept)";

  /**
   * Fits on covariate rows {@code x[i][j]} (no intercept column; it is added) and 0/1 outcomes
   * {@code y}.
   *
   * @param x covariate rows, one per outcome, each with one finite value per covariate
   * @param y 0/1 outcomes
   * @param covariates covariate names, in the column order of {@code x}
   * @return the fit; the number of rows must exceed the number of coefficients
   * @throws IllegalArgumentException when the shapes do not match, there are too few rows, a value is invalid,
   *     the fit does not converge within 100 iterations (e.g. perfect separation) or {@code X'WX} is singular
   */
  public static LogisticFit fit(double[][] x, byte[] y, List<String> covariates) {
    int n = y.length;
    int p = covariates.size() + 1;
    if (x.length != n) {
      throw Checks.badArgument("x", "must have " + n + " rows (one per outcome)", x.length);
    }
    if (n <= p) {
      throw Checks.badArgument("rows", "must exceed the number of coefficients (" + p + ")", n);
    }
    double[][] design = new double[n][p];
    for (int i = 0; i < n; i++) {
      if (x[i].length != p - 1) {
        throw Checks.badArgument("x row " + (i + 1), "must have " + (p - 1) + " covariates", x[i].length);
      }
      if (y[i] != 0 && y[i] != 1) {
        throw Checks.badArgument("y row " + (i + 1), "must be 0 or 1", (int) y[i]);
      }
      design[i][0] = 1;
      for (int j = 1; j < p; j++) {
        design[i][j] = Checks.finite("x row " + (i + 1) + " column " + j, x[i][j - 1]);
      }
    }
    double[] beta = new double[p];
    double devOld = Double.POSITIVE_INFINITY;
    int iter = 0;
    double dev;
    while (true) {
      iter++;
      double[][] xtwx = new double[p][p];
      double[] xtwz = new double[p];
      for (int i = 0; i < n; i++) {
        double eta = dot(design[i], beta);
        double mu = 1 / (1 + Math.exp(-eta));
        double w = mu * (1 - mu);
        double z = eta + (y[i] - mu) / w;
        for (int a = 0; a < p; a++) {
          double wa = w * design[i][a];
          xtwz[a] += wa * z;
          for (int b = 0; b <= a; b++) {
            xtwx[a][b] += wa * design[i][b];
          }
        }
      }
      double[] next = solver(xtwx).solve(new org.apache.commons.math3.linear.ArrayRealVector(xtwz)).toArray();
      double change = 0;
      for (int j = 0; j < p; j++) {
        change = Math.max(change, Math.abs(next[j] - beta[j]));
      }
      beta = next;
      dev = deviance(design, y, beta);
      if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < 1e-14 || change < 1e-13) {
        break;
      }
      if (iter >= 100 || !Double.isFinite(dev)) {
        throw new IllegalArgumentException("logistic regression did not converge in " + iter
            + " iterations (perfect separation?); deviance " + dev);
      }
      devOld = dev;
    }
    double[][] info = new double[p][p];
    for (int i = 0; i < n; i++) {
      double mu = 1 / (1 + Math.exp(-dot(design[i], beta)));
      double w = mu * (1 - mu);
      for (int a = 0; a < p; a++) {
        for (int b = 0; b <= a; b++) {
          info[a][b] += w * design[i][a] * design[i][b];
        }
      }
    }
    RealMatrix cov = solver(info).getInverse();
    List<String> terms = new ArrayList<>();
    terms.add(INTERCEPT);
    terms.addAll(covariates);
    List<Double> b = new ArrayList<>();
    List<Double> se = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      b.add(beta[j]);
      se.add(Math.sqrt(cov.getEntry(j, j)));
    }
    return new LogisticFit(terms, b, se, dev, iter, n);
  }

  /**
   * Fits {@code outcome ~ covariates} on a table; every cell must be present and valid.
   *
   * @param table the data, one row per person
   * @param outcome name of the 0/1 outcome column
   * @param covariates names of the numeric covariate columns
   * @return the fit
   * @throws IllegalArgumentException when a column is absent, a cell is missing or invalid, or as
   *     {@link #fit(double[][], byte[], List)}
   */
  public static LogisticFit fit(Table table, String outcome, List<String> covariates) {
    return fit(matrix(table, covariates), outcomes(table, outcome), covariates);
  }

  static byte[] outcomes(Table table, String outcome) {
    byte[] y = Columns.flags(table, outcome);
    for (int i = 0; i < y.length; i++) {
      if (y[i] < 0) {
        throw Checks.badCell(outcome, i + 1, "must be 0 or 1", null);
      }
    }
    return y;
  }

  static double[][] matrix(Table table, List<String> covariates) {
    int n = table.rowCount();
    double[][] x = new double[n][covariates.size()];
    for (int j = 0; j < covariates.size(); j++) {
      var col = Columns.column(table, covariates.get(j));
      for (int i = 0; i < n; i++) {
        double v = Columns.number(col, i);
        if (!Double.isFinite(v)) {
          throw Checks.badCell(covariates.get(j), i + 1, "must be a finite number", Columns.text(col, i));
        }
        x[i][j] = v;
      }
    }
    return x;
  }

  private static DecompositionSolver solver(double[][] lower) {
    int p = lower.length;
    for (int a = 0; a < p; a++) {
      for (int b = a + 1; b < p; b++) {
        lower[a][b] = lower[b][a];
      }
    }
    try {
      return new CholeskyDecomposition(new Array2DRowRealMatrix(lower, false), 1e-14, 1e-14).getSolver();
    } catch (NonPositiveDefiniteMatrixException e) {
      throw new IllegalArgumentException("logistic regression: X'WX is singular (collinear covariates?)", e);
    }
  }

  private static double deviance(double[][] design, byte[] y, double[] beta) {
    double dev = 0;
    for (int i = 0; i < y.length; i++) {
      double eta = dot(design[i], beta);
      // -2 log L with log(1 + e^eta) computed stably
      double log1pExp = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
      dev += 2 * (log1pExp - y[i] * eta);
    }
    return dev;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += a[j] * b[j];
    }
    return s;
  }

  /**
   * Predicted probabilities {@code expit(β0 + Σ βj xij)} for covariate rows {@code x}.
   *
   * @param x covariate rows without intercept column, values in the order of the fitted covariates
   * @return a new array with one probability in [0, 1] per row
   * @throws IllegalArgumentException when a row has the wrong number of covariates
   */
  public double[] predict(double[][] x) {
    int p = coefficients.size();
    double[] b = new double[p];
    for (int j = 0; j < p; j++) {
      b[j] = coefficients.get(j);
    }
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      if (x[i].length != p - 1) {
        throw Checks.badArgument("x row " + (i + 1), "must have " + (p - 1) + " covariates", x[i].length);
      }
      double eta = b[0];
      for (int j = 1; j < p; j++) {
        eta += b[j] * x[i][j - 1];
      }
      out[i] = 1 / (1 + Math.exp(-eta));
    }
    return out;
  }

  /**
   * Coefficients as a table: term, estimate, se, z, p (Wald).
   *
   * @return columns {@code term, estimate, se, z, p}, one row per term; {@code z = estimate/se}, {@code p}
   *     two-sided from the normal distribution
   */
  public Table toTable() {
    StringColumn t = StringColumn.create("term");
    DoubleColumn est = DoubleColumn.create("estimate");
    DoubleColumn se = DoubleColumn.create("se");
    DoubleColumn z = DoubleColumn.create("z");
    DoubleColumn pv = DoubleColumn.create("p");
    for (int j = 0; j < terms.size(); j++) {
      t.append(terms.get(j));
      est.append(coefficients.get(j));
      se.append(standardErrors.get(j));
      double zz = coefficients.get(j) / standardErrors.get(j);
      z.append(zz);
      pv.append(Stat.pTwoSided(zz));
    }
    return Table.create("logistic regression").addColumns(t, est, se, z, pv);
  }

  @Override
  public String toString() {
    TextTable tt = new TextTable(List.of("term", "estimate", "se"));
    for (int j = 0; j < terms.size(); j++) {
      tt.row(List.of(terms.get(j), Stat.g(coefficients.get(j)), Stat.g(standardErrors.get(j))));
    }
    return String.format(Locale.ROOT, "LogisticFit[n=%d, deviance %.4f, %d iterations]%n", n, deviance, iterations)
        + tt;
  }
}
