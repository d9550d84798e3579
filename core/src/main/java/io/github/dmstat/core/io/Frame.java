package io.github.dmstat.core.io;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.internal.FrameAccess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Columns read from a data file as primitive arrays, each checked while the file was parsed, with
 * the line of every row so that later checks can name it too. What {@link Csv#frame} gives; a
 * Tablesaw {@link Table} is made from it only when asked ({@link #toTable()}), so an analysis
 * that binds a few columns of a large file never builds one.
 *
 * <p>Arrays returned by the accessors are the frame's own (not copies); do not modify them.
 * Missing cells are {@code NaN} in number columns, {@code -1} in text codes and flags.
 */
public final class Frame {
  static {
    FrameAccess.register(new FrameAccess.Columns() {
      @Override
      public double[] numbers(Frame frame, String name) {
        return frame.want(name, frame.col(name).numbers(), "numbers");
      }

      @Override
      public int[] codes(Frame frame, String name) {
        return frame.want(name, frame.col(name).codes(), "text");
      }
    });
  }

  /**
   * One column: exactly one of the arrays is set. The reader may leave it longer than the rows
   * (sized from the bytes per row); {@link #exact} cuts it when a caller outside the library asks.
   */
  record Col(String name, ColumnType type, double[] numbers, byte[] flags, int[] codes, List<String> levels,
      int missing, boolean integral) {}

  /**
   * The line of every row: rows of block {@code b} start at {@code rowStart[b]}; line = base +
   * relative line, where a block without blank lines, line breaks in cells or filtered rows keeps
   * no array (row r is on relative line r).
   */
  record Lines(int[] rowStart, long[] base, int[][] relative) {
    int rows() {
      return rowStart[rowStart.length - 1];
    }

    long line(int row) {
      int b = java.util.Arrays.binarySearch(rowStart, 0, rowStart.length - 1, row);
      if (b < 0) {
        b = -b - 2;
      }
      while (b + 1 < rowStart.length - 1 && rowStart[b + 1] == row) {
        b++; // skip blocks without rows
      }
      int r = row - rowStart[b];
      return base[b] + (relative[b] == null ? r : relative[b][r]);
    }
  }

  private final String source;
  private final Lines lines;
  private final Map<String, Col> columns;
  private final long filtered;
  private final List<String> header;

  Frame(String source, List<String> header, Lines lines, List<Col> cols, long filtered) {
    this.source = source;
    this.header = List.copyOf(header);
    this.lines = lines;
    this.columns = new LinkedHashMap<>();
    for (Col c : cols) {
      columns.put(c.name(), c);
    }
    this.filtered = filtered;
  }

  /**
   * The file name that messages use.
   *
   * @return the file's name as the reader was given it
   */
  public String source() {
    return source;
  }

  /**
   * Number of rows read (after the row filters).
   *
   * @return the data rows kept, {@code >= 1}
   */
  public int rows() {
    return lines.rows();
  }

  /**
   * Rows that the {@code where} filters of the read options left out.
   *
   * @return the data rows left out, 0 without filters
   */
  public long filtered() {
    return filtered;
  }

  /**
   * The line of row {@code row} (0-based) as an editor shows it (the header is line 1).
   *
   * @param row the row, 0-based, in {@code [0, rows())}
   * @return the line the row starts on, counting blank lines, line breaks in cells and filtered rows
   * @throws IndexOutOfBoundsException when {@code row} is outside {@code [0, rows())}
   */
  public long line(int row) {
    if (row < 0 || row >= rows()) {
      throw new IndexOutOfBoundsException("row " + row + " of " + rows());
    }
    return lines.line(row);
  }

  /**
   * Every column name of the file, in file order (also those not read).
   *
   * @return the header's names, trimmed; unmodifiable
   */
  public List<String> header() {
    return header;
  }

  /**
   * Names of the columns read, in file order.
   *
   * @return a new list of the names
   */
  public List<String> names() {
    return new ArrayList<>(columns.keySet());
  }

  /**
   * Whether a column was read.
   *
   * @param name the column name, as in the header (case-sensitive)
   * @return true when the column was read, false when the file lacks it or it was not asked for
   */
  public boolean has(String name) {
    return columns.containsKey(name);
  }

  /**
   * The type a column was read as ({@link ColumnType#AUTO} columns report what they became).
   *
   * @param name the column name
   * @return the column's type
   * @throws DataException when the column was not read
   */
  public ColumnType type(String name) {
    return col(name).type();
  }

  /**
   * Missing cells in a column.
   *
   * @param name the column name
   * @return the number of rows whose cell in this column is missing
   * @throws DataException when the column was not read
   */
  public int missing(String name) {
    return col(name).missing();
  }

  /**
   * A number column ({@code NUMBER}, {@code COUNT}, {@code INTEGER}); {@code NaN} where missing.
   *
   * @param name the column name
   * @return one value per row, the frame's own array
   * @throws DataException when the column was not read or not read as numbers
   */
  public double[] numbers(String name) {
    return want(name, exact(name).numbers(), "numbers");
  }

  /**
   * A flag column: 0, 1, or -1 where missing.
   *
   * @param name the column name
   * @return one flag per row, the frame's own array
   * @throws DataException when the column was not read or not read as {@link ColumnType#FLAG}
   */
  public byte[] flags(String name) {
    return want(name, exact(name).flags(), "0/1 flags");
  }

  /**
   * A text column's codes {@code 0..levels-1} in order of first appearance, -1 where missing.
   *
   * @param name the column name
   * @return one code per row, an index into {@link #levels(String)}; the frame's own array
   * @throws DataException when the column was not read or not read as text
   */
  public int[] codes(String name) {
    return want(name, exact(name).codes(), "text");
  }

  /**
   * A text column's distinct values in order of first appearance.
   *
   * @param name the column name
   * @return the values that the codes index, missing values not among them
   * @throws DataException when the column was not read or not read as text
   */
  public List<String> levels(String name) {
    want(name, col(name).codes(), "text");
    return col(name).levels();
  }

  /**
   * Places a binding error of this frame: the file name and the line of the row it names.
   *
   * @param e an error found while binding this frame's columns, e.g. a {@link DataException#rule rule}
   *     broken in a data row
   * @return a {@link DataException} that names this frame's file and, for a row, its line; {@code e}
   *     itself when it is no {@link DataException} and its message already starts with the file name
   */
  public IllegalArgumentException locate(IllegalArgumentException e) {
    if (e instanceof DataException) {
      DataException d = (DataException) e;
      if (d.row().isPresent() && d.line().isEmpty() && d.row().getAsLong() <= rows()) {
        d = d.atLine(line((int) d.row().getAsLong() - 1));
      }
      return d.inFile(source);
    }
    String m = e.getMessage();
    return m != null && m.startsWith(source) ? e : new DataException(source, 0, null, null, String.valueOf(m));
  }

  private synchronized Col col(String name) {
    Col c = columns.get(name);
    if (c == null) {
      throw new DataException(source, 0, null, null, Checks.unknownColumn(String.valueOf(name),
          columns.isEmpty() ? header : columns.keySet()).getMessage());
    }
    return c;
  }

  /**
   * The column with arrays of exactly {@link #rows()} entries: cut once, on the first call, so that
   * a reader's spare capacity is copied away only for the columns that callers outside the library
   * take.
   */
  private synchronized Col exact(String name) {
    Col c = col(name);
    int n = rows();
    double[] v = c.numbers();
    byte[] f = c.flags();
    int[] k = c.codes();
    if ((v == null || v.length == n) && (f == null || f.length == n) && (k == null || k.length == n)) {
      return c;
    }
    Col cut = new Col(c.name(), c.type(), v == null ? null : java.util.Arrays.copyOf(v, n),
        f == null ? null : java.util.Arrays.copyOf(f, n), k == null ? null : java.util.Arrays.copyOf(k, n), c.levels(),
        c.missing(), c.integral());
    columns.put(name, cut);
    return cut;
  }

  private <T> T want(String name, T array, String what) {
    if (array == null) {
      throw new DataException(source, 0, name, null, "was read as " + col(name).type().name().toLowerCase(java.util.Locale.ROOT)
          + ", not as " + what);
    }
    return array;
  }

  /**
   * A Tablesaw table of the columns read: numbers as double columns (whole-number columns as
   * int or long columns), flags as int columns, text as string columns; missing cells missing.
   *
   * @return a new table named after the file, with the columns read in file order
   * @throws DataException when two column names differ only in case, which a Tablesaw table refuses
   */
  public Table toTable() {
    List<Column<?>> out = new ArrayList<>(columns.size());
    int n = rows();
    for (String name : new ArrayList<>(columns.keySet())) {
      Col c = exact(name);
      if (c.numbers() != null) {
        out.add(numberColumn(c, n));
      } else if (c.flags() != null) {
        IntColumn ic = IntColumn.create(c.name(), n);
        for (int i = 0; i < n; i++) {
          if (c.flags()[i] < 0) {
            ic.setMissing(i);
          } else {
            ic.set(i, c.flags()[i]);
          }
        }
        out.add(ic);
      } else {
        String[] values = new String[n];
        String[] levels = c.levels().toArray(new String[0]);
        int[] codes = c.codes();
        for (int i = 0; i < n; i++) {
          values[i] = codes[i] < 0 ? "" : levels[codes[i]];
        }
        out.add(StringColumn.create(c.name(), values));
      }
    }
    // names are unique (checked when the header was read) and every column has the same length, so
    // Tablesaw's own check, which compares each new name with all before it, is not needed: with it a
    // 40,000-column file took a minute. Tablesaw also refuses names that differ only in case.
    java.util.Map<String, String> lower = new java.util.HashMap<>();
    Table t = Table.create(tableName());
    for (Column<?> c : out) {
      String before = lower.putIfAbsent(c.name().toLowerCase(java.util.Locale.ROOT), c.name());
      if (before != null) {
        throw new DataException(source, 0, null, null, "column names '" + before + "' and '" + c.name()
            + "' differ only in case; a table needs names that differ in more than case");
      }
      t.internalAddWithoutValidation(c);
    }
    return t;
  }

  private static Column<?> numberColumn(Col c, int n) {
    double[] v = c.numbers();
    if (!c.integral()) {
      return DoubleColumn.create(c.name(), v);
    }
    boolean ints = true;
    for (double x : v) {
      if (!Double.isNaN(x) && (x > Integer.MAX_VALUE || x <= Integer.MIN_VALUE)) {
        ints = false;
        break;
      }
    }
    if (ints) {
      IntColumn ic = IntColumn.create(c.name(), n);
      for (int i = 0; i < n; i++) {
        if (Double.isNaN(v[i])) {
          ic.setMissing(i);
        } else {
          ic.set(i, (int) v[i]);
        }
      }
      return ic;
    }
    LongColumn lc = LongColumn.create(c.name(), n);
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(v[i])) {
        lc.setMissing(i);
      } else {
        lc.set(i, (long) v[i]);
      }
    }
    return lc;
  }

  private String tableName() {
    return source;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("Frame[").append(source).append(": ").append(rows()).append(" rows");
    if (filtered > 0) {
      b.append(" (").append(filtered).append(" filtered out)");
    }
    for (Col c : columns.values()) {
      b.append(", ").append(c.name()).append(':').append(c.type().name().toLowerCase(java.util.Locale.ROOT));
    }
    return b.append(']').toString();
  }
}
