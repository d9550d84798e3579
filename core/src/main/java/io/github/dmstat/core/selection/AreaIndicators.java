package io.github.dmstat.core.selection;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.Columns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Bound input of a selection: area ids, populations and, per indicator of a
 * {@link CompositeIndex}, the value and (optionally) its standard error, as primitive arrays.
 *
 * <p>Area ids must be present and unique; values and populations must be finite numbers (a
 * population {@code >= 0}, a standard error {@code >= 0}); an empty cell is missing ({@code NaN})
 * and is handled later by the index's {@link io.github.dmstat.core.concentration.MissingPolicy}.
 * A standard error may be missing only where the value is missing. Errors name column, 1-based
 * row, area and value. The table is not modified.
 */
public final class AreaIndicators {
  private final List<String> areas;
  private final double[] population;
  private final List<String> indicators;
  private final double[][] values;
  private final double[][] se;
  private final String populationName;

  private AreaIndicators(List<String> areas, double[] population, String populationName, List<String> indicators,
      double[][] values, double[][] se) {
    this.areas = List.copyOf(areas);
    this.populationName = populationName;
    this.population = population;
    this.indicators = List.copyOf(indicators);
    this.values = values;
    this.se = se;
  }

  /**
   * Reads the columns the index needs.
   *
   * @param table one row per area
   * @param areaColumn area ids (e.g. {@code GM0363})
   * @param populationColumn inhabitants, or {@code null} when the rules use no minimum population
   * @param index the indicators (and standard-error columns) to read
   * @return the bound input, one area per row, in row order
   * @throws IllegalArgumentException when a column does not exist or a cell breaks a rule
   */
  public static AreaIndicators from(Table table, String areaColumn, String populationColumn, CompositeIndex index) {
    Objects.requireNonNull(table, "table");
    Column<?> a = Columns.column(table, areaColumn);
    int n = table.rowCount();
    List<String> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(Columns.isMissing(a, i) ? "" : Columns.text(a, i));
    }
    double[] pop = new double[n];
    java.util.Arrays.fill(pop, Double.NaN);
    if (populationColumn != null) {
      pop = read(table, populationColumn, ids);
    }
    List<WeightedIndicator> ind = index.indicators();
    double[][] v = new double[ind.size()][];
    double[][] s = new double[ind.size()][];
    for (int k = 0; k < ind.size(); k++) {
      v[k] = read(table, ind.get(k).column(), ids);
      Optional<String> sc = ind.get(k).seColumn();
      s[k] = sc.isPresent() ? read(table, sc.get(), ids) : null;
    }
    return build(areaColumn, populationColumn == null ? "population" : populationColumn, ids, pop,
        ind.stream().map(WeightedIndicator::column).toList(), v, s,
        ind.stream().map(w -> w.seColumn().orElse("")).toList());
  }

  private static double[] read(Table table, String name, List<String> ids) {
    Column<?> c = Columns.column(table, name);
    double[] out = new double[table.rowCount()];
    for (int i = 0; i < out.length; i++) {
      try {
        out[i] = Columns.number(c, i);
      } catch (IllegalArgumentException e) {
        throw Checks.badCell(name, i + 1, area(ids.get(i)) + "must be a number", Columns.text(c, i));
      }
    }
    return out;
  }

  /**
   * Binds arrays without standard errors: {@code values[k][i]} is indicator {@code k} (in the
   * index's order) of area {@code i}; {@code NaN} is missing. Arrays are copied.
   *
   * @param areas area ids, present and unique (surrounding blanks are stripped)
   * @param population inhabitants per area (whole numbers {@code >= 0}, {@code NaN} missing: such an
   *     area cannot pass a minimum population)
   * @param indicators indicator names, in the index's order
   * @param values one array per indicator, one value per area
   * @return the bound input, in input order
   * @throws IllegalArgumentException when an array has the wrong length or a value breaks a rule
   */
  public static AreaIndicators of(List<String> areas, double[] population, List<String> indicators, double[][] values) {
    return of(areas, population, indicators, values, new double[0][]);
  }

  /**
   * Binds arrays with standard errors (for rank uncertainty): as
   * {@link #of(List, double[], List, double[][])}, and {@code se[k]} the standard errors of
   * indicator {@code k}. {@code se} may be shorter than {@code values} and hold {@code null} rows:
   * those indicators have none. Arrays are copied.
   *
   * @param areas area ids, present and unique (surrounding blanks are stripped)
   * @param population inhabitants per area (whole numbers {@code >= 0}, {@code NaN} missing)
   * @param indicators indicator names, in the index's order
   * @param values one array per indicator, one value per area
   * @param se standard errors per indicator ({@code >= 0}); a missing or {@code null} row means none
   * @return the bound input, in input order
   * @throws IllegalArgumentException when an array has the wrong length or a value breaks a rule
   */
  public static AreaIndicators of(List<String> areas, double[] population, List<String> indicators, double[][] values,
      double[][] se) {
    Objects.requireNonNull(areas, "areas");
    Objects.requireNonNull(population, "population (NaN for a missing one)");
    Objects.requireNonNull(indicators, "indicators");
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(se, "se (the overload without standard errors for none)");
    int n = areas.size();
    requireLength("population", population, n);
    double[] pop = population.clone();
    if (values.length != indicators.size()) {
      throw new IllegalArgumentException(indicators.size() + " indicators " + indicators + " but " + values.length
          + " value arrays");
    }
    double[][] v = new double[values.length][];
    double[][] s = new double[values.length][];
    List<String> seNames = new ArrayList<>();
    for (int k = 0; k < values.length; k++) {
      requireLength(indicators.get(k), values[k], n);
      v[k] = values[k].clone();
      if (k < se.length && se[k] != null) {
        requireLength(indicators.get(k) + " standard error", se[k], n);
        s[k] = se[k].clone();
      }
      seNames.add(indicators.get(k) + " standard error");
    }
    List<String> ids = new ArrayList<>(n);
    for (String id : areas) {
      ids.add(id == null ? "" : id.strip());
    }
    return build("area", "population", ids, pop, indicators, v, s, seNames);
  }

  private static void requireLength(String what, double[] a, int n) {
    if (a == null || a.length != n) {
      throw new IllegalArgumentException(what + " must have " + n + " values (one per area) but had "
          + (a == null ? "none" : a.length));
    }
  }

  private static AreaIndicators build(String areaColumn, String popColumn, List<String> ids, double[] pop,
      List<String> names, double[][] v, double[][] s, List<String> seNames) {
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      if (id.isEmpty()) {
        throw Checks.badCell(areaColumn, i + 1, "area id must not be missing", null);
      }
      Integer prev = first.putIfAbsent(id, i + 1);
      if (prev != null) {
        throw Checks.badCell(areaColumn, i + 1, "area ids must be unique; area '" + id + "' is also in row " + prev, id);
      }
      if (!Double.isNaN(pop[i]) && (!(pop[i] >= 0) || Double.isInfinite(pop[i]) || pop[i] != Math.rint(pop[i]))) {
        throw Checks.badCell(popColumn, i + 1, area(id) + Checks.HEAD_COUNT, pop[i]);
      }
      for (int k = 0; k < v.length; k++) {
        if (Double.isInfinite(v[k][i])) {
          throw Checks.badCell(names.get(k), i + 1, area(id) + "must be finite", v[k][i]);
        }
        if (s[k] != null) {
          double e = s[k][i];
          if (Double.isNaN(e) && !Double.isNaN(v[k][i])) {
            throw Checks.badCell(seNames.get(k), i + 1, area(id) + "standard error must be present where '"
                + names.get(k) + "' has a value", null);
          }
          if (!Double.isNaN(e) && (!(e >= 0) || Double.isInfinite(e))) {
            throw Checks.badCell(seNames.get(k), i + 1, area(id) + "standard error must be finite and >= 0", e);
          }
        }
      }
    }
    return new AreaIndicators(ids, pop, popColumn, names, v, s);
  }

  /**
   * The population column's name (as messages name it), {@code population} for arrays.
   *
   * @return the column name; {@code population} also when no population column was given
   */
  public String populationColumn() {
    return populationName;
  }

  private static String area(String id) {
    return id.isEmpty() ? "" : "area '" + id + "': ";
  }

  /**
   * Area ids in input order.
   *
   * @return the ids (unmodifiable)
   */
  public List<String> areas() {
    return areas;
  }

  /**
   * Number of areas.
   *
   * @return the number of areas (rows)
   */
  public int size() {
    return areas.size();
  }

  /**
   * Indicator names, in index order.
   *
   * @return the names (value column names when read from a table; unmodifiable)
   */
  public List<String> indicators() {
    return indicators;
  }

  /**
   * Populations (copy; {@code NaN} = missing or not given).
   *
   * @return one population per area, aligned with {@link #areas()}
   */
  public double[] population() {
    return population.clone();
  }

  /**
   * Values of indicator {@code k} (copy; {@code NaN} = missing).
   *
   * @param k indicator index, 0-based in index order
   * @return one value per area, aligned with {@link #areas()}
   */
  public double[] values(int k) {
    return values[k].clone();
  }

  /**
   * Whether indicator {@code k} has standard errors.
   *
   * @param k indicator index, 0-based in index order
   * @return {@code true} when standard errors were given for it
   */
  public boolean hasSe(int k) {
    return se[k] != null;
  }

  double[] populationView() {
    return population;
  }

  double[][] valuesView() {
    return values;
  }

  double[][] seView() {
    return se;
  }

  @Override
  public String toString() {
    return "AreaIndicators[" + areas.size() + " areas, indicators " + indicators + "]";
  }
}
