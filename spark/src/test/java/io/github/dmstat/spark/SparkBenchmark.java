package io.github.dmstat.spark;

import io.github.dmstat.core.internal.DomainSums;
import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.io.Frame;
import io.github.dmstat.core.io.ReadOptions;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.core.survey.LonelyPsu;
import io.github.dmstat.core.survey.PrevalenceEstimator;
import io.github.dmstat.core.survey.PrevalenceTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Timed comparison (not JMH: a Spark job is seconds) of the prevalence estimate on Spark
 * {@code local[2]} against one JVM, on the generated survey of {@link SparkPrevalenceTest#survey}
 * (40 groups, 50 strata × 20 PSUs plus a lonely one, 1% missing outcomes). Prints a markdown
 * table: wall time per run, input partitions, the size of one partial, and what Spark moved
 * (task results that reach the driver, shuffle writes of the tree's middle level).
 *
 * <pre>
 * java $(cat spark/target/jvm-options.txt) -Dlog4j2.configurationFile=spark/log4j2.properties \
 *   -cp "spark/target/classes:spark/target/test-classes:$(cat spark/target/classpath.txt)" \
 *   io.github.dmstat.spark.SparkBenchmark [ROWS] [DIR]
 * </pre>
 */
public final class SparkBenchmark {
  private SparkBenchmark() {}

  /** Result bytes and shuffle bytes of every task since the last reset. */
  static final class Traffic extends SparkListener {
    final AtomicLong results = new AtomicLong();
    final AtomicLong shuffle = new AtomicLong();
    final AtomicLong tasks = new AtomicLong();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      if (end.taskMetrics() != null) {
        results.addAndGet(end.taskMetrics().resultSize());
        shuffle.addAndGet(end.taskMetrics().shuffleWriteMetrics().bytesWritten());
        tasks.incrementAndGet();
      }
    }

    void reset() {
      results.set(0);
      shuffle.set(0);
      tasks.set(0);
    }
  }

  /**
   * Runs the comparison.
   *
   * @param args rows (default 10,000,000) and a working folder (default a temp folder)
   * @throws IOException when the folder cannot be written
   */
  public static void main(String[] args) throws IOException {
    long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
    Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("dmstat-spark-bench");
    Files.createDirectories(dir);
    SparkSession spark = LocalSpark.session("dmstat-spark-benchmark");
    Traffic traffic = new Traffic();
    spark.sparkContext().addSparkListener(traffic);
    DesignSpec spec = DesignSpec.weights("weight").withStrata("stratum").withPsu("psu").withLonelyPsu(LonelyPsu.ADJUST);
    PrevalenceEstimator est = PrevalenceEstimator.withDefaults();
    String parquet = dir.resolve("survey-" + rows + ".parquet").toString();
    Path csvDir = dir.resolve("survey-" + rows + ".csv.d");
    if (!Files.exists(Path.of(parquet))) {
      System.err.println("writing " + rows + " rows to " + parquet + " and a CSV copy");
      Dataset<Row> d = SparkPrevalenceTest.survey(spark, rows, 8).drop("fpc");
      d.write().mode(SaveMode.Overwrite).parquet(parquet);
      d.coalesce(1).write().mode(SaveMode.Overwrite).option("header", "true").csv(csvDir.toString());
    }
    Path csv;
    try (Stream<Path> s = Files.list(csvDir)) {
      csv = s.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
    }
    long parquetBytes;
    try (Stream<Path> s = Files.walk(Path.of(parquet))) {
      parquetBytes = s.filter(p -> p.toString().endsWith(".parquet")).mapToLong(p -> p.toFile().length()).sum();
    }
    System.out.printf("%n%,d rows: Parquet %.1f MB, CSV %.1f MB; 2 cores; %s%n%n", rows, parquetBytes / 1e6,
        Files.size(csv) / 1e6, System.getProperty("java.version"));
    System.out.println("| engine | input partitions | runs (s) | best s | partial bytes | result bytes | shuffle bytes |");
    System.out.println("|---|---:|---|---:|---:|---:|---:|");

    // one JVM: the reader and the estimator of ./dmstat prevalence, in this process
    List<Double> jvm = new ArrayList<>();
    PrevalenceTable reference = null;
    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      Frame f = Csv.frame(csv, ReadOptions.withDefaults(), PrevalenceEstimator.columns(spec, "used", List.of("group")));
      reference = est.estimate(f, spec, "used", List.of("group"));
      jvm.add((System.nanoTime() - t0) / 1e9);
    }
    row("one JVM, CSV (reader + estimator)", 1, jvm, 0, 0, 0);

    // Spark local[2] on the Parquet copy, in several input partitionings
    SparkPrevalence sp = SparkPrevalence.of(est);
    for (int partitions : new int[] {2, 8, 32, 128}) {
      spark.conf().set("spark.sql.files.maxPartitionBytes", String.valueOf(Math.max(1 << 16, parquetBytes / partitions + 1)));
      spark.conf().set("spark.sql.files.openCostInBytes", "0");
      List<Double> times = new ArrayList<>();
      SparkPrevalence.Result r = null;
      for (int i = 0; i < 3; i++) {
        traffic.reset();
        long t0 = System.nanoTime();
        r = sp.run(spark.read().parquet(parquet), spec, "used", List.of("group"));
        times.add((System.nanoTime() - t0) / 1e9);
      }
      SparkPrevalenceTest.assertSame(reference, r.table());
      row("Spark local[2], Parquet", r.partitions(), times, partialBytes(r.domains(), r.psus()), traffic.results.get(),
          traffic.shuffle.get());
    }
    // more domains: group x region (120), 9 input partitions
    spark.conf().set("spark.sql.files.maxPartitionBytes", String.valueOf(Math.max(1 << 16, parquetBytes / 9 + 1)));
    List<Double> wide = new ArrayList<>();
    SparkPrevalence.Result w = null;
    for (int i = 0; i < 3; i++) {
      traffic.reset();
      long t0 = System.nanoTime();
      w = sp.run(spark.read().parquet(parquet), spec, "used", List.of("group", "region"));
      wide.add((System.nanoTime() - t0) / 1e9);
    }
    row("Spark local[2], Parquet, 120 domains", w.partitions(), wide, partialBytes(w.domains(), w.psus()),
        traffic.results.get(), traffic.shuffle.get());
    System.out.printf("%nOne partial (40 domains x 1,001 PSUs) is %,d bytes serialized; 400 domains x 10,000 PSUs would be "
        + "%,d bytes.%n", partialBytes(40, 1001), partialBytes(400, 10_000));
    spark.stop();
  }

  private static long partialBytes(int domains, int psus) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ObjectOutputStream o = new ObjectOutputStream(b)) {
      o.writeObject(new DomainSums(domains, psus, false));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return b.size();
  }

  private static void row(String engine, int partitions, List<Double> times, long partial, long results, long shuffle) {
    StringBuilder runs = new StringBuilder();
    double best = Double.MAX_VALUE;
    for (double t : times) {
      runs.append(runs.length() == 0 ? "" : " ").append(String.format("%.2f", t));
      best = Math.min(best, t);
    }
    System.out.printf("| %s | %d | %s | %.2f | %s | %s | %s |%n", engine, partitions, runs, best,
        partial == 0 ? "" : String.format("%,d", partial), results == 0 ? "" : String.format("%,d", results),
        shuffle == 0 ? "0" : String.format("%,d", shuffle));
  }
}
