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
 * @param n rows of the design (or of the domain), missing values included, as R counts them
 * @param designDf the design degrees of freedom {@code ν}
 * @param pearson Pearson's {@code X²} of the weighted table scaled to {@code n}
 * @param meanDesignEffect {@code δ̄ = tr Δ / k}, the mean generalised design effect
 * @param f the second-order Rao–Scott F test (R's default {@code statistic = "F"})
 * @param chisq the first-order Rao–Scott test ({@code "Chisq"}: {@code X²} referred to
 *     {@code χ²_k} after division by {@code δ̄})
 * @param wald the Wald test ({@code "Wald"})
 * @param adjustedWald the adjusted Wald test ({@code "adjWald"})
 */
public record TableTest(String row, String column, List<String> rowLevels, List<String> columnLevels,
    List<List<Double>> proportions, long n, int designDf, double pearson, double meanDesignEffect, TestStatistic f,
    TestStatistic chisq, TestStatistic wald, TestStatistic adjustedWald) {
  /**
   * Copies the lists.
   *
   * @param row the row variable
   * @param column the column variable
   * @param rowLevels the row levels
   * @param columnLevels the column levels
   * @param proportions the cell proportions
   * @param n rows of the design or domain
   * @param designDf the design degrees of freedom
   * @param pearson Pearson's X²
   * @param meanDesignEffect the mean generalised design effect
   * @param f the Rao–Scott F test
   * @param chisq the first-order Rao–Scott test
   * @param wald the Wald test
   * @param adjustedWald the adjusted Wald test
   */
  public TableTest {
    rowLevels = List.copyOf(rowLevels);
    columnLevels = List.copyOf(columnLevels);
    proportions = proportions.stream().map(List::copyOf).toList();
  }

  @Override
  public String toString() {
    List<String> header = new ArrayList<>(List.of(row + " \\ " + column));
    header.addAll(columnLevels);
    TextTable tt = new TextTable(header);
    for (int r = 0; r < rowLevels.size(); r++) {
      List<String> cells = new ArrayList<>(List.of(rowLevels.get(r)));
      for (double p : proportions.get(r)) {
        cells.add(String.format(Locale.ROOT, "%.2f%%", 100 * p));
      }
      tt.row(cells);
    }
    return "Design-based test of independence of " + row + " and " + column + " (n=" + n + ", design df=" + designDf
        + ")\n" + tt + "Rao-Scott " + f + "\nRao-Scott first order " + chisq
        + String.format(Locale.ROOT, " (Pearson X²=%.4f, mean design effect %.3f)", pearson, meanDesignEffect) + "\n"
        + wald + "\n" + adjustedWald + "\n";
  }
}
