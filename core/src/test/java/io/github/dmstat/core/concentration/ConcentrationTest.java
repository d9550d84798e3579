package io.github.dmstat.core.concentration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.spatial.SpatialWeights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ConcentrationTest {

  private static AreaCounts worked() {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      ids.add(String.format("A%02d", i));
    }
    return AreaCounts.of(ids, new long[] {5, 2, 1, 0, 0, 0, 0, 0, 0, 0}, new double[] {
        1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000});
  }

  @Test
  void workedExampleOfBernascoAndSteenbeekGivesG080AndGeneralised075() {
    Gini g = Concentration.gini(worked());
    assertEquals(0.80, g.gini(), 1e-12);
    assertEquals(0.75, g.generalised(), 1e-12);
    assertEquals(0.80 * 10 / 9, g.corrected(), 1e-12);
    assertTrue(g.sparse());
    assertTrue(g.toString().contains("G=0.8000") && g.toString().contains("G'=0.7500"), g.toString());
  }

  @Test
  void generalisedGiniEqualsGiniWhenEventsAtLeastAreas() {
    Gini g = Concentration.gini(new long[] {3, 0, 9, 1});
    assertEquals(g.gini(), g.generalised(), 0);
  }

  @Test
  void allEventsInOneAreaGivesCorrectedGiniOne() {
    Gini g = Concentration.gini(new long[] {0, 0, 0, 40});
    assertEquals(0.75, g.gini(), 1e-12);
    assertEquals(1.0, g.corrected(), 1e-12);
  }

  @Test
  void rejectsDuplicateAreaNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AreaCounts.of(List.of("BU1", "BU2", "BU1"), new long[] {1, 2, 3}, new double[] {10, 10, 10}));
    assertTrue(e.getMessage().contains("'BU1'") && e.getMessage().contains("row 3") && e.getMessage().contains("row 1"),
        e.getMessage());
  }

  @Test
  void rejectsNegativeAndFractionalCountsNamingAreaAndValue() {
    IllegalArgumentException neg = assertThrows(IllegalArgumentException.class,
        () -> AreaCounts.of(List.of("BU1", "BU2"), new double[] {1, -2}, new double[] {10, 10}, MissingPolicy.FAIL));
    assertTrue(neg.getMessage().contains("area 'BU2'") && neg.getMessage().contains("-2"), neg.getMessage());
    Table t = Table.create("t").addColumns(StringColumn.create("area", "BU1", "BU2"),
        StringColumn.create("n", "1", "2.5"), StringColumn.create("pop", "10", "10"));
    IllegalArgumentException frac = assertThrows(IllegalArgumentException.class,
        () -> AreaCounts.from(t, "area", "n", "pop", MissingPolicy.FAIL));
    assertEquals("column 'n', row 2: area 'BU2': must be a whole number >= 0 (a head count; if its '.' or ',' "
        + "separates thousands, read the file with --thousands . or --thousands ,) but was '2.5'", frac.getMessage());
  }

  @Test
  void rejectsEventsWithZeroPopulationNamingArea() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AreaCounts.of(List.of("BU1", "BU2"), new long[] {1, 2}, new double[] {10, 0}));
    assertTrue(e.getMessage().contains("area 'BU2'") && e.getMessage().contains("population 0"), e.getMessage());
  }

  @Test
  void rejectsUnknownColumnListingAvailable() {
    Table t = Table.create("t").addColumns(StringColumn.create("area", "BU1"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AreaCounts.from(t, "area", "events", "pop", MissingPolicy.FAIL));
    assertTrue(e.getMessage().contains("'events' not found") && e.getMessage().contains("[area]"), e.getMessage());
  }

  @Test
  void excludesMissingRowsAndReportsThem() {
    Table t = Table.create("t").addColumns(StringColumn.create("area", "BU1", "BU2", "", "BU4"),
        StringColumn.create("n", "1", "", "3", "4"), DoubleColumn.create("pop", 10, 20, 30, 40));
    AreaCounts c = AreaCounts.from(t, "area", "n", "pop", MissingPolicy.EXCLUDE_AREA);
    assertEquals(List.of("BU1", "BU4"), c.areas());
    assertEquals(2, c.excludedCount());
    assertEquals(List.of("BU2"), c.excludedAreas());
    assertTrue(c.toString().contains("excluded 2"), c.toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AreaCounts.from(t, "area", "n", "pop", MissingPolicy.FAIL));
    assertTrue(e.getMessage().startsWith("column 'n', row 2: area 'BU2'"), e.getMessage());
  }

  @Test
  void missingPolicyParsesAndListsValidValues() {
    assertEquals(MissingPolicy.EXCLUDE_AREA, MissingPolicy.parse("EXCLUDE_AREA"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MissingPolicy.parse("drop"));
    assertTrue(e.getMessage().contains("[exclude-area, fail]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RateInterval.parse("wald"));
  }

  @Test
  void rateToStringShowsUnitAndInterval() {
    Rate r = Rate.perThousand().of(12, 3400);
    assertEquals(1000, r.per());
    assertTrue(r.toString().startsWith("Rate[3.53 per 1,000 (95% CI"), r.toString());
    Rate zero = Rates.perThousand().of(0, 500);
    assertEquals(0, zero.lower());
    assertTrue(zero.upper() > 0);
  }

  @Test
  void rateTableListsAreasWithoutPopulation() {
    AreaCounts c = AreaCounts.of(List.of("a", "b"), new long[] {3, 0}, new double[] {100, 0});
    RateTable t = Rates.perThousand().of(c);
    assertEquals(1, t.rates().size());
    assertEquals(List.of("b"), t.withoutPopulation());
    assertEquals(6, t.toTable().columnCount());
    assertTrue(t.toString().contains("population 0"), t.toString());
  }

  @Test
  void topShareReportsTieAtCut() {
    AreaCounts c = AreaCounts.of(List.of("d", "c", "b", "a", "e"), new long[] {5, 2, 2, 2, 0},
        new double[] {10, 10, 10, 10, 10});
    TopShare t = Concentration.topShare(c, 0.4);
    assertEquals(2, t.k());
    assertEquals(List.of("d", "a"), t.topAreas());
    assertEquals(7.0 / 11, t.share(), 1e-15);
    assertTrue(t.tie().orElseThrow().contains("3 areas with 2 events tie"), t.tie().get());
  }

  @Test
  void zeroEventsIsAnErrorNotNaN() {
    AreaCounts c = AreaCounts.of(List.of("a", "b"), new long[] {0, 0}, new double[] {10, 10});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Concentration.gini(c));
    assertTrue(e.getMessage().contains("total events must be > 0"), e.getMessage());
  }

  @Test
  void summaryPrintsOneLineAndTable() {
    ConcentrationSummary s = Concentration.summarise(worked(), 0.1);
    assertTrue(s.toString().startsWith("Concentration[8 events over 10 areas"), s.toString());
    assertTrue(!s.toString().contains("\n"));
    assertEquals(2, s.toTable().columnCount());
  }

  @Test
  void ebIsShrunkTowardsOverallRate() {
    AreaCounts c = AreaCounts.of(List.of("a", "b", "c", "d"), new long[] {30, 1, 2, 10},
        new double[] {1000, 50, 2000, 800});
    EbRates eb = EmpiricalBayes.estimate(c, 1000);
    double overall = 1000 * eb.b();
    for (EbRates.EbRate r : eb.rates()) {
      assertTrue(Math.abs(r.smoothed() - overall) <= Math.abs(r.raw() - overall) + 1e-12, r.toString());
    }
  }

  @Test
  void areaRowsAgreeWithTheLookUpOfEachArea() {
    // 6 x 6 rook lattice; area 7 has no inhabitants (no rate), area 35 no neighbours (island)
    int side = 6;
    List<String> ids = new ArrayList<>();
    long[] e = new long[side * side];
    double[] p = new double[side * side];
    Random rnd = new Random(11);
    for (int i = 0; i < side * side; i++) {
      ids.add(String.format("BU%08d", 36 - i));
      p[i] = i == 7 ? 0 : 100 + rnd.nextInt(900);
      e[i] = i == 7 ? 0 : rnd.nextInt(20);
    }
    AreaCounts counts = AreaCounts.of(ids, e, p);
    AreaConcentration a = AreaConcentration.analyse(counts, rated -> {
      int[][] nb = new int[rated.size()][];
      for (int k = 0; k < rated.size(); k++) {
        int i = ids.indexOf(rated.get(k));
        List<Integer> out = new ArrayList<>();
        for (int j : new int[] {i - side, i + side, i % side == 0 ? -1 : i - 1, i % side == side - 1 ? -1 : i + 1}) {
          int m = j < 0 || j >= side * side || i == 35 || j == 35 ? -1 : rated.indexOf(ids.get(j));
          if (m >= 0) {
            out.add(m);
          }
        }
        nb[k] = out.stream().mapToInt(Integer::intValue).toArray();
      }
      return Optional.of(SpatialWeights.of(rated, nb));
    }, "rook lattice", 1000, 0.1, 0.95, 99, 3);
    List<AreaConcentration.Row> rows = a.rows();
    assertEquals(ids, rows.stream().map(AreaConcentration.Row::area).toList());
    int found = 0;
    for (int i = 0; i < rows.size(); i++) {
      AreaConcentration.Row r = rows.get(i);
      String id = ids.get(i);
      assertEquals(e[i], r.count());
      assertEquals(p[i], r.population());
      assertEquals(a.rates().find(id), r.rate());
      assertEquals(a.eb().find(id).map(EbRates.EbRate::smoothed), opt(r.ebRate()));
      assertEquals(a.local().orElseThrow().find(id).map(x -> x.statistic()), opt(r.localMoran()));
      assertEquals(a.local().orElseThrow().find(id).map(x -> x.cluster().code()), r.cluster());
      assertEquals(a.getisOrd().orElseThrow().find(id).map(x -> x.gStar()), opt(r.giStar()));
      assertEquals(i == 7, r.rate().isEmpty() && r.neighbours().isEmpty(), id);
      if (r.rate().isPresent()) {
        found++;
      }
    }
    assertEquals(35, found);
    assertEquals(OptionalInt.of(0), rows.get(35).neighbours());
    assertEquals(Optional.of("no neighbours"), rows.get(35).cluster());
  }

  private static Optional<Double> opt(OptionalDouble v) {
    return v.isPresent() ? Optional.of(v.getAsDouble()) : Optional.empty();
  }

  private static AreaCounts random(long seed, int n) {
    Random rnd = new Random(seed);
    List<String> ids = new ArrayList<>();
    long[] e = new long[n];
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      ids.add("A" + i);
      e[i] = rnd.nextInt(4) == 0 ? rnd.nextInt(30) : 0;
      p[i] = 50 + rnd.nextInt(3000);
    }
    e[0] += 1;
    return AreaCounts.of(ids, e, p);
  }

  @Property(tries = 200)
  void giniIsInUnitIntervalAndGeneralisedNotAboveGini(@ForAll long seed, @ForAll @IntRange(min = 2, max = 80) int n) {
    Gini g = Concentration.gini(random(seed, n));
    assertTrue(g.gini() >= -1e-12 && g.gini() <= (n - 1.0) / n + 1e-12, g.toString());
    assertTrue(g.generalised() <= g.gini() + 1e-12 && g.generalised() >= -1e-12, g.toString());
    assertTrue(g.corrected() <= 1 + 1e-12, g.toString());
  }

  @Property(tries = 100)
  void rowOrderChangesNothing(@ForAll long seed, @ForAll @IntRange(min = 2, max = 50) int n) {
    AreaCounts c = random(seed, n);
    List<Integer> perm = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      perm.add(i);
    }
    Collections.shuffle(perm, new Random(seed + 1));
    long[] e = c.events();
    double[] p = c.population();
    long[] e2 = new long[n];
    double[] p2 = new double[n];
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      e2[i] = e[perm.get(i)];
      p2[i] = p[perm.get(i)];
      ids.add(c.areas().get(perm.get(i)));
    }
    AreaCounts d = AreaCounts.of(ids, e2, p2);
    assertEquals(Concentration.lorenz(c), Concentration.lorenz(d));
    assertEquals(Concentration.populationLorenz(c), Concentration.populationLorenz(d));
    assertEquals(Concentration.topShare(c, 0.1), Concentration.topShare(d, 0.1));
    assertEquals(Concentration.hoover(c), Concentration.hoover(d), 1e-12);
  }

  @Property(tries = 200)
  void rateLiesInsideItsInterval(@ForAll @LongRange(min = 0, max = 5000) long x,
      @ForAll @IntRange(min = 1, max = 1_000_000) int pop) {
    for (RateInterval m : RateInterval.values()) {
      Rate r = Rates.perThousand().with(m).of(x, pop);
      assertTrue(r.lower() <= r.rate() && r.rate() <= r.upper(), r.toString());
    }
  }

  @Property(tries = 100)
  void lorenzCurveIsMonotoneAndBelowDiagonal(@ForAll long seed, @ForAll @IntRange(min = 2, max = 60) int n) {
    LorenzCurve l = Concentration.lorenz(random(seed, n));
    double[] ys = l.points().stream().mapToDouble(LorenzPoint::y).toArray();
    double[] sorted = ys.clone();
    Arrays.sort(sorted);
    assertTrue(Arrays.equals(ys, sorted));
    for (LorenzPoint p : l.points()) {
      assertTrue(p.y() <= p.x() + 1e-12, p.toString());
    }
    assertEquals(1.0, ys[ys.length - 1], 1e-12);
  }
}
