package io.github.dmstat.core.replicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.dmstat.core.Columns;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.survey.Statistic;
import io.github.dmstat.core.survey.StatisticEstimate;
import io.github.dmstat.core.survey.StatisticTable;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Replicate sums filled row by row and merged finish to the table of the rows' estimator. */
class ReplicateSumsTest {
  @Test
  void mergedPartialsFinishToTheEstimateOfTheRows() {
    SplittableRandom rnd = new SplittableRandom(11);
    int n = 3000;
    int reps = 30;
    double[] w = new double[n];
    double[][] rw = new double[reps][n];
    double[] y = new double[n];
    int[] codes = new int[n];
    for (int i = 0; i < n; i++) {
      w[i] = 0.5 + 2 * rnd.nextDouble();
      for (int r = 0; r < reps; r++) {
        rw[r][i] = w[i] * rnd.nextInt(3); // bootstrap-like multipliers 0, 1, 2
      }
      y[i] = rnd.nextInt(50) == 0 ? Double.NaN : (rnd.nextDouble() < 0.2 ? 1 : 0);
      codes[i] = rnd.nextInt(60) == 0 ? -1 : rnd.nextInt(4);
    }
    List<List<String>> levels = List.of(List.of("a"), List.of("b"), List.of("c"), List.of("d"));
    int missingGroup = 0;
    for (int c : codes) {
      missingGroup += c < 0 ? 1 : 0;
    }
    ReplicateDesign design = ReplicateDesign.of(w, rw, ReplicateType.BOOTSTRAP, 1.0 / (reps - 1), null, false);
    ReplicateStatistics stats = ReplicateStatistics.withDefaults().with(ReliabilityRule.NONE);
    for (Statistic statistic : List.of(Statistic.MEAN, Statistic.TOTAL)) {
      StatisticTable expected = stats.estimate(statistic, design, y, null, new Columns.Codes(codes, levels, missingGroup),
          "y", null, List.of("g"));
      ReplicateSums a = new ReplicateSums(4, reps);
      ReplicateSums b = new ReplicateSums(4, reps);
      double[] row = new double[reps];
      for (int i = 0; i < n; i++) {
        for (int r = 0; r < reps; r++) {
          row[r] = rw[r][i];
        }
        (i % 3 == 0 ? a : b).add(codes[i], w[i], row, y[i]);
      }
      assertEquals(n, a.rows() + b.rows());
      ReplicateDesign structure = ReplicateDesign.ofStructure(ReplicateType.BOOTSTRAP, n, reps, Double.NaN, null, false);
      StatisticTable finished = stats.finish(statistic, structure, b.merge(a), levels, "y", List.of("g"));
      assertEquals(expected.design(), finished.design());
      assertEquals(expected.estimates().size(), finished.estimates().size());
      for (int k = 0; k < expected.estimates().size(); k++) {
        StatisticEstimate x = expected.estimates().get(k);
        StatisticEstimate f = finished.estimates().get(k);
        assertEquals(x.group(), f.group());
        assertEquals(x.n(), f.n());
        double e = x.value().orElseThrow().estimate();
        assertEquals(e, f.value().orElseThrow().estimate(), 1e-12 * Math.abs(e));
        double se = x.value().orElseThrow().se();
        assertEquals(se, f.value().orElseThrow().se(), 1e-10 * se);
      }
    }
    ReplicateDesign structure = ReplicateDesign.ofStructure(ReplicateType.JK1, n, reps, Double.NaN, null, true);
    assertEquals((reps - 1.0) / reps, structure.scale(), 1e-15);
    assertThrows(UnsupportedOperationException.class, structure::weights);
    assertThrows(UnsupportedOperationException.class, structure::degreesOfFreedom);
    assertThrows(IllegalArgumentException.class, () -> ReplicateDesign.ofStructure(ReplicateType.JKN, n, reps, 1, null, false));
    assertThrows(IllegalArgumentException.class, () -> stats.finish(Statistic.RATIO, structure, new ReplicateSums(4, reps),
        levels, "y", List.of("g")));
    assertThrows(IllegalArgumentException.class, () -> stats.finish(Statistic.MEAN, structure, new ReplicateSums(3, reps),
        levels, "y", List.of("g")));
  }

  @Test
  void addIntoMapsDomainsAndKeepsTheCounts() {
    ReplicateSums a = new ReplicateSums(3, 2);
    a.add(0, 1.0, new double[] {2, 0}, 1);
    a.add(2, 2.0, new double[] {1, 3}, 0);
    a.add(-1, 1.0, new double[] {1, 1}, 1);
    a.add(1, 1.0, new double[] {1, 1}, Double.NaN);
    ReplicateSums t = a.addInto(new ReplicateSums(4, 2), new int[] {3, 0, 1});
    assertEquals(1.0, t.fw[3]);
    assertEquals(1.0, t.fy[3]);
    assertEquals(2.0, t.rw[0][3]);
    assertEquals(2.0, t.fw[1]);
    assertEquals(3.0, t.rw[1][1]);
    assertEquals(0.0, t.fw[0]);
    assertEquals(4, t.rows());
    assertThrows(IllegalArgumentException.class, () -> a.addInto(new ReplicateSums(2, 2), new int[] {0, 1, 2}));
    assertThrows(IllegalArgumentException.class, () -> a.addInto(new ReplicateSums(4, 3), new int[] {0}));
  }
}
