package io.github.dmstat.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.benchmarks.GroupedPrevalenceBenchmark.Estimates;
import io.github.dmstat.core.survey.PrevalenceEstimate;
import io.github.dmstat.core.survey.PrevalenceTable;
import io.github.dmstat.core.survey.PrevalenceValue;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The baselines of {@link GroupedPrevalenceBenchmark} compute the same numbers as dmstat. */
class GroupedPrevalenceBenchmarkTest {
  private static final double RELATIVE = 1e-9;
  private static final int ROWS = 20_000;

  private static GroupedPrevalenceBenchmark bench;
  private static GroupedPrevalenceBenchmark.Dmstat dmstat;
  private static GroupedPrevalenceBenchmark.Duckdb duckdb;
  private static Estimates expected;

  @BeforeAll
  static void setUp() throws SQLException {
    bench = new GroupedPrevalenceBenchmark();
    bench.generate(ROWS);
    dmstat = new GroupedPrevalenceBenchmark.Dmstat();
    dmstat.bind(bench);
    duckdb = new GroupedPrevalenceBenchmark.Duckdb();
    duckdb.load(bench);
    expected = fromDmstat(bench.dmstat(dmstat));
  }

  @AfterAll
  static void tearDown() throws SQLException {
    duckdb.close();
  }

  private static Estimates fromDmstat(PrevalenceTable table) {
    double[] p = new double[GroupedPrevalenceBenchmark.GROUPS];
    double[] se = new double[GroupedPrevalenceBenchmark.GROUPS];
    for (int g = 0; g < p.length; g++) {
      PrevalenceEstimate e = table.find(GroupedPrevalenceBenchmark.label(g)).orElseThrow();
      PrevalenceValue v = e.value().orElseThrow();
      p[g] = v.prevalence();
      se[g] = v.se();
    }
    return new Estimates(p, se);
  }

  private static void assertSame(Estimates actual, String method) {
    for (int g = 0; g < GroupedPrevalenceBenchmark.GROUPS; g++) {
      assertClose(expected.prevalence()[g], actual.prevalence()[g], method + " prevalence of group " + g);
      assertClose(expected.se()[g], actual.se()[g], method + " se of group " + g);
    }
  }

  private static void assertClose(double expected, double actual, String what) {
    assertTrue(expected > 0, what + " must be positive but was " + expected);
    assertEquals(expected, actual, RELATIVE * Math.abs(expected), what);
  }

  @Test
  void dataLookLikeTheBrief() {
    double w = 0;
    double wy = 0;
    for (int i = 0; i < ROWS; i++) {
      w += bench.weight[i];
      wy += bench.weight[i] * bench.outcome[i];
      assertEquals(bench.psu[i] / GroupedPrevalenceBenchmark.PSUS_PER_STRATUM, bench.stratum[i]);
    }
    assertTrue(wy / w > 0.08 && wy / w < 0.12, "overall prevalence near 10% but was " + wy / w);
  }

  @Test
  void parallelDmstatAgreesWithSingleThread() {
    assertSame(fromDmstat(bench.dmstatParallel(dmstat)), "dmstatParallel");
  }

  @Test
  void streamsAgreesWithDmstat() {
    GroupedPrevalenceBenchmark.StreamsDesign d = new GroupedPrevalenceBenchmark.StreamsDesign();
    d.bind(bench);
    assertSame(bench.streams(d), "streams");
  }

  @Test
  void tablesawAgreesWithDmstat() {
    GroupedPrevalenceBenchmark.Tablesaw t = new GroupedPrevalenceBenchmark.Tablesaw();
    t.build(bench);
    assertSame(bench.tablesaw(t), "tablesaw");
  }

  @Test
  void duckdbAgreesWithDmstat() throws SQLException {
    assertSame(bench.duckdb(duckdb), "duckdb");
  }

  @Test
  void scanIsTheWeightedCount() {
    double wy = 0;
    for (int i = 0; i < ROWS; i++) {
      wy += bench.weight[i] * bench.outcome[i];
    }
    assertEquals(wy, bench.scan(), 0);
  }
}
