package io.github.dmstat.core.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.Columns;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.internal.DomainSums;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A design made from its structure (no rows) finishes sums filled elsewhere to the same table as
 * the design bound from the rows: clustered with and without fpc, lonely PSUs, element sampling.
 */
class StructureDesignTest {
  private static final PrevalenceEstimator EST = PrevalenceEstimator.withDefaults().with(ReliabilityRule.NONE);

  /** 900 rows, 5 strata of 1-6 PSUs (PSU labels reused across strata), 3 groups, missing values, fpc per stratum. */
  private static Table survey(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 900;
    double[] w = new double[n];
    double[] fpc = new double[n];
    String[] s = new String[n];
    String[] p = new String[n];
    String[] g = new String[n];
    IntColumn y = IntColumn.create("y", n);
    for (int i = 0; i < n; i++) {
      int h = r.nextInt(5);
      w[i] = 0.5 + 3 * r.nextDouble();
      s[i] = "S" + h;
      // stratum S0 has a single PSU (lonely), the others up to six
      p[i] = "P" + (h == 0 ? 0 : r.nextInt(1 + h));
      fpc[i] = 40 + 10 * h;
      g[i] = r.nextInt(40) == 0 ? "" : "g" + r.nextInt(3);
      if (r.nextInt(20) == 0) {
        y.setMissing(i);
      } else {
        y.set(i, r.nextDouble() < 0.2 ? 1 : 0);
      }
    }
    return Table.create("survey", DoubleColumn.create("w", w), DoubleColumn.create("f", fpc), StringColumn.create("s", s),
        StringColumn.create("p", p), StringColumn.create("g", g), y);
  }

  /** The structure of a bound design, rebuilt through the public factories, then finished from its own sums. */
  private static void sameTable(Table t, DesignSpec spec) {
    PrevalenceTable expected = EST.estimate(t, spec, "y", List.of("g"));
    SurveyDesign bound = spec.bind(t);
    List<String> strata = new ArrayList<>();
    for (int h = 0; h < bound.strataCount(); h++) {
      strata.add(bound.stratumLabel(h));
    }
    double[] fpc = null;
    if (spec.fpc().isPresent()) {
      fpc = new double[bound.strataCount()];
      double[] f = t.doubleColumn("f").asDoubleArray();
      for (int i = 0; i < t.rowCount(); i++) {
        fpc[bound.stratumOfUnit(bound.unitOf(i))] = f[i];
      }
    }
    SurveyDesign structure;
    if (bound.elementSampling()) {
      int[] rowsIn = new int[bound.strataCount()];
      for (int h = 0; h < rowsIn.length; h++) {
        rowsIn[h] = bound.unitsInStratum(h);
      }
      structure = SurveyDesign.ofStrata(spec, strata, rowsIn, fpc);
    } else {
      int[] psuStratum = new int[bound.units()];
      for (int u = 0; u < psuStratum.length; u++) {
        psuStratum[u] = bound.stratumOfUnit(u);
      }
      structure = SurveyDesign.ofClusters(spec, t.rowCount(), strata, psuStratum, fpc);
    }
    assertEquals(bound.toString(), structure.toString());
    byte[] y = Columns.flags(t, "y");
    Columns.Codes g = Columns.codes(t, List.of("g"));
    // the sums as another engine would fill them: weights and cells passed in, two halves merged
    DomainSums a = PrevalenceEstimator.empty(structure, g.size());
    DomainSums b = PrevalenceEstimator.empty(structure, g.size());
    double[] w = bound.weights();
    // cells: the PSU of each row, or its stratum under element sampling
    int[] cell = new int[t.rowCount()];
    for (int i = 0; i < cell.length; i++) {
      cell[i] = bound.elementSampling() ? bound.stratumOfUnit(i) : bound.unitOf(i);
    }
    a.add(w, y, g.codes(), cell, 0, 400);
    b.add(w, y, g.codes(), cell, 400, t.rowCount());
    PrevalenceTable finished = EST.finish(structure, b.merge(a), g.levels(), "y", List.of("g"));
    assertEquals(expected.design(), finished.design());
    assertEquals(expected.estimates().size(), finished.estimates().size());
    for (int k = 0; k < expected.estimates().size(); k++) {
      PrevalenceEstimate x = expected.estimates().get(k);
      PrevalenceEstimate m = finished.estimates().get(k);
      assertEquals(x.group(), m.group());
      assertEquals(x.n(), m.n());
      assertEquals(x.degreesOfFreedom(), m.degreesOfFreedom());
      assertEquals(x.weightSum(), m.weightSum(), 1e-12 * x.weightSum());
      assertEquals(x.reliability(), m.reliability());
      PrevalenceValue vx = x.value().orElseThrow();
      PrevalenceValue vm = m.value().orElseThrow();
      assertEquals(vx.prevalence(), vm.prevalence(), 1e-14 * vx.prevalence());
      assertEquals(vx.se(), vm.se(), 1e-12 * vx.se());
      assertEquals(vx.ciLower(), vm.ciLower(), 1e-12);
      assertEquals(vx.ciUpper(), vm.ciUpper(), 1e-12);
    }
  }

  @Test
  void clusteredWithLonelyPsuAdjusted() {
    sameTable(survey(7), DesignSpec.weights("w").withStrata("s").withPsu("p").withLonelyPsu(LonelyPsu.ADJUST));
  }

  @Test
  void clusteredWithFpc() {
    sameTable(survey(8), DesignSpec.weights("w").withStrata("s").withPsu("p").withFpc("f").withLonelyPsu(LonelyPsu.REMOVE));
  }

  @Test
  void elementSamplingByStratum() {
    sameTable(survey(9), DesignSpec.weights("w").withStrata("s"));
  }

  @Test
  void weightsOnly() {
    sameTable(survey(10), DesignSpec.weights("w"));
  }

  @Test
  void aStructureHasNoRowsToGiveAndChecksWhatItIsGiven() {
    DesignSpec spec = DesignSpec.weights("w").withStrata("s").withPsu("p");
    SurveyDesign d = SurveyDesign.ofClusters(spec, 10, List.of("A", "B"), new int[] {0, 0, 1, 1}, null);
    assertEquals(10, d.rows());
    assertEquals(4, d.psuCount());
    assertEquals(2, d.degreesOfFreedom());
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, d::weights);
    assertTrue(e.getMessage().contains("structure"), e.getMessage());
    assertThrows(UnsupportedOperationException.class, () -> d.variance(new double[10]));
    assertThrows(UnsupportedOperationException.class, () -> d.unitOf(0));
    // a lonely PSU under the default policy, a stratum without PSUs, a code out of range
    IllegalArgumentException lonely = assertThrows(IllegalArgumentException.class,
        () -> SurveyDesign.ofClusters(spec, 10, List.of("A", "B"), new int[] {0, 0, 1}, null));
    assertTrue(lonely.getMessage().contains("stratum 'B'"), lonely.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SurveyDesign.ofClusters(spec, 10, List.of("A", "B"), new int[] {0, 0}, null));
    assertThrows(IllegalArgumentException.class, () -> SurveyDesign.ofClusters(spec, 10, List.of("A"), new int[] {0, 1}, null));
    assertThrows(IllegalArgumentException.class, () -> SurveyDesign.ofClusters(DesignSpec.weights("w"), 10, List.of("(all)"),
        new int[] {0, 0}, null));
    // sums of the wrong shape
    DomainSums wrong = new DomainSums(1, 3, false);
    assertThrows(IllegalArgumentException.class, () -> EST.finish(d, wrong, List.of(List.of()), "y", List.of()));
  }
}
