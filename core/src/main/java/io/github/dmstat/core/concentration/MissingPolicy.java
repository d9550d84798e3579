package io.github.dmstat.core.concentration;

import io.github.dmstat.core.Coded;
import io.github.dmstat.core.Labels;

/**
 * What to do with an area (row) whose id, count, population or indicator value is missing.
 * Used by {@link AreaCounts} and by {@code io.github.dmstat.core.selection.CompositeIndex}.
 */
public enum MissingPolicy implements Coded {
  /** Leave the area out; the result reports how many areas were excluded and why. */
  EXCLUDE_AREA("exclude-area"),
  /** Throw an {@link IllegalArgumentException} naming the column, row and area. */
  FAIL("fail");

  private final String label;

  MissingPolicy(String label) {
    this.label = label;
  }

  /** The name used on the command line and in JSON. */
  @Override
  public String code() {
    return label;
  }

  /**
   * Parses {@code exclude-area} (also {@code exclude_area}) or {@code fail}, any case.
   *
   * @param text the policy name; surrounding blanks are ignored
   * @return the policy
   * @throws IllegalArgumentException when {@code text} names no policy
   */
  public static MissingPolicy parse(String text) {
    return Labels.parse(MissingPolicy.class, "missing-value policy", text);
  }

  @Override
  public String toString() {
    return label;
  }
}
