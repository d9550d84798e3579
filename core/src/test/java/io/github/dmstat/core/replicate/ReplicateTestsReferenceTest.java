package io.github.dmstat.core.replicate;

import static io.github.dmstat.core.Reference.close;
import static io.github.dmstat.core.Reference.num;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.Reference;
import io.github.dmstat.core.crosstab.SurveyChiSquare;
import io.github.dmstat.core.crosstab.TableTest;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.survey.PrevalenceDifference;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Table tests and domain differences on replicate designs against R {@code survey} 4.1.1
 * ({@code svychisq} and {@code svycontrast(svyby(covmat = TRUE))} on {@code svrepdesign}; fixtures of
 * {@code reference/tests/make_tests.R}): JKn (with and without fpc) and bootstrap on survey_small,
 * JK1 (with and without fpc) and bootstrap on apiclus1, {@code mse} both ways, a replicate without
 * weight in a domain; 1e-8 relative.
 */
class ReplicateTestsReferenceTest {
  private static final String DIR = "reference/tests/";
  private final ReplicateFixtures fixtures = new ReplicateFixtures(DIR);

  @TestFactory
  Stream<DynamicTest> chiSquareAgreesWithSvychisq() {
    Map<String, TableTest> cache = new HashMap<>();
    List<Map<String, String>> rows = Reference.rows(ReplicateTestsReferenceTest.class, DIR + "chisq_rep_reference.csv");
    assertTrue(rows.size() >= 72, "rows " + rows.size());
    return rows.stream().map(r -> DynamicTest.dynamicTest(r.get("case") + " " + r.get("design") + " mse=" + r.get("mse") + " "
        + r.get("statistic"), () -> {
          TableTest t = cache.computeIfAbsent(r.get("case") + "|" + r.get("design") + "|" + r.get("mse"), k -> SurveyChiSquare
              .test(fixtures.table(r.get("design")), fixtures.design(r.get("design"), r.get("mse")), r.get("row"), r.get("col")));
          String what = r.get("case") + " " + r.get("design") + " " + r.get("mse") + " " + r.get("statistic");
          Reference.assertTableTest(r, t, what);
        }));
  }

  @TestFactory
  Stream<DynamicTest> differencesAgreeWithSvycontrast() {
    List<Map<String, String>> rows = Reference.rows(ReplicateTestsReferenceTest.class, DIR + "contrast_rep_reference.csv");
    assertTrue(rows.size() >= 48, "rows " + rows.size());
    return rows.stream().map(r -> DynamicTest.dynamicTest(r.get("case") + " " + r.get("design") + " mse=" + r.get("mse") + " "
        + r.get("level_b") + " − " + r.get("level_a"), () -> {
          List<String> by = Arrays.asList(r.get("by").split("\\+"));
          List<String> a = Arrays.asList(r.get("level_a").split("\\."));
          List<String> b = Arrays.asList(r.get("level_b").split("\\."));
          PrevalenceDifference d = ReplicateStatistics.withDefaults().with(ReliabilityRule.NONE).difference(
              fixtures.table(r.get("design")), fixtures.design(r.get("design"), r.get("mse")), "used", by, a, b);
          String what = r.get("case") + " " + r.get("design") + " " + r.get("mse") + " " + r.get("level_b");
          close(num(r, "estimate"), d.difference(), 1e-10, what + " estimate");
          close(num(r, "se"), d.se(), 1e-8, what + " se");
          double scale = Math.sqrt(num(r, "var_a") * num(r, "var_b"));
          assertTrue(Math.abs(d.covariance() - num(r, "cov_ab")) <= 1e-8 * scale, what + " cov " + d.covariance());
        }));
  }
}
