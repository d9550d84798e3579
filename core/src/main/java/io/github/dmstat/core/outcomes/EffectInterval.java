package io.github.dmstat.core.outcomes;

import io.github.dmstat.core.Checks;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Interval methods for 2×2 effect sizes. */
public enum EffectInterval {
  /**
   * Wald on the escalc scale: {@code yi ± z·√vi} (log scale for RR and OR, back-transformed with
   * {@code exp}); zero cells corrected by adding 1/2 to every cell of that table.
   */
  WALD,
  /**
   * Newcombe (1998) hybrid score interval for the risk difference (method 10), Statist. Med.
   * 17:873–890, doi:10.1002/(SICI)1097-0258(19980430)17:8&lt;873::AID-SIM779&gt;3.0.CO;2-I:
   * {@code RD − √((p1−l1)² + (u2−p2)²)} to {@code RD + √((u1−p1)² + (p2−l2)²)} with
   * {@code (l, u)} the Wilson score limits of each group; no zero-cell correction needed.
   * Only for {@link Measure#RD}.
   */
  NEWCOMBE;

  /**
   * Parses {@code wald} or {@code newcombe} (any case).
   *
   * @param text the method name; surrounding blanks are ignored
   * @return the matching method
   * @throws IllegalArgumentException when {@code text} is null or matches no method
   */
  public static EffectInterval parse(String text) {
    for (EffectInterval m : values()) {
      if (m.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
        return m;
      }
    }
    throw Checks.unknownValue("effect interval", text, labels());
  }

  private static List<String> labels() {
    return Arrays.stream(values()).map(EffectInterval::toString).toList();
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
