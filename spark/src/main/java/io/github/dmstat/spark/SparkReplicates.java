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
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Prevalence by domain with supplied replicate weights on a Spark {@link Dataset}: the same
 * {@link StatisticTable} as {@link ReplicateStatistics#prevalence} with
 * {@link ReplicateDesign#supplied} on the same rows, to rounding (replicate variance
 * {@code scale · Σ_r rscale_r (θ_r − θ̄)²}, Lumley 2010, §2.3; R {@code svrepdesign}).
 *
 * <p>How: one small aggregation finds the domains and counts the rows; each partition then
 * fills one {@link ReplicateSums} ({@code 2 × (R + 1) × domains} doubles: the full-sample and
 * every replicate's {@code Σw} and {@code Σw·y} per domain); the partials are merged by tree
 * aggregation and the driver finishes with a replicate design known by its kind and factors
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
    for (StructField f : data.schema().fields()) {
      if (f.name().equals(outcome) && f.dataType().equals(DataTypes.StringType)) {
        throw new IllegalArgumentException("outcome column '" + outcome + "' is text; give a 0/1 number or a boolean column");
      }
    }
    cols.add(SparkSupport.column(names, outcome, "outcome").cast(DataTypes.DoubleType));
    for (String b : byCols) {
      cols.add(SparkSupport.column(names, b, "grouping").cast(DataTypes.StringType));
    }
    Dataset<Row> d = data.select(cols.toArray(Column[]::new));
    int reps = replicates.replicates().size();
    try {
      // the domains and the rows, from one small aggregation
      String[] dn = d.columns();
      List<Row> groups;
      if (byCols.isEmpty()) {
        groups = d.agg(functions.count(functions.lit(1))).collectAsList();
      } else {
        Column[] keys = new Column[byCols.size()];
        for (int b = 0; b < keys.length; b++) {
          keys[b] = functions.col("`" + dn[reps + 2 + b] + "`");
        }
        groups = d.groupBy(keys).agg(functions.count(functions.lit(1))).collectAsList();
      }
      long rows = 0;
      TreeMap<String, List<String>> domains = new TreeMap<>();
      for (Row g : groups) {
        rows += g.getLong(byCols.size());
        List<String> level = new ArrayList<>();
        boolean missing = false;
        for (int b = 0; b < byCols.size(); b++) {
          missing |= g.isNullAt(b);
          level.add(g.isNullAt(b) ? null : g.getString(b));
        }
        if (!missing) {
          domains.put(String.join("\0", level), level);
        }
      }
      if (rows == 0) {
        throw new IllegalArgumentException("the data has no rows");
      }
      if (byCols.isEmpty()) {
        domains.put("", List.of());
      }
      if (domains.isEmpty()) {
        throw new IllegalArgumentException("no row has a value in every grouping column " + byCols);
      }
      if (rows > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("the data has " + rows + " rows; a design holds at most " + Integer.MAX_VALUE);
      }
      HashMap<String, Integer> code = new HashMap<>();
      List<List<String>> levels = new ArrayList<>();
      for (Map.Entry<String, List<String>> e : domains.entrySet()) {
        code.put(e.getKey(), levels.size());
        levels.add(List.copyOf(e.getValue()));
      }
      JavaSparkContext sc = JavaSparkContext.fromSparkContext(d.sparkSession().sparkContext());
      Broadcast<HashMap<String, Integer>> coding = sc.broadcast(code);
      ReplicateSums sums = d.javaRDD().mapPartitions(new PartitionSums(coding, replicates, outcome, byCols.size(),
          levels.size())).treeReduce(new Merge(), 2);
      coding.destroy();
      ReplicateDesign design = ReplicateDesign.ofStructure(replicates.type(), (int) rows, reps, replicates.scale(),
          replicates.rscales(), replicates.mse());
      return statistics.finish(Statistic.MEAN, design, sums, levels, outcome, byCols);
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      throw e;
    } catch (Exception e) {
      throw SparkSupport.unwrap(e);
    }
  }

  /** Fills one partition's replicate sums. */
  static final class PartitionSums implements FlatMapFunction<Iterator<Row>, ReplicateSums> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<HashMap<String, Integer>> coding;
    private final String weight;
    private final List<String> replicateNames;
    private final String outcome;
    private final int byCount;
    private final int domains;

    PartitionSums(Broadcast<HashMap<String, Integer>> coding, Replicates replicates, String outcome, int byCount,
        int domains) {
      this.coding = coding;
      this.weight = replicates.weight();
      this.replicateNames = replicates.replicates();
      this.outcome = outcome;
      this.byCount = byCount;
      this.domains = domains;
    }

    @Override
    public Iterator<ReplicateSums> call(Iterator<Row> rows) {
      HashMap<String, Integer> code = coding.value();
      int reps = replicateNames.size();
      ReplicateSums sums = new ReplicateSums(domains, reps);
      double[] rw = new double[reps];
      StringBuilder key = new StringBuilder();
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
        int domain;
        if (byCount == 0) {
          domain = 0;
        } else {
          key.setLength(0);
          boolean missing = false;
          for (int b = 0; b < byCount && !missing; b++) {
            String v = r.getString(reps + 2 + b);
            missing = v == null;
            key.append(b > 0 ? "\0" : "").append(v);
          }
          Integer g = missing ? null : code.get(key.toString());
          if (!missing && g == null) {
            throw new IllegalStateException("a domain that the first pass did not see: the data changed between the passes;"
                + " cache or persist it first");
          }
          domain = missing ? -1 : g;
        }
        sums.add(domain, w, rw, y);
      }
      return Collections.singletonList(sums).iterator();
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
  static final class Merge implements Function2<ReplicateSums, ReplicateSums, ReplicateSums> {
    private static final long serialVersionUID = 1L;

    @Override
    public ReplicateSums call(ReplicateSums a, ReplicateSums b) {
      return a.merge(b);
    }
  }
}
