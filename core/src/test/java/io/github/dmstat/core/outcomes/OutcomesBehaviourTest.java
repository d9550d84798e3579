package io.github.dmstat.core.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Behaviour, bad input and invariants of the outcome estimators. */
class OutcomesBehaviourTest {

  private static Table countsTable(int eventsT) {
    return Table.create("c").addColumns(StringColumn.create("m", "A", "B", "C"),
        IntColumn.create("et", eventsT, 10, 12), IntColumn.create("nt", 50, 60, 70),
        IntColumn.create("ec", 20, 15, 18), IntColumn.create("nc", 55, 65, 75));
  }

  @Test
  void rejectsEventsAboveTotalNamingColumnRowAndValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MetaAnalysis.fromCounts(
        countsTable(51), CountColumns.study("m").treated("et", "nt").control("ec", "nc"), Measure.RR, MetaMethod.DL, 0.95));
    assertTrue(e.getMessage().contains("'et'") && e.getMessage().contains("row 1") && e.getMessage().contains("51"),
        e.getMessage());
  }

  @Test
  void rejectsNegativeCounts() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MetaAnalysis.fromCounts(
        countsTable(-3), CountColumns.study("m").treated("et", "nt").control("ec", "nc"), Measure.OR, MetaMethod.FE, 0.95));
    assertTrue(e.getMessage().contains("'et'") && e.getMessage().contains("-3"), e.getMessage());
  }

  @Test
  void rejectsRandomEffectsWithOneStudy() {
    assertThrows(IllegalArgumentException.class,
        () -> MetaAnalysis.of(List.of("A"), new double[] {0.1}, new double[] {0.02}, MetaMethod.REML, 0.95));
    MetaAnalysis fe = MetaAnalysis.of(List.of("A"), new double[] {0.1}, new double[] {0.02}, MetaMethod.FE, 0.95);
    assertEquals(0.1, fe.estimate(), 1e-15);
    assertTrue(fe.prediction().isEmpty());
  }

  @Test
  void rejectsUnknownMethodListingValidOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MetaMethod.parse("PM"));
    assertTrue(e.getMessage().contains("REML") && e.getMessage().contains("'PM'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Measure.parse("SMD"));
  }

  private static Table survival(double t2, String e2) {
    return Table.create("s").addColumns(DoubleColumn.create("t", 1.0, t2, 3.0),
        StringColumn.create("e", "1", e2, "0"), StringColumn.create("g", "a", "b", "a"));
  }

  @Test
  void rejectsNonPositiveTimeAndBadEvent() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KaplanMeier.fit(survival(0, "1"), "t", "e", "g", 0.95));
    assertTrue(e.getMessage().contains("'t'") && e.getMessage().contains("row 2"), e.getMessage());
    IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
        () -> KaplanMeier.fit(survival(2, "2"), "t", "e", 0.95));
    assertTrue(e2.getMessage().contains("'e'") && e2.getMessage().contains("row 2") && e2.getMessage().contains("'2'"),
        e2.getMessage());
    Table missing = survival(2, "1");
    missing.doubleColumn("t").setMissing(1);
    assertThrows(IllegalArgumentException.class, () -> KaplanMeier.fit(missing, "t", "e", 0.95));
  }

  @Test
  void curveReachingZeroHasNoNaN() {
    SurvivalCurve c = KaplanMeier.fit(new double[] {1, 2, 2, 3}, new byte[] {1, 1, 0, 1}, "x", 0.95);
    SurvivalCurve.Point last = c.points().get(c.points().size() - 1);
    assertEquals(0, last.survival());
    assertFalse(Double.isNaN(last.lower()) || Double.isNaN(last.upper()) || Double.isNaN(last.stdErr()));
    assertTrue(c.median().isPresent());
  }

  @Test
  void nntWordingWhenIntervalCrossesZero() {
    NumberNeededToTreat nnt = new NumberNeededToTreat(-0.05, -0.12, 0.02, 0.95, true);
    assertEquals(NumberNeededToTreat.Direction.BENEFIT, nnt.direction());
    assertEquals(20, nnt.nnt(), 1e-12);
    assertTrue(nnt.intervalCrossesZero());
    assertTrue(nnt.wording().contains("NNT (benefit) 8.3 to ∞ to NNT (harm) 50.0"), nnt.wording());
    NumberNeededToTreat clear = new NumberNeededToTreat(-0.10, -0.15, -0.05, 0.95, true);
    assertTrue(clear.wording().contains("NNT (benefit) 6.7 to 20.0"), clear.wording());
  }

  @Test
  void zeroCellCorrectionIsReported() {
    EffectSize e = EffectSize.of(new TwoByTwo(0, 23, 38, 89), Measure.RR, 0.95);
    assertTrue(e.zeroCellCorrected());
    assertTrue(e.toString().contains("1/2 added"), e.toString());
    assertFalse(EffectSize.of(new TwoByTwo(3, 23, 38, 89), Measure.RR, 0.95).zeroCellCorrected());
  }

  @Test
  void diffInDiffRejectsBadPeriodAndTreatedChangingWithinUnit() {
    Table t = Table.create("p").addColumns(StringColumn.create("u", "a", "a", "b", "b"),
        IntColumn.create("tr", 1, 0, 0, 0), DoubleColumn.create("per", 0, 1, 0, 1), DoubleColumn.create("y", 1, 2, 3, 4));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DiffInDiff.fit(t, "u", "tr", "per", "y"));
    assertTrue(e.getMessage().contains("'tr'") && e.getMessage().contains("row 2"), e.getMessage());
    Table t2 = Table.create("p").addColumns(StringColumn.create("u", "a", "a", "b", "b"),
        IntColumn.create("tr", 1, 1, 0, 0), DoubleColumn.create("per", 0, 0.5, 0, 1), DoubleColumn.create("y", 1, 2, 3, 4));
    IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
        () -> DiffInDiff.fit(t2, "u", "tr", "per", "y"));
    assertTrue(e2.getMessage().contains("'per'") && e2.getMessage().contains("0.5"), e2.getMessage());
  }

  @Property(tries = 200)
  void effectEstimateLiesInsideItsInterval(@ForAll @IntRange(min = 0, max = 40) int a,
      @ForAll @IntRange(min = 1, max = 40) int n1, @ForAll @IntRange(min = 0, max = 40) int c,
      @ForAll @IntRange(min = 1, max = 40) int n2) {
    TwoByTwo t = new TwoByTwo(Math.min(a, n1), n1, Math.min(c, n2), n2);
    for (Measure m : Measure.values()) {
      EffectSize e = EffectSize.of(t, m, 0.95);
      assertTrue(e.ciLower() <= e.estimate() && e.estimate() <= e.ciUpper(), e.toString());
    }
    EffectSize nc = EffectSize.of(t, Measure.RD, EffectInterval.NEWCOMBE, 0.95);
    assertTrue(nc.ciLower() <= nc.estimate() + 1e-12 && nc.estimate() <= nc.ciUpper() + 1e-12, nc.toString());
    assertTrue(nc.ciLower() >= -1 - 1e-12 && nc.ciUpper() <= 1 + 1e-12, nc.toString());
    assertTrue(nc.fisherP() >= 0 && nc.fisherP() <= 1);
  }

  @Property(tries = 100)
  void swappingGroupsInvertsRatiosAndNegatesDifference(@ForAll @IntRange(min = 1, max = 30) int a,
      @ForAll @IntRange(min = 1, max = 30) int c) {
    TwoByTwo t = new TwoByTwo(a, 40, c, 50);
    TwoByTwo s = new TwoByTwo(c, 50, a, 40);
    assertEquals(EffectSize.of(t, Measure.RR, 0.95).yi(), -EffectSize.of(s, Measure.RR, 0.95).yi(), 1e-12);
    assertEquals(EffectSize.of(t, Measure.OR, 0.95).yi(), -EffectSize.of(s, Measure.OR, 0.95).yi(), 1e-12);
    assertEquals(EffectSize.fisherExactP(t), EffectSize.fisherExactP(s), 1e-12);
  }

  @Property(tries = 100)
  void studyOrderDoesNotChangePooledResult(@ForAll @DoubleRange(min = -1, max = 1) double y0,
      @ForAll @DoubleRange(min = 0.01, max = 0.5) double v0) {
    double[] yi = {y0, 0.3, -0.2, 0.5};
    double[] vi = {v0, 0.05, 0.02, 0.1};
    double[] yr = {0.5, -0.2, 0.3, y0};
    double[] vr = {0.1, 0.02, 0.05, v0};
    for (MetaMethod m : MetaMethod.values()) {
      MetaAnalysis a = MetaAnalysis.of(List.of("a", "b", "c", "d"), yi, vi, m, 0.95);
      MetaAnalysis b = MetaAnalysis.of(List.of("d", "c", "b", "a"), yr, vr, m, 0.95);
      assertEquals(a.estimate(), b.estimate(), 1e-10);
      assertEquals(a.tau2(), b.tau2(), 1e-10);
      assertTrue(a.i2() >= 0 && a.i2() <= 100);
      assertTrue(a.ciLower() <= a.estimate() && a.estimate() <= a.ciUpper());
    }
  }

  @Property(tries = 50)
  void sampleSizeAndPowerAreInverse(@ForAll @DoubleRange(min = 0.05, max = 0.45) double p1,
      @ForAll @DoubleRange(min = 0.5, max = 0.95) double power) {
    double p2 = p1 + 0.1;
    PowerResult n = PowerResult.sampleSize(power, p1, p2, 0.05);
    assertEquals(power, PowerResult.power(n.n(), p1, p2, 0.05).power(), 1e-9);
  }

  @Property(tries = 100)
  void survivalIsNonIncreasingAndInsideItsInterval(@ForAll @IntRange(min = 1, max = 1000) int seed) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    int n = 5 + r.nextInt(40);
    double[] t = new double[n];
    byte[] e = new byte[n];
    for (int i = 0; i < n; i++) {
      t[i] = 1 + r.nextInt(15);
      e[i] = (byte) (r.nextDouble() < 0.7 ? 1 : 0);
    }
    SurvivalCurve c = KaplanMeier.fit(t, e, "x", 0.95);
    double prev = 1;
    for (SurvivalCurve.Point p : c.points()) {
      assertTrue(p.survival() <= prev + 1e-15);
      assertTrue(p.lower() <= p.survival() + 1e-15 && p.survival() <= p.upper() + 1e-15);
      prev = p.survival();
    }
    if (c.median().isPresent() && c.medianLower().isPresent()) {
      assertTrue(c.medianLower().getAsDouble() <= c.median().getAsDouble());
    }
  }
}
