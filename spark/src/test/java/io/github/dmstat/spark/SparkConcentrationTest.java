package io.github.dmstat.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.concentration.AreaCounts;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Counts and populations per area on Spark equal those counted row by row on one machine. */
class SparkConcentrationTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.session("dmstat-concentration-test");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** 400,000 persons in about 2,000 buurten (skewed: low codes are larger), ~3% with an incident, more in 40 buurten. */
  private static Dataset<Row> persons(int partitions) {
    Column id = col("id");
    Column bu = pmod(pmod(hash(id, lit(1)), lit(2000)), pmod(hash(id, lit(2)), lit(2000)).plus(1));
    Column hot = bu.lt(40);
    return spark.range(0, 400_000, 1, partitions).select(concat(lit("BU0"), lpad(bu.cast("string"), 5, "0")).alias("buurt"),
        when(pmod(hash(id, lit(3)), lit(100)).lt(when(hot, lit(15)).otherwise(lit(3))), lit(1)).otherwise(lit(0))
            .alias("incident"));
  }

  @Test
  void personsAndEventsGiveTheCountsOfOneMachine() {
    Dataset<Row> p = persons(7).cache();
    // one machine: every row counted in a sorted map
    TreeMap<String, long[]> expected = new TreeMap<>();
    Iterator<Row> it = p.toLocalIterator();
    while (it.hasNext()) {
      Row r = it.next();
      long[] c = expected.computeIfAbsent(r.getString(0), x -> new long[2]);
      c[0] += r.getInt(1);
      c[1]++;
    }
    List<String> areas = new ArrayList<>(expected.keySet());
    long[] events = expected.values().stream().mapToLong(c -> c[0]).toArray();
    double[] population = expected.values().stream().mapToDouble(c -> c[1]).toArray();

    AreaCounts fromPersons = SparkConcentration.fromPersons(p.repartition(5), "buurt", "incident");
    assertEquals(areas, fromPersons.areas());
    assertArrayEquals(events, fromPersons.events());
    assertArrayEquals(population, fromPersons.population());
    assertTrue(fromPersons.size() > 1500, "areas: " + fromPersons.size());

    // the same from one row per incident and a table of areas with their population
    Dataset<Row> incidents = p.filter(col("incident").equalTo(1)).select("buurt");
    Dataset<Row> table = p.groupBy("buurt").agg(count(lit(1)).alias("inhabitants"));
    AreaCounts fromEvents = SparkConcentration.fromEvents(incidents, "buurt", table, "buurt", "inhabitants");
    assertEquals(areas, fromEvents.areas());
    assertArrayEquals(events, fromEvents.events());
    assertArrayEquals(population, fromEvents.population());
    p.unpersist();
  }

  @Test
  void unknownAreasAndBadEventsAreErrors() {
    Dataset<Row> p = persons(3);
    Dataset<Row> table = p.groupBy("buurt").agg(count(lit(1)).alias("inhabitants")).filter(col("buurt").notEqual("BU000003"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SparkConcentration.fromEvents(p.select("buurt"), "buurt", table, "buurt", "inhabitants"));
    assertTrue(e.getMessage().contains("1 area code of the events not in the areas: BU000003"), e.getMessage());
    Dataset<Row> two = p.withColumn("incident", when(col("buurt").equalTo("BU000007"), lit(2)).otherwise(col("incident")));
    e = assertThrows(IllegalArgumentException.class, () -> SparkConcentration.fromPersons(two, "buurt", "incident"));
    assertTrue(e.getMessage().contains("column 'incident': '2.0' is not 0 or 1 (a row of area 'BU000007')"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SparkConcentration.fromPersons(p, "wijk", "incident"));
    assertTrue(e.getMessage().startsWith("no area column 'wijk'"), e.getMessage());
  }
}
