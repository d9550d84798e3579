package io.github.dmstat.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.outcomes.DiffInDiff;
import io.github.dmstat.core.outcomes.KaplanMeier;
import io.github.dmstat.core.outcomes.Measure;
import io.github.dmstat.core.outcomes.MetaAnalysis;
import io.github.dmstat.core.outcomes.MetaMethod;
import io.github.dmstat.core.outcomes.SurvivalCurve;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class SyntheticOutcomesTest {

  @Test
  void sameSeedGivesIdenticalTablesAndOtherSeedsDiffer() {
    SyntheticOutcomes a = SyntheticOutcomes.of(7);
    SyntheticOutcomes b = SyntheticOutcomes.of(7);
    SyntheticSurveyTest.assertSameTable(a.cohorts(), b.cohorts());
    SyntheticSurveyTest.assertSameTable(a.effects(), b.effects());
    SyntheticSurveyTest.assertSameTable(a.panel(), b.panel());
    assertNotEquals(a.cohorts().intColumn("time").asList(), SyntheticOutcomes.of(8).cohorts().intColumn("time").asList());
    assertNotEquals(a.panel().doubleColumn("rate").asList(), SyntheticOutcomes.of(8).panel().doubleColumn("rate").asList());
  }

  @Test
  void panelDoesNotDependOnCohortSize() {
    SyntheticSurveyTest.assertSameTable(SyntheticOutcomes.of(3).panel(), SyntheticOutcomes.of(3).withPersons(50).panel());
  }

  @Test
  void cohortsHaveTheDocumentedShape() {
    SyntheticOutcomes s = SyntheticOutcomes.of(11);
    Table t = s.cohorts();
    assertEquals(List.of("id", "municipality", "code", "group", "treated", "age", "sex", "prior_offences", "time",
        "reoffended", "time_to_reoffence"), t.columnNames());
    int expected = SyntheticOutcomes.municipalities().stream().mapToInt(s::personsIn).sum();
    assertEquals(expected, t.rowCount());
    IntColumn time = t.intColumn("time");
    IntColumn ev = t.intColumn("reoffended");
    IntColumn ttr = t.intColumn("time_to_reoffence");
    for (int i = 0; i < t.rowCount(); i++) {
      assertTrue(time.getInt(i) >= 1 && time.getInt(i) <= 730);
      if (ev.getInt(i) == 1) {
        assertEquals(time.getInt(i), ttr.getInt(i));
      } else {
        assertTrue(ttr.isMissing(i));
      }
    }
    assertEquals(12, t.stringColumn("municipality").countUnique());
  }

  @Test
  void effectsAreTheCohortCounts() {
    SyntheticOutcomes s = SyntheticOutcomes.of(5);
    Table c = s.cohorts();
    Table e = s.effects();
    assertEquals(12, e.rowCount());
    for (int r = 0; r < e.rowCount(); r++) {
      String m = e.stringColumn("study").get(r);
      Table sub = c.where(c.stringColumn("municipality").isEqualTo(m));
      Table tr = sub.where(sub.intColumn("treated").isEqualTo(1));
      Table co = sub.where(sub.intColumn("treated").isEqualTo(0));
      assertEquals(tr.rowCount(), e.intColumn("total_treated").getInt(r));
      assertEquals(co.rowCount(), e.intColumn("total_control").getInt(r));
      assertEquals((int) tr.intColumn("reoffended").sum(), e.intColumn("events_treated").getInt(r));
      assertEquals((int) co.intColumn("reoffended").sum(), e.intColumn("events_control").getInt(r));
    }
  }

  @Test
  void pooledRiskRatioRecoversTheTruth() {
    SyntheticOutcomes s = SyntheticOutcomes.of(20240101L).withPersons(20_000).withRiskRatio(0.8);
    MetaAnalysis m = MetaAnalysis.fromCounts(s.effects(), io.github.dmstat.core.outcomes.CountColumns.standard(),
        Measure.RR, MetaMethod.REML, 0.95);
    double truth = Math.log(s.trueRiskRatio());
    assertTrue(Math.abs(m.estimate() - truth) < 4 * m.se(), m + " vs log " + s.trueRiskRatio());
    assertTrue(m.se() < 0.02, m.toString());
  }

  @Test
  void kaplanMeierCumulativeIncidenceRatioRecoversTheTruth() {
    SyntheticOutcomes s = SyntheticOutcomes.of(99).withPersons(10_000);
    List<SurvivalCurve> curves = KaplanMeier.fit(s.cohorts(), "time", "reoffended", "group", 0.95);
    SurvivalCurve.At t = curves.get(0).at(365).get(0);
    SurvivalCurve.At c = curves.get(1).at(365).get(0);
    assertEquals("intervention", curves.get(0).group());
    double ratio = (1 - t.survival()) / (1 - c.survival());
    // delta-method SE of the log ratio of cumulative incidences
    double se = Math.sqrt(Math.pow(t.stdErr() / (1 - t.survival()), 2) + Math.pow(c.stdErr() / (1 - c.survival()), 2));
    assertTrue(Math.abs(Math.log(ratio) - Math.log(0.75)) < 4 * se, ratio + " se " + se);
  }

  @Test
  void trueRiskIsTheCovariateAverage() {
    SyntheticOutcomes s = SyntheticOutcomes.of(1).withPersons(100_000);
    SyntheticOutcomes.Municipality m = SyntheticOutcomes.municipalities().get(0);
    double truth = s.trueRisk(m, false);
    assertEquals(truth * 0.75, s.trueRisk(m, true), 1e-15);
    assertTrue(truth > 0.1 && truth < 0.65, Double.toString(truth));
  }

  @Test
  void didEstimateRecoversTheTruth() {
    SyntheticOutcomes s = SyntheticOutcomes.of(2024).withWijken(60).withDidEffect(-4);
    DiffInDiff d = DiffInDiff.fit(s.panel(), "unit", "treated", "period", "rate", 0.95);
    assertTrue(Math.abs(d.effect().estimate() - s.trueDidEffect()) < 4 * d.effect().se(), d.toString());
    assertTrue(d.preTrend().isPresent());
    assertTrue(Math.abs(d.preTrend().get().estimate()) < 4 * d.preTrend().get().se(), d.toString());
  }

  @Test
  void panelHasTheDocumentedShape() {
    SyntheticOutcomes s = SyntheticOutcomes.of(4);
    Table p = s.panel();
    int units = SyntheticOutcomes.municipalities().stream().mapToInt(s::wijkenIn).sum();
    assertEquals(units * 5, p.rowCount());
    assertEquals(units, p.stringColumn("unit").countUnique());
    assertTrue(p.stringColumn("unit").allMatch(u -> u.matches("WK[0-9]{6}")));
    assertEquals("WK003401", p.stringColumn("unit").get(0));
  }

  @Test
  void rejectsBadSettingsNamingTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyntheticOutcomes.of(1).withPersons(1));
    assertTrue(e.getMessage().contains("persons") && e.getMessage().contains("1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SyntheticOutcomes.of(1).withRiskRatio(2));
    assertThrows(IllegalArgumentException.class, () -> SyntheticOutcomes.of(1).withRiskRatio(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> SyntheticOutcomes.of(1).withWijken(100));
    assertThrows(IllegalArgumentException.class, () -> SyntheticOutcomes.of(1).withDidEffect(Double.NaN));
  }

  @Test
  void embeddedDatasetsAreTheSeededGenerator() {
    SyntheticOutcomes s = SyntheticOutcomes.of(20240101L);
    SyntheticSurveyTest.assertSameTable(s.cohorts(), Datasets.table("cohorts"));
    SyntheticSurveyTest.assertSameTable(s.effects(), Datasets.table("effects"));
    SyntheticSurveyTest.assertSameTable(s.panel(), Datasets.table("panel"));
    assertTrue(Datasets.describe("effects").contains("0.75"));
  }
}
