package io.github.dmstat.core.regression;

import static io.github.dmstat.core.Reference.close;
import static io.github.dmstat.core.Reference.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.Reference;
import io.github.dmstat.core.outcomes.Coefficient;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.core.survey.LonelyPsu;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tech.tablesaw.api.Table;

/**
 * Agreement of {@link SurveyGlm}, {@link GlmFit#termTest} and {@link SurveyTrend} with R
 * {@code survey} 4.1.1 ({@code svyglm} with {@code glm.control(epsilon = 1e-12)}, {@code regTermTest},
 * {@code confint}) on the fixtures of {@code reference/make_regression.R}: logistic and linear
 * models on {@code survey_small} (three designs), {@code survey_lonely} (adjust), {@code apistrat},
 * {@code apiclus1} (with a covariate that has missing values) and two stacked survey years.
 * Coefficients 1e-9, standard errors, covariances, t, p and intervals 1e-8 relative: R's sandwich
 * uses the working weights of its last iteration, one step behind the estimate (1.7e-9 at most).
 * R's interval at one residual degree of freedom is infinite (a round trip through pnorm), so those
 * interval rows are not compared.
 */
class RegressionReferenceTest {
  private static final String DIR = "reference/";
  private final Map<String, Table> tables = new HashMap<>();
  private final Map<String, GlmFit> fits = new HashMap<>();

  private Table data(String file) {
    return tables.computeIfAbsent(file, f -> Reference.table(RegressionReferenceTest.class, DIR + f));
  }

  private static DesignSpec spec(Map<String, String> r) {
    DesignSpec spec = DesignSpec.weights(r.get("weight")).withLonelyPsu(LonelyPsu.parse(r.get("lonely")));
    spec = r.get("strata").isEmpty() ? spec : spec.withStrata(r.get("strata"));
    spec = r.get("psu").isEmpty() ? spec : spec.withPsu(r.get("psu"));
    return r.get("fpc").isEmpty() ? spec : spec.withFpc(r.get("fpc"));
  }

  private GlmFit fit(Map<String, String> r) {
    return fits.computeIfAbsent(r.get("case"), c -> {
      String[] sides = r.get("formula").split("~");
      String outcome = sides[0].strip().equals("awards01") ? "awards" : sides[0].strip();
      List<String> predictors = Arrays.stream(sides[1].split("\\+")).map(String::strip).toList();
      SurveyGlm model = r.get("family").equals("quasibinomial") ? SurveyGlm.logistic() : SurveyGlm.linear();
      return model.fit(data(r.get("data")), spec(r), outcome, predictors);
    });
  }

  @TestFactory
  Stream<DynamicTest> coefficientsAgreeWithSvyglm() {
    List<Map<String, String>> rows = new ArrayList<>(Reference.rows(RegressionReferenceTest.class, DIR + "glm_reference.csv"));
    rows.addAll(Reference.rows(RegressionReferenceTest.class, DIR + "trend_reference.csv"));
    assertTrue(rows.size() > 40, "rows: " + rows.size());
    return rows.stream().map(r -> DynamicTest.dynamicTest(r.get("case") + " " + r.get("term"), () -> {
      GlmFit f = fit(r);
      String what = r.get("case") + " " + r.get("term");
      Coefficient c = f.coefficient(r.get("term"));
      close(num(r, "estimate"), c.estimate(), 1e-9, what + " estimate");
      close(num(r, "se"), c.se(), 1e-8, what + " se");
      close(num(r, "t"), c.t(), 1e-8, what + " t");
      close(num(r, "p"), c.p(), 1e-8, what + " p");
      assertEquals((int) num(r, "df_resid"), f.degreesOfFreedom(), what + " df");
      assertEquals((long) num(r, "n_obs"), f.n(), what + " n");
      assertEquals((long) num(r, "n_dropped"), f.design().excluded(), what + " dropped");
      if (!r.get("ci_lower").contains("Inf")) {
        double[] ci = f.confidenceInterval(r.get("term"));
        close(num(r, "ci_lower"), ci[0], 1e-8, what + " ci_lower");
        close(num(r, "ci_upper"), ci[1], 1e-8, what + " ci_upper");
        if (!r.get("odds_ratio").isEmpty() && !r.get("term").equals(SurveyGlm.INTERCEPT)) {
          OddsRatio or = f.oddsRatios().stream().filter(o -> o.term().equals(r.get("term"))).findFirst().orElseThrow();
          close(num(r, "odds_ratio"), or.ratio(), 1e-9, what + " OR");
          close(num(r, "or_lower"), or.lower(), 1e-8, what + " OR lower");
          close(num(r, "or_upper"), or.upper(), 1e-8, what + " OR upper");
        }
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> covariancesAgree() {
    Map<String, Map<String, String>> model = new HashMap<>();
    for (Map<String, String> r : Reference.rows(RegressionReferenceTest.class, DIR + "glm_reference.csv")) {
      model.putIfAbsent(r.get("case"), r);
    }
    for (Map<String, String> r : Reference.rows(RegressionReferenceTest.class, DIR + "trend_reference.csv")) {
      model.putIfAbsent(r.get("case"), r);
    }
    List<Map<String, String>> rows = Reference.rows(RegressionReferenceTest.class, DIR + "glm_vcov.csv");
    return rows.stream().map(r -> DynamicTest.dynamicTest(r.get("case") + " " + r.get("row_term") + "," + r.get("col_term"),
        () -> {
          GlmFit f = fit(model.get(r.get("case")));
          double v = f.covariance()[f.terms().indexOf(r.get("row_term"))][f.terms().indexOf(r.get("col_term"))];
          double scale = Math.sqrt(Math.abs(f.covariance()[f.terms().indexOf(r.get("row_term"))][f.terms()
              .indexOf(r.get("row_term"))] * f.covariance()[f.terms().indexOf(r.get("col_term"))][f.terms()
              .indexOf(r.get("col_term"))]));
          assertTrue(Math.abs(v - num(r, "value")) <= 1e-8 * scale, r + " vs " + v);
        }));
  }

  @TestFactory
  Stream<DynamicTest> termTestsAgreeWithRegTermTest() {
    Map<String, Map<String, String>> model = new HashMap<>();
    for (Map<String, String> r : Reference.rows(RegressionReferenceTest.class, DIR + "glm_reference.csv")) {
      model.putIfAbsent(r.get("case"), r);
    }
    for (Map<String, String> r : Reference.rows(RegressionReferenceTest.class, DIR + "trend_reference.csv")) {
      model.putIfAbsent(r.get("case"), r);
    }
    return Reference.rows(RegressionReferenceTest.class, DIR + "regterm_reference.csv").stream().map(r -> DynamicTest
        .dynamicTest(r.get("case") + " " + r.get("term") + " df=" + r.get("df_arg"), () -> {
          TermTest t = fit(model.get(r.get("case"))).termTest(r.get("term"));
          assertEquals((int) num(r, "df_num"), t.numeratorDf());
          close(num(r, "chisq"), t.f() * t.numeratorDf(), 1e-8, "chisq");
          if (r.get("df_arg").equals("Inf")) {
            close(num(r, "p"), t.chiSquarePValue(), 1e-8, "p (chi-square)");
          } else {
            close(num(r, "statistic"), t.f(), 1e-8, "F");
            assertEquals((int) num(r, "df_den"), t.denominatorDf());
            close(num(r, "p"), t.pValue(), 1e-8, "p");
          }
        }));
  }

  @Test
  void trendTestCrossesStrataWithTheYear() {
    Table years = data("survey_years.csv");
    DesignSpec within = DesignSpec.weights("weight").withStrata("stratum").withPsu("psu").withFpc("fpc");
    for (Map<String, String> r : Reference.rows(RegressionReferenceTest.class, DIR + "trend_reference.csv")) {
      List<String> adjust = r.get("case").equals("trend_adj") ? List.of("agegroup", "sex") : List.of();
      SurveyTrend t = SurveyTrend.test(years, within, "used", "year", adjust);
      close(num(r, "estimate"), t.perYear().estimate(), 1e-9, r.get("case") + " estimate");
      close(num(r, "se"), t.perYear().se(), 1e-8, r.get("case") + " se");
      close(num(r, "p"), t.perYear().p(), 1e-8, r.get("case") + " p");
      close(num(r, "or_lower"), t.oddsRatioPerYear().lower(), 1e-8, r.get("case") + " OR lower");
      assertEquals("increase", t.direction());
      assertTrue(t.sentence().startsWith("used: increase (odds ratio per year 1.11"), t.sentence());
    }
    Map<Integer, Table> split = Map.of(2016, data("survey_small.csv"), 2020, data("survey_small_y2.csv"));
    SurveyTrend fromFiles = SurveyTrend.test(split, within, "used", List.of("agegroup", "sex"));
    SurveyTrend stacked = SurveyTrend.test(years, within, "used", "year", List.of("agegroup", "sex"));
    close(stacked.perYear().se(), fromFiles.perYear().se(), 1e-12, "files = stacked");
  }

  @Test
  void trendOnAReplicateDesignIsTheReplicateLogisticFit() {
    Table years = data("survey_years.csv");
    DesignSpec crossed = DesignSpec.weights("weight").withStrata("stratum_year").withPsu("psu").withFpc("fpc");
    io.github.dmstat.core.replicate.ReplicateDesign jk = io.github.dmstat.core.replicate.ReplicateDesign.jkn(
        crossed.bind(years));
    SurveyTrend t = SurveyTrend.test(years, jk, "used", "year", List.of());
    GlmFit f = SurveyGlm.logistic().fit(years, jk, "used", List.of("year"));
    assertEquals(f.coefficient("year").se(), t.perYear().se());
    Map<String, String> taylor = Reference.rows(RegressionReferenceTest.class, DIR + "trend_reference.csv").get(0);
    close(num(taylor, "estimate"), t.perYear().estimate(), 1e-9, "the same estimate as the Taylor fit");
    assertTrue(t.perYear().se() > 0.5 * num(taylor, "se") && t.perYear().se() < 2 * num(taylor, "se"), "jackknife se "
        + t.perYear().se() + " near the linearised " + num(taylor, "se"));
  }
}
