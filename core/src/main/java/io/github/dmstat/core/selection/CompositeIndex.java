package io.github.dmstat.core.selection;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.concentration.MissingPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * A weighted composite index of area indicators, used to select areas as in <i>Preventie met
 * gezag</i> (27 municipalities chosen with police data and the Leefbaarometer among those with at
 * least 80,000 inhabitants, plus named exceptions; Staatscourant 2023, 19537).
 *
 * <p><b>Score.</b> {@code score_i = Σ_k w_k · s_k(x_ki)} with {@code s_k} the
 * {@link IndicatorScaling} of indicator {@code k}, computed over all areas with a value (not only
 * the eligible ones). The sign of {@code w_k} is the direction: a liveability score enters with a
 * negative weight. An area with a missing indicator gets no score: with
 * {@link MissingPolicy#EXCLUDE_AREA} it is reported as not eligible ("missing indicator 'x'"), with
 * {@link MissingPolicy#FAIL} (default) it is an error naming the column, row and area.
 *
 * <p><b>Selection</b> follows {@link SelectionRules}; every area gets an {@link Explanation}.
 * Immutable; {@code with…} returns a new instance.
 *
 * <pre>{@code
 * CompositeIndex index = CompositeIndex.of(
 *     WeightedIndicator.of("crime_per_1000", 0.5),
 *     WeightedIndicator.of("young_suspects_per_1000", 0.3),
 *     WeightedIndicator.of("lbm", -0.2));
 * Selection s = index.select(table, "gm_code", "inhabitants",
 *     SelectionRules.top(27).withMinimumPopulation(80_000).include("GM0356", "liveability programme"));
 * }</pre>
 */
public final class CompositeIndex {
  private final List<WeightedIndicator> indicators;
  private final IndicatorScaling standardisation;
  private final MissingPolicy missing;

  private CompositeIndex(List<WeightedIndicator> indicators, IndicatorScaling standardisation, MissingPolicy missing) {
    this.indicators = List.copyOf(indicators);
    this.standardisation = Objects.requireNonNull(standardisation, "standardisation");
    this.missing = Objects.requireNonNull(missing, "missing");
    if (this.indicators.isEmpty()) {
      throw Checks.badArgument("indicators", "must not be empty", "[]");
    }
    List<String> seen = new ArrayList<>();
    for (WeightedIndicator w : this.indicators) {
      if (seen.contains(w.column())) {
        throw Checks.badArgument("indicator", "must appear once", w.column());
      }
      seen.add(w.column());
    }
  }

  /**
   * Index of these indicators, {@link IndicatorScaling#Z}, missing values {@link MissingPolicy#FAIL}.
   *
   * @param indicators the indicators with their weights, at least one, each column once
   * @return the index
   * @throws IllegalArgumentException when there are no indicators or a column appears twice
   */
  public static CompositeIndex of(WeightedIndicator... indicators) {
    return of(List.of(indicators));
  }

  /**
   * Index of these indicators, {@link IndicatorScaling#Z}, missing values {@link MissingPolicy#FAIL}.
   *
   * @param indicators the indicators with their weights, at least one, each column once (copied)
   * @return the index
   * @throws IllegalArgumentException when there are no indicators or a column appears twice
   */
  public static CompositeIndex of(List<WeightedIndicator> indicators) {
    return new CompositeIndex(indicators, IndicatorScaling.Z, MissingPolicy.FAIL);
  }

  /**
   * The same with another standardisation.
   *
   * @param s how the indicators are put on a common scale
   * @return a new index; this one is unchanged
   */
  public CompositeIndex with(IndicatorScaling s) {
    return new CompositeIndex(indicators, s, missing);
  }

  /**
   * The same with another missing-value policy.
   *
   * @param m what to do with an area with a missing indicator (or population)
   * @return a new index; this one is unchanged
   */
  public CompositeIndex with(MissingPolicy m) {
    return new CompositeIndex(indicators, standardisation, m);
  }

  /**
   * The same with the weight of {@code indicator} replaced.
   *
   * @param indicator indicator name (its column)
   * @param weight the new weight, finite and non-zero
   * @return a new index; this one is unchanged
   * @throws IllegalArgumentException when the index has no such indicator or the weight is 0 or not finite
   */
  public CompositeIndex withWeight(String indicator, double weight) {
    List<WeightedIndicator> l = new ArrayList<>(indicators);
    l.set(indexOf(indicator), l.get(indexOf(indicator)).withWeight(weight));
    return new CompositeIndex(l, standardisation, missing);
  }

  int indexOf(String indicator) {
    for (int k = 0; k < indicators.size(); k++) {
      if (indicators.get(k).column().equals(indicator)) {
        return k;
      }
    }
    throw Checks.unknownValue("indicator", indicator, names());
  }

  /**
   * The indicators with their weights.
   *
   * @return the indicators in index order (unmodifiable)
   */
  public List<WeightedIndicator> indicators() {
    return indicators;
  }

  /**
   * Indicator names.
   *
   * @return the indicator columns, in index order
   */
  public List<String> names() {
    return indicators.stream().map(WeightedIndicator::column).toList();
  }

  /**
   * Weights {@code w_k} (a copy).
   *
   * @return one weight per indicator, in index order
   */
  public double[] weights() {
    double[] w = new double[indicators.size()];
    for (int k = 0; k < w.length; k++) {
      w[k] = indicators.get(k).weight();
    }
    return w;
  }

  /**
   * The standardisation.
   *
   * @return how each indicator is scaled before weighting (default {@link IndicatorScaling#Z})
   */
  public IndicatorScaling standardisation() {
    return standardisation;
  }

  /**
   * The missing-value policy.
   *
   * @return what happens to an area with a missing value (default {@link MissingPolicy#FAIL})
   */
  public MissingPolicy missingPolicy() {
    return missing;
  }

  /**
   * Binds the table (see {@link AreaIndicators#from}) and selects.
   *
   * @param table one row per area (not modified)
   * @param areaColumn area ids (e.g. {@code GM0363})
   * @param populationColumn inhabitants, or {@code null} when the rules use no minimum population
   * @param rules selection size, minimum population and named exceptions
   * @return the selection, with an explanation for every area
   * @throws IllegalArgumentException when a column does not exist, a cell or named area breaks a rule, or
   *     an indicator cannot be standardised
   */
  public Selection select(Table table, String areaColumn, String populationColumn, SelectionRules rules) {
    return select(AreaIndicators.from(table, areaColumn, populationColumn, this), rules);
  }

  /**
   * Scores, ranks and selects the areas, explaining every decision.
   *
   * @param data bound input with exactly this index's indicators, in index order
   * @param rules selection size, minimum population and named exceptions
   * @return the selection, with an explanation for every area
   * @throws IllegalArgumentException when the indicators differ from the index's, a value is missing under
   *     {@link MissingPolicy#FAIL}, a named area is not in the data (or a named inclusion lacks a value), or
   *     an indicator has fewer than 2 values or does not vary
   */
  public Selection select(AreaIndicators data, SelectionRules rules) {
    check(data, rules);
    int n = data.size();
    double[][] std = SelectionKernel.standardise(names(), data.valuesView(), standardisation);
    double[] w = weights();
    double[] score = SelectionKernel.scores(std, w, n);
    SelectionKernel kernel = new SelectionKernel(data.areas(), rules);
    byte[] status = kernel.status(score, data.populationView(), rules.minimumPopulation());
    int[] rank = new int[n];
    int[] eligibleRank = new int[n];
    boolean[] selected = new boolean[n];
    int[] competing = kernel.select(score, status, rank, eligibleRank, selected);
    return Selection.build(this, rules, data, std, score, status, rank, eligibleRank, selected, competing, kernel.slots);
  }

  /** Validates the data against the index and rules (indicator count, missing values, named areas). */
  void check(AreaIndicators data, SelectionRules rules) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(rules, "rules");
    if (!data.indicators().equals(names())) {
      throw new IllegalArgumentException("data has indicators " + data.indicators() + " but the index needs " + names());
    }
    double[][] v = data.valuesView();
    double[] pop = data.populationView();
    List<String> ids = data.areas();
    if (missing == MissingPolicy.FAIL) {
      for (int i = 0; i < ids.size(); i++) {
        for (int k = 0; k < v.length; k++) {
          if (Double.isNaN(v[k][i])) {
            throw Checks.badCell(names().get(k), i + 1, "area '" + ids.get(i)
                + "': must not be missing (missing-value policy fail)", null);
          }
        }
        if (rules.minimumPopulation() > 0 && Double.isNaN(pop[i])) {
          throw Checks.badCell(data.populationColumn(), i + 1, "area '" + ids.get(i)
              + "': must not be missing when the rules set a minimum population", null);
        }
      }
    }
    for (String a : rules.inclusions().keySet()) {
      int i = ids.indexOf(a);
      if (i < 0) {
        throw Checks.badArgument("named inclusion", "must be one of the " + ids.size() + " areas", a);
      }
      for (int k = 0; k < v.length; k++) {
        if (Double.isNaN(v[k][i])) {
          throw Checks.badArgument("named inclusion '" + a + "'", "needs a value for indicator '" + names().get(k)
              + "' (row " + (i + 1) + ")", null);
        }
      }
    }
    for (String a : rules.exclusions().keySet()) {
      if (!ids.contains(a)) {
        throw Checks.badArgument("named exclusion", "must be one of the " + ids.size() + " areas", a);
      }
    }
  }

  /**
   * Seeded Monte Carlo rank uncertainty (see {@link RankUncertainty}).
   *
   * @param data bound input with exactly this index's indicators; indicators with standard errors are redrawn
   * @param rules selection size, minimum population and named exceptions
   * @param replicates number of replicates {@code R >= 10}
   * @param seed random seed (same seed, same result)
   * @return selection probability and 95% rank interval of every scored area, in observed rank order
   * @throws IllegalArgumentException when {@code replicates < 10} or the data do not fit the index and rules
   */
  public RankUncertainty rankUncertainty(AreaIndicators data, SelectionRules rules, int replicates, long seed) {
    return RankUncertainty.compute(this, data, rules, replicates, seed);
  }

  /**
   * Weight sensitivity: each weight moved by ±{@code change} (e.g. 0.10), see {@link WeightSensitivity}.
   *
   * @param data bound input with exactly this index's indicators
   * @param rules selection size, minimum population and named exceptions
   * @param change relative change of a weight, strictly between 0 and 1
   * @return the observed selection and, per indicator and direction, the areas that enter and leave
   * @throws IllegalArgumentException when {@code change} is out of range or the data do not fit the index
   *     and rules
   */
  public WeightSensitivity weightSensitivity(AreaIndicators data, SelectionRules rules, double change) {
    return WeightSensitivity.compute(this, data, rules, change);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("CompositeIndex[");
    for (int k = 0; k < indicators.size(); k++) {
      sb.append(k > 0 ? " + " : "").append(indicators.get(k).weight()).append("·").append(indicators.get(k).column());
    }
    return sb.append(", ").append(standardisation.code()).append(", missing ").append(missing.code()).append(']')
        .toString();
  }
}
