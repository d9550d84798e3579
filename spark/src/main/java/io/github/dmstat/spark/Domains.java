package io.github.dmstat.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * One partition's numbering of the domains (the combinations of grouping values) in order of first
 * appearance, as the Spark estimators' partials carry it: a domain is found by its key, the values
 * joined by {@code \0}; partials merge by the values, and the driver numbers the domains in sorted
 * order, as the single-machine tables do.
 */
final class Domains implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The grouping values of each domain. */
  private final ArrayList<List<String>> values = new ArrayList<>();
  /** The domain of each key. */
  private final HashMap<String, Integer> index = new HashMap<>();
  /** Scratch for {@link #of(Row, int, int)}, per partition. */
  private transient String[] scratch;
  private transient StringBuilder key;

  int size() {
    return values.size();
  }

  /** The grouping values of domain {@code d}. */
  List<String> get(int d) {
    return values.get(d);
  }

  /**
   * The domain of row {@code r}, whose {@code count} grouping values start at column {@code first}:
   * 0 without grouping columns (no domain is numbered), -1 when a grouping value is missing.
   */
  int of(Row r, int first, int count) {
    if (count == 0) {
      return 0;
    }
    if (scratch == null || scratch.length != count) {
      scratch = new String[count];
      key = new StringBuilder();
    }
    for (int b = 0; b < count; b++) {
      scratch[b] = r.getString(first + b);
      if (scratch[b] == null) {
        return -1;
      }
    }
    if (count == 1) {
      return of(scratch[0], Arrays.asList(scratch));
    }
    key.setLength(0);
    for (int b = 0; b < count; b++) {
      key.append(b > 0 ? "\0" : "").append(scratch[b]);
    }
    return of(key.toString(), Arrays.asList(scratch));
  }

  /** Numbers the one domain of an estimate without grouping columns (no values), as {@link #of(Row, int, int)} does not. */
  int overall() {
    return of("", List.of());
  }

  private int of(String k, List<String> v) {
    Integer d = index.get(k);
    if (d == null) {
      d = values.size();
      index.put(k, d);
      values.add(List.copyOf(v));
    }
    return d;
  }

  /** For each domain of {@code other}, its number here (numbering it when new). */
  int[] mapFrom(Domains other) {
    int[] map = new int[other.values.size()];
    for (int d = 0; d < map.length; d++) {
      List<String> v = other.values.get(d);
      map[d] = of(String.join("\0", v), v);
    }
    return map;
  }

  /**
   * The domains in sorted order (by their keys): adds the values of each to {@code levels} and
   * returns the position of every domain in that order.
   */
  int[] sorted(List<List<String>> levels) {
    int[] order = new int[values.size()];
    for (int d : new TreeMap<>(index).values()) {
      order[d] = levels.size();
      levels.add(values.get(d));
    }
    return order;
  }
}
