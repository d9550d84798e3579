package io.github.dmstat.charts.report;

import io.github.dmstat.charts.Words;
import java.util.Locale;

/** The kind of CBS area a report section is about; the text names areas by it. */
public enum ReportAreaLevel {
  /** A municipality (gemeente). */
  GEMEENTE,
  /** A district (wijk), in a municipality. */
  WIJK,
  /** A neighbourhood (buurt), in a district. */
  BUURT;

  /**
   * One area: "municipality" or "gemeente".
   *
   * @param dutch the Dutch word instead of the English one
   * @return the singular noun, lower case: "municipality", "district", "neighbourhood" or their Dutch words
   */
  public String singular(boolean dutch) {
    return io.github.dmstat.charts.Words.of(dutch).get("areaLevel." + this + ".one");
  }

  /**
   * Areas: "municipalities" or "gemeenten".
   *
   * @param dutch the Dutch word instead of the English one
   * @return the plural noun, lower case: "municipalities", "districts", "neighbourhoods" or their Dutch words
   */
  public String plural(boolean dutch) {
    return io.github.dmstat.charts.Words.of(dutch).get("areaLevel." + this + ".many");
  }

  /**
   * {@code gemeente}, {@code wijk} or {@code buurt} (as CBS names them; case-insensitive).
   *
   * @param s the name; white space around it is ignored
   * @return the level of that name
   * @throws IllegalArgumentException when {@code s} is none of the three names
   */
  public static ReportAreaLevel parse(String s) {
    for (ReportAreaLevel l : values()) {
      if (l.name().equalsIgnoreCase(s.trim())) {
        return l;
      }
    }
    throw new IllegalArgumentException("expected gemeente, wijk or buurt, got '" + s + "'");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
