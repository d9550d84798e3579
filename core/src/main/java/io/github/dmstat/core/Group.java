package io.github.dmstat.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A domain key: the grouping columns and this domain's value in each, in order. The overall
 * domain has no columns.
 */
public record Group(List<String> columns, List<String> values) {
  public Group {
    columns = List.copyOf(columns);
    values = List.copyOf(values);
    if (columns.size() != values.size()) {
      throw new IllegalArgumentException("group has " + columns.size() + " columns but " + values.size() + " values");
    }
  }

  /** The overall domain. */
  public static Group all() {
    return new Group(List.of(), List.of());
  }

  /** Whether this is the overall domain. */
  public boolean isAll() {
    return columns.isEmpty();
  }

  /** Column → value, in column order. */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      m.put(columns.get(i), values.get(i));
    }
    return m;
  }

  /** The value in {@code column}. */
  public String get(String column) {
    int i = columns.indexOf(column);
    if (i < 0) {
      throw Checks.unknownColumn(column, columns);
    }
    return values.get(i);
  }

  @Override
  public String toString() {
    if (isAll()) {
      return "all";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(columns.get(i)).append('=').append(values.get(i));
    }
    return sb.toString();
  }
}
