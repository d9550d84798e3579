package io.github.dmstat.core.regression;

import io.github.dmstat.core.TextTable;
import io.github.dmstat.core.outcomes.Coefficient;
import io.github.dmstat.core.survey.DesignSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.FDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * A fitted {@link SurveyGlm}: coefficients with design-based standard errors, their covariance,
 * tests of terms and, for logistic regression, odds ratios. Prints as a readable table.
 */
public final class GlmFit {
  private final GlmFamily family;
  private final String outcome;
  private final List<String> predictors;
  private final List<String> terms;
  private final Map<String, List<Integer>> columnsOf;
  private final double[] beta;
  private final double[][] covariance;
  private final int degreesOfFreedom;
  private final long n;
  private final DesignSummary design;
  private final double level;

  GlmFit(GlmFamily family, String outcome, List<String> predictors, List<String> terms,
      Map<String, List<Integer>> columnsOf, double[] beta, double[][] covariance, int degreesOfFreedom, long n,
      DesignSummary design, double level) {
    this.family = family;
    this.outcome = outcome;
    this.predictors = List.copyOf(predictors);
    this.terms = List.copyOf(terms);
    this.columnsOf = Map.copyOf(columnsOf);
    this.beta = beta.clone();
    this.covariance = covariance;
    this.degreesOfFreedom = degreesOfFreedom;
    this.n = n;
    this.design = design;
    this.level = level;
  }

  /**
   * The family.
   *
   * @return gaussian or quasibinomial
   */
  public GlmFamily family() {
    return family;
  }

  /**
   * The outcome column.
   *
   * @return its name
   */
  public String outcome() {
    return outcome;
  }

  /**
   * The predictor columns, in model order.
   *
   * @return their names
   */
  public List<String> predictors() {
    return predictors;
  }

  /**
   * The coefficients' names: {@code (Intercept)}, then per predictor its name (numeric) or its
   * name followed by each level but the first (categorical), as R names them.
   *
   * @return the term names
   */
  public List<String> terms() {
    return terms;
  }

  /**
   * Residual design degrees of freedom of the tests: {@code degf} of the rows used minus the
   * coefficients plus one.
   *
   * @return the degrees of freedom
   */
  public int degreesOfFreedom() {
    return degreesOfFreedom;
  }

  /**
   * Rows used (outcome and every predictor present).
   *
   * @return the number of rows in the fit
   */
  public long n() {
    return n;
  }

  /**
   * What was read and left out.
   *
   * @return the design summary; rows with a missing outcome or predictor are its exclusions
   */
  public DesignSummary design() {
    return design;
  }

  /**
   * The confidence level of {@link #oddsRatios()} and {@link #confidenceInterval(String)}.
   *
   * @return the level
   */
  public double level() {
    return level;
  }

  /**
   * The coefficients with standard errors, t statistics and two-sided p-values on
   * {@link #degreesOfFreedom()}.
   *
   * @return one per term, in {@link #terms()} order
   */
  public List<Coefficient> coefficients() {
    List<Coefficient> out = new ArrayList<>();
    for (int j = 0; j < terms.size(); j++) {
      double se = Math.sqrt(covariance[j][j]);
      double t = beta[j] / se;
      out.add(new Coefficient(terms.get(j), beta[j], se, t, pValue(t)));
    }
    return out;
  }

  /**
   * One coefficient by name.
   *
   * @param term the term, e.g. {@code sexM}
   * @return its coefficient
   * @throws IllegalArgumentException when the fit has no such term
   */
  public Coefficient coefficient(String term) {
    return coefficients().get(index(term));
  }

  /**
   * The design-based covariance of the coefficients.
   *
   * @return a copy, in {@link #terms()} order
   */
  public double[][] covariance() {
    double[][] c = new double[covariance.length][];
    for (int j = 0; j < c.length; j++) {
      c[j] = covariance[j].clone();
    }
    return c;
  }

  /**
   * The Wald interval of a coefficient, {@code β ± q·se} with the t quantile on
   * {@link #degreesOfFreedom()}.
   *
   * @param term the term
   * @return {@code {lower, upper}}
   * @throws IllegalArgumentException when the fit has no such term
   */
  public double[] confidenceInterval(String term) {
    int j = index(term);
    double q = quantile();
    double se = Math.sqrt(covariance[j][j]);
    return new double[] {beta[j] - q * se, beta[j] + q * se};
  }

  /**
   * The odds ratios of a logistic regression, every term but the intercept.
   *
   * @return {@code exp(β)} with the interval of {@link #confidenceInterval(String)} transformed
   * @throws IllegalStateException when the model is not a logistic regression
   */
  public List<OddsRatio> oddsRatios() {
    if (family != GlmFamily.QUASIBINOMIAL) {
      throw new IllegalStateException("odds ratios need a logistic regression, not " + family.code());
    }
    List<OddsRatio> out = new ArrayList<>();
    for (int j = 1; j < terms.size(); j++) {
      double[] ci = confidenceInterval(terms.get(j));
      out.add(new OddsRatio(terms.get(j), Math.exp(beta[j]), Math.exp(ci[0]), Math.exp(ci[1]), level));
    }
    return out;
  }

  /**
   * The design-based Wald test that all coefficients of a predictor are zero (R
   * {@code regTermTest}); see {@link TermTest}.
   *
   * @param predictor a predictor of the model
   * @return the F test on the predictor's coefficients and {@link #degreesOfFreedom()}
   * @throws IllegalArgumentException when the model has no such predictor
   */
  public TermTest termTest(String predictor) {
    List<Integer> idx = columnsOf.get(predictor);
    if (idx == null) {
      throw new IllegalArgumentException("the model has no predictor '" + predictor + "'; predictors: " + predictors);
    }
    int k = idx.size();
    double[][] v = new double[k][k];
    double[] b = new double[k];
    for (int a = 0; a < k; a++) {
      b[a] = beta[idx.get(a)];
      for (int c = 0; c < k; c++) {
        v[a][c] = covariance[idx.get(a)][idx.get(c)];
      }
    }
    RealMatrix inv = new LUDecomposition(new Array2DRowRealMatrix(v, false)).getSolver().getInverse();
    double chisq = 0;
    for (int a = 0; a < k; a++) {
      for (int c = 0; c < k; c++) {
        chisq += b[a] * inv.getEntry(a, c) * b[c];
      }
    }
    double f = chisq / k;
    double p = FDistribution.of(k, degreesOfFreedom).survivalProbability(f);
    double pChi = ChiSquaredDistribution.of(k).survivalProbability(chisq);
    return new TermTest(predictor, idx.stream().map(terms::get).toList(), f, k, degreesOfFreedom, p, pChi);
  }

  private int index(String term) {
    int j = terms.indexOf(term);
    if (j < 0) {
      throw new IllegalArgumentException("the model has no term '" + term + "'; terms: " + terms);
    }
    return j;
  }

  private double pValue(double t) {
    return 2 * TDistribution.of(degreesOfFreedom).survivalProbability(Math.abs(t));
  }

  private double quantile() {
    return degreesOfFreedom > 0 ? TDistribution.of(degreesOfFreedom).inverseSurvivalProbability((1 - level) / 2)
        : NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - level) / 2);
  }

  @Override
  public String toString() {
    boolean logistic = family == GlmFamily.QUASIBINOMIAL;
    List<String> header = new ArrayList<>(List.of("term", "estimate", "se", "t", "p"));
    if (logistic) {
      header.addAll(List.of("odds ratio", OddsRatio.levelText(level) + "% CI"));
    }
    TextTable tt = new TextTable(header);
    List<Coefficient> cs = coefficients();
    for (int j = 0; j < cs.size(); j++) {
      Coefficient c = cs.get(j);
      List<String> row = new ArrayList<>(List.of(c.term(), g(c.estimate()), g(c.se()),
          String.format(Locale.ROOT, "%.3f", c.t()), String.format(Locale.ROOT, "%.4g", c.p())));
      if (logistic) {
        double[] ci = confidenceInterval(c.term());
        row.add(j == 0 ? "" : g(Math.exp(c.estimate())));
        row.add(j == 0 ? "" : g(Math.exp(ci[0])) + " – " + g(Math.exp(ci[1])));
      }
      tt.row(row);
    }
    return (logistic ? "Logistic" : "Linear") + " regression of '" + outcome + "' on " + String.join(" + ", predictors)
        + " (design-based, " + family.code() + ", df=" + degreesOfFreedom + ", n=" + n + ")\n" + tt + design + "\n";
  }

  private static String g(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }
}
