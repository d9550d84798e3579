package io.github.dmstat.core.spatial;

import io.github.dmstat.core.Checks;
import java.util.Arrays;
import java.util.Locale;

/**
 * Contiguity rule for polygon neighbours, as R {@code spdep::poly2nb} (Bivand &amp; Wong 2018,
 * TEST 27:716–748, doi:10.1007/s11749-018-0599-x).
 */
public enum Contiguity {
  /** Neighbours when they share at least one boundary point (within the snap distance). */
  QUEEN,
  /**
   * Neighbours when they share more than one boundary point (poly2nb {@code queen = FALSE}: more
   * than one pair of vertices within the snap distance), i.e. in practice a boundary segment.
   */
  ROOK;

  /**
   * Parses {@code queen|rook} (any case).
   *
   * @param text {@code queen} or {@code rook}; surrounding white space is ignored
   * @return the rule
   * @throws IllegalArgumentException for {@code null} or any other text (the valid values named)
   */
  public static Contiguity parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw Checks.unknownValue("contiguity", text,
          Arrays.stream(values()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
    }
  }
}
