package io.github.dmstat.core.model;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.Coded;
import java.util.Arrays;
import java.util.Locale;

/**
 * Target groups of the Nationale Drug Monitor, with their age range (inclusive), whether
 * membership follows from age alone, and whether they
 * come from a probability sample (only then is a design-based interval meaningful; partygoers
 * are surveyed with non-probability samples).
 */
public enum TargetGroup implements Coded {
  /** Adults aged 18 and over ({@code adults}). */
  ADULTS_18_PLUS("adults", "adults 18+", "volwassenen 18+", 18, 200, true, true),
  /** EU comparison group, ages 15–64 ({@code eu15-64}). */
  EU_15_64("eu15-64", "EU comparison 15–64", "EU-vergelijking 15–64", 15, 64, true, true),
  /** EU comparison group, ages 15–34 ({@code eu15-34}). */
  EU_15_34("eu15-34", "EU comparison 15–34", "EU-vergelijking 15–34", 15, 34, true, true),
  /** Young adults aged 18–24 ({@code young-adults}). */
  YOUNG_ADULTS_18_24("young-adults", "young adults 18–24", "jongvolwassenen 18–24", 18, 24, true, true),
  /** Pupils aged 12–16 ({@code pupils}). */
  PUPILS_12_16("pupils", "pupils 12–16", "scholieren 12–16", 12, 16, true, true),
  /** MBO/HBO students aged 16–18 ({@code students}); defined by enrolment, not by age alone. */
  STUDENTS_16_18("students", "MBO/HBO students 16–18", "mbo/hbo-studenten 16–18", 16, 18, true, false),
  /**
   * Partygoers aged 15 and over ({@code partygoers}); defined by setting and surveyed with
   * non-probability samples.
   */
  PARTYGOERS("partygoers", "partygoers", "uitgaanders", 15, 200, false, false);

  private final String code;
  private final String english;
  private final String dutch;
  private final int minAge;
  private final int maxAge;
  private final boolean probabilitySample;
  private final boolean ageDefined;

  TargetGroup(String code, String english, String dutch, int minAge, int maxAge, boolean probabilitySample,
      boolean ageDefined) {
    this.code = code;
    this.english = english;
    this.dutch = dutch;
    this.minAge = minAge;
    this.maxAge = maxAge;
    this.probabilitySample = probabilitySample;
    this.ageDefined = ageDefined;
  }

  /**
   * Whether membership follows from age alone (students and partygoers are defined by
   * enrolment or setting, not only by age).
   *
   * @return {@code true} when age alone decides membership
   */
  public boolean ageDefined() {
    return ageDefined;
  }

  /**
   * The machine code, as used on the command line and in tables.
   *
   * @return the code, e.g. {@code young-adults}
   */
  public String code() {
    return code;
  }

  /**
   * Display name: Dutch when the language of {@code locale} is {@code nl}, English otherwise.
   *
   * @param locale the display locale
   * @return the name, e.g. {@code adults 18+} or {@code volwassenen 18+}
   */
  public String label(Locale locale) {
    return "nl".equals(locale.getLanguage()) ? dutch : english;
  }

  /**
   * Youngest age in the group.
   *
   * @return the minimum age in whole years, inclusive
   */
  public int minAge() {
    return minAge;
  }

  /**
   * Oldest age in the group (200 for open-ended).
   *
   * @return the maximum age in whole years, inclusive; 200 when the group has no upper age
   */
  public int maxAge() {
    return maxAge;
  }

  /**
   * Whether the group is surveyed with a probability sample (only then is a design-based interval
   * meaningful).
   *
   * @return {@code true} for a probability sample, {@code false} for partygoers
   */
  public boolean probabilitySample() {
    return probabilitySample;
  }

  /**
   * Whether a person of {@code age} years belongs to the group's age range.
   *
   * @param age age in whole years
   * @return {@code true} when {@code minAge() <= age <= maxAge()}
   */
  public boolean contains(int age) {
    return age >= minAge && age <= maxAge;
  }

  /**
   * Parses a code or an enum name, ignoring case (surrounding blanks are not removed).
   *
   * @param text a code such as {@code adults} or an enum name such as {@code ADULTS_18_PLUS}
   * @return the target group
   * @throws IllegalArgumentException when {@code text} is {@code null} or names no target group
   */
  public static TargetGroup parse(String text) {
    for (TargetGroup g : values()) {
      if (g.code.equalsIgnoreCase(text) || g.name().equalsIgnoreCase(text)) {
        return g;
      }
    }
    throw Checks.unknownValue("target group", text, Arrays.stream(values()).map(TargetGroup::code).toList());
  }

  @Override
  public String toString() {
    return english;
  }
}
