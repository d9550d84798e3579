package io.github.dmstat.charts.report;

import java.util.Locale;

/** The kind of CBS area a report section is about; the text names areas by it. */
public enum AreaLevel {
  GEMEENTE("municipality", "municipalities", "gemeente", "gemeenten"),
  WIJK("district", "districts", "wijk", "wijken"),
  BUURT("neighbourhood", "neighbourhoods", "buurt", "buurten");

  private final String en;
  private final String enPlural;
  private final String nl;
  private final String nlPlural;

  AreaLevel(String en, String enPlural, String nl, String nlPlural) {
    this.en = en;
    this.enPlural = enPlural;
    this.nl = nl;
    this.nlPlural = nlPlural;
  }

  /** One area: "municipality" or "gemeente". */
  public String singular(boolean dutch) {
    return dutch ? nl : en;
  }

  /** Areas: "municipalities" or "gemeenten". */
  public String plural(boolean dutch) {
    return dutch ? nlPlural : enPlural;
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
