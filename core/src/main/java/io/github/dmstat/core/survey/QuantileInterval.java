package io.github.dmstat.core.survey;

import io.github.dmstat.core.Coded;
import io.github.dmstat.core.Labels;
import java.util.Locale;

/** The confidence interval of a {@link SurveyQuantiles quantile}, as R {@code svyquantile}'s {@code interval.type}. */
public enum QuantileInterval implements Coded {
  /**
   * Woodruff (1952): a Wald interval {@code p̂ ± t·SE(p̂)} for the CDF at the estimate, read back
   * through the quantile rule (R's default {@code "mean"}).
   */
  MEAN,
  /**
   * A Korn–Graubard beta interval for the CDF at the estimate on the effective sample size, read
   * back through the quantile rule ({@code "beta"}).
   */
  BETA,
  /**
   * Replicate designs only: the variance of the quantile itself over the replicates,
   * {@code q̂ ± t·√V(q_r)} ({@code "quantile"}).
   */
  QUANTILE;

  /**
   * Parses {@code mean|beta|quantile} (any case; surrounding blanks ignored).
   *
   * @param text the code or enum name
   * @return the interval type
   * @throws IllegalArgumentException when {@code text} is {@code null} or names no type
   */
  public static QuantileInterval parse(String text) {
    return Labels.parse(QuantileInterval.class, "quantile interval", text);
  }

  /**
   * The name R gives the interval type.
   *
   * @return {@code mean}, {@code beta} or {@code quantile}
   */
  @Override
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
