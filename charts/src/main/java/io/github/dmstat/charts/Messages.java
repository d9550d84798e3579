package io.github.dmstat.charts;

import java.util.Locale;

/** Chart and report wording in English or Dutch. */
public final class Messages {
  private final boolean dutch;
  private final Locale locale;

  private Messages(Locale locale) {
    this.locale = locale;
    this.dutch = "nl".equals(locale.getLanguage());
  }

  /** Messages for {@code locale} (Dutch for {@code nl}, English otherwise). */
  public static Messages of(Locale locale) {
    return new Messages(locale);
  }

  public Locale locale() {
    return locale;
  }

  public boolean dutch() {
    return dutch;
  }

  /**
   * A p-value as a reader sees it: {@code p < 0.001} below one in a thousand, else {@code p = }
   * three decimals, in the locale's number format (never {@code p = 0.0000}).
   */
  public String pValue(double p) {
    if (!(p >= 0)) {
      return "p = –";
    }
    return p < 0.001 ? "p < " + String.format(locale, "%.3f", 0.001) : "p = " + String.format(locale, "%.3f", p);
  }

  String t(String en, String nl) {
    return dutch ? nl : en;
  }

  String unreliableNote() {
    return t("hatched = unreliable", "gearceerd = onbetrouwbaar");
  }

  String suppressedNote(int n) {
    return dutch ? n + " onderdrukt (te weinig waarnemingen)" : n + " suppressed (too few observations)";
  }

  String noPublishable() {
    return t("no publishable estimate", "geen publiceerbare schatting");
  }

  String prevalencePercent() {
    return t("prevalence (%)", "prevalentie (%)");
  }
}
