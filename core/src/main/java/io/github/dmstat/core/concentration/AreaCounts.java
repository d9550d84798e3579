package io.github.dmstat.core.concentration;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.Columns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Event counts and populations per area, bound and validated once.
 *
 * <p>Rules (each violation is an {@link IllegalArgumentException} naming the column, the 1-based
 * row, the area and the value): area ids are non-blank and unique; event counts are whole numbers
 * {@code >= 0}; populations are whole numbers {@code >= 0}; an area with population 0 must have 0
 * events. A missing id, count or population is handled by the {@link MissingPolicy}: with
 * {@link MissingPolicy#EXCLUDE_AREA} the area is left out and counted in
 * {@link #excludedCount()} with its reason, with {@link MissingPolicy#FAIL} it is an error.
 *
 * <p>Instances are immutable; the accessors return copies. Areas keep their input order.
 *
 * <pre>{@code
 * AreaCounts c = AreaCounts.from(table, "buurt", "incidents", "inhabitants", MissingPolicy.EXCLUDE_AREA);
 * }</pre>
 */
public final class AreaCounts {
  private final List<String> areas;
  private final long[] events;
  private final double[] population;
  private final long totalEvents;
  private final double totalPopulation;
  private final Map<String, Long> excludedReasons;
  private final List<String> excludedAreas;

  private AreaCounts(List<String> areas, long[] events, double[] population, Map<String, Long> excludedReasons,
      List<String> excludedAreas) {
    this.areas = List.copyOf(areas);
    this.events = events;
    this.population = population;
    long e = 0;
    double p = 0;
    for (int i = 0; i < events.length; i++) {
      e += events[i];
      p += population[i];
    }
    this.totalEvents = e;
    this.totalPopulation = p;
    this.excludedReasons = Collections.unmodifiableMap(new LinkedHashMap<>(excludedReasons));
    this.excludedAreas = List.copyOf(excludedAreas);
  }

  /**
   * Binds complete arrays (no missing values): {@code events[i]} and {@code population[i]} belong to
   * {@code areas.get(i)}. The arrays are copied.
   *
   * @param areas area ids, non-blank and unique
   * @param events event counts ({@code >= 0})
   * @param population inhabitants (whole numbers {@code >= 0}; {@code > 0} where there are events)
   * @return the bound counts, in input order
   * @throws IllegalArgumentException when a value is missing or breaks a rule, or the lengths differ
   */
  public static AreaCounts of(List<String> areas, long[] events, double[] population) {
    Objects.requireNonNull(events, "events");
    double[] e = new double[events.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = events[i];
    }
    return of(areas, e, population, MissingPolicy.FAIL);
  }

  /**
   * Binds arrays where {@code NaN} (or a {@code null}/blank area id) marks a missing value, handled
   * by {@code missing}. Fractional or negative counts are errors naming the area and the value.
   *
   * @param areas area ids (a {@code null} or blank id is missing); surrounding blanks are stripped
   * @param events event counts, whole numbers {@code >= 0} ({@code NaN}: missing)
   * @param population inhabitants, whole numbers {@code >= 0} ({@code NaN}: missing)
   * @param missing what to do with an area with a missing value
   * @return the bound counts, in input order, without the excluded areas
   * @throws IllegalArgumentException when a value breaks a rule, a value is missing under
   *     {@link MissingPolicy#FAIL}, or the lengths differ
   */
  public static AreaCounts of(List<String> areas, double[] events, double[] population, MissingPolicy missing) {
    Objects.requireNonNull(areas, "areas");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(population, "population");
    Objects.requireNonNull(missing, "missing");
    if (events.length != areas.size() || population.length != areas.size()) {
      throw new IllegalArgumentException("areas has " + areas.size() + " entries but events has " + events.length
          + " and population " + population.length);
    }
    Binder b = new Binder("area", "events", "population", missing, areas.size());
    for (int i = 0; i < areas.size(); i++) {
      String id = areas.get(i);
      b.add(i, id == null ? "" : id.strip(), events[i], Double.toString(events[i]), population[i],
          Double.toString(population[i]));
    }
    return b.build();
  }

  /**
   * Binds three columns of a table (text or numeric columns; the table is not modified).
   *
   * @param table the data, one row per area
   * @param areaColumn area ids (e.g. CBS codes {@code BU03630000})
   * @param eventColumn event counts (whole numbers {@code >= 0})
   * @param populationColumn inhabitants ({@code >= 0})
   * @param missing what to do with a row where any of the three cells is empty
   * @return the bound counts, in row order, without the excluded rows
   * @throws IllegalArgumentException when a column does not exist, a cell is not a number or breaks a rule,
   *     or a cell is missing under {@link MissingPolicy#FAIL}
   */
  public static AreaCounts from(Table table, String areaColumn, String eventColumn, String populationColumn,
      MissingPolicy missing) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(missing, "missing");
    Column<?> a = Columns.column(table, areaColumn);
    Column<?> e = Columns.column(table, eventColumn);
    Column<?> p = Columns.column(table, populationColumn);
    Binder b = new Binder(areaColumn, eventColumn, populationColumn, missing, table.rowCount());
    for (int i = 0; i < table.rowCount(); i++) {
      String id = Columns.isMissing(a, i) ? "" : Columns.text(a, i);
      double ev = Columns.isMissing(e, i) ? Double.NaN : number(e, i, id);
      double po = Columns.isMissing(p, i) ? Double.NaN : number(p, i, id);
      b.add(i, id, ev, Columns.text(e, i), po, Columns.text(p, i));
    }
    return b.build();
  }

  private static double number(Column<?> col, int row, String id) {
    try {
      return Columns.number(col, row);
    } catch (IllegalArgumentException ex) {
      throw Checks.badCell(col.name(), row + 1, area(id) + "must be a number", Columns.text(col, row));
    }
  }

  private static String area(String id) {
    return id.isEmpty() ? "" : "area '" + id + "': ";
  }

  /** Collects validated rows. */
  private static final class Binder {
    private final String areaCol;
    private final String eventCol;
    private final String popCol;
    private final MissingPolicy missing;
    private final List<String> ids = new ArrayList<>();
    private final long[] ev;
    private final double[] po;
    private final Map<String, Integer> firstRow = new HashMap<>();
    private final Map<String, Long> reasons = new LinkedHashMap<>();
    private final List<String> excluded = new ArrayList<>();

    Binder(String areaCol, String eventCol, String popCol, MissingPolicy missing, int capacity) {
      this.areaCol = areaCol;
      this.eventCol = eventCol;
      this.popCol = popCol;
      this.missing = missing;
      this.ev = new long[capacity];
      this.po = new double[capacity];
    }

    void add(int i, String id, double events, String eventText, double pop, String popText) {
      int row = i + 1;
      String why = null;
      if (id.isEmpty()) {
        why = "area id ('" + areaCol + "') missing";
      } else if (Double.isNaN(events)) {
        why = "events ('" + eventCol + "') missing";
      } else if (Double.isNaN(pop)) {
        why = "population ('" + popCol + "') missing";
      }
      if (why != null) {
        if (missing == MissingPolicy.FAIL) {
          String col = id.isEmpty() ? areaCol : Double.isNaN(events) ? eventCol : popCol;
          throw Checks.badCell(col, row, area(id) + "must not be missing (missing-value policy fail)", null);
        }
        reasons.merge(why, 1L, Long::sum);
        if (!id.isEmpty()) {
          excluded.add(id);
        }
        return;
      }
      Integer first = firstRow.putIfAbsent(id, row);
      if (first != null) {
        throw Checks.badCell(areaCol, row, "area ids must be unique; area '" + id + "' is also in row " + first, id);
      }
      if (!(events >= 0) || Double.isInfinite(events) || events != Math.rint(events) || events > 9.0e15) {
        throw Checks.badCell(eventCol, row, area(id) + Checks.HEAD_COUNT, clean(eventText, events));
      }
      if (!(pop >= 0) || Double.isInfinite(pop) || pop != Math.rint(pop)) {
        throw Checks.badCell(popCol, row, area(id) + Checks.HEAD_COUNT, clean(popText, pop));
      }
      if (pop == 0 && events > 0) {
        throw Checks.badCell(popCol, row, area(id) + "population 0 with " + (long) events
            + " events; population must be > 0 where there are events", clean(popText, pop));
      }
      int k = ids.size();
      ids.add(id);
      ev[k] = (long) events;
      po[k] = pop;
    }

    private static Object clean(String text, double v) {
      return text == null || text.isEmpty() ? (Object) v : text;
    }

    AreaCounts build() {
      int n = ids.size();
      return new AreaCounts(ids, Arrays.copyOf(ev, n), Arrays.copyOf(po, n), reasons, excluded);
    }
  }

  /**
   * Area ids, in input order (excluded areas left out).
   *
   * @return the ids (unmodifiable)
   */
  public List<String> areas() {
    return areas;
  }

  /**
   * Number of areas bound.
   *
   * @return the number of areas, excluded areas not counted
   */
  public int size() {
    return areas.size();
  }

  /**
   * Event counts, aligned with {@link #areas()} (a copy).
   *
   * @return one count per area
   */
  public long[] events() {
    return events.clone();
  }

  /**
   * Populations (inhabitants), aligned with {@link #areas()} (a copy).
   *
   * @return one population per area
   */
  public double[] population() {
    return population.clone();
  }

  /**
   * Sum of the event counts {@code E}.
   *
   * @return total events of the bound areas
   */
  public long totalEvents() {
    return totalEvents;
  }

  /**
   * Sum of the populations {@code P}.
   *
   * @return total inhabitants of the bound areas
   */
  public double totalPopulation() {
    return totalPopulation;
  }

  /**
   * Number of input rows left out by the missing-value policy.
   *
   * @return rows left out (0 under {@link MissingPolicy#FAIL})
   */
  public long excludedCount() {
    long s = 0;
    for (long v : excludedReasons.values()) {
      s += v;
    }
    return s;
  }

  /**
   * Reason → number of rows left out.
   *
   * @return unmodifiable map in order of first occurrence, e.g. {@code "events ('incidents') missing" → 2}
   */
  public Map<String, Long> excludedReasons() {
    return excludedReasons;
  }

  /**
   * Ids of excluded rows that had an id (a row without id has none to list).
   *
   * @return the ids, in input order (unmodifiable)
   */
  public List<String> excludedAreas() {
    return excludedAreas;
  }

  long[] eventsView() {
    return events;
  }

  double[] populationView() {
    return population;
  }

  /** Throws when the total event count is 0 (shares are undefined), naming the measure. */
  void requireEvents(String measure) {
    if (areas.isEmpty()) {
      throw new IllegalArgumentException(measure + " needs at least one area but there were none"
          + (excludedCount() > 0 ? " (" + excludedCount() + " excluded: " + excludedReasons + ")" : ""));
    }
    if (totalEvents == 0) {
      throw new IllegalArgumentException(measure + " is undefined: total events must be > 0 but was 0 (over "
          + areas.size() + " areas)");
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "AreaCounts[%d areas, %d events, population %.0f%s]", areas.size(),
        totalEvents, totalPopulation, excludedCount() > 0 ? ", excluded " + excludedCount() + " " + excludedReasons : "");
  }
}
