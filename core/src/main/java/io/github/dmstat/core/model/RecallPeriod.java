package io.github.dmstat.core.model;

import io.github.dmstat.core.Checks;
import java.util.Arrays;
import java.util.Locale;

/**
 * Recall periods of prevalence questions (NDM conventions). {@link #DAILY} is "daily or near
 * daily": use on 20 or more days in the last month.
 */
public enum RecallPeriod {
  LIFETIME("lifetime", "lifetime", "ooit"),
  LAST_YEAR("last_year", "last year", "afgelopen jaar"),
  LAST_MONTH("last_month", "last month", "afgelopen maand"),
  DAILY("daily", "daily or near daily", "(bijna) dagelijks");

  private final String code;
  private final String english;
  private final String dutch;

  RecallPeriod(String code, String english, String dutch) {
    this.code = code;
    this.english = english;
    this.dutch = dutch;
  }

  public String code() {
    return code;
  }

  public String label(Locale locale) {
    return "nl".equals(locale.getLanguage()) ? dutch : english;
  }

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
