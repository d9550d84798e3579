package io.github.dmstat.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A domain key: the grouping columns and this domain's value in each, in order. The overall
 * domain has no columns.
 *
 * @param columns the grouping column names, in order; empty for the overall domain (stored as an
 *     unmodifiable copy)
 * @param values this domain's value in each column, in the same order; as many as {@code columns}
 *     (stored as an unmodifiable copy)
 */
public record Group(List<String> columns, List<String> values) {
  /**
   * Copies both lists and checks that they have the same size.
   *
   * @param columns the grouping column names, in order
   * @param values this domain's value in each column, in the same order
   * @throws IllegalArgumentException if there are not as many values as columns
   */
  public Group {
    columns = List.copyOf(columns);
    values = List.copyOf(values);
    if (columns.size() != values.size()) {
      throw new IllegalArgumentException("group has " + columns.size() + " columns but " + values.size() + " values");
    }
  }

  /**
   * The overall domain.
   *
   * @return a group with no columns and no values
   */
  public static Group all() {
    return new Group(List.of(), List.of());
  }

  /**
   * Whether this is the overall domain.
   *
   * @return {@code true} when there are no grouping columns
   */
  public boolean isAll() {
    return columns.isEmpty();
  }

  /**
   * Column → value, in column order.
   *
   * @return a new map from each grouping column to this domain's value in it
   */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      m.put(columns.get(i), values.get(i));
    }
    return m;
  }

  /**
   * The value in {@code column}.
   *
   * @param column one of the grouping columns
   * @return this domain's value in that column
   * @throws IllegalArgumentException if {@code column} is not a grouping column of this key
   */
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

  /**
   * The order of domains in every result table: by their grouping values as text, column by column.
   *
   * @param a the values of one domain
   * @param b the values of another
   * @return negative, zero or positive as {@code a} sorts before, with or after {@code b}
   */
  public static int compareValues(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
