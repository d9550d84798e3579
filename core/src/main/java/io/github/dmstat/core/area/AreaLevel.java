package io.github.dmstat.core.area;

import io.github.dmstat.core.Checks;
import java.util.Arrays;
import java.util.Locale;

/**
 * The three levels of the CBS area classification (<i>Wijk- en Buurtkaart</i>), with the code
 * prefix and code length of each: municipality {@code GM}+4, district (wijk) {@code WK}+6,
 * neighbourhood (buurt) {@code BU}+8.
 */
public enum AreaLevel {
  /** Gemeente: {@code GM} + 4 digits, e.g. {@code GM0014}. */
  MUNICIPALITY("GM", 6),
  /** Wijk: {@code WK} + 4 municipality digits + 2 characters, e.g. {@code WK001400}. */
  DISTRICT("WK", 8),
  /** Buurt: {@code BU} + 4 municipality digits + 2 wijk + 2 buurt characters, e.g. {@code BU00140000}. */
  NEIGHBOURHOOD("BU", 10);

  private final String prefix;
  private final int length;

  AreaLevel(String prefix, int length) {
    this.prefix = prefix;
    this.length = length;
  }

  /**
   * The two-letter code prefix ({@code GM}, {@code WK}, {@code BU}).
   *
   * @return the prefix
   */
  public String prefix() {
    return prefix;
  }

  /**
   * The total code length including the prefix (6, 8, 10).
   *
   * @return the number of characters of a code of this level
   */
  public int codeLength() {
    return length;
  }

  /**
   * Parses {@code municipality|district|neighbourhood} or the Dutch {@code gemeente|wijk|buurt} (any case).
   *
   * @param text the level name, or the code prefix {@code gm|wk|bu}; surrounding blanks are ignored
   * @return the level
   * @throws IllegalArgumentException when {@code text} names no level
   */
  public static AreaLevel parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    switch (t) {
      case "municipality": case "gemeente": case "gm":
        return MUNICIPALITY;
      case "district": case "wijk": case "wk":
        return DISTRICT;
      case "neighbourhood": case "buurt": case "bu":
        return NEIGHBOURHOOD;
      default:
        throw Checks.unknownValue("area level", text,
            Arrays.stream(values()).map(l -> l.name().toLowerCase(Locale.ROOT)).toList());
    }
  }
}
