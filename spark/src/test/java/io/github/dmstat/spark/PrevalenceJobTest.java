package io.github.dmstat.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dmstat.core.io.Json;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.core.survey.LonelyPsu;
import io.github.dmstat.core.survey.PrevalenceEstimator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job of the README on a Parquet file gives the single-JVM JSON; bad options exit 2. */
class PrevalenceJobTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.session("dmstat-job-test");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static String[] run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = PrevalenceJob.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
  }

  @Test
  void parquetFileGivesTheSingleJvmJson(@TempDir Path dir) {
    Dataset<Row> d = SparkPrevalenceTest.survey(spark, 30_000, 3);
    String parquet = dir.resolve("survey.parquet").toString();
    d.write().parquet(parquet);
    String[] r = run("--data", parquet, "--outcome", "used", "--weight", "weight", "--strata", "stratum", "--psu", "psu",
        "--by", "group", "--lonely-psu", "adjust", "--format", "json");
    assertEquals("0", r[0], r[2]);
    DesignSpec spec = DesignSpec.weights("weight").withStrata("stratum").withPsu("psu").withLonelyPsu(LonelyPsu.ADJUST);
    String expected = Json.write(PrevalenceEstimator.withDefaults().estimate(SparkPrevalenceTest.table(spark.read().parquet(parquet)),
        spec, "used", List.of("group")));
    sameJson(expected, r[1]);
  }

  /** The same JSON, numbers to 1e-12 relative (the sums are added in another order). */
  private static void sameJson(String expected, String actual) {
    try {
      ObjectMapper m = new ObjectMapper();
      same(m.readTree(expected), m.readTree(actual), "$");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void same(JsonNode e, JsonNode a, String at) {
    assertEquals(e.getNodeType(), a.getNodeType(), at);
    if (e.isNumber()) {
      assertEquals(e.doubleValue(), a.doubleValue(), 1e-12 * Math.abs(e.doubleValue()), at);
    } else if (e.isContainerNode()) {
      assertEquals(e.size(), a.size(), at);
      if (e.isArray()) {
        for (int i = 0; i < e.size(); i++) {
          same(e.get(i), a.get(i), at + "[" + i + "]");
        }
      } else {
        e.fieldNames().forEachRemaining(f -> same(e.get(f), a.get(f), at + "." + f));
      }
    } else {
      assertEquals(e, a, at);
    }
  }

  @Test
  void badOptionsAndDataExitTwoWithOneLine() {
    String[] r = run("--data", "x.parquet", "--outcome", "used");
    assertEquals("2", r[0]);
    assertTrue(r[2].startsWith("PrevalenceJob: missing --weight"), r[2]);
    r = run("--data", "x.parquet", "--outcome", "used", "--weight", "w", "--colour", "red");
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("unknown option '--colour'"), r[2]);
    r = run("--data", "/nonexistent/survey.parquet", "--outcome", "used", "--weight", "w");
    assertEquals("2", r[0], r[2]);
    assertEquals(1, r[2].strip().split("\n").length, r[2]);
  }
}
