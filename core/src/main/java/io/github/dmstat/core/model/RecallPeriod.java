package io.github.dmstat.core.model;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.Coded;
import java.util.Arrays;
import java.util.Locale;

/**
 * Recall periods of prevalence questions (NDM conventions). {@link #DAILY} is "daily or near
 * daily": use on 20 or more days in the last month.
 */
public enum RecallPeriod implements Coded {
  /** Ever used ({@code lifetime}). */
  LIFETIME("lifetime", "lifetime", "ooit"),
  /** Used in the last year ({@code last_year}). */
  LAST_YEAR("last_year", "last year", "afgelopen jaar"),
  /** Used in the last month ({@code last_month}). */
  LAST_MONTH("last_month", "last month", "afgelopen maand"),
  /** Used on 20 or more days in the last month ({@code daily}). */
  DAILY("daily", "daily or near daily", "(bijna) dagelijks");

  private final String code;
  private final String english;
  private final String dutch;

  RecallPeriod(String code, String english, String dutch) {
    this.code = code;
    this.english = english;
    this.dutch = dutch;
  }

  /**
   * The machine code, used in outcome column names such as {@code cannabis_last_year}.
   *
   * @return the code, e.g. {@code last_year}
   */
  public String code() {
    return code;
  }

  /**
   * Display name: Dutch when the language of {@code locale} is {@code nl}, English otherwise.
   *
   * @param locale the display locale
   * @return the name, e.g. {@code last year} or {@code afgelopen jaar}
   */
  public String label(Locale locale) {
    return "nl".equals(locale.getLanguage()) ? dutch : english;
  }

  /**
   * Parses a code or an enum name, ignoring case (surrounding blanks are not removed).
   *
   * @param text a code such as {@code last_year} or an enum name such as {@code LAST_YEAR}
   * @return the recall period
   * @throws IllegalArgumentException when {@code text} is {@code null} or names no recall period
   */
  public static RecallPeriod parse(String text) {
    for (RecallPeriod r : values()) {
      if (r.code.equalsIgnoreCase(text) || r.name().equalsIgnoreCase(text)) {
        return r;
      }
    }
    throw Checks.unknownValue("recall period", text, Arrays.stream(values()).map(RecallPeriod::code).toList());
  }

  @Override
  public String toString() {
    return english;
  }
}
