package io.github.dmstat.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.calibration.Calibration;
import io.github.dmstat.core.calibration.Margins;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.core.survey.LonelyPsu;
import io.github.dmstat.core.survey.PrevalenceEstimate;
import io.github.dmstat.core.survey.PrevalenceEstimator;
import io.github.dmstat.core.survey.PrevalenceTable;
import io.github.dmstat.core.survey.PrevalenceValue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The Spark estimator gives the single-JVM estimator's table (to 1e-12 relative) on generated
 * surveys with domains, missing outcomes and grouping values, strata, nested PSU labels and a
 * lonely PSU, whatever the partitioning and the order of the rows.
 */
class SparkPrevalenceTest {
  private static SparkSession spark;
  private static final PrevalenceEstimator EST = PrevalenceEstimator.withDefaults().with(ReliabilityRule.NONE);

  @BeforeAll
  static void start() {
    spark = LocalSpark.builder("dmstat-spark-test").config("spark.sql.shuffle.partitions", "4").getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /**
   * {@code n} rows from hashes of the row number (the same rows for any partitioning): weights in
   * [0.5, 3), 50 strata {@code s00..s49} of 20 PSUs {@code p00..p19} (labels reused in every
   * stratum: nested) and a stratum {@code s50} of one PSU; {@code used} 1 for ~12%, empty for ~1%;
   * 40 groups, empty for ~0.4%; 3 regions; fpc 40 PSUs per stratum.
   */
  static Dataset<Row> survey(SparkSession s, long n, int partitions) {
    Column id = col("id");
    Column lonely = pmod(hash(id, lit(2)), lit(1000)).equalTo(0);
    return s.range(0, n, 1, partitions).select(
        lit(0.5).plus(pmod(hash(id, lit(1)), lit(100_000)).divide(40_000.0)).alias("weight"),
        when(lonely, lit("s50")).otherwise(concat(lit("s"), lpad(pmod(hash(id, lit(3)), lit(50)).cast("string"), 2, "0")))
            .alias("stratum"),
        when(lonely, lit("p00")).otherwise(concat(lit("p"), lpad(pmod(hash(id, lit(4)), lit(20)).cast("string"), 2, "0")))
            .alias("psu"),
        when(pmod(hash(id, lit(5)), lit(100)).lt(1), lit(null).cast(DataTypes.IntegerType))
            .when(pmod(hash(id, lit(6)), lit(100)).lt(12), lit(1)).otherwise(lit(0)).alias("used"),
        when(pmod(hash(id, lit(7)), lit(250)).equalTo(0), lit(null).cast(DataTypes.StringType))
            .otherwise(concat(lit("g"), lpad(pmod(hash(id, lit(8)), lit(40)).cast("string"), 2, "0"))).alias("group"),
        concat(lit("r"), pmod(hash(id, lit(9)), lit(3)).cast("string")).alias("region"),
        lit(40.0).alias("fpc"));
  }

  /** The same rows as a Tablesaw table, for the single-JVM estimator. */
  static Table table(Dataset<Row> d) {
    List<Double> w = new ArrayList<>();
    List<String> s = new ArrayList<>();
    List<String> p = new ArrayList<>();
    List<String> g = new ArrayList<>();
    List<String> r = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
    Iterator<Row> it = d.toLocalIterator();
    while (it.hasNext()) {
      Row row = it.next();
      w.add(row.getDouble(0));
      s.add(row.getString(1));
      p.add(row.getString(2));
      y.add(row.isNullAt(3) ? null : row.getInt(3));
      g.add(row.isNullAt(4) ? "" : row.getString(4));
      r.add(row.getString(5));
    }
    IntColumn used = IntColumn.create("used", y.size());
    for (int i = 0; i < y.size(); i++) {
      if (y.get(i) == null) {
        used.setMissing(i);
      } else {
        used.set(i, y.get(i));
      }
    }
    double[] fpc = new double[w.size()];
    java.util.Arrays.fill(fpc, 40.0);
    return Table.create("survey", DoubleColumn.create("weight", w.stream().mapToDouble(Double::doubleValue).toArray()),
        StringColumn.create("stratum", s), StringColumn.create("psu", p), used, StringColumn.create("group", g),
        StringColumn.create("region", r), DoubleColumn.create("fpc", fpc));
  }

  /** Equal tables: the same domains, counts, df and status, values to 1e-12 relative. */
  static void assertSame(PrevalenceTable expected, PrevalenceTable actual) {
    assertEquals(expected.design(), actual.design());
    assertEquals(expected.estimates().size(), actual.estimates().size());
    for (int k = 0; k < expected.estimates().size(); k++) {
      PrevalenceEstimate x = expected.estimates().get(k);
      PrevalenceEstimate a = actual.estimates().get(k);
      assertEquals(x.group(), a.group());
      assertEquals(x.n(), a.n(), x.group().toString());
      assertEquals(x.degreesOfFreedom(), a.degreesOfFreedom(), x.group().toString());
      assertEquals(x.reliability(), a.reliability(), x.group().toString());
      close(x.weightSum(), a.weightSum(), x + " weight sum");
      assertEquals(x.value().isPresent(), a.value().isPresent());
      if (x.value().isPresent()) {
        PrevalenceValue vx = x.value().get();
        PrevalenceValue va = a.value().get();
        close(vx.prevalence(), va.prevalence(), x.group() + " p");
        close(vx.se(), va.se(), x.group() + " se");
        close(vx.ciLower(), va.ciLower(), x.group() + " lower");
        close(vx.ciUpper(), va.ciUpper(), x.group() + " upper");
        assertEquals(vx.designEffect().isPresent(), va.designEffect().isPresent());
        if (vx.designEffect().isPresent()) {
          close(vx.designEffect().getAsDouble(), va.designEffect().getAsDouble(), x.group() + " deff");
        }
      }
    }
  }

  private static void close(double e, double a, String what) {
    assertEquals(e, a, 1e-12 * Math.max(Math.abs(e), 1e-300), what);
  }

  @Test
  void millionRowsInAnyPartitioningAndOrderGiveTheSingleJvmTable() {
    Dataset<Row> d = survey(spark, 1_000_000, 4).cache();
    DesignSpec spec = DesignSpec.weights("weight").withStrata("stratum").withPsu("psu").withLonelyPsu(LonelyPsu.ADJUST);
    PrevalenceTable expected = EST.estimate(table(d), spec, "used", List.of("group"));
    assertEquals(40, expected.estimates().size());
    assertEquals(1_000_000, expected.design().rows());
    assertEquals(1001, expected.design().psus());
    assertTrue(expected.design().excluded() > 10_000, "missing outcomes and groups are excluded");
    SparkPrevalence sp = SparkPrevalence.of(EST);
    assertSame(expected, sp.estimate(d, spec, "used", "group"));
    assertSame(expected, sp.estimate(d.repartition(1), spec, "used", "group"));
    assertSame(expected, sp.estimate(d.repartition(7), spec, "used", "group"));
    assertSame(expected, sp.withTreeDepth(3).estimate(d.repartition(16), spec, "used", "group"));
    // another row order: shuffled by a seeded random key, then cut into 5 partitions
    assertSame(expected, sp.estimate(d.orderBy(rand(42)).repartition(5), spec, "used", "group"));
    d.unpersist();
  }

  @Test
  void twoGroupingColumnsWithFpcAndTheLonelyPsuRemoved() {
    Dataset<Row> d = survey(spark, 200_000, 3).cache();
    DesignSpec spec = DesignSpec.weights("weight").withStrata("stratum").withPsu("psu").withFpc("fpc")
        .withLonelyPsu(LonelyPsu.REMOVE);
    PrevalenceEstimator est = PrevalenceEstimator.withDefaults();
    PrevalenceTable expected = est.estimate(table(d), spec, "used", List.of("group", "region"));
    assertEquals(120, expected.estimates().size());
    assertSame(expected, SparkPrevalence.of(est).estimate(d.repartition(6), spec, "used", "group", "region"));
    // partitions by group value: one holds only rows without a group, and some are empty
    assertSame(expected, SparkPrevalence.of(est).estimate(d.repartitionByRange(60, col("group")), spec, "used", "group",
        "region"));
    d.unpersist();
  }

  @Test
  void elementSamplingAndWeightsOnly() {
    Dataset<Row> d = survey(spark, 100_000, 3).cache();
    Table t = table(d);
    DesignSpec strata = DesignSpec.weights("weight").withStrata("stratum").withLonelyPsu(LonelyPsu.ADJUST);
    assertSame(EST.estimate(t, strata, "used", List.of("region")), SparkPrevalence.of(EST).estimate(d, strata, "used", "region"));
    DesignSpec weights = DesignSpec.weights("weight");
    assertSame(EST.estimate(t, weights, "used", List.of()), SparkPrevalence.of(EST).estimate(d.repartition(2), weights, "used"));
    d.unpersist();
  }

  @Test
  void badRowsAreErrorsThatNameTheColumnAndValue() {
    Dataset<Row> d = survey(spark, 5_000, 2);
    DesignSpec spec = DesignSpec.weights("weight").withStrata("stratum").withPsu("psu").withLonelyPsu(LonelyPsu.ADJUST);
    SparkPrevalence sp = SparkPrevalence.withDefaults();
    Dataset<Row> negative = d.withColumn("weight", when(col("psu").equalTo("p03"), lit(-2.0)).otherwise(col("weight")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sp.estimate(negative, spec, "used", "group"));
    assertTrue(e.getMessage().contains("column 'weight': '-2.0'") && e.getMessage().contains("PSU 'p03'"), e.getMessage());
    Dataset<Row> noStratum = d.withColumn("stratum", when(col("psu").equalTo("p03"), lit(null).cast("string"))
        .otherwise(col("stratum")));
    e = assertThrows(IllegalArgumentException.class, () -> sp.estimate(noStratum, spec, "used", "group"));
    assertTrue(e.getMessage().startsWith("column 'stratum'"), e.getMessage());
    Dataset<Row> two = d.withColumn("used", when(col("psu").equalTo("p03"), lit(2)).otherwise(col("used")));
    e = assertThrows(IllegalArgumentException.class, () -> sp.estimate(two, spec, "used", "group"));
    assertTrue(e.getMessage().contains("column 'used': '2.0' is not 0, 1 or empty"), e.getMessage());
    Dataset<Row> text = d.withColumn("used", col("used").cast("string"));
    e = assertThrows(IllegalArgumentException.class, () -> sp.estimate(text, spec, "used", "group"));
    assertTrue(e.getMessage().contains("is text"), e.getMessage());
    Dataset<Row> varying = d.withColumn("fpc", when(col("psu").equalTo("p03"), lit(50.0)).otherwise(col("fpc")));
    e = assertThrows(IllegalArgumentException.class, () -> sp.estimate(varying, spec.withFpc("fpc"), "used", "group"));
    assertTrue(e.getMessage().contains("must be constant within stratum"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> sp.estimate(d, spec, "used", "nogroup"));
    assertTrue(e.getMessage().contains("no grouping column 'nogroup'"), e.getMessage());
    // the lonely PSU of stratum s50 under the default policy
    e = assertThrows(IllegalArgumentException.class, () -> sp.estimate(survey(spark, 20_000, 2),
        DesignSpec.weights("weight").withStrata("stratum").withPsu("psu"), "used", "group"));
    assertTrue(e.getMessage().contains("stratum 's50'"), e.getMessage());
    Table margins = Table.create("m", StringColumn.create("variable", "region", "region", "region"),
        StringColumn.create("level", "r0", "r1", "r2"), DoubleColumn.create("total", 1.0, 1.0, 1.0));
    DesignSpec calibrated = spec.withCalibration(Calibration.postStratify(Margins.of(margins)));
    assertThrows(UnsupportedOperationException.class, () -> sp.estimate(d, calibrated, "used", "group"));
  }
}
