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

  /**
   * Messages for {@code locale} (Dutch for {@code nl}, English otherwise).
   *
   * @param locale the language of the wording and the number format
   * @return the messages
   */
  public static Messages of(Locale locale) {
    return new Messages(locale);
  }

  /**
   * The locale numbers are formatted in.
   *
   * @return the locale given to {@link #of}
   */
  public Locale locale() {
    return locale;
  }

  /**
   * Whether the wording is Dutch.
   *
   * @return {@code true} for language {@code nl}, {@code false} for English
   */
  public boolean dutch() {
    return dutch;
  }

  /**
   * A p-value as a reader sees it: {@code p < 0.001} below one in a thousand, else {@code p = }
   * three decimals, in the locale's number format (never {@code p = 0.0000}).
   *
   * @param p the p-value
   * @return e.g. {@code p = 0.012} or {@code p < 0.001}; {@code p = –} when {@code p} is negative or NaN
   */
  public String pValue(double p) {
    String v = pValueNumber(p);
    return v.startsWith("<") ? "p " + v : "p = " + v;
  }

  /**
   * The number part of {@link #pValue}: "0.012", "&lt; 0.001", "–" when there is none.
   *
   * @param p the p-value
   * @return the number, three decimals in the locale's format; "–" when {@code p} is negative or NaN
   */
  public String pValueNumber(double p) {
    if (!(p >= 0)) {
      return "–";
    }
    return p < 0.001 ? "< " + String.format(locale, "%.3f", 0.001) : String.format(locale, "%.3f", p);
  }

  /**
   * A confidence level as the text writes it: 0.95 as "95", 0.975 as "97.5" ("97,5" in Dutch), no
   * floating-point noise (0.57 is "57", not "56.99999999999999").
   *
   * @param level the confidence level as a fraction, e.g. 0.95
   * @return the level in percent, without the percent sign
   */
  public String levelPercent(double level) {
    return plain(java.math.BigDecimal.valueOf(level).movePointRight(2).doubleValue(), dutch);
  }

  /**
   * A number in plain notation, as short as it is exact ({@code BigDecimal.valueOf}: 0.5, 8204049,
   * 3.125), with a decimal comma in Dutch; empty when not finite.
   *
   * @param v the number
   * @param dutch {@code true} for a decimal comma, {@code false} for a decimal point
   * @return the number as text, without grouping separators; empty when {@code v} is NaN or infinite
   */
  public static String plain(double v, boolean dutch) {
    if (!Double.isFinite(v)) {
      return "";
    }
    String s = java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    return dutch ? s.replace('.', ',') : s;
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
