package io.github.dmstat.core.crosstab;

import io.github.dmstat.core.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The design-based tests of independence of a two-way table ({@link SurveyChiSquare}).
 *
 * @param row the row variable
 * @param column the column variable
 * @param rowLevels the row levels, sorted as text
 * @param columnLevels the column levels, sorted as text
 * @param proportions the estimated cell proportions, {@code proportions.get(r).get(c)}, summing to 1
 *     (for the tests; outputs show only {@link #publishedProportions()})
 * @param rowCounts rows with both values present, per row level
 * @param columnCounts rows with both values present, per column level
 * @param n rows of the design (or of the domain), missing values included, as R counts them
 * @param excluded rows of the design or domain left out because a value is missing
 * @param designDf the design degrees of freedom {@code ν}
 * @param pearson Pearson's {@code X²} of the weighted table scaled to {@code n}
 * @param meanDesignEffect {@code δ̄ = tr Δ / k}, the mean generalised design effect
 * @param f the second-order Rao–Scott F test (R's default {@code statistic = "F"})
 * @param chisq the first-order Rao–Scott test ({@code "Chisq"}: {@code X²} referred to
 *     {@code χ²_k} after division by {@code δ̄})
 * @param wald the Wald test ({@code "Wald"})
 * @param adjustedWald the adjusted Wald test ({@code "adjWald"})
 * @param minimumCount a cell proportion is shown only when its row and its column level each have
 *     at least this many rows (disclosure control; {@link #DEFAULT_MINIMUM} by default, as the NCHS rule)
 */
public record TableTest(String row, String column, List<String> rowLevels, List<String> columnLevels,
    List<List<Double>> proportions, List<Long> rowCounts, List<Long> columnCounts, long n, long excluded, int designDf,
    double pearson, double meanDesignEffect, TestStatistic f, TestStatistic chisq, TestStatistic wald,
    TestStatistic adjustedWald, long minimumCount) {
  /** The smallest number of rows of a row or column level whose cell proportions are shown (the NCHS rule's 30). */
  public static final long DEFAULT_MINIMUM = 30;

  /**
   * Copies the lists.
   *
   * @param row the row variable
   * @param column the column variable
   * @param rowLevels the row levels
   * @param columnLevels the column levels
   * @param proportions the cell proportions
   * @param rowCounts rows per row level
   * @param columnCounts rows per column level
   * @param n rows of the design or domain
   * @param excluded rows left out for a missing value
   * @param designDf the design degrees of freedom
   * @param pearson Pearson's X²
   * @param meanDesignEffect the mean generalised design effect
   * @param f the Rao–Scott F test
   * @param chisq the first-order Rao–Scott test
   * @param wald the Wald test
   * @param adjustedWald the adjusted Wald test
   * @param minimumCount the smallest row or column count whose cells are shown
   */
  public TableTest {
    rowLevels = List.copyOf(rowLevels);
    columnLevels = List.copyOf(columnLevels);
    proportions = proportions.stream().map(List::copyOf).toList();
    rowCounts = List.copyOf(rowCounts);
    columnCounts = List.copyOf(columnCounts);
  }

  /**
   * The same tests showing cells whose row and column levels have at least {@code minimum} rows.
   *
   * @param minimum the smallest count (0 shows every cell)
   * @return a copy with that minimum
   */
  public TableTest withMinimumCount(long minimum) {
    return new TableTest(row, column, rowLevels, columnLevels, proportions, rowCounts, columnCounts, n, excluded, designDf,
        pearson, meanDesignEffect, f, chisq, wald, adjustedWald, minimum);
  }

  /**
   * The cell proportions that may be shown: empty for a cell whose row or column level has fewer
   * than {@link #minimumCount()} rows, so a small domain's prevalence cannot be read off the table.
   *
   * @return {@code [row][column]}, each present or empty
   */
  public List<List<java.util.OptionalDouble>> publishedProportions() {
    List<List<java.util.OptionalDouble>> out = new ArrayList<>();
    for (int r = 0; r < rowLevels.size(); r++) {
      List<java.util.OptionalDouble> line = new ArrayList<>();
      for (int c = 0; c < columnLevels.size(); c++) {
        line.add(rowCounts.get(r) >= minimumCount && columnCounts.get(c) >= minimumCount
            ? java.util.OptionalDouble.of(proportions.get(r).get(c)) : java.util.OptionalDouble.empty());
      }
      out.add(line);
    }
    return out;
  }

  @Override
  public String toString() {
    List<String> header = new ArrayList<>(List.of(row + " \\ " + column));
    header.addAll(columnLevels);
    TextTable tt = new TextTable(header);
    boolean anySuppressed = false;
    List<List<java.util.OptionalDouble>> shown = publishedProportions();
    for (int r = 0; r < rowLevels.size(); r++) {
      List<String> cells = new ArrayList<>(List.of(rowLevels.get(r)));
      for (java.util.OptionalDouble p : shown.get(r)) {
        anySuppressed |= p.isEmpty();
        cells.add(p.isPresent() ? String.format(Locale.ROOT, "%.2f%%", 100 * p.getAsDouble()) : "");
      }
      tt.row(cells);
    }
    return "Design-based test of independence of " + row + " and " + column + " (n=" + n + ", design df=" + designDf
        + ")\n" + tt + (anySuppressed ? "(cells of a level with fewer than " + minimumCount + " rows are not shown)\n" : "")
        + (excluded > 0 ? excluded + " rows left out: '" + row + "' or '" + column + "' missing\n" : "") + "Rao-Scott " + f + "\nRao-Scott first order " + chisq
        + String.format(Locale.ROOT, " (Pearson X²=%.4f, mean design effect %.3f)", pearson, meanDesignEffect) + "\n"
        + wald + "\n" + adjustedWald + "\n";
  }
}
