package io.github.dmstat.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.github.dmstat.core.io.Frame;
import io.github.dmstat.core.io.Numbers;
import io.github.dmstat.core.io.ReadOptions;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Binding: turns table columns into validated primitive arrays, once.
 *
 * <p>Works on any Tablesaw column type: text columns (as read by {@link io.github.dmstat.core.io.Csv})
 * are parsed, numeric and boolean columns are read directly. Every bad cell is reported with its
 * column, row (1-based) and value through {@link Checks}. The table is never modified.
 */
public final class Columns {
  private Columns() {}

  /** Outcome flag value for a missing cell in {@link #flags}. */
  public static final byte MISSING = -1;

  /**
   * The named column, or an error listing the available ones.
   *
   * @param table the table
   * @param name the column name; {@code null} is reported as not found
   * @return the column
   * @throws IllegalArgumentException if the table has no column of that name
   */
  public static Column<?> column(Table table, String name) {
    if (name == null || !table.containsColumn(name)) {
      throw Checks.unknownColumn(String.valueOf(name), table.columnNames());
    }
    return table.column(name);
  }

  /**
   * True when the cell is empty or missing.
   *
   * @param col the column
   * @param row the row index, from 0
   * @return {@code true} when Tablesaw marks the cell missing or, in a column that is neither
   *     numeric nor boolean, its text is blank
   */
  public static boolean isMissing(Column<?> col, int row) {
    if (col.isMissing(row)) {
      return true;
    }
    if (col instanceof NumericColumn || col instanceof BooleanColumn) {
      return false;
    }
    return col.getUnformattedString(row).isBlank();
  }

  /**
   * Cell text without formatting (numbers as plain numbers).
   *
   * @param col the column
   * @param row the row index, from 0
   * @return the text with surrounding blanks removed; empty for a missing cell
   */
  public static String text(Column<?> col, int row) {
    return col.isMissing(row) ? "" : col.getUnformattedString(row).strip();
  }

  /**
   * Parses one numeric cell; {@code NaN} for missing.
   *
   * @param col the column; a text column is parsed with {@code .} as decimal mark and no thousands mark
   * @param row the row index, from 0 (messages count rows from 1)
   * @return the cell's value, or {@code NaN} when the cell is missing or blank
   * @throws IllegalArgumentException if a text cell is not a number; the message says why, e.g. a
   *     thousands separator
   */
  public static double number(Column<?> col, int row) {
    if (isMissing(col, row)) {
      return Double.NaN;
    }
    if (col instanceof NumericColumn) {
      return ((NumericColumn<?>) col).getDouble(row);
    }
    String s = text(col, row);
    double v = Numbers.parse(s);
    if (Double.isNaN(v)) {
      throw Checks.badCell(col.name(), row + 1, "must be a number (" + Numbers.problem(s, '.', ReadOptions.NONE) + ")", s);
    }
    return v;
  }

  /**
   * A numeric variable: missing or blank cells are {@code NaN}; every other cell must be a finite number.
   *
   * @param table the table
   * @param name the column name
   * @return one value per row, in row order
   * @throws IllegalArgumentException if the column does not exist or a present cell is not a
   *     finite number (the message names column, row and value)
   */
  public static double[] numbers(Table table, String name) {
    Column<?> col = column(table, name);
    int n = table.rowCount();
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double v = number(col, i);
      if (Double.isInfinite(v)) {
        throw Checks.badCell(name, i + 1, "must be a finite number", text(col, i));
      }
      out[i] = v;
    }
    return out;
  }

  /**
   * Weights (or any non-negative measure): every cell present, finite and {@code >= 0}.
   *
   * @param table the table
   * @param name the column name
   * @return one value per row, in row order
   * @throws IllegalArgumentException if the column does not exist or a cell is missing, not a
   *     number, negative or infinite
   */
  public static double[] nonNegative(Table table, String name) {
    Column<?> col = column(table, name);
    int n = table.rowCount();
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      if (isMissing(col, i)) {
        throw Checks.badCell(name, i + 1, "must be a finite number >= 0", null);
      }
      double v = number(col, i);
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw Checks.badCell(name, i + 1, "must be finite and >= 0", text(col, i));
      }
      out[i] = v;
    }
    return out;
  }

  /**
   * A 0/1 outcome: {@code 0, 1, true, false} (any case; also {@code 0.0, 1.0}); an empty cell is
   * {@link #MISSING}; anything else is an error naming row and value. Text cells also accept
   * {@code ja, yes} for 1 and {@code nee, no} for 0.
   *
   * @param table the table
   * @param name the column name
   * @return one flag per row, in row order: 1, 0 or {@link #MISSING}
   * @throws IllegalArgumentException if the column does not exist or a cell is none of the accepted
   *     values
   */
  public static byte[] flags(Table table, String name) {
    Column<?> col = column(table, name);
    int n = table.rowCount();
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = flag(col, i);
    }
    return out;
  }

  private static byte flag(Column<?> col, int i) {
    if (isMissing(col, i)) {
      return MISSING;
    }
    if (col instanceof BooleanColumn) {
      return ((BooleanColumn) col).get(i) ? (byte) 1 : (byte) 0;
    }
    if (col instanceof NumericColumn) {
      double v = ((NumericColumn<?>) col).getDouble(i);
      if (v == 0 || v == 1) {
        return (byte) v;
      }
      throw Checks.badCell(col.name(), i + 1, "must be 0, 1, true, false or empty", text(col, i));
    }
    String s = text(col, i);
    switch (s.toLowerCase(java.util.Locale.ROOT)) {
      case "0": case "0.0": case "false": case "nee": case "no":
        return 0;
      case "1": case "1.0": case "true": case "ja": case "yes":
        return 1;
      default:
        throw Checks.badCell(col.name(), i + 1, "must be 0, 1, true, false or empty", s);
    }
  }

  /**
   * Group keys encoded to dense int codes in order of first appearance.
   *
   * @param codes per row, the code of its key, {@code 0..size()-1}, or {@code -1} where a key column
   *     is missing
   * @param levels per code, the key: one value per key column, in the order the columns were named
   * @param missingRows the number of rows with code {@code -1}
   */
  public record Codes(int[] codes, List<List<String>> levels, int missingRows) {
    /**
     * Number of distinct levels.
     *
     * @return the number of levels
     */
    public int size() {
      return levels.size();
    }
  }

  /** Every row in one level, the empty key (no grouping columns: the overall estimate). */
  private static Codes all(int rows) {
    return new Codes(new int[rows], List.of(List.of()), 0);
  }

  /**
   * Encodes the combination of the named text columns of a frame to int codes (first appearance
   * order of the combination); rows where any of them is missing get {@code -1}. Combinations seen
   * only in such rows are not levels. With one column and no level dropped, {@link Codes#codes()}
   * is the frame's own array: read it, never write it.
   *
   * @param frame the frame
   * @param names the text columns that form the key; none puts every row in one level, the empty key
   * @return the codes, levels and number of rows with a missing key
   */
  public static Codes codes(Frame frame, List<String> names) {
    if (names.isEmpty()) {
      return all(frame.rows());
    }
    int n = frame.rows();
    // one column: its codes are the domains as they are (read, never written)
    int[] codes = names.size() == 1 ? frame.codes(names.get(0)) : frame.codes(names.get(0)).clone();
    List<List<String>> levels = new ArrayList<>();
    for (String l : frame.levels(names.get(0))) {
      levels.add(List.of(l));
    }
    for (int c = 1; c < names.size(); c++) {
      int[] next = frame.codes(names.get(c));
      List<String> nextLevels = frame.levels(names.get(c));
      long pairs = (long) levels.size() * nextLevels.size();
      Map<Long, Integer> index = new HashMap<>();
      List<List<String>> combined = new ArrayList<>();
      int[] direct = pairs <= (1 << 22) ? new int[(int) pairs] : null;
      for (int i = 0; i < n; i++) {
        if (codes[i] < 0 || next[i] < 0) {
          codes[i] = -1;
          continue;
        }
        long key = (long) codes[i] * nextLevels.size() + next[i];
        int code = direct != null ? direct[(int) key] - 1 : index.getOrDefault(key, -1);
        if (code < 0) {
          code = combined.size();
          List<String> level = new ArrayList<>(levels.get(codes[i]));
          level.add(nextLevels.get(next[i]));
          combined.add(List.copyOf(level));
          if (direct != null) {
            direct[(int) key] = code + 1;
          } else {
            index.put(key, code);
          }
        }
        codes[i] = code;
      }
      levels = combined;
    }
    // levels that only occur in rows dropped for a missing value of a later column are not domains
    int missing = 0;
    boolean[] used = new boolean[levels.size()];
    for (int v : codes) {
      if (v < 0) {
        missing++;
      } else {
        used[v] = true;
      }
    }
    int[] remap = new int[levels.size()];
    List<List<String>> kept = new ArrayList<>();
    for (int l = 0; l < levels.size(); l++) {
      remap[l] = used[l] ? kept.size() : -1;
      if (used[l]) {
        kept.add(levels.get(l));
      }
    }
    if (kept.size() != levels.size()) {
      if (names.size() == 1) {
        codes = codes.clone(); // never write the frame's own array
      }
      for (int i = 0; i < n; i++) {
        if (codes[i] >= 0) {
          codes[i] = remap[codes[i]];
        }
      }
    }
    return new Codes(codes, List.copyOf(kept), missing);
  }

  /**
   * Encodes the combination of the named columns to int codes (first appearance order).
   * Rows where any of the columns is empty get code {@code -1} and are counted in
   * {@link Codes#missingRows()}. Levels are the cells' text with surrounding blanks removed.
   *
   * @param table the table
   * @param names the columns that form the key; none puts every row in one level, the empty key
   * @return the codes, levels and number of rows with a missing key
   * @throws IllegalArgumentException if a named column does not exist
   */
  public static Codes codes(Table table, List<String> names) {
    if (names.isEmpty()) {
      return all(table.rowCount());
    }
    List<Column<?>> cols = new ArrayList<>();
    for (String name : names) {
      cols.add(column(table, name));
    }
    int n = table.rowCount();
    int[] codes = new int[n];
    Map<List<String>, Integer> index = new HashMap<>();
    List<List<String>> levels = new ArrayList<>();
    int missing = 0;
    List<String> key = new ArrayList<>(cols.size());
    for (int i = 0; i < n; i++) {
      key.clear();
      boolean miss = false;
      for (Column<?> c : cols) {
        if (isMissing(c, i)) {
          miss = true;
          break;
        }
        key.add(text(c, i));
      }
      if (miss) {
        codes[i] = -1;
        missing++;
        continue;
      }
      // the reused key is copied only for a new level
      Integer code = index.get(key);
      if (code == null) {
        List<String> level = List.copyOf(key);
        code = levels.size();
        index.put(level, code);
        levels.add(level);
      }
      codes[i] = code;
    }
    return new Codes(codes, List.copyOf(levels), missing);
  }
}
