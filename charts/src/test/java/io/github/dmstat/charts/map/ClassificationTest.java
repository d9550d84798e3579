package io.github.dmstat.charts.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ClassificationTest {
  @Test
  void naturalBreaksFindsObviousGroups() {
    double[] x = {21, 1, 12, 2, 3, 10, 11, 20, 22};
    assertArrayEquals(new double[] {3, 12, 22}, Classification.NATURAL_BREAKS.upperBounds(x, 3));
    assertArrayEquals(new double[] {3, 22}, Classification.NATURAL_BREAKS.upperBounds(new double[] {1, 2, 3, 20, 21, 22}, 2));
  }

  @Test
  void naturalBreaksSeparatesAnOutlier() {
    double[] x = {1, 1.1, 1.2, 1.3, 1.4, 1.5, 100};
    assertArrayEquals(new double[] {1.5, 100}, Classification.NATURAL_BREAKS.upperBounds(x, 2));
  }

  @Test
  void fewerDistinctValuesGiveFewerClasses() {
    double[] x = {5, 5, 5, 7, 7};
    assertArrayEquals(new double[] {5, 7}, Classification.NATURAL_BREAKS.upperBounds(x, 5));
    assertArrayEquals(new double[] {5, 7}, Classification.QUANTILES.upperBounds(x, 5));
    assertArrayEquals(new double[] {3}, Classification.NATURAL_BREAKS.upperBounds(new double[] {3}, 4));
  }

  @Test
  void quantilesAreType1OrderStatistics() {
    double[] x = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    assertArrayEquals(new double[] {2, 4, 6, 8, 10}, Classification.QUANTILES.upperBounds(x, 5));
    // R: quantile(c(1,1,1,1,1,1,2,3), c(.25,.5,.75,1), type = 1) = 1 1 1 3
    assertArrayEquals(new double[] {1, 3}, Classification.QUANTILES.upperBounds(new double[] {1, 1, 1, 1, 1, 1, 2, 3}, 4));
    // R: quantile(1:7, (1:3)/3, type = 1) = 3 5 7
    assertArrayEquals(new double[] {3, 5, 7}, Classification.QUANTILES.upperBounds(new double[] {1, 2, 3, 4, 5, 6, 7}, 3));
  }

  @Test
  void classOfUsesUpperBoundsInclusive() {
    double[] u = {3, 12, 22};
    assertEquals(0, Classification.classOf(1, u));
    assertEquals(0, Classification.classOf(3, u));
    assertEquals(1, Classification.classOf(3.5, u));
    assertEquals(2, Classification.classOf(22, u));
  }

  @Test
  void parsesNamesAndListsValidOnes() {
    assertEquals(Classification.NATURAL_BREAKS, Classification.parse("jenks"));
    assertEquals(Classification.NATURAL_BREAKS, Classification.parse("natural-breaks"));
    assertEquals(Classification.QUANTILES, Classification.parse(" Quantiles "));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Classification.parse("equal"));
    assertTrue(e.getMessage().contains("'equal'") && e.getMessage().contains("QUANTILES"), e.getMessage());
  }

  @Test
  void rejectsBadInput() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Classification.NATURAL_BREAKS.upperBounds(new double[] {1, Double.NaN}, 2));
    assertTrue(e.getMessage().contains("value 2") && e.getMessage().contains("NaN"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Classification.QUANTILES.upperBounds(new double[0], 2));
    e = assertThrows(IllegalArgumentException.class, () -> Classification.QUANTILES.upperBounds(new double[] {1}, 0));
    assertTrue(e.getMessage().contains("classes"), e.getMessage());
  }

  @Test
  void naturalBreaksIsFastEnoughForAllBuurten() {
    SplittableRandom r = new SplittableRandom(7);
    double[] x = new double[13_600];
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.exp(r.nextGaussian());
    }
    long t0 = System.nanoTime();
    double[] u = Classification.NATURAL_BREAKS.upperBounds(x, 5);
    assertEquals(5, u.length);
    assertTrue((System.nanoTime() - t0) / 1e9 < 20, "took too long");
  }

  @Property(tries = 300)
  void naturalBreaksMatchBruteForceOnSmallIntegers(@ForAll @Size(min = 1, max = 9) List<@IntRange(min = 0, max = 25) Integer> xs,
      @ForAll @IntRange(min = 1, max = 5) int k) {
    double[] x = xs.stream().mapToDouble(Integer::doubleValue).toArray();
    checkAgainstBruteForce(x, k);
  }

  @Property(tries = 300)
  void naturalBreaksMatchBruteForceOnRandomDoubles(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 1 + r.nextInt(10);
    int k = 1 + r.nextInt(5);
    double[] x = new double[n];
    double scale = Math.pow(10, r.nextInt(-3, 6));
    for (int i = 0; i < n; i++) {
      x[i] = scale * r.nextDouble(-1, 1);
    }
    checkAgainstBruteForce(x, k);
  }

  @Property(tries = 200)
  void boundsAreIncreasingEndAtMaxAndIgnoreOrder(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 1 + r.nextInt(40);
    int k = 1 + r.nextInt(9);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextInt(12) * 0.5;
    }
    double max = Arrays.stream(x).max().orElseThrow();
    for (Classification c : Classification.values()) {
      double[] u = c.upperBounds(x, k);
      assertTrue(u.length >= 1 && u.length <= k);
      assertEquals(max, u[u.length - 1]);
      for (int i = 1; i < u.length; i++) {
        assertTrue(u[i] > u[i - 1]);
      }
      double[] reversed = x.clone();
      for (int i = 0; i < n / 2; i++) {
        double t = reversed[i];
        reversed[i] = reversed[n - 1 - i];
        reversed[n - 1 - i] = t;
      }
      assertArrayEquals(u, c.upperBounds(reversed, k));
    }
  }

  private static void checkAgainstBruteForce(double[] x, int k) {
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    double[] u = Classification.NATURAL_BREAKS.upperBounds(x, k);
    int[] cls = new int[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      cls[i] = Classification.classOf(sorted[i], u);
    }
    double jenks = ssw(sorted, cls);
    double best = bruteForce(sorted, Math.min(k, sorted.length));
    double tol = 1e-9 * Math.max(1, sumSquares(sorted));
    assertEquals(best, jenks, tol, () -> Arrays.toString(sorted) + " k=" + k + " bounds " + Arrays.toString(u));
  }

  /** Minimum SSW over all ways to cut the sorted values into exactly k contiguous non-empty classes. */
  private static double bruteForce(double[] sorted, int k) {
    int n = sorted.length;
    double best = Double.POSITIVE_INFINITY;
    // subsets of the n-1 gaps with k-1 cuts
    for (int mask = 0; mask < (1 << (n - 1)); mask++) {
      if (Integer.bitCount(mask) != k - 1) {
        continue;
      }
      int[] cls = new int[n];
      for (int i = 1; i < n; i++) {
        cls[i] = cls[i - 1] + (((mask >> (i - 1)) & 1) == 1 ? 1 : 0);
      }
      best = Math.min(best, ssw(sorted, cls));
    }
    return best;
  }

  private static double ssw(double[] x, int[] cls) {
    int k = Arrays.stream(cls).max().orElse(0) + 1;
    double[] sum = new double[k];
    int[] cnt = new int[k];
    for (int i = 0; i < x.length; i++) {
      sum[cls[i]] += x[i];
      cnt[cls[i]]++;
    }
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double d = x[i] - sum[cls[i]] / cnt[cls[i]];
      s += d * d;
    }
    return s;
  }

  private static double sumSquares(double[] x) {
    double m = Arrays.stream(x).average().orElse(0);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return s;
  }
}
