package io.github.dmstat.core.survey;

import static io.github.dmstat.core.Reference.close;
import static io.github.dmstat.core.Reference.num;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.Reference;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tech.tablesaw.api.Table;

/**
 * {@link PrevalenceEstimator#difference} against R {@code svycontrast(svyby(..., covmat = TRUE))}
 * ({@code crosstab/reference/contrast_reference.csv}, made by {@code make_crosstab.R}): estimate,
 * SE and covariance at 1e-8 relative (the covariance against {@code √(V_a V_b)} where R's is 0 up to
 * round-off). R's derived {@code awards_yes} is the {@code awards} column read as a flag (Yes = 1).
 */
class DifferenceReferenceTest {
  private static final String DIR = "/io/github/dmstat/core/crosstab/reference/";
  private final Map<String, Table> tables = new HashMap<>();

  @TestFactory
  Stream<DynamicTest> agreesWithSvycontrast() {
    List<Map<String, String>> rows = Reference.rows(DifferenceReferenceTest.class, DIR + "contrast_reference.csv");
    assertTrue(rows.size() >= 20, "rows: " + rows.size());
    return rows.stream().map(r -> DynamicTest.dynamicTest(r.get("case") + " " + r.get("level_b") + " − " + r.get("level_a"),
        () -> {
          Table t = tables.computeIfAbsent(r.get("data"), f -> Reference.table(DifferenceReferenceTest.class, DIR + f));
          DesignSpec spec = DesignSpec.weights(r.get("weight")).withLonelyPsu(LonelyPsu.parse(r.get("lonely")));
          spec = r.get("strata").isEmpty() ? spec : spec.withStrata(r.get("strata"));
          spec = r.get("psu").isEmpty() ? spec : spec.withPsu(r.get("psu"));
          spec = r.get("fpc").isEmpty() ? spec : spec.withFpc(r.get("fpc"));
          PrevalenceDifference d = PrevalenceEstimator.withDefaults().with(ReliabilityRule.NONE).difference(t, spec,
              r.get("outcome").equals("awards_yes") ? "awards" : r.get("outcome"), List.of(r.get("by")), List.of(r.get("level_a")), List.of(r.get("level_b")));
          String what = r.get("case") + " " + r.get("level_b");
          close(num(r, "estimate"), d.difference(), 1e-10, what + " estimate");
          close(num(r, "se"), d.se(), 1e-8, what + " se");
          double scale = Math.sqrt(num(r, "var_a") * num(r, "var_b"));
          assertTrue(Math.abs(d.covariance() - num(r, "cov_ab")) <= 1e-8 * scale, what + " cov " + d.covariance());
          close(num(r, "p_z"), d.pValue(), 1e-8, what + " p");
        }));
  }

  @Test
  void suppressedOrUnknownDomainsAreRefused() {
    Table t = Reference.table(DifferenceReferenceTest.class, DIR + "survey_small.csv");
    DesignSpec spec = DesignSpec.weights("weight").withStrata("stratum").withPsu("psu").withFpc("fpc");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PrevalenceEstimator.withDefaults()
        .difference(t, spec, "used", List.of("agegroup", "sex"), List.of("18-24", "M"), List.of("18-24", "F")));
    assertTrue(e.getMessage().contains("suppressed"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> PrevalenceEstimator.withDefaults()
        .difference(t, spec, "used", List.of("sex"), List.of("F"), List.of("X")));
    assertTrue(e.getMessage().contains("no domain"), e.getMessage());
  }
}
