package io.github.dmstat.core.model;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.Coded;
import java.util.Arrays;
import java.util.Locale;

/** Substances reported by the Nationale Drug Monitor, with English and Dutch names. */
public enum Substance implements Coded {
  /** Cannabis ({@code cannabis}). */
  CANNABIS("cannabis", "cannabis", "cannabis"),
  /** Ecstasy ({@code ecstasy}). */
  ECSTASY("ecstasy", "ecstasy", "ecstasy"),
  /** Cocaine ({@code cocaine}). */
  COCAINE("cocaine", "cocaine", "cocaïne"),
  /** Amphetamine ({@code amphetamine}). */
  AMPHETAMINE("amphetamine", "amphetamine", "amfetamine"),
  /** GHB ({@code ghb}). */
  GHB("ghb", "GHB", "GHB"),
  /** Ketamine ({@code ketamine}). */
  KETAMINE("ketamine", "ketamine", "ketamine"),
  /** 3-MMC ({@code 3mmc}). */
  MMC3("3mmc", "3-MMC", "3-MMC"),
  /** Other new psychoactive substances, NPS ({@code nps}). */
  OTHER_NPS("nps", "other NPS", "andere NPS"),
  /** Laughing gas ({@code laughing_gas}). */
  LAUGHING_GAS("laughing_gas", "laughing gas", "lachgas"),
  /** LSD ({@code lsd}). */
  LSD("lsd", "LSD", "LSD"),
  /** Mushrooms or truffles ({@code mushrooms}). */
  MUSHROOMS("mushrooms", "mushrooms/truffles", "paddo's/truffels"),
  /** Opiates ({@code opiates}). */
  OPIATES("opiates", "opiates", "opiaten");

  private final String code;
  private final String english;
  private final String dutch;

  Substance(String code, String english, String dutch) {
    this.code = code;
    this.english = english;
    this.dutch = dutch;
  }

  /**
   * Short machine code, used in column names such as {@code cannabis_last_year}.
   *
   * @return the code, e.g. {@code cannabis} or {@code 3mmc}
   */
  public String code() {
    return code;
  }

  /**
   * Display name: Dutch when the language of {@code locale} is {@code nl}, English otherwise.
   *
   * @param locale the display locale
   * @return the name, e.g. {@code laughing gas} or {@code lachgas}
   */
  public String label(Locale locale) {
    return "nl".equals(locale.getLanguage()) ? dutch : english;
  }

  /**
   * Parses a code or an enum name, ignoring case (surrounding blanks are not removed).
   *
   * @param text a code such as {@code cannabis} or an enum name such as {@code CANNABIS}
   * @return the substance
   * @throws IllegalArgumentException when {@code text} is {@code null} or names no substance
   */
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
