package io.github.dmstat.core.concentration;

import io.github.dmstat.core.Checks;
import java.util.Arrays;
import java.util.Locale;

/**
 * What to do with an area (row) whose id, count, population or indicator value is missing.
 * Used by {@link AreaCounts} and by {@code io.github.dmstat.core.selection.CompositeIndex}.
 */
public enum MissingPolicy {
  /** Leave the area out; the result reports how many areas were excluded and why. */
  EXCLUDE_AREA("exclude-area"),
  /** Throw an {@link IllegalArgumentException} naming the column, row and area. */
  FAIL("fail");

  private final String label;

  MissingPolicy(String label) {
    this.label = label;
  }

  /** The name used on the command line and in JSON. */
  public String label() {
    return label;
  }

  /** Parses {@code exclude-area} (also {@code exclude_area}) or {@code fail}, any case. */
  public static MissingPolicy parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (MissingPolicy m : values()) {
      if (m.label.equals(t)) {
        return m;
      }
    }
    throw Checks.unknownValue("missing-value policy", text, Arrays.stream(values()).map(MissingPolicy::label).toList());
  }

  @Override
  public String toString() {
    return label;
  }
}
