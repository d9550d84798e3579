package io.github.dmstat.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.spatial.Contiguity;
import io.github.dmstat.core.spatial.LocalMoran;
import io.github.dmstat.core.spatial.Moran;
import io.github.dmstat.core.spatial.MoranResult;
import io.github.dmstat.core.spatial.SpatialWeights;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The setup of {@link ConcentrationBenchmark} on a 20 × 20 lattice gives the known contiguity and Moran values. */
class ConcentrationBenchmarkTest {
  private static final int SIDE = 20;
  private static final int AREAS = SIDE * SIDE;

  private static ConcentrationBenchmark bench;

  @BeforeAll
  static void setUp() {
    bench = new ConcentrationBenchmark();
    bench.generate(AREAS);
  }

  /** Expected neighbour count of cell (col, row) on a full SIDE × SIDE lattice. */
  private static int expected(int col, int row, Contiguity rule) {
    int span = 0;
    for (int dc = -1; dc <= 1; dc++) {
      for (int dr = -1; dr <= 1; dr++) {
        boolean inside = col + dc >= 0 && col + dc < SIDE && row + dr >= 0 && row + dr < SIDE;
        boolean counted = (dc != 0 || dr != 0) && (rule == Contiguity.QUEEN || dc == 0 || dr == 0);
        if (inside && counted) {
          span++;
        }
      }
    }
    return span;
  }

  private static void assertLattice(SpatialWeights w, Contiguity rule) {
    assertEquals(AREAS, w.size());
    for (int i = 0; i < AREAS; i++) {
      int col = i % SIDE;
      int row = i / SIDE;
      assertEquals(ConcentrationBenchmark.code(i), w.id(i));
      assertEquals(expected(col, row, rule), w.cardinality(i), rule + " neighbours of " + w.id(i));
      for (int j : w.neighbours(i)) {
        int dc = Math.abs(j % SIDE - col);
        int dr = Math.abs(j / SIDE - row);
        assertTrue(dc <= 1 && dr <= 1 && (rule == Contiguity.QUEEN || dc + dr == 1),
            rule + " neighbour " + w.id(j) + " of " + w.id(i) + " is not adjacent");
      }
    }
    assertTrue(w.isSymmetric());
    assertTrue(w.islands().isEmpty());
  }

  @Test
  void latticeIsSquareWithBuCodes() {
    assertEquals(SIDE, ConcentrationBenchmark.columns(AREAS));
    assertEquals(317, ConcentrationBenchmark.columns(100_000));
    assertEquals(AREAS, bench.polygons.size());
    assertEquals("BU00000000", bench.polygons.get(0).code());
    assertEquals("BU00000399", bench.polygons.get(AREAS - 1).code());
    assertEquals(AREAS * 5, bench.polygons.stream().mapToInt(p -> p.pointCount()).sum());
  }

  @Test
  void queenContiguityGivesEightInteriorFiveEdgeThreeCornerNeighbours() {
    SpatialWeights queen = bench.contiguityQueen();
    assertLattice(queen, Contiguity.QUEEN);
    assertEquals(8, queen.cardinality(SIDE + 1));
    assertEquals(5, queen.cardinality(1));
    assertEquals(3, queen.cardinality(0));
    assertEquals(3, queen.cardinality(AREAS - 1));
    // 2·(horizontal + vertical + 2 diagonal directions)
    assertEquals(2 * (2 * SIDE * (SIDE - 1) + 2 * (SIDE - 1) * (SIDE - 1)), queen.links());
  }

  @Test
  void rookContiguityGivesFourInteriorThreeEdgeTwoCornerNeighbours() {
    SpatialWeights rook = bench.contiguityRook();
    assertLattice(rook, Contiguity.ROOK);
    assertEquals(4, rook.cardinality(SIDE + 1));
    assertEquals(3, rook.cardinality(1));
    assertEquals(2, rook.cardinality(0));
    assertEquals(2, rook.cardinality(AREAS - 1));
    assertEquals(2 * 2 * SIDE * (SIDE - 1), rook.links());
  }

  @Test
  void partialLastRowKeepsEveryArea() {
    SpatialWeights queen = SpatialWeights.contiguity(ConcentrationBenchmark.lattice(1000), Contiguity.QUEEN);
    assertEquals(1000, queen.size());
    assertTrue(queen.islands().isEmpty());
  }

  @Test
  void checkerboardOnRookWeightsHasMoranMinusOne() {
    double[] board = new double[AREAS];
    for (int i = 0; i < AREAS; i++) {
      board[i] = (i % SIDE + i / SIDE) % 2;
    }
    SpatialWeights rook = bench.contiguityRook();
    for (SpatialWeights w : List.of(rook.binary(), rook.rowStandardised())) {
      MoranResult r = Moran.global(board, w, 99, 1L);
      assertEquals(-1.0, r.statistic(), 1e-12, w.style() + " weights");
      assertEquals(1.0, r.permutationP().orElseThrow(), 1e-12, "no permutation is as high as the observed I");
    }
  }

  @Test
  void benchmarkValuesArePositivelyAutocorrelated() {
    MoranResult r = bench.moranPermutations999();
    assertEquals(ConcentrationBenchmark.PERMUTATIONS, r.permutations());
    assertTrue(r.statistic() > 0.3, "Moran's I of the smooth field should be clearly positive but was " + r.statistic());
    assertEquals(1.0 / 1000, r.permutationP().orElseThrow(), 1e-12);
    assertEquals(r, bench.moranPermutations999(), "deterministic with a fixed seed");
  }

  @Test
  void localMoranRunsWithPermutationsOnEveryArea() {
    LocalMoran local = bench.localMoran999();
    assertEquals(AREAS, local.rows().size());
    assertEquals(ConcentrationBenchmark.PERMUTATIONS, local.settings().permutations());
    assertTrue(local.rows().stream().allMatch(row -> row.pSimulated().isPresent()));
  }
}
