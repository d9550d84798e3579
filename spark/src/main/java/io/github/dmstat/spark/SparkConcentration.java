package io.github.dmstat.spark;

import io.github.dmstat.core.concentration.AreaConcentration;
import io.github.dmstat.core.concentration.AreaCounts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * The sums behind concentration ({@link AreaConcentration}): event counts and populations per
 * area, from row-level data on Spark. Each partition fills one mergeable partial (a count per
 * area code it meets), the partials are merged by tree aggregation, and the driver binds the
 * result as {@link AreaCounts}, areas sorted by code; no row is collected to the driver. The
 * statistics (rates, Gini, Lorenz curve, top shares, smoothing, spatial tests) then run on one
 * machine, as they need only one number pair per area.
 *
 * <pre>{@code
 * // one row per registered youth: their buurt and whether they had an incident (0/1)
 * AreaCounts c = SparkConcentration.fromPersons(register, "buurt", "incident");
 * AreaConcentration a = AreaConcentration.analyse(c, codes -> Optional.empty(), 1000, ...);
 * }</pre>
 */
public final class SparkConcentration {
  private SparkConcentration() {}

  /**
   * Counts and population per area from one row per person: the population of an area is its
   * rows, its events the rows whose {@code event} is 1 (a 0/1 number or a boolean).
   *
   * @param persons one row per person (or unit)
   * @param area the area code column
   * @param event the 0/1 (or boolean) event column
   * @return events and population per area, areas sorted by code
   * @throws IllegalArgumentException when a column is missing, or a row has no area code or an
   *     event other than 0 or 1 (the message names the column, value and area)
   */
  public static AreaCounts fromPersons(Dataset<Row> persons, String area, String event) {
    Dataset<Row> d = persons.select(column(persons, area, "area").cast(DataTypes.StringType),
        column(persons, event, "event").cast(DataTypes.DoubleType));
    Map<String, long[]> counts = sum(d, area, event);
    List<String> areas = new ArrayList<>(counts.keySet());
    long[] events = new long[areas.size()];
    double[] population = new double[areas.size()];
    for (int i = 0; i < areas.size(); i++) {
      long[] c = counts.get(areas.get(i));
      events[i] = c[0];
      population[i] = c[1];
    }
    return AreaCounts.of(areas, events, population);
  }

  /**
   * Event counts per area from one row per event, with the population of every area from a
   * table of areas (one row per area, collected to the driver: it is small). Areas without
   * events count 0.
   *
   * @param events one row per event
   * @param eventArea the area code column of {@code events}
   * @param areas one row per area
   * @param areaColumn the area code column of {@code areas}
   * @param population the population column of {@code areas} (whole numbers {@code >= 0})
   * @return events and population per area of {@code areas}, sorted by code
   * @throws IllegalArgumentException when a column is missing, an event has no area or an area
   *     that {@code areas} lacks (the message names up to five such codes), an area appears twice
   *     in {@code areas}, or a population is missing or invalid
   */
  public static AreaCounts fromEvents(Dataset<Row> events, String eventArea, Dataset<Row> areas, String areaColumn,
      String population) {
    Dataset<Row> e = events.select(column(events, eventArea, "area").cast(DataTypes.StringType), functions.lit(1.0));
    Map<String, long[]> counts = sum(e, eventArea, null);
    TreeMap<String, Double> pop = new TreeMap<>();
    for (Row r : areas.select(column(areas, areaColumn, "area").cast(DataTypes.StringType),
        column(areas, population, "population").cast(DataTypes.DoubleType)).collectAsList()) {
      String code = r.getString(0);
      if (code == null) {
        throw new IllegalArgumentException("column '" + areaColumn + "' of the areas: an area without a code");
      }
      if (r.isNullAt(1)) {
        throw new IllegalArgumentException("column '" + population + "': area '" + code + "' has no population");
      }
      if (pop.put(code, r.getDouble(1)) != null) {
        throw new IllegalArgumentException("column '" + areaColumn + "': area '" + code + "' appears twice in the areas");
      }
    }
    List<String> unknown = new ArrayList<>();
    for (String code : counts.keySet()) {
      if (!pop.containsKey(code)) {
        unknown.add(code);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("column '" + eventArea + "': " + unknown.size() + " area code"
          + (unknown.size() == 1 ? "" : "s") + " of the events not in the areas: "
          + String.join(", ", unknown.subList(0, Math.min(5, unknown.size()))) + (unknown.size() > 5 ? ", ..." : ""));
    }
    List<String> codes = new ArrayList<>(pop.keySet());
    long[] ev = new long[codes.size()];
    double[] pp = new double[codes.size()];
    for (int i = 0; i < codes.size(); i++) {
      long[] c = counts.get(codes.get(i));
      ev[i] = c == null ? 0 : c[0];
      pp[i] = pop.get(codes.get(i));
    }
    return AreaCounts.of(codes, ev, pp);
  }

  private static org.apache.spark.sql.Column column(Dataset<Row> d, String name, String role) {
    return SparkSupport.column(Arrays.asList(d.columns()), Objects.requireNonNull(name, role), role);
  }


  /** Per area: {events, rows}, merged over the partitions; sorted by code. */
  private static Map<String, long[]> sum(Dataset<Row> d, String area, String event) {
    try {
      HashMap<String, long[]> all = d.javaRDD().mapPartitions(new PartitionCounts(area, event)).treeReduce(new Merge(), 2);
      return new TreeMap<>(all);
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Exception e) {
      throw SparkSupport.unwrap(e);
    }
  }

  /** One partition's counts per area code. */
  static final class PartitionCounts implements FlatMapFunction<Iterator<Row>, HashMap<String, long[]>> {
    private static final long serialVersionUID = 1L;
    private final String area;
    private final String event;

    PartitionCounts(String area, String event) {
      this.area = area;
      this.event = event;
    }

    @Override
    public Iterator<HashMap<String, long[]>> call(Iterator<Row> rows) {
      HashMap<String, long[]> counts = new HashMap<>();
      while (rows.hasNext()) {
        Row r = rows.next();
        String code = r.getString(0);
        if (code == null) {
          throw new IllegalArgumentException("column '" + area + "': a row without an area code");
        }
        long e = 1;
        if (event != null) {
          if (r.isNullAt(1)) {
            throw new IllegalArgumentException("column '" + event + "': a row of area '" + code + "' has no event value");
          }
          double v = r.getDouble(1);
          if (v != 0 && v != 1) {
            throw new IllegalArgumentException("column '" + event + "': '" + v + "' is not 0 or 1 (a row of area '" + code
                + "')");
          }
          e = (long) v;
        }
        long[] c = counts.computeIfAbsent(code, x -> new long[2]);
        c[0] += e;
        c[1]++;
      }
      return Collections.singletonList(counts).iterator();
    }
  }

  /** Adds the right partial into the left one. */
  static final class Merge implements Function2<HashMap<String, long[]>, HashMap<String, long[]>, HashMap<String, long[]>> {
    private static final long serialVersionUID = 1L;

    @Override
    public HashMap<String, long[]> call(HashMap<String, long[]> a, HashMap<String, long[]> b) {
      for (Map.Entry<String, long[]> e : b.entrySet()) {
        long[] c = a.computeIfAbsent(e.getKey(), x -> new long[2]);
        c[0] += e.getValue()[0];
        c[1] += e.getValue()[1];
      }
      return a;
    }
  }
}
