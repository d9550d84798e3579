package io.github.dmstat.core.outcomes;

import io.github.dmstat.core.Checks;
import java.util.Arrays;

/**
 * Effect measures of a 2×2 table, named as in R {@code metafor::escalc(measure = ...)}.
 *
 * <p>With {@code a} events of {@code n1} treated and {@code c} events of {@code n2} controls,
 * {@code p1 = a/n1}, {@code p2 = c/n2}, {@code b = n1 − a}, {@code d = n2 − c}:
 * <ul>
 *   <li>{@link #RR}: {@code yi = ln(p1/p2)}, {@code vi = 1/a − 1/n1 + 1/c − 1/n2};</li>
 *   <li>{@link #OR}: {@code yi = ln(ad/(bc))}, {@code vi = 1/a + 1/b + 1/c + 1/d};</li>
 *   <li>{@link #RD}: {@code yi = p1 − p2}, {@code vi = p1(1−p1)/n1 + p2(1−p2)/n2}.</li>
 * </ul>
 * When any of the four cells is 0, 1/2 is added to every cell of that table first (escalc
 * defaults {@code add = 1/2, to = "only0"}). Reference: Viechtbauer (2010), J. Stat. Softw.
 * 36(3), doi:10.18637/jss.v036.i03.
 */
public enum Measure {
  /** Risk ratio (log scale in {@code yi}). */
  RR,
  /** Odds ratio (log scale in {@code yi}). */
  OR,
  /** Risk difference (proportion scale, treated minus control). */
  RD;

  /**
   * Whether {@code yi} is a log ratio (RR, OR), so that {@code exp(yi)} is the ratio.
   *
   * @return true for RR and OR, false for RD
   */
  public boolean isRatio() {
    return this != RD;
  }

  /**
   * Parses {@code RR}, {@code OR} or {@code RD} (any case).
   *
   * @param text the measure name; surrounding blanks are ignored
   * @return the matching measure
   * @throws IllegalArgumentException when {@code text} is null or matches no measure
   */
  public static Measure parse(String text) {
    for (Measure m : values()) {
      if (m.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
        return m;
      }
    }
    throw Checks.unknownValue("measure", text, Arrays.asList(values()));
  }
}
