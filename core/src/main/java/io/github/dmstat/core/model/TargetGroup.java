package io.github.dmstat.core.model;

import io.github.dmstat.core.Checks;
import java.util.Arrays;
import java.util.Locale;

/**
 * Target groups of the Nationale Drug Monitor, with their age range (inclusive), whether
 * membership follows from age alone, and whether they
 * come from a probability sample (only then is a design-based interval meaningful; partygoers
 * are surveyed with non-probability samples).
 */
public enum TargetGroup {
  ADULTS_18_PLUS("adults", "adults 18+", "volwassenen 18+", 18, 200, true, true),
  EU_15_64("eu15-64", "EU comparison 15–64", "EU-vergelijking 15–64", 15, 64, true, true),
  EU_15_34("eu15-34", "EU comparison 15–34", "EU-vergelijking 15–34", 15, 34, true, true),
  YOUNG_ADULTS_18_24("young-adults", "young adults 18–24", "jongvolwassenen 18–24", 18, 24, true, true),
  PUPILS_12_16("pupils", "pupils 12–16", "scholieren 12–16", 12, 16, true, true),
  STUDENTS_16_18("students", "MBO/HBO students 16–18", "mbo/hbo-studenten 16–18", 16, 18, true, false),
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
   */
  public boolean ageDefined() {
    return ageDefined;
  }

  public String code() {
    return code;
  }

  public String label(Locale locale) {
    return "nl".equals(locale.getLanguage()) ? dutch : english;
  }

  /** Youngest age in the group. */
  public int minAge() {
    return minAge;
  }

  /** Oldest age in the group (200 for open-ended). */
  public int maxAge() {
    return maxAge;
  }

  /** Whether the group is surveyed with a probability sample. */
  public boolean probabilitySample() {
    return probabilitySample;
  }

  /** Whether a person of {@code age} years belongs to the group's age range. */
  public boolean contains(int age) {
    return age >= minAge && age <= maxAge;
  }

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
