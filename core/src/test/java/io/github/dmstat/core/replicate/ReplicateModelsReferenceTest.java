package io.github.dmstat.core.replicate;

import static io.github.dmstat.core.Reference.close;
import static io.github.dmstat.core.Reference.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.Reference;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.outcomes.Coefficient;
import io.github.dmstat.core.regression.GlmFit;
import io.github.dmstat.core.regression.SurveyGlm;
import io.github.dmstat.core.regression.TermTest;
import io.github.dmstat.core.survey.QuantileEstimate;
import io.github.dmstat.core.survey.QuantileInterval;
import io.github.dmstat.core.survey.QuantileTable;
import io.github.dmstat.core.survey.QuantileValue;
import io.github.dmstat.core.survey.SurveyQuantiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tech.tablesaw.api.Table;

/**
 * Regression and quantiles on replicate designs against R {@code survey} 4.1.1 ({@code svyglm},
 * {@code regTermTest}, {@code svyquantile} on {@code svrepdesign}; fixtures of
 * {@code reference/models/make_models.R}): JKn and bootstrap replicates of survey_small, JK1 and
 * bootstrap of apiclus1, {@code mse} both ways. Coefficients, standard errors, tests: 1e-8 (R's
 * replicate fits stop at {@code epsilon = 1e-12}); degrees of freedom exact (the rank of the
 * replicate weights); quantiles and their bounds exactly, SEs 1e-8.
 */
class ReplicateModelsReferenceTest {
  private static final String DIR = "reference/models/";
  private final ReplicateFixtures fixtures = new ReplicateFixtures(DIR);

  private Table table(Map<String, String> d) {
    return fixtures.table(d.get("design"));
  }

  private Map<String, String> designRow(String design, String mse) {
    return fixtures.row(design, mse);
  }

  private ReplicateDesign design(String design, String mse) {
    return fixtures.design(design, mse);
  }

  private GlmFit fit(Map<String, String> r, Map<String, GlmFit> cache) {
    return cache.computeIfAbsent(r.get("case") + "|" + r.get("mse"), k -> {
      String[] sides = r.get("formula").split("~");
      String outcome = sides[0].strip().equals("awards01") ? "awards" : sides[0].strip();
      List<String> predictors = Arrays.stream(sides[1].split("\\+")).map(String::strip).toList();
      SurveyGlm m = r.get("family").equals("quasibinomial") ? SurveyGlm.logistic() : SurveyGlm.linear();
      return m.fit(table(designRow(r.get("design"), r.get("mse"))), design(r.get("design"), r.get("mse")), outcome,
          predictors);
    });
  }

  @TestFactory
  Stream<DynamicTest> regressionAgreesWithSvyglm() {
    Map<String, GlmFit> cache = new HashMap<>();
    List<Map<String, String>> rows = Reference.rows(ReplicateModelsReferenceTest.class, DIR + "glm_rep_reference.csv");
    assertTrue(rows.size() > 40, "rows " + rows.size());
    List<DynamicTest> tests = new ArrayList<>();
    for (Map<String, String> r : rows) {
      tests.add(DynamicTest.dynamicTest(r.get("case") + " mse=" + r.get("mse") + " " + r.get("term"), () -> {
        GlmFit f = fit(r, cache);
        Coefficient c = f.coefficient(r.get("term"));
        String what = r.get("case") + " " + r.get("mse") + " " + r.get("term");
        close(num(r, "estimate"), c.estimate(), 1e-9, what + " estimate");
        close(num(r, "se"), c.se(), 1e-8, what + " se");
        close(num(r, "p"), c.p(), 1e-8, what + " p");
        assertEquals((int) num(r, "df_resid"), f.degreesOfFreedom(), what + " df");
      }));
    }
    for (Map<String, String> r : Reference.rows(ReplicateModelsReferenceTest.class, DIR + "regterm_rep_reference.csv")) {
      tests.add(DynamicTest.dynamicTest("regTermTest " + r.get("case") + " mse=" + r.get("mse") + " " + r.get("term"), () -> {
        Map<String, String> model = rows.stream().filter(x -> x.get("case").equals(r.get("case"))
            && x.get("mse").equals(r.get("mse"))).findFirst().orElseThrow();
        TermTest t = fit(model, cache).termTest(r.get("term"));
        close(num(r, "F"), t.f(), 1e-8, "F");
        assertEquals((int) num(r, "df_den"), t.denominatorDf());
        close(num(r, "p"), t.pValue(), 1e-8, "p");
      }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> quantilesAgreeWithSvyquantile() {
    Map<String, QuantileTable> cache = new HashMap<>();
    List<Map<String, String>> rows = Reference.rows(ReplicateModelsReferenceTest.class, DIR + "quantile_rep_reference.csv");
    assertTrue(rows.size() > 200, "rows " + rows.size());
    return rows.stream().map(r -> DynamicTest.dynamicTest(r.get("case") + " mse=" + r.get("mse") + " " + r.get("variable")
        + " [" + r.get("group") + "] p=" + r.get("quantile"), () -> {
          String key = String.join("|", r.get("case"), r.get("mse"), r.get("variable"), r.get("by"));
          QuantileTable t = cache.computeIfAbsent(key, k -> {
            List<String> by = r.get("by").isEmpty() ? List.of() : List.of(r.get("by"));
            return SurveyQuantiles.withDefaults().with(ReliabilityRule.NONE)
                .with(QuantileInterval.parse(r.get("interval_type")))
                .estimate(table(designRow(r.get("design"), r.get("mse"))), design(r.get("design"), r.get("mse")),
                    r.get("variable"), by, 0.25, 0.5, 0.75);
          });
          String[] values = r.get("group").isEmpty() ? new String[0]
              : new String[] {r.get("group").substring(r.get("group").indexOf('=') + 1)};
          QuantileEstimate e = t.find(num(r, "quantile"), values).orElseThrow();
          QuantileValue v = e.value().orElseThrow();
          String what = key + " " + r.get("group") + " " + r.get("quantile");
          close(num(r, "estimate"), v.estimate(), 1e-12, what + " estimate");
          assertEquals((int) num(r, "df"), e.degreesOfFreedom(), what + " df");
          bound(r.get("ci_lower"), v.ciLower(), what + " lower");
          bound(r.get("ci_upper"), v.ciUpper(), what + " upper");
          if (r.get("se").equals("NaN")) {
            assertTrue(v.se().isEmpty(), what + " se");
          } else {
            close(num(r, "se"), v.se().orElseThrow(), 1e-8, what + " se");
          }
        }));
  }

  private static void bound(String expected, OptionalDouble actual, String what) {
    if (expected.equals("NaN")) {
      assertTrue(actual.isEmpty(), what + " should be undefined but was " + actual);
    } else {
      close(Double.parseDouble(expected), actual.orElseThrow(() -> new AssertionError(what + " missing")), 1e-10, what);
    }
  }
}
