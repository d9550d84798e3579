package io.github.dmstat.benchmarks;

import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.io.Frame;
import io.github.dmstat.core.io.ReadOptions;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.core.survey.PrevalenceEstimator;
import io.github.dmstat.core.survey.PrevalenceTable;
import io.github.dmstat.core.survey.SurveyDesign;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a survey CSV and binding it, as {@code dmstat prevalence --data} does: the file of the
 * end-to-end comparison ({@link SurveyFiles}: {@code weight,stratum,psu,used,group}; 50 strata ×
 * 20 PSUs, 40 groups, 1% missing outcomes) is written once in setup; each operation reads it from
 * the page cache.
 *
 * <ul>
 *   <li>{@code frame}: {@code Csv.frame} of the five columns (bytes straight into arrays, parallel blocks);</li>
 *   <li>{@code frameOneThread}: the same on one thread;</li>
 *   <li>{@code frameAndEstimate}: read, bind the design and estimate the 40 prevalences;</li>
 *   <li>{@code table}: {@code Csv.read} into a whole typed Tablesaw table (what Java users get);</li>
 *   <li>{@code tablesawCsv}: Tablesaw's own CSV reader, as a baseline.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ReadBenchmark {
  @Param({"1000000"})
  public int rows;

  private Path file;
  private static final DesignSpec SPEC = DesignSpec.weights("weight").withStrata("stratum").withPsu("psu");
  private static final List<String> BY = List.of("group");

  @Setup(Level.Trial)
  public void write() throws IOException {
    file = Files.createTempFile("dmstat-read-", ".csv");
    SurveyFiles.write(rows, file, SurveyFiles.DEFAULT_SEED);
  }

  @TearDown(Level.Trial)
  public void delete() throws IOException {
    Files.deleteIfExists(file);
  }

  @Benchmark
  public Frame frame() {
    return Csv.frame(file, ReadOptions.withDefaults(), PrevalenceEstimator.columns(SPEC, "used", BY));
  }

  @Benchmark
  public Frame frameOneThread() {
    return Csv.frame(file, ReadOptions.withDefaults().withThreads(1), PrevalenceEstimator.columns(SPEC, "used", BY));
  }

  @Benchmark
  public SurveyDesign frameAndBind() {
    return SurveyDesign.from(frame(), SPEC);
  }

  @Benchmark
  public PrevalenceTable frameAndEstimate() {
    return PrevalenceEstimator.withDefaults().with(ReliabilityRule.NONE).estimate(frame(), SPEC, "used", BY);
  }

  @Benchmark
  public tech.tablesaw.api.Table table() {
    return Csv.read(file, ReadOptions.withDefaults());
  }

  @Benchmark
  public tech.tablesaw.api.Table tablesawCsv() throws IOException {
    return tech.tablesaw.api.Table.read().csv(file.toFile());
  }

}
