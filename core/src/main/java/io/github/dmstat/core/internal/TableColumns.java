package io.github.dmstat.core.internal;

import java.util.OptionalDouble;
import tech.tablesaw.api.DoubleColumn;

/**
 * Small helpers for building Tablesaw result tables (internal: not API, may change without
 * notice).
 */
public final class TableColumns {
  private TableColumns() {}

  /**
   * Appends {@code v} to {@code column}, or a missing value when it is empty.
   *
   * @param column the column
   * @param v the value, possibly empty
   */
  public static void appendOptional(DoubleColumn column, OptionalDouble v) {
    if (v.isPresent()) {
      column.append(v.getAsDouble());
    } else {
      column.appendMissing();
    }
  }
}
