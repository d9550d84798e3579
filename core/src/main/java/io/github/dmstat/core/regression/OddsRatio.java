package io.github.dmstat.core.regression;

import java.util.Locale;

/**
 * The odds ratio of one term of a logistic regression, {@code exp(β)}, with the Wald interval
 * {@code exp(β ± q·se)} transformed from the log-odds scale.
 *
 * @param term the coefficient's name
 * @param ratio {@code exp(β)}
 * @param lower lower confidence bound
 * @param upper upper confidence bound
 * @param level confidence level
 */
public record OddsRatio(String term, double ratio, double lower, double upper, double level) {
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "OR[%s %.4g (%s%% CI %.4g–%.4g)]", term, ratio,
        levelText(level), lower, upper);
  }

  static String levelText(double level) {
    double pct = 100 * level;
    return pct == Math.rint(pct) ? Integer.toString((int) pct) : String.format(Locale.ROOT, "%.1f", pct);
  }
}
