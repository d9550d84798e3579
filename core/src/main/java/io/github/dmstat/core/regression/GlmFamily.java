package io.github.dmstat.core.regression;

import io.github.dmstat.core.Coded;
import io.github.dmstat.core.Labels;

/** The model family of a {@link SurveyGlm}: the link and variance function. */
public enum GlmFamily implements Coded {
  /** Linear regression: identity link, constant variance (R {@code gaussian()}). */
  GAUSSIAN("gaussian"),
  /**
   * Logistic regression of a 0/1 outcome: logit link, variance {@code μ(1 − μ)} (R
   * {@code quasibinomial()}, which {@code svyglm} uses for weighted proportions).
   */
  QUASIBINOMIAL("quasibinomial");

  private final String code;

  GlmFamily(String code) {
    this.code = code;
  }

  /**
   * Parses {@code gaussian|quasibinomial} (any case; surrounding blanks ignored).
   *
   * @param text the code or enum name
   * @return the family
   * @throws IllegalArgumentException when {@code text} is {@code null} or names no family
   */
  public static GlmFamily parse(String text) {
    return Labels.parse(GlmFamily.class, "model family", text);
  }

  /**
   * The name R gives the family.
   *
   * @return {@code gaussian} or {@code quasibinomial}
   */
  @Override
  public String code() {
    return code;
  }

  /** The mean {@code μ} for the linear predictor {@code η}. */
  double mean(double eta) {
    return this == GAUSSIAN ? eta : 1 / (1 + Math.exp(-eta));
  }

  /** {@code dμ/dη}. */
  double derivative(double mu) {
    return this == GAUSSIAN ? 1 : mu * (1 - mu);
  }

  /** The variance function {@code V(μ)}. */
  double variance(double mu) {
    return this == GAUSSIAN ? 1 : mu * (1 - mu);
  }

  /** The unit deviance of {@code y} at {@code μ}. */
  double deviance(double y, double mu) {
    if (this == GAUSSIAN) {
      return (y - mu) * (y - mu);
    }
    return -2 * (y == 1 ? Math.log(mu) : y == 0 ? Math.log1p(-mu) : y * Math.log(mu) + (1 - y) * Math.log1p(-mu));
  }
}
