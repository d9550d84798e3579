package io.github.dmstat.benchmarks;

import io.github.dmstat.core.area.AreaPolygon;
import io.github.dmstat.core.spatial.Contiguity;
import io.github.dmstat.core.spatial.LocalMoran;
import io.github.dmstat.core.spatial.LocalSettings;
import io.github.dmstat.core.spatial.Moran;
import io.github.dmstat.core.spatial.MoranResult;
import io.github.dmstat.core.spatial.SpatialWeights;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Neighbourhood concentration on a lattice of {@code areas} unit squares: polygon contiguity
 * (queen and rook, {@link SpatialWeights#contiguity}) and Moran's I with 999 permutations, global
 * ({@link Moran#global(double[], SpatialWeights, int, long)}) and local
 * ({@link Moran#local(double[], SpatialWeights, LocalSettings)}), at 10,000 and 100,000 areas, to
 * show that the cost grows linearly with the number of areas.
 *
 * <p>Lattice: {@code c = ⌈√areas⌉} columns; area {@code i} is the unit square with lower-left
 * corner {@code (i mod c, i div c)} and code {@code BU} + 8 digits ({@code BU00000000} …), so the
 * last row may be partial. Each square is one closed ring of 5 points with integer coordinates
 * (shared corners match exactly). Values
 * {@code x_i = sin(2π col/25) + cos(2π row/40) + U(−0.5, 0.5)} with the uniform noise from
 * {@code SplittableRandom(7)}: a smooth field plus noise, so Moran's I is clearly positive.
 *
 * <p>The Moran benchmarks use row-standardised queen weights built in setup; every method is
 * checked on a 20 × 20 lattice by {@code ConcentrationBenchmarkTest}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
public class ConcentrationBenchmark {
  /** Permutations for the global and local Moran benchmarks. */
  public static final int PERMUTATIONS = 999;
  /** Seed of the permutation generators. */
  public static final long PERMUTATION_SEED = 7L;
  /** Seed of the value generator. */
  public static final long VALUE_SEED = 7L;

  @Param({"10000", "100000"})
  public int areas;

  /** The lattice squares. */
  List<AreaPolygon> polygons;
  /** The value of each area, aligned with {@link #polygons}. */
  double[] x;
  /** Row-standardised queen weights of the lattice. */
  SpatialWeights queen;

  /** Builds the lattice, the values and the queen weights. */
  @Setup(Level.Trial)
  public void setup() {
    generate(areas);
  }

  /** Builds everything for {@code n} areas (also used by the test with a small lattice). */
  public void generate(int n) {
    areas = n;
    polygons = lattice(n);
    x = values(n);
    queen = SpatialWeights.contiguity(polygons, Contiguity.QUEEN).rowStandardised();
  }

  /** Columns of the lattice of {@code n} areas: {@code ⌈√n⌉}. */
  public static int columns(int n) {
    int c = (int) Math.sqrt(n);
    while ((long) c * c < n) {
      c++;
    }
    return Math.max(1, c);
  }

  /** Code of area {@code i}: {@code BU} + 8 digits. */
  public static String code(int i) {
    return String.format("BU%08d", i);
  }

  /** {@code n} unit squares in rows of {@link #columns(int)}, row-major from the origin. */
  public static List<AreaPolygon> lattice(int n) {
    int c = columns(n);
    List<AreaPolygon> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double x0 = i % c;
      double y0 = i / c;
      double[] ring = {x0, y0, x0 + 1, y0, x0 + 1, y0 + 1, x0, y0 + 1, x0, y0};
      out.add(new AreaPolygon(code(i), Optional.empty(), List.of(List.of(ring))));
    }
    return out;
  }

  /** {@code x_i = sin(2π col/25) + cos(2π row/40) + U(−0.5, 0.5)}, noise from {@code SplittableRandom(7)}. */
  public static double[] values(int n) {
    int c = columns(n);
    SplittableRandom random = new SplittableRandom(VALUE_SEED);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      int col = i % c;
      int row = i / c;
      v[i] = Math.sin(2 * Math.PI * col / 25.0) + Math.cos(2 * Math.PI * row / 40.0) + random.nextDouble() - 0.5;
    }
    return v;
  }

  @Benchmark
  public SpatialWeights contiguityQueen() {
    return SpatialWeights.contiguity(polygons, Contiguity.QUEEN);
  }

  @Benchmark
  public SpatialWeights contiguityRook() {
    return SpatialWeights.contiguity(polygons, Contiguity.ROOK);
  }

  @Benchmark
  public MoranResult moranPermutations999() {
    return Moran.global(x, queen, PERMUTATIONS, PERMUTATION_SEED);
  }

  @Benchmark
  public LocalMoran localMoran999() {
    return Moran.local(x, queen, LocalSettings.withDefaults().withPermutations(PERMUTATIONS, PERMUTATION_SEED));
  }
}
