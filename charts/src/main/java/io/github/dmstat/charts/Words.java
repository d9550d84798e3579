package io.github.dmstat.charts;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every word of the report, the charts and the maps, from one resource bundle per language:
 * {@code io/github/dmstat/charts/words_en.properties} and {@code words_nl.properties} (UTF-8).
 * Dutch for language {@code nl}, English otherwise. A translation is a copy of a file with every
 * value translated; {@code WordsTest} checks that both have the same keys and the same format
 * placeholders.
 */
public final class Words {
  private static final Words EN = new Words(load("en"));
  private static final Words NL = new Words(load("nl"));

  private final ResourceBundle bundle;

  private Words(ResourceBundle bundle) {
    this.bundle = bundle;
  }

  /**
   * The words of a locale: Dutch for {@code nl}, else English.
   *
   * @param locale the locale; only its language is used
   * @return the words of that language
   */
  public static Words of(Locale locale) {
    return of("nl".equals(locale.getLanguage()));
  }

  /**
   * Dutch or English.
   *
   * @param dutch {@code true} for Dutch, {@code false} for English
   * @return the words of that language
   */
  public static Words of(boolean dutch) {
    return dutch ? NL : EN;
  }

  /**
   * The text of {@code key}; an unknown key is a programming error.
   *
   * @param key a key of the properties files, e.g. {@code mapText.no.data}
   * @return the text in this language
   * @throws IllegalStateException when the bundle has no such key (naming the key and the file)
   */
  public String get(String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("no text '" + key + "' in " + bundle.getBaseBundleName() + "_"
          + bundle.getLocale().getLanguage() + ".properties", e);
    }
  }

  /** The bundle of a language (no fall-back to the machine's own language). */
  static ResourceBundle load(String language) {
    return ResourceBundle.getBundle("io.github.dmstat.charts.words", Locale.forLanguageTag(language),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }
}
