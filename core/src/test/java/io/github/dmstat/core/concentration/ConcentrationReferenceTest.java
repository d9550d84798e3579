package io.github.dmstat.core.concentration;

import static io.github.dmstat.core.Reference.close;
import static io.github.dmstat.core.Reference.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.Reference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tech.tablesaw.api.Table;

/**
 * Agreement with R (stats {@code poisson.test}, spdep {@code EBest}, the ineq {@code Gini} formula)
 * on the fixtures in {@code reference/} (see {@code make_reference.R} there). Tolerance 1e-8
 * relative.
 */
class ConcentrationReferenceTest {
  private static final String DIR = "reference/";
  private static final double TOL = 1e-8;
  private static final Map<String, AreaCounts> CASES = new HashMap<>();
  private static double maxRel;

  private static synchronized AreaCounts counts(String cs) {
    return CASES.computeIfAbsent(cs, c -> {
      Table all = Reference.table(ConcentrationReferenceTest.class, DIR + "concentration_areas.csv");
      Table t = all.where(all.stringColumn("case").isEqualTo(c));
      return AreaCounts.from(t, "area", "events", "population", MissingPolicy.FAIL);
    });
  }

  private static void check(double expected, double actual, String what) {
    double rel = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
    if (actual != expected) {
      synchronized (ConcentrationReferenceTest.class) {
        maxRel = Math.max(maxRel, expected == 0 ? Math.abs(actual) : rel);
      }
    }
    if (expected == 0) {
      assertTrue(Math.abs(actual) <= 1e-15, what + ": expected 0 but was " + actual);
    } else {
      close(expected, actual, TOL, what);
    }
  }

  @AfterAll
  static void report() {
    System.out.println("ConcentrationReferenceTest: max relative difference vs R = " + maxRel);
  }

  private static List<Map<String, String>> rows(String file) {
    List<Map<String, String>> r = Reference.rows(ConcentrationReferenceTest.class, DIR + file);
    assertTrue(!r.isEmpty(), file + " empty");
    return r;
  }

  @TestFactory
  Stream<DynamicTest> ratesAgreeWithPoissonTestAndByar() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map<String, String> r : rows("rate_reference.csv")) {
      String name = r.get("case") + " " + r.get("area") + " level " + r.get("level");
      tests.add(DynamicTest.dynamicTest(name, () -> {
        long x = (long) num(r, "events");
        double p = num(r, "population");
        double level = num(r, "level");
        Rate exact = Rates.per(num(r, "per")).withLevel(level).of(x, p);
        Rate byar = Rates.per(num(r, "per")).withLevel(level).with(RateInterval.BYAR).of(x, p);
        check(num(r, "rate"), exact.rate(), name + " rate");
        check(num(r, "exact_lower"), exact.lower(), name + " exact lower");
        check(num(r, "exact_upper"), exact.upper(), name + " exact upper");
        check(num(r, "byar_lower"), byar.lower(), name + " byar lower");
        check(num(r, "byar_upper"), byar.upper(), name + " byar upper");
      }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> lorenzPointsAgreeWithR() {
    Map<String, List<Map<String, String>>> byCurve = new HashMap<>();
    for (Map<String, String> r : rows("lorenz_reference.csv")) {
      byCurve.computeIfAbsent(r.get("case") + "|" + r.get("variant"), k -> new ArrayList<>()).add(r);
    }
    return byCurve.entrySet().stream().map(en -> DynamicTest.dynamicTest(en.getKey(), () -> {
      String[] key = en.getKey().split("\\|");
      AreaCounts c = counts(key[0]);
      LorenzCurve l = key[1].equals("count") ? Concentration.lorenz(c) : Concentration.populationLorenz(c);
      assertEquals(en.getValue().size(), l.points().size(), en.getKey() + " points");
      for (int k = 0; k < l.points().size(); k++) {
        Map<String, String> r = en.getValue().get(k);
        LorenzPoint pt = l.points().get(k);
        assertEquals((int) num(r, "k"), pt.k());
        assertEquals(r.get("area"), pt.area(), en.getKey() + " area at k=" + k);
        check(num(r, "x"), pt.x(), en.getKey() + " x at k=" + k);
        check(num(r, "y"), pt.y(), en.getKey() + " y at k=" + k);
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> summaryAgreesWithR() {
    return rows("summary_reference.csv").stream().map(r -> DynamicTest.dynamicTest(r.get("case"), () -> {
      AreaCounts c = counts(r.get("case"));
      String cs = r.get("case");
      assertEquals((int) num(r, "n"), c.size());
      assertEquals((long) num(r, "events"), c.totalEvents());
      check(num(r, "population"), c.totalPopulation(), cs + " population");
      Gini g = Concentration.gini(c);
      check(num(r, "gini"), g.gini(), cs + " gini");
      check(num(r, "gini_corrected"), g.corrected(), cs + " gini corrected");
      check(num(r, "gini_generalised"), g.generalised(), cs + " gini generalised");
      check(num(r, "gini"), Concentration.lorenz(c).gini(), cs + " gini from Lorenz curve");
      check(num(r, "gini_population"), Concentration.populationGini(c), cs + " population gini");
      check(num(r, "hoover"), Concentration.hoover(c), cs + " hoover");
      EbRates eb = EmpiricalBayes.estimate(c, 1);
      check(num(r, "eb_a"), eb.a(), cs + " EB a");
      check(num(r, "eb_b"), eb.b(), cs + " EB b");
    }));
  }

  @TestFactory
  Stream<DynamicTest> topSharesAgreeWithR() {
    return rows("topshare_reference.csv").stream().map(r -> DynamicTest.dynamicTest(
        r.get("case") + " top " + r.get("fraction"), () -> {
          TopShare t = Concentration.topShare(counts(r.get("case")), num(r, "fraction"));
          assertEquals((int) num(r, "k"), t.k());
          check(num(r, "share"), t.share(), r.get("case") + " share");
          assertEquals(List.of(r.get("areas").split(";")), t.topAreas());
        }));
  }

  @TestFactory
  Stream<DynamicTest> locationQuotientsAndEbestAgreeWithR() {
    return rows("area_reference.csv").stream().map(r -> DynamicTest.dynamicTest(r.get("case") + " " + r.get("area"),
        () -> {
          AreaCounts c = counts(r.get("case"));
          String what = r.get("case") + " " + r.get("area");
          LocationQuotient lq = Concentration.locationQuotients(c).stream()
              .filter(q -> q.area().equals(r.get("area"))).findFirst().orElseThrow();
          check(num(r, "lq"), lq.quotient().orElseThrow(), what + " LQ");
          EbRates.EbRate e = EmpiricalBayes.estimate(c, 1).find(r.get("area")).orElseThrow();
          check(num(r, "eb_raw"), e.raw(), what + " EB raw");
          check(num(r, "eb_estmm"), e.smoothed(), what + " EB estmm");
          EbRates.EbRate k = EmpiricalBayes.estimate(c, 1000).find(r.get("area")).orElseThrow();
          close(1000 * num(r, "eb_estmm"), k.smoothed(), 1e-12, what + " EB per 1,000");
        }));
  }
}
