package io.github.dmstat.core.survey;

import static io.github.dmstat.core.Reference.close;
import static io.github.dmstat.core.Reference.num;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.dmstat.core.Reference;
import io.github.dmstat.core.crosstab.SurveyChiSquare;
import io.github.dmstat.core.crosstab.TableTest;
import io.github.dmstat.core.crosstab.TestStatistic;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.outcomes.Coefficient;
import io.github.dmstat.core.regression.GlmFit;
import io.github.dmstat.core.regression.SurveyGlm;
import io.github.dmstat.core.regression.TermTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tech.tablesaw.api.Table;

/**
 * R {@code survey}'s own {@code nhanes} data (8,591 rows, 15 strata, 31 PSUs) against R survey 4.1.1
 * ({@code reference/nhanes/make_nhanes.R}): means with design effects and domain degrees of freedom,
 * totals, a logistic regression with {@code factor(race)}, {@code agecat} and numeric
 * {@code RIAGENDR}, Wald tests of terms, and the Rao–Scott tests of {@code race × HI_CHOL}; 1e-8.
 */
class NhanesReferenceTest {
  private static final String DIR = "reference/nhanes/";
  private static final DesignSpec SPEC = DesignSpec.weights("WTMEC2YR").withStrata("SDMVSTRA").withPsu("SDMVPSU");
  private static final Table DATA = Reference.table(NhanesReferenceTest.class, DIR + "nhanes.csv");
  private static final GlmFit MODEL = SurveyGlm.logistic().withFactors("race").fit(DATA, SPEC, "HI_CHOL",
      List.of("race", "agecat", "RIAGENDR"));

  @TestFactory
  Stream<DynamicTest> agreesWithRSurvey() {
    List<Map<String, String>> rows = Reference.rows(NhanesReferenceTest.class, DIR + "nhanes_reference.csv");
    assertEquals(24, rows.size());
    SurveyStatistics s = SurveyStatistics.withDefaults().with(ReliabilityRule.NONE);
    TableTest chisq = SurveyChiSquare.test(DATA, SPEC, "race", "HI_CHOL");
    return rows.stream().map(r -> DynamicTest.dynamicTest(r.get("kind") + " " + r.get("term_or_group"), () -> {
      String g = r.get("term_or_group");
      String what = r.get("kind") + " " + g;
      switch (r.get("kind")) {
        case "mean", "total" -> {
          List<String> by = g.equals("overall") ? List.of() : List.of(g.substring(0, g.indexOf('=')));
          StatisticTable t = s.estimate(Statistic.parse(r.get("kind")), DATA, SPEC, "HI_CHOL", null, by);
          StatisticEstimate e = by.isEmpty() ? t.estimates().get(0) : t.find(g.substring(g.indexOf('=') + 1)).orElseThrow();
          close(num(r, "estimate"), e.value().orElseThrow().estimate(), 1e-10, what + " estimate");
          close(num(r, "se"), e.value().orElseThrow().se(), 1e-8, what + " se");
          close(num(r, "extra1"), e.value().orElseThrow().designEffect().orElseThrow(), 1e-8, what + " deff");
          if (r.get("kind").equals("mean")) {
            assertEquals((int) num(r, "extra2"), e.degreesOfFreedom(), what + " df");
          }
        }
        case "glm" -> {
          Coefficient c = MODEL.coefficient(g.replace("factor(race)", "race"));
          close(num(r, "estimate"), c.estimate(), 1e-9, what + " estimate");
          close(num(r, "se"), c.se(), 1e-8, what + " se");
          close(num(r, "extra2"), c.p(), 1e-8, what + " p");
          assertEquals((int) num(r, "extra3"), MODEL.degreesOfFreedom(), what + " df");
        }
        case "regterm" -> {
          TermTest t = MODEL.termTest(g.replace("factor(race)", "race"));
          close(num(r, "estimate"), t.f(), 1e-8, what + " F");
          assertEquals((int) num(r, "extra2"), t.denominatorDf(), what + " df");
          close(num(r, "extra3"), t.pValue(), 1e-8, what + " p");
        }
        case "chisq" -> {
          TestStatistic t = g.equals("F") ? chisq.f() : chisq.chisq();
          close(num(r, "estimate"), t.value(), 1e-8, what + " value");
          close(num(r, "extra1"), t.numeratorDf(), 1e-8, what + " df");
          close(num(r, "extra3"), t.pValue(), 1e-8, what + " p");
        }
        default -> throw new AssertionError("unknown kind " + r.get("kind"));
      }
    }));
  }
}
