package io.github.dmstat.core.model;

import io.github.dmstat.core.Checks;
import java.util.Arrays;
import java.util.Locale;

/** Substances reported by the Nationale Drug Monitor, with English and Dutch names. */
public enum Substance {
  CANNABIS("cannabis", "cannabis", "cannabis"),
  ECSTASY("ecstasy", "ecstasy", "ecstasy"),
  COCAINE("cocaine", "cocaine", "cocaïne"),
  AMPHETAMINE("amphetamine", "amphetamine", "amfetamine"),
  GHB("ghb", "GHB", "GHB"),
  KETAMINE("ketamine", "ketamine", "ketamine"),
  MMC3("3mmc", "3-MMC", "3-MMC"),
  OTHER_NPS("nps", "other NPS", "andere NPS"),
  LAUGHING_GAS("laughing_gas", "laughing gas", "lachgas"),
  LSD("lsd", "LSD", "LSD"),
  MUSHROOMS("mushrooms", "mushrooms/truffles", "paddo's/truffels"),
  OPIATES("opiates", "opiates", "opiaten");

  private final String code;
  private final String english;
  private final String dutch;

  Substance(String code, String english, String dutch) {
    this.code = code;
    this.english = english;
    this.dutch = dutch;
  }

  /** Short machine code, used in column names such as {@code cannabis_last_year}. */
  public String code() {
    return code;
  }

  /** Display name in {@code nl} or {@code en}. */
  public String label(Locale locale) {
    return "nl".equals(locale.getLanguage()) ? dutch : english;
  }

  /** Parses a code or an enum name. */
  public static Substance parse(String text) {
    for (Substance s : values()) {
      if (s.code.equalsIgnoreCase(text) || s.name().equalsIgnoreCase(text)) {
        return s;
      }
    }
    throw Checks.unknownValue("substance", text, Arrays.stream(values()).map(Substance::code).toList());
  }

  @Override
  public String toString() {
    return english;
  }
}
