package io.github.dmstat.core.selection;

import static io.github.dmstat.core.Reference.close;
import static io.github.dmstat.core.Reference.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.Reference;
import io.github.dmstat.core.concentration.MissingPolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tech.tablesaw.api.Table;

/**
 * Agreement with base R ({@code scale}, {@code rank}, {@code order}) on the fixture in
 * {@code reference/} (see {@code make_reference.R}; rules there: N = 10, minimum population 80,000,
 * named inclusion GM0609, named exclusion GM1238). Tolerance 1e-8 relative.
 */
class CompositeIndexReferenceTest {
  private static final String DIR = "reference/";
  private static final Map<String, Selection> CACHE = new HashMap<>();
  private static double maxRel;

  static CompositeIndex index() {
    return CompositeIndex.of(WeightedIndicator.of("crime", 0.5).withSe("crime_se"),
        WeightedIndicator.of("youth", 0.3).withSe("youth_se"),
        WeightedIndicator.of("lbm", -0.2).withSe("lbm_se")).with(MissingPolicy.EXCLUDE_AREA);
  }

  static SelectionRules rules() {
    return SelectionRules.top(10).withMinimumPopulation(80_000).include("GM0609", "smallest municipality (test)")
        .exclude("GM1238", "largest municipality (test)");
  }

  static Table areas() {
    return Reference.table(CompositeIndexReferenceTest.class, DIR + "selection_areas.csv");
  }

  private static synchronized Selection selection(String method) {
    return CACHE.computeIfAbsent(method, m -> index().with(IndicatorScaling.parse(m))
        .select(areas(), "area", "population", rules()));
  }

  private static void check(double expected, double actual, String what) {
    synchronized (CompositeIndexReferenceTest.class) {
      if (actual != expected) {
        maxRel = Math.max(maxRel, Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300));
      }
    }
    if (expected == 0) {
      assertTrue(Math.abs(actual) < 1e-14, what + ": expected 0 but was " + actual);
    } else {
      close(expected, actual, 1e-8, what);
    }
  }

  @AfterAll
  static void report() {
    System.out.println("CompositeIndexReferenceTest: max relative difference vs R = " + maxRel);
  }

  @TestFactory
  Stream<DynamicTest> agreesWithBaseR() {
    List<Map<String, String>> rows = Reference.rows(CompositeIndexReferenceTest.class, DIR + "composite_reference.csv");
    assertEquals(120, rows.size());
    return rows.stream().map(r -> DynamicTest.dynamicTest(r.get("standardisation") + " " + r.get("area"), () -> {
      Selection s = selection(r.get("standardisation"));
      String what = r.get("standardisation") + " " + r.get("area");
      Explanation e = s.explain(r.get("area")).orElseThrow();
      for (String k : List.of("crime", "youth", "lbm")) {
        String ref = r.get(k + "_std");
        if (ref.isEmpty()) {
          assertTrue(e.contribution(k).standardised().isEmpty(), what + " " + k + " should be missing");
        } else {
          check(Double.parseDouble(ref), e.contribution(k).standardised().getAsDouble(), what + " " + k + "_std");
        }
      }
      if (r.get("score").isEmpty()) {
        assertTrue(e.score().isEmpty() && e.rank().isEmpty(), what + " should have no score");
        assertEquals("missing indicator 'youth'", e.eligibility());
      } else {
        check(num(r, "score"), e.score().getAsDouble(), what + " score");
        assertEquals((int) num(r, "rank"), e.rank().getAsInt(), what + " rank");
      }
      if (r.get("eligible_rank").isEmpty()) {
        assertTrue(e.eligibleRank().isEmpty(), what + " eligible rank");
      } else {
        assertEquals((int) num(r, "eligible_rank"), e.eligibleRank().getAsInt(), what + " eligible rank");
      }
      assertEquals(Boolean.parseBoolean(r.get("eligible")), e.eligible(), what + " eligible");
      assertEquals(Boolean.parseBoolean(r.get("selected")), e.selected(), what + " selected: " + e);
    }));
  }
}
