package io.github.dmstat.core.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.Columns;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.internal.DomainSums;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Invariants of the prevalence estimator (jqwik properties over random designs). */
class PrevalencePropertiesTest {

  /** A random stratified cluster sample as primitive columns. */
  record Sample(double[] w, int[] strata, int[] psu, byte[] y, int[] group, int groups) {
    static Sample random(long seed, int rows) {
      SplittableRandom r = new SplittableRandom(seed);
      double[] w = new double[rows];
      int[] s = new int[rows];
      int[] p = new int[rows];
      byte[] y = new byte[rows];
      int[] g = new int[rows];
      for (int i = 0; i < rows; i++) {
        s[i] = i % 4;
        p[i] = (i / 4) % 3;
        w[i] = 0.5 + 4 * r.nextDouble();
        g[i] = r.nextInt(3);
        y[i] = (byte) (r.nextDouble() < 0.2 + 0.1 * g[i] ? 1 : 0);
        if (r.nextDouble() < 0.03) {
          y[i] = Columns.MISSING;
        }
      }
      return new Sample(w, s, p, y, g, 3);
    }

    Columns.Codes codes() {
      List<List<String>> levels = new ArrayList<>();
      for (int k = 0; k < groups; k++) {
        levels.add(List.of("g" + k));
      }
      return new Columns.Codes(group, levels, 0);
    }

    PrevalenceTable estimate(PrevalenceEstimator e, double[] weights) {
      SurveyDesign d = SurveyDesign.of(weights, strata, psu, LonelyPsu.FAIL);
      return e.estimate(d, y, codes(), "y", List.of("g"));
    }
  }

  private static final PrevalenceEstimator NONE = PrevalenceEstimator.withDefaults().with(ReliabilityRule.NONE);

  @Property(tries = 40)
  void scalingAllWeightsChangesNothing(@ForAll @LongRange(min = 1, max = 1000) long seed,
      @ForAll @DoubleRange(min = 0.01, max = 1000) double factor) {
    Sample s = Sample.random(seed, 300);
    double[] scaled = s.w().clone();
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] *= factor;
    }
    PrevalenceTable a = s.estimate(NONE, s.w());
    PrevalenceTable b = s.estimate(NONE, scaled);
    for (int k = 0; k < a.estimates().size(); k++) {
      PrevalenceValue x = a.estimates().get(k).value().orElseThrow();
      PrevalenceValue z = b.estimates().get(k).value().orElseThrow();
      assertEquals(x.prevalence(), z.prevalence(), 1e-12);
      assertEquals(x.se(), z.se(), 1e-12);
      assertEquals(x.ciLower(), z.ciLower(), 1e-12);
    }
  }

  @Property(tries = 40)
  void equalWeightsGiveTheUnweightedProportion(@ForAll @LongRange(min = 1, max = 1000) long seed) {
    Sample s = Sample.random(seed, 240);
    double[] ones = new double[s.w().length];
    java.util.Arrays.fill(ones, 2.5);
    PrevalenceTable t = s.estimate(NONE, ones);
    for (int k = 0; k < s.groups(); k++) {
      long hits = 0;
      long n = 0;
      for (int i = 0; i < s.y().length; i++) {
        if (s.group()[i] == k && s.y()[i] >= 0) {
          n++;
          hits += s.y()[i];
        }
      }
      PrevalenceEstimate e = t.find("g" + k).orElseThrow();
      assertEquals(n, e.n());
      assertEquals((double) hits / n, e.value().orElseThrow().prevalence(), 1e-12);
    }
  }

  @Property(tries = 30)
  void rowOrderChangesNothing(@ForAll @LongRange(min = 1, max = 1000) long seed) {
    Sample s = Sample.random(seed, 200);
    int n = s.w().length;
    int[] perm = new SplittableRandom(seed + 7).ints(0, Integer.MAX_VALUE).limit(n).toArray();
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, (a, b) -> Integer.compare(perm[a], perm[b]));
    double[] w = new double[n];
    int[] st = new int[n];
    int[] ps = new int[n];
    byte[] y = new byte[n];
    int[] g = new int[n];
    for (int i = 0; i < n; i++) {
      w[i] = s.w()[idx[i]];
      st[i] = s.strata()[idx[i]];
      ps[i] = s.psu()[idx[i]];
      y[i] = s.y()[idx[i]];
      g[i] = s.group()[idx[i]];
    }
    Sample shuffled = new Sample(w, st, ps, y, g, s.groups());
    PrevalenceTable a = s.estimate(NONE, s.w());
    PrevalenceTable b = shuffled.estimate(NONE, w);
    for (int k = 0; k < s.groups(); k++) {
      PrevalenceValue x = a.find("g" + k).orElseThrow().value().orElseThrow();
      PrevalenceValue z = b.find("g" + k).orElseThrow().value().orElseThrow();
      assertEquals(x.prevalence(), z.prevalence(), 1e-12);
      assertEquals(x.se(), z.se(), 1e-12);
    }
  }

  @Property(tries = 60)
  void estimateLiesInsideItsIntervalAndIntervalsStayInUnitRange(@ForAll @LongRange(min = 1, max = 10_000) long seed,
      @ForAll @IntRange(min = 0, max = 5) int methodIndex, @ForAll @DoubleRange(min = 0.5, max = 0.99) double level) {
    IntervalMethod m = IntervalMethod.values()[methodIndex];
    Sample s = Sample.random(seed, 150);
    PrevalenceTable t = s.estimate(NONE.with(m).withLevel(level), s.w());
    for (PrevalenceEstimate e : t.estimates()) {
      PrevalenceValue v = e.value().orElseThrow();
      assertTrue(v.ciLower() <= v.prevalence() + 1e-12 && v.prevalence() <= v.ciUpper() + 1e-12, e.toString());
      if (m != IntervalMethod.MEAN) {
        assertTrue(v.ciLower() >= 0 && v.ciUpper() <= 1, m + " " + e);
      }
    }
  }

  @Property(tries = 30)
  void mergingPartialsEqualsOnePass(@ForAll @LongRange(min = 1, max = 1000) long seed,
      @ForAll @IntRange(min = 1, max = 299) int split) {
    Sample s = Sample.random(seed, 300);
    SurveyDesign d = SurveyDesign.of(s.w(), s.strata(), s.psu(), LonelyPsu.FAIL);
    int cells = d.psuCount();
    DomainSums one = new DomainSums(3, cells, false);
    one.add(s.w(), s.y(), s.group(), d.rowPsu(), 0, 300);
    DomainSums left = new DomainSums(3, cells, false);
    left.add(s.w(), s.y(), s.group(), d.rowPsu(), 0, split);
    DomainSums right = new DomainSums(3, cells, false);
    right.add(s.w(), s.y(), s.group(), d.rowPsu(), split, 300);
    left.merge(right);
    for (int k = 0; k < one.sw.length; k++) {
      assertEquals(one.sw[k], left.sw[k], 1e-9);
      assertEquals(one.swy[k], left.swy[k], 1e-9);
      assertEquals(one.rows[k], left.rows[k]);
    }
    for (int g = 0; g < 3; g++) {
      assertEquals(one.observed(g), left.observed(g));
      assertEquals(one.missing[g], left.missing[g]);
    }
  }

  @Property(tries = 10)
  void parallelPassEqualsSingleThread(@ForAll @LongRange(min = 1, max = 1000) long seed) {
    Sample s = Sample.random(seed, 120_000);
    PrevalenceTable a = s.estimate(NONE, s.w());
    PrevalenceTable b = s.estimate(NONE.withThreads(2), s.w());
    for (int k = 0; k < s.groups(); k++) {
      PrevalenceValue x = a.find("g" + k).orElseThrow().value().orElseThrow();
      PrevalenceValue z = b.find("g" + k).orElseThrow().value().orElseThrow();
      assertEquals(x.prevalence(), z.prevalence(), 1e-12);
      assertEquals(x.se(), z.se(), 1e-12);
    }
  }
}
