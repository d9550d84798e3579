package io.github.dmstat.benchmarks;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.io.Csv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Input files for timing {@code dmstat concentration} end to end: an areas CSV
 * ({@code code,incidents,inhabitants}) and a queen edge list CSV ({@code from,to}, each pair once,
 * as {@code --neighbours} reads it) for {@code n} areas on the lattice of
 * {@link ConcentrationBenchmark} ({@code c = ⌈√n⌉} columns, area {@code i} at column
 * {@code i mod c}, row {@code i div c}, code {@code BU} + 8 digits).
 *
 * <p>Deterministic: {@code SplittableRandom(7)}. Inhabitants are {@code 100 + U{0..2999}}, except
 * every 1,000th area (index {@code 999, 1999, …}), which has 0 inhabitants and 0 incidents (no
 * rate, so the links are restricted to the areas with a rate, as in real data). Incidents are
 * Poisson with mean {@code inhabitants · 0.005 · exp(sin(2π col/25) + cos(2π row/40))}.
 *
 * <pre>{@code
 * java -cp ... io.github.dmstat.benchmarks.AreaFiles 100000 /tmp/conc   # areas-100000.csv, edges-100000.csv
 * }</pre>
 */
public final class AreaFiles {
  /** Seed of the generator. */
  public static final long SEED = 7L;
  /** Every this many areas one has no inhabitants. */
  public static final int EMPTY_EVERY = 1000;

  private AreaFiles() {}

  /** Writes {@code areas-N.csv} and {@code edges-N.csv} into a folder: {@code AreaFiles N FOLDER}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: AreaFiles N FOLDER (writes FOLDER/areas-N.csv and FOLDER/edges-N.csv)");
    }
    int n = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    Files.createDirectories(dir);
    write(dir.resolve("areas-" + n + ".csv"), List.of("code", "incidents", "inhabitants"), areas(n));
    write(dir.resolve("edges-" + n + ".csv"), List.of("from", "to"), edges(n));
  }

  /** Rows {@code code, incidents, inhabitants} of {@code n} areas. */
  public static List<List<String>> areas(int n) {
    if (n < 4) {
      throw Checks.badArgument("areas", "must be >= 4", n);
    }
    int c = ConcentrationBenchmark.columns(n);
    SplittableRandom random = new SplittableRandom(SEED);
    List<List<String>> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int inhabitants = 100 + random.nextInt(3000);
      double field = Math.sin(2 * Math.PI * (i % c) / 25.0) + Math.cos(2 * Math.PI * (i / c) / 40.0);
      int incidents = poisson(inhabitants * 0.005 * Math.exp(field), random);
      if (i % EMPTY_EVERY == EMPTY_EVERY - 1) {
        inhabitants = 0;
        incidents = 0;
      }
      rows.add(List.of(ConcentrationBenchmark.code(i), Integer.toString(incidents), Integer.toString(inhabitants)));
    }
    return rows;
  }

  /** Queen links of the lattice, each unordered pair once ({@code from < to}). */
  public static List<List<String>> edges(int n) {
    int c = ConcentrationBenchmark.columns(n);
    List<List<String>> rows = new ArrayList<>(4 * n);
    for (int i = 0; i < n; i++) {
      int col = i % c;
      // right, and the three cells of the next row (left, above, right)
      if (col + 1 < c && i + 1 < n) {
        rows.add(List.of(ConcentrationBenchmark.code(i), ConcentrationBenchmark.code(i + 1)));
      }
      for (int dc = -1; dc <= 1; dc++) {
        int j = i + c + dc;
        if (col + dc >= 0 && col + dc < c && j < n) {
          rows.add(List.of(ConcentrationBenchmark.code(i), ConcentrationBenchmark.code(j)));
        }
      }
    }
    return rows;
  }

  /** Poisson draw by inversion (means here are below 120). */
  private static int poisson(double mean, SplittableRandom random) {
    double u = random.nextDouble();
    double p = Math.exp(-mean);
    double cum = p;
    int k = 0;
    while (u > cum && k < 10_000) {
      k++;
      p *= mean / k;
      cum += p;
    }
    return k;
  }

  private static void write(Path file, List<String> header, List<List<String>> rows) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      Csv.write(w, header, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }
}
