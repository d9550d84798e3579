package io.github.dmstat.spark;

import io.github.dmstat.core.Columns;
import io.github.dmstat.core.replicate.ReplicateDesign;
import io.github.dmstat.core.replicate.ReplicateStatistics;
import io.github.dmstat.core.replicate.ReplicateSums;
import io.github.dmstat.core.replicate.ReplicateType;
import io.github.dmstat.core.survey.Statistic;
import io.github.dmstat.core.survey.StatisticTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Prevalence by domain with supplied replicate weights on a Spark {@link Dataset}: the same
 * {@link StatisticTable} as {@link ReplicateStatistics#prevalence} with
 * {@link ReplicateDesign#supplied} on the same rows, to rounding (replicate variance
 * {@code scale · Σ_r rscale_r (θ_r − θ̄)²}, Lumley 2010, §2.3; R {@code svrepdesign}).
 *
 * <p>How: one pass. Each partition numbers the domains it meets and fills one
 * {@link ReplicateSums} ({@code 2 × (R + 1) × domains} doubles: the full-sample and every
 * replicate's {@code Σw} and {@code Σw·y} per domain); the partials are merged by tree
 * aggregation, matching domains by their values, and the driver finishes with a replicate design
 * known by its kind and factors
 * ({@link ReplicateDesign#ofStructure}). No row is collected to the driver.
 *
 * <pre>{@code
 * Replicates r = Replicates.of("weight", List.of("rep1", ..., "rep80"), ReplicateType.JK1);
 * StatisticTable t = SparkReplicates.withDefaults().prevalence(survey, r, "used", "group");
 * }</pre>
 */
public final class SparkReplicates {
  private final ReplicateStatistics statistics;

  private SparkReplicates(ReplicateStatistics statistics) {
    this.statistics = Objects.requireNonNull(statistics, "statistics");
  }

  /**
   * With {@link ReplicateStatistics#withDefaults()}.
   *
   * @return the Spark estimator
   */
  public static SparkReplicates withDefaults() {
    return new SparkReplicates(ReplicateStatistics.withDefaults());
  }

  /**
   * With the level and reliability rule of {@code statistics}.
   *
   * @param statistics the single-machine estimator whose settings are used
   * @return the Spark estimator
   */
  public static SparkReplicates of(ReplicateStatistics statistics) {
    return new SparkReplicates(statistics);
  }

  /**
   * The replicate weight columns and how to combine them, as {@link ReplicateDesign#supplied}
   * takes them.
   *
   * @param weight the full-sample weight column
   * @param replicates the replicate weight columns (full weights), in order; two or more
   * @param type the kind of replicates
   * @param scale the overall factor ({@code NaN}: the default of {@code type}; Fay needs
   *     {@code 1/(R(1 − ρ)²)})
   * @param rscales per-replicate factors ({@code null}: all 1; JKn needs them)
   * @param mse whether to centre at the full-sample estimate
   */
  public record Replicates(String weight, List<String> replicates, ReplicateType type, double scale, double[] rscales,
      boolean mse) {
    /**
     * Checks and copies the columns.
     *
     * @param weight the full-sample weight column
     * @param replicates the replicate weight columns
     * @param type the kind
     * @param scale the overall factor or {@code NaN}
     * @param rscales per-replicate factors or {@code null}
     * @param mse whether to centre at the full-sample estimate
     */
    public Replicates {
      Objects.requireNonNull(weight, "weight");
      Objects.requireNonNull(type, "type");
      replicates = List.copyOf(replicates);
      if (replicates.size() < 2) {
        throw new IllegalArgumentException("a replicate design needs two replicate weight columns or more, got " + replicates);
      }
      rscales = rscales == null ? null : rscales.clone();
    }

    /**
     * The default scale of {@code type}, no rscales, centred at the replicates' mean (R's default).
     *
     * @param weight the full-sample weight column
     * @param replicates the replicate weight columns
     * @param type the kind of replicates
     * @return the columns
     */
    public static Replicates of(String weight, List<String> replicates, ReplicateType type) {
      return new Replicates(weight, replicates, type, Double.NaN, null, false);
    }
  }

  /**
   * The prevalence of a 0/1 outcome by domain under replicate weights.
   *
   * @param data the survey, one row per respondent, with its replicate weight columns
   * @param replicates the weight columns and their kind
   * @param outcome a 0/1 (or boolean) column; nulls are missing
   * @param by grouping columns (none: overall); nulls are missing
   * @return the table, as {@link ReplicateStatistics#prevalence} gives it for the same rows
   * @throws IllegalArgumentException for a missing column or an invalid cell (the message names
   *     the column and value)
   */
  public StatisticTable prevalence(Dataset<Row> data, Replicates replicates, String outcome, String... by) {
    Objects.requireNonNull(outcome, "outcome");
    List<String> byCols = List.of(by);
    List<String> names = Arrays.asList(data.columns());
    List<Column> cols = new ArrayList<>();
    cols.add(SparkSupport.column(names, replicates.weight(), "weight").cast(DataTypes.DoubleType));
    for (String r : replicates.replicates()) {
      cols.add(SparkSupport.column(names, r, "replicate weight").cast(DataTypes.DoubleType));
    }
    cols.add(SparkSupport.outcome(data, outcome));
    for (String b : byCols) {
      cols.add(SparkSupport.column(names, b, "grouping").cast(DataTypes.StringType));
    }
    Dataset<Row> d = data.select(cols.toArray(Column[]::new));
    int reps = replicates.replicates().size();
    Labelled all;
    try {
      if (d.javaRDD().getNumPartitions() == 0) {
        throw new IllegalArgumentException("the data has no rows");
      }
      all = d.javaRDD().mapPartitions(new PartitionSums(replicates, outcome, byCols)).treeReduce(new Merge(), 2);
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      throw e;
    } catch (Exception e) {
      throw SparkSupport.unwrap(e);
    }
    long rows = all.sums.rows();
    if (rows == 0) {
      throw new IllegalArgumentException("the data has no rows");
    }
    if (rows > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("the data has " + rows + " rows; a design holds at most " + Integer.MAX_VALUE);
    }
    if (all.domains.size() == 0) {
      throw new IllegalArgumentException("no row has a value in every grouping column " + byCols);
    }
    // domains sorted by their values, as the single-machine table numbers them
    List<List<String>> levels = new ArrayList<>();
    int[] order = all.domains.sorted(levels);
    ReplicateSums sums = all.sums.addInto(new ReplicateSums(levels.size(), reps), order);
    ReplicateDesign design = ReplicateDesign.ofStructure(replicates.type(), (int) rows, reps, replicates.scale(),
        replicates.rscales(), replicates.mse());
    return statistics.finish(Statistic.MEAN, design, sums, levels, outcome, byCols);
  }

  /**
   * One partition's replicate sums with its own numbering of the domains, in order of first
   * appearance; partials merge by the domains' values.
   */
  static final class Labelled implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** The domains, numbered in order of first appearance. */
    final Domains domains = new Domains();
    private final int replicates;
    /** The sums, for at least the domains above (more while they are filled). */
    ReplicateSums sums;

    Labelled(int replicates) {
      this.replicates = replicates;
      this.sums = new ReplicateSums(4, replicates);
    }

    /** Makes the sums hold at least the domains numbered so far (doubling). */
    void fit() {
      int g = domains.size();
      if (g > sums.domains()) {
        sums = sums.addInto(new ReplicateSums(Math.max(g, 2 * sums.domains()), replicates),
            SparkSupport.identity(sums.domains()));
      }
    }

    /** Cuts the sums to exactly the domains seen, so that no spare capacity travels; returns this. */
    Labelled trim() {
      int n = Math.max(1, domains.size());
      if (sums.domains() != n) {
        sums = sums.addInto(new ReplicateSums(n, replicates), SparkSupport.identity(domains.size()));
      }
      return this;
    }

    Labelled merge(Labelled other) {
      int[] map = domains.mapFrom(other.domains);
      fit();
      other.sums.addInto(sums, map);
      return this;
    }

  }

  /** Fills one partition's replicate sums. */
  static final class PartitionSums implements FlatMapFunction<Iterator<Row>, Labelled> {
    private static final long serialVersionUID = 1L;
    private final String weight;
    private final List<String> replicateNames;
    private final String outcome;
    private final int byCount;

    PartitionSums(Replicates replicates, String outcome, List<String> by) {
      this.weight = replicates.weight();
      this.replicateNames = replicates.replicates();
      this.outcome = outcome;
      this.byCount = by.size();
    }

    @Override
    public Iterator<Labelled> call(Iterator<Row> rows) {
      int reps = replicateNames.size();
      Labelled p = new Labelled(reps);
      if (byCount == 0) {
        p.domains.overall();
        p.fit();
      }
      double[] rw = new double[reps];
      while (rows.hasNext()) {
        Row r = rows.next();
        double w = weight(r, 0, weight);
        for (int k = 0; k < reps; k++) {
          rw[k] = weight(r, k + 1, replicateNames.get(k));
        }
        double y;
        if (r.isNullAt(reps + 1)) {
          y = Double.NaN;
        } else {
          y = r.getDouble(reps + 1);
          if (y != 0 && y != 1) {
            throw new IllegalArgumentException("column '" + outcome + "': '" + y + "' is not 0, 1 or empty");
          }
        }
        int domain = p.domains.of(r, reps + 2, byCount);
        p.fit();
        p.sums.add(domain, w, rw, y);
      }
      return Collections.singletonList(p.trim()).iterator();
    }

    private static double weight(Row r, int at, String column) {
      if (r.isNullAt(at)) {
        throw new IllegalArgumentException("column '" + column + "': an empty weight; weights must be finite numbers >= 0");
      }
      double v = r.getDouble(at);
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("column '" + column + "': '" + v + "' must be a finite number >= 0");
      }
      return v;
    }
  }

  /** Merges two partials (the left one in place). */
  static final class Merge implements Function2<Labelled, Labelled, Labelled> {
    private static final long serialVersionUID = 1L;

    @Override
    public Labelled call(Labelled a, Labelled b) {
      return a.merge(b).trim();
    }
  }
}
