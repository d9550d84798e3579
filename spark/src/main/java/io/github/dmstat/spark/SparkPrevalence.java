package io.github.dmstat.spark;

import io.github.dmstat.core.Columns;
import io.github.dmstat.core.internal.DomainSums;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.core.survey.PrevalenceEstimator;
import io.github.dmstat.core.survey.PrevalenceTable;
import io.github.dmstat.core.survey.SurveyDesign;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
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
 * Survey-weighted prevalence by domain on a Spark {@link Dataset}: the same {@link PrevalenceTable}
 * as {@link PrevalenceEstimator#estimate(tech.tablesaw.api.Table, DesignSpec, String, List)} on the
 * same rows, to rounding (Taylor linearisation over strata and PSUs, Binder 1983; Lumley 2010, §2.2).
 *
 * <p>How: one small aggregation finds the design's structure (the PSUs with their strata and
 * fpc, rows per PSU) and the domains; its result, about {@code PSUs × domains} rows, comes to the
 * driver, which numbers PSUs and domains and broadcasts the numbering. Each partition then fills
 * one mergeable partial ({@link DomainSums}: {@code Σw}, {@code Σwy} and row counts per domain and
 * PSU, {@code 20 × domains × PSUs} bytes) in a single pass over its rows, the partials are merged
 * by {@link JavaRDD#treeReduce tree aggregation}, and the driver finishes the table from the
 * merged sums and the design's structure ({@link SurveyDesign#ofClusters}). No row comes to the
 * driver. Two Spark jobs run: the structure and the sums.
 *
 * <p>Rows are handled as the single-machine estimator handles them: a missing outcome or grouping
 * value is counted and reported as excluded; a missing, negative or infinite weight, a missing
 * stratum or PSU, an fpc that varies within a stratum and an outcome that is not 0/1 (or a
 * boolean) are errors that name the column and value (Spark has no line numbers: the message
 * gives the row's stratum and PSU instead). PSU labels are nested in strata (R
 * {@code svydesign(..., nest = TRUE)}). Calibrated designs are not supported: their variance needs
 * the rows.
 *
 * <pre>{@code
 * Dataset<Row> survey = spark.read().parquet("survey.parquet");
 * DesignSpec design = DesignSpec.weights("weight").withStrata("stratum").withPsu("psu");
 * PrevalenceTable t = SparkPrevalence.withDefaults().estimate(survey, design, "used", "group");
 * System.out.println(t);
 * }</pre>
 */
public final class SparkPrevalence {
  private final PrevalenceEstimator estimator;
  private final int depth;

  private SparkPrevalence(PrevalenceEstimator estimator, int depth) {
    this.estimator = Objects.requireNonNull(estimator, "estimator");
    if (depth < 1) {
      throw new IllegalArgumentException("tree depth must be >= 1, not " + depth);
    }
    this.depth = depth;
  }

  /**
   * With the estimator's defaults (logit interval, 95%, the default reliability rule).
   *
   * @return the Spark estimator
   */
  public static SparkPrevalence withDefaults() {
    return new SparkPrevalence(PrevalenceEstimator.withDefaults(), 2);
  }

  /**
   * With the interval method, level and reliability rule of {@code estimator}.
   *
   * @param estimator the single-machine estimator whose settings are used
   * @return the Spark estimator
   */
  public static SparkPrevalence of(PrevalenceEstimator estimator) {
    return new SparkPrevalence(estimator, 2);
  }

  /**
   * The depth of the tree in which the partials are merged (Spark's {@code treeReduce}; 2 by
   * default: partials are first merged in groups on the executors, then on the driver).
   *
   * @param treeDepth the depth, {@code >= 1}
   * @return a copy with that depth
   */
  public SparkPrevalence withTreeDepth(int treeDepth) {
    return new SparkPrevalence(estimator, treeDepth);
  }

  /**
   * Prevalence of {@code outcome} by the {@code by} columns.
   *
   * @param data the survey, one row per respondent
   * @param spec the design columns (weight, optional strata, PSU and fpc); not calibrated
   * @param outcome a 0/1 (or boolean) column; nulls are missing
   * @param by grouping columns (none: the overall prevalence); nulls are missing
   * @return the table, as the single-machine estimator gives it for the same rows
   * @throws IllegalArgumentException for a missing column or an invalid cell (see the class comment)
   * @throws UnsupportedOperationException for a calibrated design
   */
  public PrevalenceTable estimate(Dataset<Row> data, DesignSpec spec, String outcome, String... by) {
    return estimate(data, spec, outcome, List.of(by));
  }

  /**
   * Prevalence of {@code outcome} by the {@code by} columns; see {@link #estimate(Dataset, DesignSpec, String, String...)}.
   *
   * @param data the survey, one row per respondent
   * @param spec the design columns
   * @param outcome a 0/1 (or boolean) column
   * @param by grouping columns
   * @return the table
   */
  public PrevalenceTable estimate(Dataset<Row> data, DesignSpec spec, String outcome, List<String> by) {
    return run(data, spec, outcome, by).table;
  }

  /** What one estimate did: the table, the partitions summed and the partial's size. */
  Result run(Dataset<Row> data, DesignSpec spec, String outcome, List<String> by) {
    Objects.requireNonNull(outcome, "outcome");
    if (spec.calibration().isPresent()) {
      throw new UnsupportedOperationException("a calibrated design cannot be estimated on Spark: the variance of a "
          + "calibrated estimate needs every row's residual; calibrate on one machine instead");
    }
    List<String> byCols = List.copyOf(by);
    Dataset<Row> d = data.select(columns(data, spec, outcome, byCols));
    try {
      Structure s = Structure.of(d, spec, byCols);
      JavaSparkContext sc = JavaSparkContext.fromSparkContext(d.sparkSession().sparkContext());
      Broadcast<Coding> coding = sc.broadcast(s.coding);
      JavaRDD<DomainSums> partials = d.javaRDD().mapPartitions(new PartitionSums(coding, spec, outcome, byCols));
      int partitions = partials.getNumPartitions();
      DomainSums sums = partials.treeReduce(new Merge(), depth);
      coding.destroy();
      PrevalenceTable table = estimator.finish(s.design, sums, s.levels, outcome, byCols);
      return new Result(table, partitions, s.design.psuCount(), s.levels.size());
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      throw e;
    } catch (Exception e) {
      // a failed job is a SparkException (checked in Java, thrown undeclared from Scala)
      throw unwrap(e);
    }
  }

  /** The result of {@link #run}, with what the benchmark reports. */
  record Result(PrevalenceTable table, int partitions, int psus, int domains) {}

  /**
   * The columns in a fixed order, typed: weight (double), strata and PSU (string), fpc (double),
   * outcome (as it is), grouping columns (string).
   */
  private static Column[] columns(Dataset<Row> data, DesignSpec spec, String outcome, List<String> by) {
    List<String> names = Arrays.asList(data.columns());
    List<Column> out = new ArrayList<>();
    out.add(col(names, spec.weight(), "weight").cast(DataTypes.DoubleType));
    spec.strata().ifPresent(c -> out.add(col(names, c, "strata").cast(DataTypes.StringType)));
    spec.psu().ifPresent(c -> out.add(col(names, c, "psu").cast(DataTypes.StringType)));
    spec.fpc().ifPresent(c -> out.add(col(names, c, "fpc").cast(DataTypes.DoubleType)));
    out.add(outcomeColumn(data, col(names, outcome, "outcome"), outcome));
    for (String b : by) {
      out.add(col(names, b, "grouping").cast(DataTypes.StringType));
    }
    return out.toArray(Column[]::new);
  }

  private static Column col(List<String> names, String name, String role) {
    if (!names.contains(name)) {
      throw new IllegalArgumentException("no " + role + " column '" + name + "'; columns: " + names);
    }
    return functions.col("`" + name.replace("`", "``") + "`");
  }

  /** The outcome as a double (booleans as 0/1); text is refused here rather than cast to null. */
  private static Column outcomeColumn(Dataset<Row> data, Column c, String name) {
    for (StructField f : data.schema().fields()) {
      if (f.name().equals(name)) {
        if (f.dataType().equals(DataTypes.StringType)) {
          throw new IllegalArgumentException("outcome column '" + name + "' is text; give a 0/1 number or a boolean "
              + "column (e.g. when(col(\"" + name + "\").equalTo(\"ja\"), 1).when(col(\"" + name + "\").equalTo(\"nee\"), 0))");
        }
        return c.cast(DataTypes.DoubleType);
      }
    }
    return c.cast(DataTypes.DoubleType);
  }

  /** The first {@link IllegalArgumentException} behind a failed Spark job, or the job's exception. */
  private static RuntimeException unwrap(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException) {
        return (IllegalArgumentException) t;
      }
    }
    return e instanceof RuntimeException ? (RuntimeException) e : new IllegalStateException("the Spark job failed: "
        + e.getMessage(), e);
  }

  /** The numbering of PSUs (strata under element sampling) and domains, broadcast to the executors. */
  static final class Coding implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** Cell of each PSU by stratum and PSU label (clustered), or of each stratum under the key "" (element sampling). */
    final HashMap<String, HashMap<String, Integer>> cells = new HashMap<>();
    /** Domain of each key of grouping values joined by \0. */
    final HashMap<String, Integer> domains = new HashMap<>();
    int cellCount;
    boolean squares;
  }

  /** The design's structure and the domains, from one aggregation whose result comes to the driver. */
  static final class Structure {
    final SurveyDesign design;
    final List<List<String>> levels;
    final Coding coding;

    private Structure(SurveyDesign design, List<List<String>> levels, Coding coding) {
      this.design = design;
      this.levels = levels;
      this.coding = coding;
    }

    static Structure of(Dataset<Row> d, DesignSpec spec, List<String> by) {
      String[] names = d.columns();
      int k = 1;
      int strataAt = spec.strata().isPresent() ? k++ : -1;
      int psuAt = spec.psu().isPresent() ? k++ : -1;
      int fpcAt = spec.fpc().isPresent() ? k++ : -1;
      int byAt = k + 1;
      List<Column> keys = new ArrayList<>();
      if (strataAt > 0) {
        keys.add(functions.col("`" + names[strataAt] + "`"));
      }
      if (psuAt > 0) {
        keys.add(functions.col("`" + names[psuAt] + "`"));
      }
      for (int b = 0; b < by.size(); b++) {
        keys.add(functions.col("`" + names[byAt + b] + "`"));
      }
      List<Column> aggs = new ArrayList<>();
      aggs.add(functions.count(functions.lit(1)).alias("rows"));
      if (fpcAt > 0) {
        Column f = functions.col("`" + names[fpcAt] + "`");
        aggs.add(functions.min(f).alias("fpc_min"));
        aggs.add(functions.max(f).alias("fpc_max"));
        aggs.add(functions.count(f).alias("fpc_present"));
      }
      Column first = aggs.get(0);
      Column[] rest = aggs.subList(1, aggs.size()).toArray(Column[]::new);
      List<Row> cells = keys.isEmpty() ? d.agg(first, rest).collectAsList()
          : d.groupBy(keys.toArray(Column[]::new)).agg(first, rest).collectAsList();
      int designKeys = (strataAt > 0 ? 1 : 0) + (psuAt > 0 ? 1 : 0);
      // strata (sorted), PSUs within strata (sorted), domains (sorted), rows per unit, fpc per stratum
      TreeMap<String, TreeMap<String, long[]>> units = new TreeMap<>();
      TreeMap<String, double[]> fpc = new TreeMap<>();
      TreeMap<String, List<String>> domains = new TreeMap<>();
      long rows = 0;
      for (Row r : cells) {
        String stratum = strataAt > 0 ? r.getString(0) : "(all)";
        String psu = psuAt > 0 ? r.getString(strataAt > 0 ? 1 : 0) : "";
        long n = r.getLong(designKeys + by.size());
        if (strataAt > 0 && stratum == null) {
          throw new IllegalArgumentException("column '" + spec.strata().get() + "': " + n + " rows have no stratum "
              + "(design columns must not be empty)");
        }
        if (psuAt > 0 && psu == null) {
          throw new IllegalArgumentException("column '" + spec.psu().get() + "': " + n + " rows in stratum '" + stratum
              + "' have no PSU (design columns must not be empty)");
        }
        rows += n;
        units.computeIfAbsent(stratum, x -> new TreeMap<>()).computeIfAbsent(psu, x -> new long[1])[0] += n;
        if (fpcAt > 0) {
          int at = designKeys + by.size() + 1;
          long present = r.getLong(at + 2);
          if (present < n) {
            throw new IllegalArgumentException("column '" + spec.fpc().get() + "': " + (n - present) + " rows in stratum '"
                + stratum + "' have no finite population correction");
          }
          double lo = r.getDouble(at);
          double hi = r.getDouble(at + 1);
          double[] seen = fpc.get(stratum);
          if (lo != hi || (seen != null && seen[0] != lo)) {
            double other = lo != hi ? hi : seen[0];
            throw new IllegalArgumentException("column '" + spec.fpc().get() + "': must be constant within stratum '"
                + stratum + "' (" + lo + " and " + other + ")");
          }
          fpc.put(stratum, new double[] {lo});
        }
        List<String> level = new ArrayList<>();
        boolean missing = false;
        for (int b = 0; b < by.size(); b++) {
          String v = r.getString(designKeys + b);
          missing |= v == null;
          level.add(v);
        }
        if (!missing) {
          domains.putIfAbsent(String.join("\0", level), List.copyOf(level));
        }
      }
      if (rows == 0) {
        throw new IllegalArgumentException("the data has no rows");
      }
      if (!by.isEmpty() && domains.isEmpty()) {
        throw new IllegalArgumentException("no row has a value in every grouping column " + by);
      }
      if (rows > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("the data has " + rows + " rows; a design holds at most " + Integer.MAX_VALUE);
      }
      Coding coding = new Coding();
      List<String> strata = new ArrayList<>(units.keySet());
      double[] stratumFpc = fpcAt > 0 ? new double[strata.size()] : null;
      List<Integer> psuStratum = new ArrayList<>();
      int[] rowsInStratum = new int[strata.size()];
      for (int h = 0; h < strata.size(); h++) {
        String stratum = strata.get(h);
        if (stratumFpc != null) {
          stratumFpc[h] = fpc.get(stratum)[0];
        }
        for (Map.Entry<String, long[]> e : units.get(stratum).entrySet()) {
          rowsInStratum[h] += (int) e.getValue()[0];
          if (psuAt > 0) {
            coding.cells.computeIfAbsent(stratum, x -> new HashMap<>()).put(e.getKey(), psuStratum.size());
            psuStratum.add(h);
          }
        }
        if (psuAt < 0) {
          coding.cells.put(stratum, new HashMap<>(Map.of("", h)));
        }
      }
      List<List<String>> levels = new ArrayList<>();
      if (by.isEmpty()) {
        levels.add(List.of());
        coding.domains.put("", 0);
      } else {
        for (Map.Entry<String, List<String>> e : domains.entrySet()) {
          coding.domains.put(e.getKey(), levels.size());
          levels.add(e.getValue());
        }
      }
      SurveyDesign design = psuAt > 0
          ? SurveyDesign.ofClusters(spec, (int) rows, strata, psuStratum.stream().mapToInt(Integer::intValue).toArray(), stratumFpc)
          : SurveyDesign.ofStrata(spec, strata, rowsInStratum, stratumFpc);
      coding.cellCount = psuAt > 0 ? psuStratum.size() : strata.size();
      coding.squares = design.elementSampling();
      return new Structure(design, Collections.unmodifiableList(levels), coding);
    }
  }

  /** Fills one partial from the rows of a partition, in batches of primitive arrays. */
  static final class PartitionSums implements FlatMapFunction<Iterator<Row>, DomainSums> {
    private static final long serialVersionUID = 1L;
    private static final int BATCH = 4096;
    private final Broadcast<Coding> coding;
    private final String weight;
    private final String strata;
    private final String psu;
    private final String outcome;
    private final int byCount;
    private final boolean hasFpc;

    PartitionSums(Broadcast<Coding> coding, DesignSpec spec, String outcome, List<String> by) {
      this.coding = coding;
      this.weight = spec.weight();
      this.strata = spec.strata().orElse(null);
      this.psu = spec.psu().orElse(null);
      this.outcome = outcome;
      this.byCount = by.size();
      this.hasFpc = spec.fpc().isPresent();
    }

    @Override
    public Iterator<DomainSums> call(Iterator<Row> rows) {
      Coding c = coding.value();
      DomainSums sums = new DomainSums(Math.max(1, c.domains.size()), c.cellCount, c.squares);
      double[] w = new double[BATCH];
      byte[] y = new byte[BATCH];
      int[] domain = new int[BATCH];
      int[] cell = new int[BATCH];
      int strataAt = strata != null ? 1 : -1;
      int psuAt = psu != null ? (strata != null ? 2 : 1) : -1;
      int outcomeAt = 1 + (strata != null ? 1 : 0) + (psu != null ? 1 : 0) + (hasFpc ? 1 : 0);
      StringBuilder key = new StringBuilder();
      int k = 0;
      // the last stratum's PSUs: rows of one stratum often come together
      String lastStratum = null;
      HashMap<String, Integer> stratumCells = null;
      while (rows.hasNext()) {
        Row r = rows.next();
        String stratum = strataAt > 0 ? r.getString(strataAt) : "(all)";
        String unit = psuAt > 0 ? r.getString(psuAt) : null;
        if (r.isNullAt(0)) {
          throw bad(weight, "is empty; weights must be finite numbers >= 0", null, stratum, unit);
        }
        double wi = r.getDouble(0);
        if (!(wi >= 0) || Double.isInfinite(wi)) {
          throw bad(weight, "must be a finite number >= 0", wi, stratum, unit);
        }
        byte yi;
        if (r.isNullAt(outcomeAt)) {
          yi = Columns.MISSING;
        } else {
          double v = r.getDouble(outcomeAt);
          if (v != 0 && v != 1) {
            throw bad(outcome, "is not 0, 1 or empty", v, stratum, unit);
          }
          yi = (byte) v;
        }
        boolean missing = false;
        String domainKey;
        if (byCount == 1) {
          domainKey = r.getString(outcomeAt + 1);
          missing = domainKey == null;
        } else {
          key.setLength(0);
          for (int b = 0; b < byCount && !missing; b++) {
            String v = r.getString(outcomeAt + 1 + b);
            missing = v == null;
            key.append(b > 0 ? "\0" : "").append(v);
          }
          domainKey = key.toString();
        }
        Integer dom = missing ? null : c.domains.get(domainKey);
        if (!stratum.equals(lastStratum)) {
          lastStratum = stratum;
          stratumCells = c.cells.get(stratum);
        }
        Integer cellCode = stratumCells == null ? null : stratumCells.get(unit != null ? unit : "");
        if ((!missing && dom == null) || cellCode == null) {
          // the structure pass saw every row: only data that changed in between gets here
          throw new IllegalStateException("a row that the structure pass did not see (stratum '" + stratum + "', PSU '"
              + unit + "'): the data changed between the two passes; cache or persist it first");
        }
        w[k] = wi;
        y[k] = yi;
        domain[k] = missing ? -1 : dom;
        cell[k] = cellCode;
        if (++k == BATCH) {
          sums.add(w, y, domain, cell, 0, k);
          k = 0;
        }
      }
      sums.add(w, y, domain, cell, 0, k);
      return Collections.singletonList(sums).iterator();
    }

    private static IllegalArgumentException bad(String column, String problem, Object value, String stratum, String unit) {
      return new IllegalArgumentException("column '" + column + "': " + (value == null ? "" : "'" + value + "' ") + problem
          + " (a row in stratum '" + stratum + "'" + (unit != null ? ", PSU '" + unit + "'" : "") + ")");
    }
  }

  /** Merges two partials (the left one in place). */
  static final class Merge implements Function2<DomainSums, DomainSums, DomainSums> {
    private static final long serialVersionUID = 1L;

    @Override
    public DomainSums call(DomainSums a, DomainSums b) {
      return a.merge(b);
    }
  }
}
