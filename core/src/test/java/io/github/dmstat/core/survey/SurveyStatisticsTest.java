package io.github.dmstat.core.survey;

import static io.github.dmstat.core.Reference.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.Columns;
import io.github.dmstat.core.Reference;
import io.github.dmstat.core.disclosure.Reliability;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.io.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Consistency with the prevalence estimator, bad input, reliability and the outputs of {@link SurveyStatistics}. */
class SurveyStatisticsTest {
  private static final DesignSpec SMALL = DesignSpec.weights("weight").withStrata("stratum").withPsu("psu").withFpc("fpc");

  private static Table small() {
    return Reference.table(SurveyStatisticsTest.class, "reference/survey_small.csv");
  }

  @Test
  void meanOfAFlagIsThePrevalenceAndTheTotalItsWeightedCount() {
    Table t = small();
    PrevalenceTable p = PrevalenceEstimator.withDefaults().with(IntervalMethod.MEAN).with(ReliabilityRule.NONE)
        .estimate(t, SMALL, "used", List.of("agegroup", "sex"));
    SurveyStatistics s = SurveyStatistics.withDefaults().with(ReliabilityRule.NONE);
    StatisticTable mean = s.mean(t, SMALL, "used", List.of("agegroup", "sex"));
    StatisticTable total = s.total(t, SMALL, "used", List.of("agegroup", "sex"));
    assertEquals(p.estimates().size(), mean.estimates().size());
    for (PrevalenceEstimate e : p.estimates()) {
      String[] key = e.group().values().toArray(String[]::new);
      StatisticValue m = mean.find(key).orElseThrow().value().orElseThrow();
      PrevalenceValue v = e.value().orElseThrow();
      close(v.prevalence(), m.estimate(), 1e-12, e.group() + " mean");
      close(v.se(), m.se(), 1e-10, e.group() + " se");
      close(v.designEffect().orElseThrow(), m.designEffect().orElseThrow(), 1e-9, e.group() + " deff");
      StatisticEstimate tot = total.find(key).orElseThrow();
      close(v.prevalence() * e.weightSum(), tot.value().orElseThrow().estimate(), 1e-12, e.group() + " total");
      assertEquals(e.n(), tot.n());
    }
  }

  @Test
  void denominatorOnlyForRatios() {
    Table t = small();
    SurveyStatistics s = SurveyStatistics.withDefaults();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> s.estimate(Statistic.RATIO, t, SMALL, "used", null, List.of()));
    assertTrue(e.getMessage().contains("denominator"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> s.estimate(Statistic.MEAN, t, SMALL, "used", "fpc", List.of()));
    assertTrue(e.getMessage().contains("no denominator"), e.getMessage());
  }

  @Test
  void badCellsNameColumnRowAndValue() {
    Table t = Table.create("t", DoubleColumn.create("w", 1, 2, 3), StringColumn.create("y", "1.5", "x", "2"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SurveyStatistics.withDefaults().mean(t, DesignSpec.weights("w"), "y", List.of()));
    assertTrue(e.getMessage().contains("'y'") && e.getMessage().contains("row 2") && e.getMessage().contains("x"),
        e.getMessage());
    Table inf = Table.create("t", DoubleColumn.create("w", 1, 2), DoubleColumn.create("y", 1, Double.POSITIVE_INFINITY));
    e = assertThrows(IllegalArgumentException.class,
        () -> SurveyStatistics.withDefaults().total(inf, DesignSpec.weights("w"), "y", List.of()));
    assertTrue(e.getMessage().contains("'y'") && e.getMessage().contains("row 2"), e.getMessage());
  }

  @Test
  void aDomainWithoutValuesOrDenominatorIsSuppressedAndCounted() {
    Table t = Table.create("t", DoubleColumn.create("w", 1, 2, 3, 4), StringColumn.create("g", "a", "a", "b", "b"),
        DoubleColumn.create("y", 1, 2, Double.NaN, Double.NaN), DoubleColumn.create("x", 1, 1, 0, 0));
    SurveyStatistics s = SurveyStatistics.withDefaults().with(ReliabilityRule.NONE);
    StatisticTable m = s.mean(t, DesignSpec.weights("w"), "y", List.of("g"));
    StatisticEstimate b = m.find("b").orElseThrow();
    assertTrue(b.suppressed() && b.value().isEmpty(), b.toString());
    assertEquals("no observed value in this domain", b.note());
    assertEquals(2, m.design().excluded());
    assertEquals(2L, m.design().exclusions().get("variable 'y' missing"));
    Table zero = Table.create("t", DoubleColumn.create("w", 1, 2), DoubleColumn.create("y", 1, 2), DoubleColumn.create("x", 0, 0));
    StatisticEstimate r = s.ratio(zero, DesignSpec.weights("w"), "y", "x", List.of()).estimates().get(0);
    assertTrue(r.suppressed(), r.toString());
    assertTrue(r.note().contains("denominator"), r.note());
  }

  @Test
  void reliabilityRulesForMeasures() {
    Table t = small();
    StatisticTable m = SurveyStatistics.withDefaults().mean(t, SMALL, "used", List.of("agegroup", "sex"));
    StatisticEstimate tiny = m.find("18-24", "M").orElseThrow();
    assertEquals(Reliability.SUPPRESSED, tiny.reliability());
    assertTrue(tiny.value().isEmpty());
    assertTrue(tiny.note().startsWith("n=10 < 30"), tiny.note());
    assertTrue(m.estimates().stream().anyMatch(e -> e.reliability() == Reliability.UNRELIABLE), m.toString());
    String json = Json.write(m);
    assertTrue(json.contains("\"estimate\" : null"), json);
    assertFalse(m.toTable().doubleColumn("estimate").isMissing().isEmpty());
    assertEquals(Reliability.OK, ReliabilityRule.NSDUH.assessMeasure(10, 5, 2.5).status());
    assertEquals(Reliability.SUPPRESSED, ReliabilityRule.NSDUH.assessMeasure(10, 5, 2.6).status());
    assertEquals(Reliability.SUPPRESSED, ReliabilityRule.NSDUH.assessMeasure(9, 5, 0.1).status());
    assertEquals(Reliability.UNRELIABLE, ReliabilityRule.NCHS.assessMeasure(100, 0, 0).status());
  }

  @Test
  void tIntervalsUseTheDomainDegreesOfFreedom() {
    Table t = small();
    StatisticTable m = SurveyStatistics.withDefaults().with(ReliabilityRule.NONE).withStudentT(true)
        .withLevel(0.9).mean(t, SMALL, "used", List.of("sex"));
    StatisticEstimate f = m.find("F").orElseThrow();
    StatisticValue v = f.value().orElseThrow();
    double q = org.apache.commons.statistics.distribution.TDistribution.of(f.degreesOfFreedom())
        .inverseCumulativeProbability(0.95);
    close(v.estimate() + q * v.se(), v.ciUpper(), 1e-12, "t upper");
    assertTrue(m.toString().startsWith("Mean of used by sex (t interval, reliability rule none)"), m.toString());
    assertThrows(IllegalArgumentException.class, () -> SurveyStatistics.withDefaults().withLevel(1));
  }

  @Test
  void printsWithoutExponents() {
    assertEquals("4102210", StatisticTable.number(4102207.8996));
    assertEquals("0.0123457", StatisticTable.number(0.01234567));
    assertEquals("-3.5", StatisticTable.number(-3.5));
  }

  @Test
  void varianceOfAnInfluenceVariableIsTheEstimatorsVariance() {
    Table t = small();
    for (DesignSpec spec : List.of(SMALL, DesignSpec.weights("weight").withStrata("stratum"),
        DesignSpec.weights("weight").withPsu("psu"))) {
      SurveyDesign d = spec.bind(t);
      double[] w = d.weights();
      double[] y = Columns.numbers(t, "used");
      String[] sex = t.stringColumn("sex").asObjectArray();
      double sw = 0;
      double swy = 0;
      for (int i = 0; i < w.length; i++) {
        if (sex[i].equals("M") && !Double.isNaN(y[i])) {
          sw += w[i];
          swy += w[i] * y[i];
        }
      }
      double p = swy / sw;
      double[] z = new double[w.length];
      double[] u = new double[w.length];
      for (int i = 0; i < w.length; i++) {
        boolean in = sex[i].equals("M") && !Double.isNaN(y[i]);
        z[i] = in ? w[i] * (y[i] - p) / sw : 0;
        u[i] = in ? w[i] * y[i] : 0;
      }
      SurveyStatistics s = SurveyStatistics.withDefaults().with(ReliabilityRule.NONE);
      StatisticValue mean = s.mean(t, spec, "used", List.of("sex")).find("M").orElseThrow().value().orElseThrow();
      StatisticValue total = s.total(t, spec, "used", List.of("sex")).find("M").orElseThrow().value().orElseThrow();
      close(mean.se() * mean.se(), d.variance(z), 1e-12, spec + " mean");
      double[][] c = d.covariance(new double[][] {z, u});
      close(total.se() * total.se(), c[1][1], 1e-12, spec + " total");
      close(c[0][1], c[1][0], 0, "symmetric");
    }
  }

  @Test
  void aConstantVariableHasStandardErrorZeroNotAnError() {
    Table t = Table.create("t", DoubleColumn.create("w", 1.1, 2.2, 3.3, 1.7), StringColumn.create("s", "a", "a", "b", "b"),
        DoubleColumn.create("y", 3, 3, 3, 3));
    for (DesignSpec spec : List.of(DesignSpec.weights("w"), DesignSpec.weights("w").withStrata("s"))) {
      StatisticValue v = SurveyStatistics.withDefaults().with(ReliabilityRule.NONE).mean(t, spec, "y", List.of())
          .estimates().get(0).value().orElseThrow();
      assertEquals(3, v.estimate(), 1e-12);
      assertTrue(v.se() >= 0 && v.se() < 1e-6, "se " + v.se());
    }
  }

  @Test
  void aRegressionLevelSeenOnlyWhereTheOutcomeIsMissingIsNotAPredictorLevel() {
    Table t = Table.create("t", DoubleColumn.create("w", 1, 2, 1, 2, 1, 2, 1), StringColumn.create("f", "a", "b", "a", "b",
        "a", "b", "rare"), DoubleColumn.create("y", 1, 2, 1.5, 2.5, 0.5, 3, Double.NaN));
    io.github.dmstat.core.regression.GlmFit fit = io.github.dmstat.core.regression.SurveyGlm.linear().fit(t,
        DesignSpec.weights("w"), "y", List.of("f"));
    assertEquals(List.of("(Intercept)", "fb"), fit.terms());
  }
}
