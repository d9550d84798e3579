package io.github.dmstat.core.regression;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.Columns;
import io.github.dmstat.core.replicate.ReplicateDesign;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.core.survey.DesignSummary;
import io.github.dmstat.core.survey.SurveyDesign;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import tech.tablesaw.api.Table;

/**
 * Design-based generalised linear models, as R {@code survey::svyglm}: logistic regression of a
 * 0/1 outcome ({@link GlmFamily#QUASIBINOMIAL}) and linear regression ({@link GlmFamily#GAUSSIAN}),
 * fitted with the survey weights, with standard errors from the survey design.
 *
 * <p>The coefficients {@code β} solve the weighted score equations
 * {@code Σ_i w_i x_i (y_i − μ_i) = 0} (pseudo-maximum likelihood; Binder 1983), found by
 * iteratively reweighted least squares with working weights {@code w_i μ'(η_i)²/V(μ_i)} on the
 * predictors centred at their weighted means (so that a year such as 2016 beside the intercept
 * keeps {@code XᵀWX} well conditioned; the estimates and their covariance are mapped back exactly), stopped
 * when the relative change of the deviance is below 1e-14 or no coefficient moves by more than
 * 1e-12 of its size (the floor of double-precision noise for large weighted samples). The
 * covariance is the sandwich {@code A⁻¹ Ĉ A⁻¹} with
 * {@code A = Σ_i w_i μ'(η_i)²/V(μ_i) x_i x_iᵀ} and {@code Ĉ} the design-based covariance
 * ({@link SurveyDesign#covariance}) of the totals of the estimating functions
 * {@code u_i = w_i x_i (y_i − μ_i)} (R {@code survey:::svy.varcoef}; Lumley 2010, ch. 5). Rows
 * with a missing outcome or predictor are left out of the fit and carry zero in the variance, as R
 * pads the PSUs they leave empty. Tests use the t distribution on the residual design degrees of
 * freedom {@code df = degf − p + 1} ({@code degf} of the rows used, {@code p} coefficients), as R's
 * {@code summary.svyglm}.
 */
public final class SurveyGlm {
  /** The name of the intercept term. */
  public static final String INTERCEPT = "(Intercept)";

  private final GlmFamily family;
  private final Set<String> factors;
  private final double level;

  private SurveyGlm(GlmFamily family, Set<String> factors, double level) {
    this.family = family;
    this.factors = Set.copyOf(factors);
    this.level = level;
  }

  /**
   * Logistic regression of a 0/1 outcome (R {@code svyglm(family = quasibinomial())}), level 0.95.
   *
   * @return the model
   */
  public static SurveyGlm logistic() {
    return new SurveyGlm(GlmFamily.QUASIBINOMIAL, Set.of(), 0.95);
  }

  /**
   * Linear regression (R {@code svyglm(family = gaussian())}), level 0.95.
   *
   * @return the model
   */
  public static SurveyGlm linear() {
    return new SurveyGlm(GlmFamily.GAUSSIAN, Set.of(), 0.95);
  }

  /**
   * The same model with these predictors taken as categorical even where their cells are numbers
   * (e.g. a year or a coded region); text predictors are always categorical.
   *
   * @param columns predictor columns
   * @return a new model
   */
  public SurveyGlm withFactors(String... columns) {
    Set<String> s = new java.util.HashSet<>(factors);
    s.addAll(List.of(columns));
    return new SurveyGlm(family, s, level);
  }

  /**
   * The same model with another confidence level for the intervals.
   *
   * @param l the level, strictly between 0 and 1
   * @return a new model
   * @throws IllegalArgumentException when {@code l} is not in (0, 1)
   */
  public SurveyGlm withLevel(double l) {
    return new SurveyGlm(family, factors, Checks.level(l));
  }

  /**
   * The family.
   *
   * @return the link and variance function
   */
  public GlmFamily family() {
    return family;
  }

  /**
   * Fits {@code outcome ~ predictors} on a survey.
   *
   * @param table the survey, one row per respondent; not modified
   * @param spec the design columns of {@code table}
   * @param outcome the outcome column (0/1 for logistic regression, numbers for linear)
   * @param predictors the predictor columns (numeric, or categorical with treatment contrasts)
   * @return the fit
   * @throws IllegalArgumentException when a column is missing, a cell is invalid, a categorical
   *     predictor has one level, the predictors are collinear, or the fit does not converge
   *     (e.g. perfect separation)
   */
  public GlmFit fit(Table table, DesignSpec spec, String outcome, List<String> predictors) {
    SurveyDesign design = spec.bind(table);
    Model m = prepare(table, outcome, predictors, design.weights());
    int n = m.y.length;
    int p = m.mm.terms.size();
    double[] w = design.weights();
    double[] betaC = irls(m.xc, m.y, w, m.keep, null);
    // bread A = X'WX at the estimate, and the estimating functions u_i = w_i x_i (y_i − μ_i)
    double[][] a = new double[p][p];
    double[][] u = new double[p][n];
    for (int i = 0; i < n; i++) {
      if (!m.keep[i]) {
        continue;
      }
      double[] xi = m.xc[i];
      double mu = family.mean(dot(xi, betaC));
      double d = family.derivative(mu);
      double ww = w[i] * d * d / family.variance(mu);
      for (int j = 0; j < p; j++) {
        u[j][i] = w[i] * xi[j] * (m.y[i] - mu);
        for (int k = 0; k <= j; k++) {
          a[j][k] += ww * xi[j] * xi[k];
        }
      }
    }
    RealMatrix ainv = inverse(a, m.mm.terms);
    RealMatrix meat = new Array2DRowRealMatrix(design.covariance(u), false);
    RealMatrix back = m.back();
    RealMatrix v = back.multiply(ainv.multiply(meat).multiply(ainv)).multiply(back.transpose());
    double[] beta = back.operate(betaC);
    int df = design.degreesOfFreedom(m.keep) - p + 1;
    checkDf(df, design.degreesOfFreedom(m.keep), p);
    DesignSummary summary = new DesignSummary(n, m.dropped, m.reasons, design.strataCount(), design.psuCount(),
        design.degreesOfFreedom());
    return new GlmFit(family, outcome, predictors, m.mm.terms, m.mm.columnsOf, beta, v.getData(), df, m.used, summary, level);
  }

  /**
   * Fits {@code outcome ~ predictors} on a replicate-weight design, as R {@code svyglm} on a
   * {@code svrepdesign}: the coefficients from the full-sample weights, each replicate's by the same
   * fit under its weights (started at the full-sample estimate), and their covariance
   * {@link ReplicateDesign#covariance}; tests on the replicate design's degrees of freedom
   * ({@link ReplicateDesign#degreesOfFreedom()}, before rows with missing values are dropped) plus
   * one minus the coefficients.
   *
   * @param table the survey, one row per respondent (the rows of {@code design})
   * @param design the replicate design
   * @param outcome the outcome column
   * @param predictors the predictor columns
   * @return the fit
   * @throws IllegalArgumentException as {@link #fit(Table, DesignSpec, String, List)}, or when a
   *     replicate's fit does not converge
   */
  public GlmFit fit(Table table, ReplicateDesign design, String outcome, List<String> predictors) {
    if (design.rows() != table.rowCount()) {
      throw new IllegalArgumentException("the replicate design has " + design.rows() + " rows but the table "
          + table.rowCount());
    }
    double[] w = design.weights();
    Model m = prepare(table, outcome, predictors, w);
    int p = m.mm.terms.size();
    double[] betaC = irls(m.xc, m.y, w, m.keep, null);
    RealMatrix back = m.back();
    double[] beta = back.operate(betaC);
    double[][] reps = new double[design.replicates()][];
    for (int r = 0; r < reps.length; r++) {
      try {
        reps[r] = back.operate(irls(m.xc, m.y, design.weights(r), m.keep, betaC));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("replicate " + (r + 1) + ": " + e.getMessage(), e);
      }
    }
    double[][] v = design.covariance(beta, reps);
    int df = design.degreesOfFreedom() + 1 - p;
    checkDf(df, design.degreesOfFreedom(), p);
    DesignSummary summary = new DesignSummary(m.y.length, m.dropped, m.reasons, 1, design.replicates(),
        design.degreesOfFreedom());
    return new GlmFit(family, outcome, predictors, m.mm.terms, m.mm.columnsOf, beta, v, df, m.used, summary, level);
  }

  /** The bound outcome and model matrix, the rows used, and the predictors centred at their weighted means. */
  private record Model(double[] y, ModelMatrix mm, boolean[] keep, long used, long dropped, Map<String, Long> reasons,
      double[] centre, double[][] xc) {
    /** The map from centred to original coefficients: {@code β₀ = β₀ᶜ − Σ_j β_j m_j}. */
    RealMatrix back() {
      int p = centre.length;
      RealMatrix b = org.apache.commons.math3.linear.MatrixUtils.createRealIdentityMatrix(p);
      for (int j = 1; j < p; j++) {
        b.setEntry(0, j, -centre[j]);
      }
      return b;
    }
  }

  private Model prepare(Table table, String outcome, List<String> predictors, double[] w) {
    Objects.requireNonNull(outcome, "outcome");
    if (predictors.contains(outcome)) {
      throw new IllegalArgumentException("the outcome '" + outcome + "' cannot also be a predictor");
    }
    int n = table.rowCount();
    double[] y = new double[n];
    if (family == GlmFamily.QUASIBINOMIAL) {
      byte[] flags = Columns.flags(table, outcome);
      for (int i = 0; i < n; i++) {
        y[i] = flags[i] < 0 ? Double.NaN : flags[i];
      }
    } else {
      y = Columns.numbers(table, outcome);
    }
    boolean[] observed = new boolean[n];
    for (int i = 0; i < n; i++) {
      observed[i] = !Double.isNaN(y[i]);
    }
    ModelMatrix mm = ModelMatrix.of(table, predictors, factors, observed);
    boolean[] keep = mm.complete.clone();
    long missingOutcome = 0;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(y[i])) {
        missingOutcome++;
        keep[i] = false;
      }
    }
    Map<String, Long> reasons = new LinkedHashMap<>();
    if (missingOutcome > 0) {
      reasons.put("outcome '" + outcome + "' missing", missingOutcome);
    }
    long dropped = 0;
    for (boolean k : keep) {
      dropped += k ? 0 : 1;
    }
    if (dropped > missingOutcome) {
      reasons.put("a predictor (" + String.join(", ", predictors) + ") missing", dropped - missingOutcome);
    }
    int p = mm.terms.size();
    long used = n - dropped;
    if (used <= p) {
      throw new IllegalArgumentException(used + " complete rows are too few for " + p + " coefficients");
    }
    if (family == GlmFamily.QUASIBINOMIAL) {
      boolean any0 = false;
      boolean any1 = false;
      for (int i = 0; i < n; i++) {
        if (keep[i] && w[i] > 0) {
          any0 |= y[i] == 0;
          any1 |= y[i] == 1;
        }
      }
      if (!(any0 && any1)) {
        throw new IllegalArgumentException("outcome '" + outcome + "' is " + (any1 ? "1" : "0")
            + " in every row used: there is nothing to model");
      }
    }
    // centre the predictors at their weighted means (over the rows used), so that X'WX is well
    // conditioned even for a year such as 2016 beside the intercept; β and its covariance are
    // mapped back exactly ({@link Model#back})
    double[] centre = new double[p];
    double sw = 0;
    for (int i = 0; i < n; i++) {
      if (keep[i]) {
        sw += w[i];
        for (int j = 1; j < p; j++) {
          centre[j] += w[i] * mm.x[i][j];
        }
      }
    }
    for (int j = 1; j < p; j++) {
      centre[j] = sw > 0 ? centre[j] / sw : 0;
    }
    double[][] xc = new double[n][];
    for (int i = 0; i < n; i++) {
      xc[i] = mm.x[i].clone();
      for (int j = 1; j < p; j++) {
        xc[i][j] -= centre[j];
      }
    }
    return new Model(y, mm, keep, used, dropped, reasons, centre, xc);
  }

  private static void checkDf(int df, int degf, int p) {
    if (df < 1) {
      throw new IllegalArgumentException("the design has " + degf + " degrees of freedom (PSUs minus strata) for the rows "
          + "used: too few for " + p + " coefficients (residual df " + df + "); use fewer predictors");
    }
  }

  /** Iteratively reweighted least squares over the kept rows. */
  private double[] irls(double[][] x, double[] y, double[] w, boolean[] keep, double[] start) {
    int n = x.length;
    int p = x[0].length;
    double[] beta = start == null ? new double[p] : start.clone();
    if (family == GlmFamily.QUASIBINOMIAL && start == null) {
      // start where R's glm starts for binomial data: μ = (w y + 1/2)/(w + 1) on the logit scale, as an intercept
      double sw = 0;
      double swy = 0;
      for (int i = 0; i < n; i++) {
        if (keep[i]) {
          sw += w[i];
          swy += w[i] * y[i];
        }
      }
      double m = Math.min(Math.max(swy / sw, 1e-6), 1 - 1e-6);
      beta[0] = Math.log(m / (1 - m));
    }
    double devOld = Double.POSITIVE_INFINITY;
    for (int iter = 1; iter <= 100; iter++) {
      double[][] a = new double[p][p];
      double[] b = new double[p];
      for (int i = 0; i < n; i++) {
        if (!keep[i] || w[i] == 0) {
          continue;
        }
        double[] xi = x[i];
        double eta = dot(xi, beta);
        double mu = family.mean(eta);
        double d = family.derivative(mu);
        double ww = w[i] * d * d / family.variance(mu);
        double z = eta + (y[i] - mu) / d;
        for (int j = 0; j < p; j++) {
          double wj = ww * xi[j];
          b[j] += wj * z;
          for (int k = 0; k <= j; k++) {
            a[j][k] += wj * xi[k];
          }
        }
      }
      double[] next = solve(a, b);
      double change = 0;
      for (int j = 0; j < p; j++) {
        change = Math.max(change, Math.abs(next[j] - beta[j]) / (1 + Math.abs(next[j])));
      }
      beta = next;
      double dev = 0;
      for (int i = 0; i < n; i++) {
        if (keep[i]) {
          dev += w[i] * family.deviance(y[i], family.mean(dot(x[i], beta)));
        }
      }
      if (!Double.isFinite(dev)) {
        throw new IllegalArgumentException("the model did not converge: the deviance is " + dev + " (perfect separation?)");
      }
      if (family == GlmFamily.GAUSSIAN || Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < 1e-14 || change < 1e-12) {
        return beta;
      }
      devOld = dev;
    }
    throw new IllegalArgumentException("the model did not converge in 100 iterations (perfect separation?)");
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += a[j] * b[j];
    }
    return s;
  }

  private static RealMatrix symmetric(double[][] lower) {
    int p = lower.length;
    double[][] m = new double[p][p];
    for (int j = 0; j < p; j++) {
      for (int k = 0; k <= j; k++) {
        m[j][k] = lower[j][k];
        m[k][j] = lower[j][k];
      }
    }
    return new Array2DRowRealMatrix(m, false);
  }

  private static double[] solve(double[][] lower, double[] b) {
    try {
      return new CholeskyDecomposition(symmetric(lower), 1e-14, 1e-14).getSolver().solve(new ArrayRealVector(b, false))
          .toArray();
    } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
      throw new IllegalArgumentException("the predictors are collinear (or a category has no rows with weight): "
          + "drop or merge a predictor");
    }
  }

  private static RealMatrix inverse(double[][] lower, List<String> terms) {
    try {
      return new CholeskyDecomposition(symmetric(lower), 1e-14, 1e-14).getSolver().getInverse();
    } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
      throw new IllegalArgumentException("the predictors are collinear: " + terms);
    }
  }

  @Override
  public String toString() {
    return "SurveyGlm[" + family.code() + (factors.isEmpty() ? "" : ", factors " + new ArrayList<>(factors)) + ", level "
        + level + "]";
  }
}
