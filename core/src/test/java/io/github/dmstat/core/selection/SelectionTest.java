package io.github.dmstat.core.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.concentration.MissingPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class SelectionTest {

  /** Six municipalities; GM0002 and GM0003 have identical values (exact score tie). */
  private static Table small() {
    return Table.create("t").addColumns(
        StringColumn.create("gm", "GM0001", "GM0003", "GM0002", "GM0004", "GM0005", "GM0006"),
        DoubleColumn.create("pop", 150_000, 95_000, 120_000, 66_000, 81_000, 200_000),
        DoubleColumn.create("crime", 60, 50, 50, 70, 40, 30),
        DoubleColumn.create("lbm", 3.9, 4.0, 4.0, 3.8, 4.1, 4.2));
  }

  private static CompositeIndex index() {
    return CompositeIndex.of(WeightedIndicator.of("crime", 0.6), WeightedIndicator.of("lbm", -0.4));
  }

  @Test
  void tieAtTheCutIsResolvedByAreaIdAndReported() {
    Selection s = index().select(small(), "gm", "pop", SelectionRules.top(2).withMinimumPopulation(80_000));
    assertEquals(List.of("GM0001", "GM0002"), s.selectedAreas());
    assertTrue(s.tie().isPresent());
    assertTrue(s.tie().get().contains("GM0002 selected, GM0003 not"), s.tie().get());
    Explanation e3 = s.explain("GM0003").orElseThrow();
    assertFalse(e3.selected());
    assertEquals("rank 3 > 2 (tie at the cut resolved by area id)", e3.reason());
    assertEquals(e3.score(), s.explain("GM0002").orElseThrow().score());
  }

  @Test
  void explanationTextsNameEachDecision() {
    SelectionRules rules = SelectionRules.top(3).withMinimumPopulation(80_000)
        .include("GM0004", "severe acute problems").exclude("GM0001", "already in another programme");
    Selection s = index().select(small(), "gm", "pop", rules);
    assertEquals("named inclusion: severe acute problems", s.explain("GM0004").orElseThrow().reason());
    assertEquals("below 80,000 inhabitants (population 66,000)", s.explain("GM0004").orElseThrow().eligibility());
    assertFalse(s.explain("GM0004").orElseThrow().eligible());
    assertEquals("named exclusion: already in another programme", s.explain("GM0001").orElseThrow().reason());
    assertEquals("top 2 of eligible (3 places, 1 named inclusion)", s.explain("GM0002").orElseThrow().reason());
    assertEquals("rank 4 > 2", s.explain("GM0006").orElseThrow().reason());
    assertEquals(3, s.selected().size());
    Selection plain = index().select(small(), "gm", "pop", SelectionRules.top(2).withMinimumPopulation(80_000));
    assertEquals("top 2 of eligible", plain.explain("GM0001").orElseThrow().reason());
    assertEquals("below 80,000 inhabitants (population 66,000)", plain.explain("GM0004").orElseThrow().reason());
    Explanation e = plain.explain("GM0001").orElseThrow();
    Contribution c = e.contribution("lbm");
    assertEquals(-0.4 * c.standardised().getAsDouble(), c.contribution().getAsDouble(), 1e-15);
    assertEquals(e.score().getAsDouble(), e.contributions().stream()
        .mapToDouble(x -> x.contribution().getAsDouble()).sum(), 1e-12);
    assertTrue(e.toString().startsWith("GM0001: selected (top 2 of eligible); score"), e.toString());
    assertTrue(plain.toString().contains("Selection of 2 of 6 areas"), plain.toString());
    assertEquals(6, plain.toTable().rowCount());
    assertEquals(9 + 6, plain.toTable().columnCount());
  }

  @Test
  void missingIndicatorExcludesAreaOrFails() {
    Table t = small();
    t.doubleColumn("crime").setMissing(0);
    Selection s = index().with(MissingPolicy.EXCLUDE_AREA).select(t, "gm", "pop", SelectionRules.top(2));
    assertEquals(1, s.unscored());
    assertEquals("missing indicator 'crime'", s.explain("GM0001").orElseThrow().reason());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> index().select(t, "gm", "pop", SelectionRules.top(2)));
    assertTrue(e.getMessage().startsWith("column 'crime', row 1: area 'GM0001'"), e.getMessage());
  }

  @Test
  void rejectsBadInputNamingTheValue() {
    assertThrows(IllegalArgumentException.class, () -> IndicatorScaling.parse("robust"));
    IllegalArgumentException w = assertThrows(IllegalArgumentException.class, () -> WeightedIndicator.of("x", 0));
    assertTrue(w.getMessage().contains("'x'"), w.getMessage());
    IllegalArgumentException u = assertThrows(IllegalArgumentException.class,
        () -> index().select(small(), "gm", "pop", SelectionRules.top(2).include("GM9999", "why")));
    assertTrue(u.getMessage().contains("'GM9999'"), u.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SelectionRules.top(2).include("A", "x").exclude("A", "y"));
    Table dup = small();
    dup.stringColumn("gm").set(1, "GM0001");
    IllegalArgumentException d = assertThrows(IllegalArgumentException.class,
        () -> index().select(dup, "gm", "pop", SelectionRules.top(2)));
    assertTrue(d.getMessage().contains("row 2") && d.getMessage().contains("'GM0001'"), d.getMessage());
    Table constant = small();
    for (int i = 0; i < 6; i++) {
      constant.doubleColumn("crime").set(i, 5.0);
    }
    IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
        () -> index().select(constant, "gm", "pop", SelectionRules.top(2)));
    assertTrue(c.getMessage().contains("indicator 'crime'"), c.getMessage());
  }

  @Test
  void rankStandardisationUsesAverageRanks() {
    double[] s = IndicatorScaling.RANK.apply("x", new double[] {10, 20, 20, Double.NaN, 5});
    assertEquals(1.0 / 3, s[0], 1e-15);
    assertEquals(2.5 / 3, s[1], 1e-15);
    assertEquals(2.5 / 3, s[2], 1e-15);
    assertTrue(Double.isNaN(s[3]));
    assertEquals(0, s[4], 0);
  }

  private static AreaIndicators withSe(Table t) {
    List<String> ids = t.stringColumn("gm").asList();
    double[] crime = t.doubleColumn("crime").asDoubleArray();
    double[] lbm = t.doubleColumn("lbm").asDoubleArray();
    return AreaIndicators.of(ids, t.doubleColumn("pop").asDoubleArray(), List.of("crime", "lbm"),
        new double[][] {crime, lbm}, new double[][] {new double[] {3, 3, 3, 3, 3, 3}, new double[] {.05, .05, .05, .05, .05, .05}});
  }

  @Test
  void monteCarloIsDeterministicForASeed() {
    AreaIndicators data = withSe(small());
    SelectionRules rules = SelectionRules.top(2).withMinimumPopulation(80_000).include("GM0004", "flexible approach");
    RankUncertainty a = index().rankUncertainty(data, rules, 400, 42L);
    RankUncertainty b = index().rankUncertainty(data, rules, 400, 42L);
    RankUncertainty c = index().rankUncertainty(data, rules, 400, 43L);
    assertEquals(a, b);
    assertNotEquals(a, c);
    assertEquals(1.0, a.find("GM0004").orElseThrow().probabilitySelected());
    for (RankUncertainty.AreaUncertainty u : a.areas()) {
      assertTrue(u.rankLower() >= 1 && u.rankUpper() <= 6, u.toString());
    }
    double total = a.areas().stream().mapToDouble(RankUncertainty.AreaUncertainty::probabilitySelected).sum();
    assertEquals(2.0, total, 1e-12);
    assertEquals(6, a.toTable().rowCount());
    assertTrue(a.toString().contains("seed 42"));
  }

  @Test
  void weightSensitivityReportsAreasEnteringAndLeaving() {
    // min-max scaled values are the raw values (min 0, max 1); D holds the maxima and is excluded
    Table t = Table.create("t").addColumns(StringColumn.create("gm", "A", "B", "C", "D"),
        DoubleColumn.create("x", 1, 0.4, 0, 0.3), DoubleColumn.create("y", 0, 0.55, 0, 1));
    CompositeIndex idx = CompositeIndex.of(WeightedIndicator.of("x", 1), WeightedIndicator.of("y", 1))
        .with(IndicatorScaling.MINMAX);
    AreaIndicators data = AreaIndicators.from(t, "gm", null, idx);
    WeightSensitivity w = idx.weightSensitivity(data, SelectionRules.top(1).exclude("D", "test"), 0.10);
    assertEquals(List.of("A"), w.baseline());
    assertEquals(4, w.changes().size());
    WeightSensitivity.WeightChange xDown = w.changes().get(0);
    assertEquals(0.9, xDown.newWeight(), 1e-15);
    assertEquals(List.of("B"), xDown.entered());
    assertEquals(List.of("A"), xDown.left());
    assertTrue(w.changes().get(1).stable());
    assertTrue(w.changes().get(2).stable());
    assertEquals(List.of("B"), w.changes().get(3).entered());
    assertTrue(w.toString().contains("x weight 1.0 → 0.9: enter [B], leave [A]"), w.toString());
    assertEquals(4, w.toTable().rowCount());
  }

  @Property(tries = 200)
  void selectionObeysTheRules(@ForAll long seed, @ForAll @IntRange(min = 3, max = 60) int n,
      @ForAll @IntRange(min = 1, max = 30) int size) {
    Random rnd = new Random(seed);
    List<String> ids = new ArrayList<>();
    double[] pop = new double[n];
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      ids.add(String.format("GM%04d", i));
      pop[i] = 20_000 + rnd.nextInt(200_000);
      x[i] = rnd.nextInt(20);
      y[i] = rnd.nextInt(3) == 0 ? Double.NaN : rnd.nextGaussian();
    }
    y[0] = 0;
    y[1] = 1;
    x[0] = 0;
    x[1] = 19;
    SelectionRules rules = SelectionRules.top(size).withMinimumPopulation(80_000);
    List<String> incl = new ArrayList<>();
    List<String> excl = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int r = rnd.nextInt(10);
      if (r == 0 && !Double.isNaN(y[i])) {
        rules = rules.include(ids.get(i), "named " + i);
        incl.add(ids.get(i));
      } else if (r == 1) {
        rules = rules.exclude(ids.get(i), "named " + i);
        excl.add(ids.get(i));
      }
    }
    CompositeIndex idx = CompositeIndex.of(WeightedIndicator.of("x", 0.7), WeightedIndicator.of("y", -0.3))
        .with(IndicatorScaling.values()[rnd.nextInt(3)]).with(MissingPolicy.EXCLUDE_AREA);
    Selection s = idx.select(AreaIndicators.of(ids, pop, List.of("x", "y"), new double[][] {x, y}), rules);
    long eligibleCompeting = s.explanations().stream().filter(e -> e.eligible() && !incl.contains(e.area())).count();
    for (Explanation e : s.explanations()) {
      if (e.selected()) {
        assertTrue(e.eligible() || incl.contains(e.area()), e.toString());
      }
      if (excl.contains(e.area())) {
        assertFalse(e.selected(), e.toString());
      }
      if (incl.contains(e.area())) {
        assertTrue(e.selected(), e.toString());
      }
    }
    if (eligibleCompeting + incl.size() >= size && incl.size() <= size) {
      assertEquals(size, s.selected().size(), s.toString());
    }
    for (int k = 1; k < s.selected().size(); k++) {
      assertTrue(s.selected().get(k - 1).score() >= s.selected().get(k).score());
    }
  }
}
