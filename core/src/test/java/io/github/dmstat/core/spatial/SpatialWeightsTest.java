package io.github.dmstat.core.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.area.AreaPolygon;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Behaviour, bad input and invariants of the weights and the spatial statistics. */
class SpatialWeightsTest {

  /** An r × c grid of unit squares, ids G0000.. row-major. */
  static List<AreaPolygon> grid(int rows, int cols) {
    List<AreaPolygon> out = new ArrayList<>(rows * cols);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double[] ring = {c, r, c + 1, r, c + 1, r + 1, c, r + 1, c, r};
        out.add(new AreaPolygon(String.format("G%05d", r * cols + c), Optional.empty(), List.of(List.of(ring))));
      }
    }
    return out;
  }

  static List<String> ids(int n) {
    List<String> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add("A" + i);
    }
    return ids;
  }

  static Table edges(String[][] pairs) {
    StringColumn f = StringColumn.create("from");
    StringColumn t = StringColumn.create("to");
    for (String[] p : pairs) {
      f.append(p[0]);
      t.append(p[1]);
    }
    return Table.create("edges").addColumns(f, t);
  }

  @Test
  void gridContiguityHasRookAndQueenCounts() {
    SpatialWeights q = SpatialWeights.contiguity(grid(4, 5), Contiguity.QUEEN);
    SpatialWeights r = SpatialWeights.contiguity(grid(4, 5), Contiguity.ROOK);
    // rook links: 2·(r(c−1) + c(r−1)); queen adds 2·2·(r−1)(c−1)
    assertEquals(2 * (4 * 4 + 5 * 3), r.links());
    assertEquals(r.links() + 4 * 3 * 4, q.links());
    assertArrayEquals(new int[] {1, 5, 6}, q.neighbours(0));
    assertArrayEquals(new int[] {1, 5}, r.neighbours(0));
  }

  @Test
  void contiguityOfThirteenThousandPolygonsIsFast() {
    List<AreaPolygon> g = grid(116, 118); // 13,688 areas
    long t0 = System.nanoTime();
    SpatialWeights q = SpatialWeights.contiguity(g, Contiguity.QUEEN);
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertEquals(13_688, q.size());
    assertTrue(seconds < 10, "took " + seconds + " s");
    assertEquals(List.of(), q.islands());
  }

  @Test
  void edgesAreSymmetrisedAndDuplicatesCollapsed() {
    SpatialWeights w = SpatialWeights.fromEdges(ids(4), edges(new String[][] {{"A0", "A1"}, {"A1", "A0"}, {"A1", "A2"}}),
        "from", "to");
    assertEquals(4, w.links());
    assertEquals(List.of("A3"), w.islands());
    assertTrue(w.isSymmetric());
    assertEquals(Optional.of(List.of("A0", "A2")), w.neighbours("A1"));
    SpatialWeights d = SpatialWeights.fromEdges(ids(4), edges(new String[][] {{"A0", "A1"}}), "from", "to", false);
    assertEquals(1, d.links());
  }

  @Test
  void rejectsUnknownAreaInEdgesNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SpatialWeights.fromEdges(ids(3), edges(new String[][] {{"A0", "A1"}, {"A1", "B7"}}), "from", "to"));
    assertTrue(e.getMessage().contains("'B7'") && e.getMessage().contains("row 2") && e.getMessage().contains("'to'"),
        e.getMessage());
  }

  @Test
  void rejectsSelfLoopsAndDuplicateIds() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SpatialWeights.fromEdges(ids(3), edges(new String[][] {{"A2", "A2"}}), "from", "to"));
    assertTrue(e.getMessage().contains("'A2'") && e.getMessage().contains("self"), e.getMessage());
    IllegalArgumentException d = assertThrows(IllegalArgumentException.class,
        () -> SpatialWeights.of(List.of("X", "Y", "X"), new int[3][0]));
    assertTrue(d.getMessage().contains("'X'"), d.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SpatialWeights.fromEdges(ids(3), edges(new String[][] {}), "van", "to"));
  }

  @Test
  void knnBreaksTiesByIndexAndRejectsBadK() {
    // points on a line at 0,1,2,3: the 1-nearest of point 1 is 0 or 2 (tie) → 0
    SpatialWeights w = SpatialWeights.knn(ids(4), new double[] {0, 1, 2, 3}, new double[4], 1);
    assertArrayEquals(new int[] {0}, w.neighbours(1));
    assertArrayEquals(new int[] {1}, w.neighbours(2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SpatialWeights.knn(ids(4), new double[4], new double[4], 4));
    assertTrue(e.getMessage().contains("4"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> SpatialWeights.knn(ids(3), new double[] {0, Double.NaN, 1}, new double[3], 1));
  }

  @Property(tries = 30)
  void knnMatchesBruteForce(@ForAll @LongRange(min = 1, max = 1_000_000) long seed, @ForAll @IntRange(min = 2, max = 6) int k) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 200;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = Math.floor(r.nextDouble() * 30); // many ties
      y[i] = r.nextDouble() < 0.3 ? 0 : Math.floor(r.nextDouble() * 10);
    }
    SpatialWeights w = SpatialWeights.knn(ids(n), x, y, k);
    for (int i = 0; i < n; i++) {
      final int fi = i;
      int[] expected = java.util.stream.IntStream.range(0, n).filter(j -> j != fi).boxed()
          .sorted((a, b) -> {
            double da = (x[a] - x[fi]) * (x[a] - x[fi]) + (y[a] - y[fi]) * (y[a] - y[fi]);
            double db = (x[b] - x[fi]) * (x[b] - x[fi]) + (y[b] - y[fi]) * (y[b] - y[fi]);
            return da != db ? Double.compare(da, db) : Integer.compare(a, b);
          }).limit(k).mapToInt(Integer::intValue).sorted().toArray();
      assertArrayEquals(expected, w.neighbours(i), "point " + i);
    }
  }

  @Property(tries = 30)
  void rowStandardisedRowsSumToOneExceptIslands(@ForAll @IntRange(min = 2, max = 9) int rows,
      @ForAll @IntRange(min = 2, max = 9) int cols) {
    SpatialWeights w = SpatialWeights.contiguity(grid(rows, cols), Contiguity.ROOK).rowStandardised();
    for (int i = 0; i < w.size(); i++) {
      double s = 0;
      for (double v : w.weights(i)) {
        s += v;
      }
      assertEquals(1.0, s, 1e-12);
    }
    assertEquals(w.size(), w.s0(), 1e-9);
  }

  @Property(tries = 40)
  void moranIsInvariantToAffineTransforms(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @DoubleRange(min = 0.01, max = 100) double scale, @ForAll @DoubleRange(min = -1e3, max = 1e3) double shift) {
    SpatialWeights w = SpatialWeights.contiguity(grid(6, 7), Contiguity.QUEEN).rowStandardised();
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[w.size()];
    double[] y = new double[w.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextGaussian();
      y[i] = scale * x[i] + shift;
    }
    MoranResult a = Moran.global(x, w, 49, seed);
    MoranResult b = Moran.global(y, w, 49, seed);
    assertEquals(a.statistic(), b.statistic(), 1e-9);
    assertEquals(a.varianceRandomisation(), b.varianceRandomisation(), 1e-9);
    assertEquals(a.permutationP(), b.permutationP());
    assertTrue(a.permutationP().getAsDouble() >= 1.0 / 50 && a.permutationP().getAsDouble() <= 1);
  }

  @Test
  void permutationsAreDeterministicPerSeed() {
    SpatialWeights w = SpatialWeights.contiguity(grid(10, 12), Contiguity.ROOK).rowStandardised();
    double[] x = new double[w.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = (i / 12) + 0.3 * Math.sin(i);
    }
    assertEquals(Moran.global(x, w, 199, 7).permutationP(), Moran.global(x, w, 199, 7).permutationP());
    assertEquals(1.0 / 200, Moran.global(x, w, 199, 7).permutationP().getAsDouble(), 1e-15, "strong trend");
    LocalSettings s = LocalSettings.withDefaults().withPermutations(99, 11).with(MultipleTesting.BENJAMINI_HOCHBERG);
    LocalMoran a = Moran.local(x, w, s);
    LocalMoran b = Moran.local(x, w, s);
    assertEquals(a, b);
    assertTrue(a.rows().stream().allMatch(r -> r.pSimulated().isPresent()));
    assertEquals(x.length, a.toTable().rowCount());
    assertTrue(a.toString().startsWith("LocalMoran[120 areas"), a.toString());
  }

  @Test
  void islandsStayInLocalResults() {
    SpatialWeights w = SpatialWeights.fromEdges(ids(6),
        edges(new String[][] {{"A0", "A1"}, {"A1", "A2"}, {"A2", "A3"}, {"A3", "A4"}}), "from", "to").rowStandardised();
    double[] x = {1, 2, 3, 4, 5, 9};
    LocalMoran lm = Moran.local(x, w);
    assertEquals(6, lm.rows().size());
    LocalMoran.Row island = lm.find("A5").orElseThrow();
    assertEquals(Cluster.NO_NEIGHBOURS, island.cluster());
    assertTrue(island.z().isEmpty());
    assertEquals(6, GetisOrd.of(x, w).rows().size());
    assertEquals(6, LocalEb.of(new double[] {1, 0, 2, 0, 3, 1}, new double[] {100, 200, 300, 400, 500, 600}, w).rows().size());
  }

  @Test
  void rejectsBadStatisticInputsNamingValues() {
    SpatialWeights w = SpatialWeights.contiguity(grid(3, 3), Contiguity.ROOK).rowStandardised();
    IllegalArgumentException c = assertThrows(IllegalArgumentException.class, () -> Moran.global(new double[9], w));
    assertTrue(c.getMessage().contains("constant"), c.getMessage());
    double[] bad = {1, 2, 3, 4, Double.NaN, 6, 7, 8, 9};
    IllegalArgumentException n = assertThrows(IllegalArgumentException.class, () -> Moran.local(bad, w));
    assertTrue(n.getMessage().contains("G00004") && n.getMessage().contains("NaN"), n.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Moran.global(new double[] {1, 2}, w));
    double[] pop = {10, 10, 10, 10, 0, 10, 10, 10, 10};
    IllegalArgumentException p = assertThrows(IllegalArgumentException.class, () -> LocalEb.of(new double[9], pop, w));
    assertTrue(p.getMessage().contains("G00004") && p.getMessage().contains("0.0"), p.getMessage());
    IllegalArgumentException m = assertThrows(IllegalArgumentException.class, () -> MultipleTesting.parse("holm"));
    assertTrue(m.getMessage().contains("'holm'") && m.getMessage().contains("bonferroni"), m.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Contiguity.parse("bishop"));
    assertThrows(IllegalArgumentException.class, () -> LocalSettings.withDefaults().withAlpha(1.5));
  }

  @Property(tries = 50)
  void adjustedPValuesAreOrderedAndBounded(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] p = new double[30];
    for (int i = 0; i < p.length; i++) {
      p[i] = Math.pow(r.nextDouble(), 3);
    }
    double[] bh = MultipleTesting.BENJAMINI_HOCHBERG.adjust(p);
    double[] bon = MultipleTesting.BONFERRONI.adjust(p);
    for (int i = 0; i < p.length; i++) {
      assertTrue(p[i] <= bh[i] && bh[i] <= bon[i] && bon[i] <= 1, "index " + i);
      for (int j = 0; j < p.length; j++) {
        if (p[i] < p[j]) {
          assertTrue(bh[i] <= bh[j]);
        }
      }
    }
  }

  @Test
  void moranWithPermutationsOnHundredThousandAreasIsLinear() {
    int side = 316; // 99,856 areas
    int n = side * side;
    int[][] nb = new int[n][];
    for (int i = 0; i < n; i++) {
      int r = i / side;
      int c = i % side;
      List<Integer> l = new ArrayList<>(4);
      if (r > 0) {
        l.add(i - side);
      }
      if (c > 0) {
        l.add(i - 1);
      }
      if (c < side - 1) {
        l.add(i + 1);
      }
      if (r < side - 1) {
        l.add(i + side);
      }
      nb[i] = l.stream().mapToInt(Integer::intValue).toArray();
    }
    List<String> ids = ids(n);
    SpatialWeights w = SpatialWeights.of(ids, nb).rowStandardised();
    SplittableRandom rnd = new SplittableRandom(3);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rnd.nextGaussian();
    }
    long t0 = System.nanoTime();
    MoranResult m = Moran.global(x, w, 199, 5);
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertTrue(seconds < 30, "took " + seconds + " s");
    assertTrue(Math.abs(m.zRandomisation()) < 5, m.toString());
  }
}
