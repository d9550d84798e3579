package io.github.dmstat.charts.report;

import io.github.dmstat.charts.Words;
import java.util.Locale;

/** The kind of CBS area a report section is about; the text names areas by it. */
public enum AreaLevel {
  GEMEENTE, WIJK, BUURT;

  /** One area: "municipality" or "gemeente". */
  public String singular(boolean dutch) {
    return io.github.dmstat.charts.Words.of(dutch).get("areaLevel." + this + ".one");
  }

  /** Areas: "municipalities" or "gemeenten". */
  public String plural(boolean dutch) {
    return io.github.dmstat.charts.Words.of(dutch).get("areaLevel." + this + ".many");
  }

  /** {@code gemeente}, {@code wijk} or {@code buurt} (as CBS names them; case-insensitive). */
  public static AreaLevel parse(String s) {
    for (AreaLevel l : values()) {
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
