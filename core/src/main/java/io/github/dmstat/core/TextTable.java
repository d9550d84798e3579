package io.github.dmstat.core;

import java.util.ArrayList;
import java.util.List;

/** Plain-text tables for {@code toString} and the console: columns padded, numbers right-aligned. */
public final class TextTable {
  /** Cells that right-align: numbers, percentages, intervals "a – b", with optional markers. */
  private static final java.util.regex.Pattern NUMERIC = java.util.regex.Pattern.compile(
      "[-+<>~≈]?[0-9][0-9.,]*(e[-+]?[0-9]+)?%?( ?\\([^)]*\\))?[*†]*|[-+]?[0-9][0-9.,]*%? – [-+]?[0-9][0-9.,]*%?[*†]*");
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  /**
   * An empty table with these column headers.
   *
   * @param header the column headers; their number is the number of cells every row must have
   */
  public TextTable(List<String> header) {
    this.header = List.copyOf(header);
  }

  /**
   * Adds a row ({@code null} cells print empty; control characters are shown escaped).
   *
   * @param cells one cell per column, in header order
   * @return this table, for chaining
   * @throws IllegalArgumentException if the number of cells is not the number of columns
   */
  public TextTable row(List<String> cells) {
    if (cells.size() != header.size()) {
      throw new IllegalArgumentException("row has " + cells.size() + " cells but the table has " + header.size() + " columns");
    }
    List<String> copy = new ArrayList<>(cells.size());
    for (String c : cells) {
      // control characters from data (a label with ESC or a line break) are shown escaped, never sent to the terminal
      copy.add(c == null ? "" : io.github.dmstat.core.io.DataException.show(c, Integer.MAX_VALUE));
    }
    rows.add(copy);
    return this;
  }

  @Override
  public String toString() {
    int cols = header.size();
    int[] width = new int[cols];
    boolean[] right = new boolean[cols];
    for (int c = 0; c < cols; c++) {
      width[c] = header.get(c).length();
      right[c] = true;
      for (List<String> r : rows) {
        width[c] = Math.max(width[c], r.get(c).length());
        String v = r.get(c);
        if (!v.isEmpty() && !NUMERIC.matcher(v).matches()) {
          right[c] = false;
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, header, width, right);
    for (int c = 0; c < cols; c++) {
      sb.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
    }
    sb.append('\n');
    for (List<String> r : rows) {
      line(sb, r, width, right);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> cells, int[] width, boolean[] right) {
    for (int c = 0; c < cells.size(); c++) {
      String v = cells.get(c);
      String pad = " ".repeat(width[c] - v.length());
      sb.append(c == 0 ? "" : "  ").append(right[c] ? pad + v : v + pad);
    }
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == ' ') {
      end--;
    }
    sb.setLength(end);
    sb.append('\n');
  }
}
