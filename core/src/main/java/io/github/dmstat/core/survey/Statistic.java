package io.github.dmstat.core.survey;

import io.github.dmstat.core.Coded;
import io.github.dmstat.core.Labels;
import java.util.Locale;

/** What {@link SurveyStatistics} estimates of a continuous variable in each domain. */
public enum Statistic implements Coded {
  /** The population total {@code Ŷ = Σ w y}, as R {@code svytotal}: e.g. the estimated number of users. */
  TOTAL,
  /** The population mean {@code Ŷ / N̂ = Σ w y / Σ w}, as R {@code svymean}. */
  MEAN,
  /** The ratio of two totals {@code Ŷ / X̂ = Σ w y / Σ w x}, as R {@code svyratio}. */
  RATIO;

  /**
   * Parses {@code total|mean|ratio} (any case; surrounding blanks ignored).
   *
   * @param text the code or enum name
   * @return the statistic
   * @throws IllegalArgumentException when {@code text} is {@code null} or names no statistic
   */
  public static Statistic parse(String text) {
    return Labels.parse(Statistic.class, "statistic", text);
  }

  /**
   * Checks that a ratio has a denominator and a total or mean has none.
   *
   * @param denominator the denominator column, or {@code null}
   * @throws IllegalArgumentException when that does not hold
   */
  public void checkDenominator(String denominator) {
    if ((this == RATIO) != (denominator != null)) {
      throw new IllegalArgumentException(this == RATIO ? "a ratio needs a denominator column"
          : "a " + code() + " has no denominator (got '" + denominator + "')");
    }
  }

  /**
   * Lower-case name as used on the command line and in JSON.
   *
   * @return {@code total}, {@code mean} or {@code ratio}
   */
  @Override
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
