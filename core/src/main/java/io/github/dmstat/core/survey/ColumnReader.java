package io.github.dmstat.core.survey;

/** The columns of the data a design is bound to, for a {@link Reweighting} that reads its own variables. */
public interface ColumnReader {
  /**
   * A column as text labels.
   *
   * @param column the column name
   * @return one label per row, trimmed; {@code null} where the cell is missing
   * @throws IllegalArgumentException when the column is not there
   */
  String[] labels(String column);

  /**
   * A column as numbers.
   *
   * @param column the column name
   * @return one value per row, {@code NaN} where the cell is missing
   * @throws IllegalArgumentException when the column is not there or a cell is not a number
   */
  double[] numbers(String column);

  /**
   * The columns of a table: labels trimmed, missing cells {@code null} or {@code NaN}.
   *
   * @param table the table
   * @return a reader over it
   */
  static ColumnReader of(tech.tablesaw.api.Table table) {
    return new ColumnReader() {
      @Override
      public String[] labels(String column) {
        tech.tablesaw.columns.Column<?> c = io.github.dmstat.core.Columns.column(table, column);
        String[] out = new String[table.rowCount()];
        for (int i = 0; i < out.length; i++) {
          out[i] = io.github.dmstat.core.Columns.isMissing(c, i) ? null : io.github.dmstat.core.Columns.text(c, i).strip();
        }
        return out;
      }

      @Override
      public double[] numbers(String column) {
        return io.github.dmstat.core.Columns.numbers(table, column);
      }
    };
  }

  /**
   * The columns of a frame read with the reweighting's {@link Reweighting#columns()}.
   *
   * @param frame the frame
   * @return a reader over it
   */
  static ColumnReader of(io.github.dmstat.core.io.Frame frame) {
    return new ColumnReader() {
      @Override
      public String[] labels(String column) {
        int[] codes = frame.codes(column);
        java.util.List<String> levels = frame.levels(column);
        String[] out = new String[frame.rows()];
        for (int i = 0; i < out.length; i++) {
          out[i] = codes[i] < 0 ? null : levels.get(codes[i]);
        }
        return out;
      }

      @Override
      public double[] numbers(String column) {
        return frame.numbers(column);
      }
    };
  }
}
