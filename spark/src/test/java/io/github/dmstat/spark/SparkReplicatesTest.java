package io.github.dmstat.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.replicate.ReplicateDesign;
import io.github.dmstat.core.replicate.ReplicateStatistics;
import io.github.dmstat.core.replicate.ReplicateType;
import io.github.dmstat.core.survey.StatisticEstimate;
import io.github.dmstat.core.survey.StatisticTable;
import io.github.dmstat.core.survey.StatisticValue;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** Replicate-weight prevalence on Spark equals the single-JVM replicate estimator to 1e-12. */
class SparkReplicatesTest {
  private static final int REPS = 24;
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.session("dmstat-replicates-test");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** The survey of {@link SparkPrevalenceTest#survey} with bootstrap-like replicate weights: the weight times 0, 1 or 2 per PSU. */
  private static Dataset<Row> survey(long n, int partitions) {
    Dataset<Row> d = SparkPrevalenceTest.survey(spark, n, partitions);
    List<Column> cols = new ArrayList<>();
    for (String c : d.columns()) {
      cols.add(col(c));
    }
    for (int r = 0; r < REPS; r++) {
      cols.add(col("weight").multiply(pmod(hash(col("stratum"), col("psu"), lit(r)), lit(3))).alias("rep" + r));
    }
    return d.select(cols.toArray(Column[]::new));
  }

  private static List<String> reps() {
    List<String> out = new ArrayList<>();
    for (int r = 0; r < REPS; r++) {
      out.add("rep" + r);
    }
    return out;
  }

  @Test
  void bootstrapAndJackknifeFormsGiveTheSingleJvmTable() {
    Dataset<Row> d = survey(300_000, 4).cache();
    Table t = SparkPrevalenceTest.table(d);
    List<Row> repRows = d.select(reps().stream().map(c -> col(c)).toArray(Column[]::new)).collectAsList();
    for (int r = 0; r < REPS; r++) {
      double[] v = new double[repRows.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = repRows.get(i).getDouble(r);
      }
      t.addColumns(DoubleColumn.create("rep" + r, v));
    }
    ReplicateStatistics stats = ReplicateStatistics.withDefaults().with(ReliabilityRule.NONE);
    for (ReplicateType type : List.of(ReplicateType.BOOTSTRAP, ReplicateType.JK1)) {
      for (boolean mse : List.of(false, true)) {
        ReplicateDesign design = ReplicateDesign.supplied(t, "weight", reps(), type, Double.NaN, null, mse);
        StatisticTable expected = stats.prevalence(t, design, "used", List.of("group"));
        SparkReplicates.Replicates r = new SparkReplicates.Replicates("weight", reps(), type, Double.NaN, null, mse);
        assertSame(expected, SparkReplicates.of(stats).prevalence(d.repartition(5), r, "used", "group"));
      }
    }
    StatisticTable overall = stats.prevalence(t, ReplicateDesign.supplied(t, "weight", reps(), ReplicateType.BOOTSTRAP,
        Double.NaN, null, false), "used", List.of());
    assertSame(overall, SparkReplicates.of(stats).prevalence(d, SparkReplicates.Replicates.of("weight", reps(),
        ReplicateType.BOOTSTRAP), "used"));
    d.unpersist();
  }

  @Test
  void badReplicateWeightsAreErrors() {
    Dataset<Row> d = survey(5_000, 2);
    Dataset<Row> bad = d.withColumn("rep3", when(col("psu").equalTo("p03"), lit(-1.0)).otherwise(col("rep3")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkReplicates.withDefaults()
        .prevalence(bad, SparkReplicates.Replicates.of("weight", reps(), ReplicateType.BOOTSTRAP), "used", "group"));
    assertTrue(e.getMessage().contains("column 'rep3': '-1.0' must be a finite number >= 0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SparkReplicates.Replicates.of("weight", List.of("rep0"),
        ReplicateType.BOOTSTRAP));
  }

  private static void assertSame(StatisticTable expected, StatisticTable actual) {
    assertEquals(expected.design(), actual.design());
    assertEquals(expected.estimates().size(), actual.estimates().size());
    for (int k = 0; k < expected.estimates().size(); k++) {
      StatisticEstimate x = expected.estimates().get(k);
      StatisticEstimate a = actual.estimates().get(k);
      assertEquals(x.group(), a.group());
      assertEquals(x.n(), a.n());
      assertEquals(x.reliability(), a.reliability());
      assertEquals(x.weightSum(), a.weightSum(), 1e-12 * x.weightSum());
      StatisticValue vx = x.value().orElseThrow();
      StatisticValue va = a.value().orElseThrow();
      assertEquals(vx.estimate(), va.estimate(), 1e-12 * Math.abs(vx.estimate()), x.group() + " estimate");
      assertEquals(vx.se(), va.se(), 1e-12 * vx.se(), x.group() + " se");
      assertEquals(vx.ciLower(), va.ciLower(), 1e-12 * Math.abs(vx.ciLower()), x.group() + " lower");
      assertEquals(vx.ciUpper(), va.ciUpper(), 1e-12 * Math.abs(vx.ciUpper()), x.group() + " upper");
    }
  }
}
