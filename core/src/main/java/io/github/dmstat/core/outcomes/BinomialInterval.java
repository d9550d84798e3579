package io.github.dmstat.core.outcomes;

import io.github.dmstat.core.Coded;
import io.github.dmstat.core.Labels;
import io.github.dmstat.core.Checks;

/** Binomial confidence intervals for a cohort rate {@code x/n}. */
public enum BinomialInterval implements Coded {
  /** Wilson score interval without continuity correction, R {@code prop.test(x, n, correct = FALSE)}. */
  WILSON("wilson"),
  /** Clopper–Pearson exact interval, R {@code binom.test(x, n)}. */
  CLOPPER_PEARSON("clopper-pearson");

  private final String label;

  BinomialInterval(String label) {
    this.label = label;
  }

  /**
   * The token used on the command line and in JSON.
   *
   * @return {@code wilson} or {@code clopper-pearson}
   */
  @Override
  public String code() {
    return label;
  }

  /**
   * Parses {@code wilson} or {@code clopper-pearson}.
   *
   * @param text the token or the constant's name, in any case; surrounding blanks are ignored
   * @return the matching method
   * @throws IllegalArgumentException when {@code text} is null or matches no method
   */
  public static BinomialInterval parse(String text) {
    return Labels.parse(BinomialInterval.class, "rate interval", text);
  }

  /**
   * The interval {@code {lower, upper}} for {@code x} events in {@code n}.
   *
   * @param x events, in [0, n]
   * @param n cohort size, {@code >= 1}
   * @param level confidence level, strictly between 0 and 1 (e.g. 0.95)
   * @return a new array {@code {lower, upper}}, proportions in [0, 1]
   * @throws IllegalArgumentException when {@code x}, {@code n} or {@code level} is out of range
   */
  public double[] interval(long x, long n, double level) {
    if (n < 1) {
      throw Checks.badArgument("n", "must be >= 1", n);
    }
    if (x < 0 || x > n) {
      throw Checks.badArgument("x", "must be in [0, n = " + n + "]", x);
    }
    Checks.level(level);
    return this == WILSON ? Stat.wilson(x, n, level) : Stat.clopperPearson(x, n, level);
  }

  @Override
  public String toString() {
    return label;
  }
}
