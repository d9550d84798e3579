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
}
