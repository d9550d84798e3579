package io.github.dmstat.core.concentration;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The usual concentration figures of one set of areas (see {@link Concentration}).
 *
 * @param areas number of areas {@code n}
 * @param events total events {@code E}
 * @param population total inhabitants {@code P}
 * @param gini plain, corrected and generalised Gini of the counts
 * @param populationGini Gini of the population-weighted Lorenz curve
 * @param hoover Hoover index {@code 0.5 Σ |e_i/E − p_i/P|}, in [0, 1]
 * @param topShares share of events in the top fractions of areas
 * @param excludedByMissingPolicy input rows left out while binding
 */
public record ConcentrationSummary(int areas, long events, double population, Gini gini, double populationGini,
    double hoover, List<TopShare> topShares, long excludedByMissingPolicy) {
  /**
   * Copies {@code topShares}; throws {@link IllegalArgumentException} when {@code hoover} is not in
   * [0, 1] or {@code populationGini} is {@code NaN}, {@link NullPointerException} when {@code gini} is null.
   *
   * @param areas number of areas {@code n}
   * @param events total events {@code E}
   * @param population total inhabitants {@code P}
   * @param gini plain, corrected and generalised Gini of the counts
   * @param populationGini Gini of the population-weighted Lorenz curve
   * @param hoover Hoover index {@code 0.5 Σ |e_i/E − p_i/P|}, in [0, 1]
   * @param topShares share of events in the top fractions of areas
   * @param excludedByMissingPolicy input rows left out while binding
   */
  public ConcentrationSummary {
    Objects.requireNonNull(gini, "gini");
    topShares = List.copyOf(topShares);
    if (!(hoover >= 0 && hoover <= 1 + 1e-12) || Double.isNaN(populationGini)) {
      throw new IllegalArgumentException("Hoover index must be in [0, 1] but was " + hoover);
    }
  }

  /**
   * Two columns, {@code measure} and {@code value} (shares as proportions).
   *
   * @return a table named {@code concentration}, one row per figure (e.g. {@code gini},
   *     {@code shareOfEventsInTop10PctOfAreas})
   */
  public Table toTable() {
    StringColumn m = StringColumn.create("measure");
    DoubleColumn v = DoubleColumn.create("value");
    m.append("areas");
    v.append(areas);
    m.append("events");
    v.append(events);
    m.append("population");
    v.append(population);
    m.append("gini");
    v.append(gini.gini());
    m.append("giniCorrected");
    v.append(gini.corrected());
    m.append("giniGeneralised");
    v.append(gini.generalised());
    m.append("giniPopulationWeighted");
    v.append(populationGini);
    m.append("hoover");
    v.append(hoover);
    for (TopShare t : topShares) {
      m.append(String.format(Locale.ROOT, "shareOfEventsInTop%s", trim(100 * t.fraction())) + "PctOfAreas");
      v.append(t.share());
    }
    m.append("excludedByMissingPolicy");
    v.append(excludedByMissingPolicy);
    return Table.create("concentration").addColumns(m, v);
  }

  private static String trim(double p) {
    return p == Math.rint(p) ? Long.toString((long) p) : String.format(Locale.ROOT, "%.2f", p);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "Concentration[%d events over %d areas (%.0f inhabitants): Gini %.3f (corrected %.3f, generalised %.3f), "
            + "population-weighted Gini %.3f, Hoover %.3f", events, areas, population, gini.gini(), gini.corrected(),
        gini.generalised(), populationGini, hoover));
    for (TopShare t : topShares) {
      sb.append(String.format(Locale.ROOT, ", top %s%% of areas %.1f%% of events", trim(100 * t.fraction()),
          100 * t.share()));
    }
    if (excludedByMissingPolicy > 0) {
      sb.append(", ").append(excludedByMissingPolicy).append(" rows excluded (missing)");
    }
    return sb.append(']').toString();
  }
}
