package io.github.dmstat.benchmarks;

import io.github.dmstat.core.Columns;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.replicate.ReplicateDesign;
import io.github.dmstat.core.replicate.ReplicateStatistics;
import io.github.dmstat.core.replicate.ReplicateType;
import io.github.dmstat.core.survey.LonelyPsu;
import io.github.dmstat.core.survey.PrevalenceEstimator;
import io.github.dmstat.core.survey.PrevalenceTable;
import io.github.dmstat.core.survey.Statistic;
import io.github.dmstat.core.survey.StatisticTable;
import io.github.dmstat.core.survey.SurveyDesign;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Grouped prevalence (40 groups, 50 strata × 20 PSUs; the data of {@link GroupedPrevalenceBenchmark})
 * with replicate-weight variances against the Taylor estimate:
 * <ul>
 *   <li>{@code taylor}: {@link PrevalenceEstimator}'s single pass (the baseline);</li>
 *   <li>{@code bootstrap}: 80 bootstrap replicates made from the design ({@link ReplicateDesign#bootstrap}),
 *       one pass filling sums per (group, PSU), each replicate's sums from its PSU multipliers;</li>
 *   <li>{@code supplied}: the same 80 replicates as supplied weight columns; the design groups the
 *       rows by their replicate factors when it is made, so the estimate runs as {@code bootstrap};</li>
 *   <li>{@code suppliedRowwise}: 80 supplied replicates whose factors differ in every row (as
 *       calibrated replicate weights do): one sequential pass per replicate column.</li>
 * </ul>
 * The replicate designs are built before timing, as the Taylor design is bound before timing.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
public class ReplicateBenchmark {
  /** Number of replicates. */
  public static final int REPLICATES = 80;

  @Param({"1000000"})
  public int rows;

  SurveyDesign design;
  Columns.Codes codes;
  byte[] outcome;
  double[] y;
  ReplicateDesign bootstrap;
  ReplicateDesign supplied;
  ReplicateDesign rowwise;

  /** Generates the data and builds the designs. */
  @Setup(Level.Trial)
  public void setup() {
    GroupedPrevalenceBenchmark data = new GroupedPrevalenceBenchmark();
    data.generate(rows);
    design = SurveyDesign.of(data.weight, data.stratum, data.psu, LonelyPsu.FAIL);
    List<List<String>> levels = new ArrayList<>();
    for (int g = 0; g < GroupedPrevalenceBenchmark.GROUPS; g++) {
      levels.add(List.of(GroupedPrevalenceBenchmark.label(g)));
    }
    codes = new Columns.Codes(data.group, levels, 0);
    outcome = data.outcome;
    y = new double[rows];
    for (int i = 0; i < rows; i++) {
      y[i] = outcome[i];
    }
    bootstrap = ReplicateDesign.bootstrap(design, REPLICATES, 1);
    double[][] full = new double[REPLICATES][rows];
    for (int r = 0; r < REPLICATES; r++) {
      for (int i = 0; i < rows; i++) {
        full[r][i] = bootstrap.weight(r, i);
      }
    }
    supplied = ReplicateDesign.of(bootstrap.weights(), full, ReplicateType.BOOTSTRAP, bootstrap.scale(), null, false);
    // the same replicates, each row's factors perturbed (as after calibrating every replicate): no two rows share them
    double[][] perRow = new double[REPLICATES][rows];
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (int i = 0; i < rows; i++) {
      double jitter = 1 + 1e-6 * random.nextDouble();
      for (int r = 0; r < REPLICATES; r++) {
        perRow[r][i] = full[r][i] * jitter;
      }
    }
    rowwise = ReplicateDesign.of(bootstrap.weights(), perRow, ReplicateType.BOOTSTRAP, bootstrap.scale(), null, false);
  }

  /** The Taylor estimate (estimate, SE, logit interval, deff). */
  @Benchmark
  public PrevalenceTable taylor() {
    return PrevalenceEstimator.withDefaults().with(ReliabilityRule.NONE).partial(design, codes.levels())
        .add(outcome, codes.codes(), 0, design.rows()).finish("used", List.of("group"));
  }

  /** 80 bootstrap replicates made from the design. */
  @Benchmark
  public StatisticTable bootstrap() {
    return ReplicateStatistics.withDefaults().with(ReliabilityRule.NONE).estimate(Statistic.MEAN, bootstrap, y, null,
        codes, "used", null, List.of("group"));
  }

  /** 80 supplied replicates whose factors differ in every row (no grouping possible): a pass per column. */
  @Benchmark
  public StatisticTable suppliedRowwise() {
    return ReplicateStatistics.withDefaults().with(ReliabilityRule.NONE).estimate(Statistic.MEAN, rowwise, y, null,
        codes, "used", null, List.of("group"));
  }

  /** The same 80 replicates as supplied weight columns (grouped by their factors when the design is made). */
  @Benchmark
  public StatisticTable supplied() {
    return ReplicateStatistics.withDefaults().with(ReliabilityRule.NONE).estimate(Statistic.MEAN, supplied, y, null,
        codes, "used", null, List.of("group"));
  }
}
