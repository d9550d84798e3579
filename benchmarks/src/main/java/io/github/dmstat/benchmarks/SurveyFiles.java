package io.github.dmstat.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes the survey CSV of the end-to-end comparison (see {@code benchmarks/README.md}, "End to
 * end, as a user runs it"): header {@code weight,stratum,psu,used,group}, one row per respondent.
 *
 * <p>The design is that of {@link GroupedPrevalenceBenchmark}: 50 strata × 20 PSUs, PSUs nested
 * in strata (PSU {@code q} in stratum {@code q / 20}), PSU labels unique over the whole file
 * ({@code p0000} … {@code p0999}), strata {@code s00} … {@code s49}, groups {@code g00} …
 * {@code g39}, each row in a uniform random group and PSU. Weights are uniform in [0.5, 3.0),
 * truncated to 4 decimals. The outcome {@code used} is 1 with probability
 * {@code (6% + 8%·g/39) × e_q} (PSU effect {@code e_q} uniform in [0.6, 1.4)), about 10% overall,
 * and empty (missing) in 1% of the rows. A row takes 23 bytes: 1M rows ≈ 23 MB.
 *
 * <p>The file depends only on the row count and the seed ({@code SplittableRandom}).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.dmstat.benchmarks.SurveyFiles ROWS FILE [SEED]</pre>
 */
public final class SurveyFiles {
  /** Default seed. */
  public static final long DEFAULT_SEED = 42;
  /** Share of rows whose outcome is empty (missing). */
  public static final double MISSING = 0.01;

  private static final int GROUPS = GroupedPrevalenceBenchmark.GROUPS;
  private static final int PSUS = GroupedPrevalenceBenchmark.PSUS;
  private static final int PSUS_PER_STRATUM = GroupedPrevalenceBenchmark.PSUS_PER_STRATUM;
  private static final byte[] HEADER = "weight,stratum,psu,used,group\n".getBytes();

  private SurveyFiles() {
  }

  /**
   * Writes {@code rows} rows to {@code file} (replaced if it exists).
   *
   * @param rows number of data rows, >= 0
   * @param file output path
   * @param seed seed of the {@code SplittableRandom}
   * @throws IOException if the file cannot be written
   */
  public static void write(long rows, Path file, long seed) throws IOException {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0 but was " + rows);
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] psuEffect = new double[PSUS];
    for (int q = 0; q < PSUS; q++) {
      psuEffect[q] = 0.6 + 0.8 * random.nextDouble();
    }
    byte[] buf = new byte[1 << 20];
    int pos = 0;
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(HEADER);
      for (long i = 0; i < rows; i++) {
        if (pos > buf.length - 64) {
          out.write(buf, 0, pos);
          pos = 0;
        }
        int g = random.nextInt(GROUPS);
        int q = random.nextInt(PSUS);
        double w = 0.5 + 2.5 * random.nextDouble();
        double p = (0.06 + 0.08 * g / (GROUPS - 1.0)) * psuEffect[q];
        boolean missing = random.nextDouble() < MISSING;
        boolean used = random.nextDouble() < p;
        // weight: truncated to 4 decimals, so it stays in [0.5000, 2.9999]
        long k = (long) (w * 10_000);
        buf[pos++] = (byte) ('0' + k / 10_000);
        buf[pos++] = '.';
        pos = digits(buf, pos, (int) (k % 10_000), 4);
        buf[pos++] = ',';
        buf[pos++] = 's';
        pos = digits(buf, pos, q / PSUS_PER_STRATUM, 2);
        buf[pos++] = ',';
        buf[pos++] = 'p';
        pos = digits(buf, pos, q, 4);
        buf[pos++] = ',';
        if (!missing) {
          buf[pos++] = used ? (byte) '1' : (byte) '0';
        }
        buf[pos++] = ',';
        buf[pos++] = 'g';
        pos = digits(buf, pos, g, 2);
        buf[pos++] = '\n';
      }
      out.write(buf, 0, pos);
    }
  }

  /** Writes {@code value} as exactly {@code width} decimal digits (zero-padded). */
  private static int digits(byte[] buf, int pos, int value, int width) {
    for (int d = width - 1; d >= 0; d--) {
      buf[pos + d] = (byte) ('0' + value % 10);
      value /= 10;
    }
    return pos + width;
  }

  /**
   * Command line: {@code ROWS FILE [SEED]}.
   *
   * @param args row count, output path, optional seed (default 42)
   * @throws IOException if the file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: SurveyFiles ROWS FILE [SEED]");
      System.exit(2);
    }
    long rows = Long.parseLong(args[0].replace("_", ""));
    Path file = Path.of(args[1]);
    long seed = args.length == 3 ? Long.parseLong(args[2]) : DEFAULT_SEED;
    long start = System.nanoTime();
    write(rows, file, seed);
    System.err.printf("SurveyFiles: %,d rows, %,d bytes to %s in %.0f ms%n",
        rows, Files.size(file), file, (System.nanoTime() - start) / 1e6);
  }
}
