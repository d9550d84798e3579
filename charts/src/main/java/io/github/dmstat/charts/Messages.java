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
  /**
   * A confidence level as the text writes it: 0.95 as "95", 0.975 as "97.5" ("97,5" in Dutch), no
   * floating-point noise (0.57 is "57", not "56.99999999999999").
   */
  public String levelPercent(double level) {
    String s = java.math.BigDecimal.valueOf(level).movePointRight(2).stripTrailingZeros().toPlainString();
    return dutch ? s.replace('.', ',') : s;
  }

    public String pValue(double p) {
    if (!(p >= 0)) {
      return "p = –";
    }
    return p < 0.001 ? "p < " + String.format(locale, "%.3f", 0.001) : "p = " + String.format(locale, "%.3f", p);
  }

  /** The text of {@code key} in this language ({@link Words}). */
  String w(String key) {
    return Words.of(dutch).get(key);
  }

  String unreliableNote() {
    return w("messages.hatched.unreliable");
  }

  String suppressedNote(int n) {
    return String.format(locale, w("messages.suppressed.too.few"), n);
  }

  String noPublishable() {
    return w("messages.no.publishable.estimate");
  }

  String prevalencePercent() {
    return w("messages.prevalence");
  }
}
