package io.github.dmstat.core.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Intervals that never exclude their estimate through rounding, and bounds that are exact at 0 and 1. */
class IntervalBoundsTest {
  @Test
  void wilsonBoundsAreExactAtZeroAndOne() {
    for (long n : new long[] {7, 50, 433, 12_000}) {
      double[] zero = IntervalMethod.WILSON.interval(0, 0, n, n, 100, 0.95).orElseThrow();
      assertEquals(0.0, zero[0], "lower bound at p = 0, n = " + n);
      assertTrue(zero[1] > 0);
      double[] one = IntervalMethod.WILSON.interval(1, 0, n, n, 100, 0.95).orElseThrow();
      assertEquals(1.0, one[1], "upper bound at p = 1, n = " + n);
      assertTrue(one[0] < 1);
    }
  }

  @Test
  void everyMethodKeepsItsEstimateInside() {
    double[] ps = {0, 1e-9, 0.003, 0.2, 0.5, 0.97, 1 - 1e-9, 1};
    for (IntervalMethod m : IntervalMethod.values()) {
      if (m == IntervalMethod.MEAN || m == IntervalMethod.JEFFREYS) {
        // the Wald interval p ± t·se (R svyciprop method "mean") may leave [0, 1]; the equal-tailed
        // Jeffreys interval may lie above a tiny p by its definition (Brown, Cai & DasGupta 2001)
        continue;
      }
      for (double p : ps) {
        double v = p * (1 - p) / 400; // 0 at p = 0 and 1, as a survey gives there
        var ci = m.interval(p, v, 400, 400, 100, 0.95);
        if (ci.isEmpty()) {
          continue;
        }
        double[] b = ci.get();
        assertTrue(b[0] <= p && p <= b[1], m + " at p = " + p + ": [" + b[0] + ", " + b[1] + "]");
        assertTrue(b[0] >= 0 && b[1] <= 1, m + " at p = " + p + ": [" + b[0] + ", " + b[1] + "]");
      }
    }
  }
}
