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
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Survey-weighted prevalence by domain on a Spark {@link Dataset}: the same {@link PrevalenceTable}
 * as {@link PrevalenceEstimator#estimate(tech.tablesaw.api.Table, DesignSpec, String, List)} on the
 * same rows, to rounding (Taylor linearisation over strata and PSUs, Binder 1983; Lumley 2010, §2.2).
 *
 * <p>How: one pass. Each partition fills one mergeable partial: {@link DomainSums}
 * ({@code Σw}, {@code Σwy} and row counts per domain and PSU, {@code 20 × domains × PSUs} bytes)
 * under its own numbering of PSUs and domains, which it encodes as it meets them, with the rows
 * of each PSU and the fpc range of each stratum. The partials are merged by
 * {@link JavaRDD#treeReduce tree aggregation}, matching PSUs and domains by their labels, and the
 * driver sorts strata, PSUs and domains, checks the fpc and finishes the table from the merged
 * sums and the design's structure ({@link SurveyDesign#ofClusters}). No row comes to the driver,
 * and one Spark job runs.
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
    LabelledSums all;
    int partitions;
    try {
      JavaRDD<LabelledSums> partials = d.javaRDD().mapPartitions(new PartitionSums(spec, outcome, byCols));
      partitions = partials.getNumPartitions();
      if (partitions == 0) {
        throw new IllegalArgumentException("the data has no rows");
      }
      all = partials.treeReduce(new Merge(), depth);
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      throw e;
    } catch (Exception e) {
      // a failed job is a SparkException (checked in Java, thrown undeclared from Scala)
      throw SparkSupport.unwrap(e);
    }
    Finished f = finishStructure(all, spec, byCols);
    PrevalenceTable table = estimator.finish(f.design, f.sums, f.levels, outcome, byCols);
    return new Result(table, partitions, f.design.psuCount(), f.levels.size());
  }

  /** The design, domains and sums of a merged partial, strata, PSUs and domains in sorted order. */
  private record Finished(SurveyDesign design, DomainSums sums, List<List<String>> levels) {}

  private static Finished finishStructure(LabelledSums all, DesignSpec spec, List<String> by) {
    long rows = 0;
    TreeMap<String, TreeMap<String, Integer>> units = new TreeMap<>();
    for (int c = 0; c < all.cellStratum.size(); c++) {
      rows += all.cellRows[c];
      units.computeIfAbsent(all.cellStratum.get(c), x -> new TreeMap<>()).put(all.cellUnit.get(c), c);
    }
    if (rows == 0) {
      throw new IllegalArgumentException("the data has no rows");
    }
    if (rows > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("the data has " + rows + " rows; a design holds at most " + Integer.MAX_VALUE);
    }
    if (!by.isEmpty() && all.domains.size() == 0) {
      throw new IllegalArgumentException("no row has a value in every grouping column " + by);
    }
    List<String> strata = new ArrayList<>(units.keySet());
    double[] stratumFpc = spec.fpc().isPresent() ? new double[strata.size()] : null;
    int[] cellOrder = new int[all.cellStratum.size()];
    List<Integer> psuStratum = new ArrayList<>();
    int[] rowsInStratum = new int[strata.size()];
    for (int h = 0; h < strata.size(); h++) {
      String stratum = strata.get(h);
      if (stratumFpc != null) {
        double[] range = all.fpc.get(stratum);
        if (range[0] != range[1]) {
          throw new IllegalArgumentException("column '" + spec.fpc().get() + "': must be constant within stratum '" + stratum
              + "' (" + range[0] + " and " + range[1] + ")");
        }
        stratumFpc[h] = range[0];
      }
      for (int c : units.get(stratum).values()) {
        rowsInStratum[h] += (int) all.cellRows[c];
        cellOrder[c] = spec.psu().isPresent() ? psuStratum.size() : h;
        psuStratum.add(h);
      }
    }
    List<List<String>> levels = new ArrayList<>();
    int[] domainOrder = all.domains.sorted(levels);
    SurveyDesign design = spec.psu().isPresent()
        ? SurveyDesign.ofClusters(spec, (int) rows, strata, psuStratum.stream().mapToInt(Integer::intValue).toArray(), stratumFpc)
        : SurveyDesign.ofStrata(spec, strata, rowsInStratum, stratumFpc);
    DomainSums sums = new DomainSums(levels.size(), spec.psu().isPresent() ? psuStratum.size() : strata.size(),
        design.elementSampling());
    LabelledSums.addInto(all.sums, sums, domainOrder, cellOrder);
    return new Finished(design, sums, Collections.unmodifiableList(levels));
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
    out.add(SparkSupport.column(names, spec.weight(), "weight").cast(DataTypes.DoubleType));
    spec.strata().ifPresent(c -> out.add(SparkSupport.column(names, c, "strata").cast(DataTypes.StringType)));
    spec.psu().ifPresent(c -> out.add(SparkSupport.column(names, c, "psu").cast(DataTypes.StringType)));
    spec.fpc().ifPresent(c -> out.add(SparkSupport.column(names, c, "fpc").cast(DataTypes.DoubleType)));
    out.add(SparkSupport.outcome(data, outcome));
    for (String b : by) {
      out.add(SparkSupport.column(names, b, "grouping").cast(DataTypes.StringType));
    }
    return out.toArray(Column[]::new);
  }


  /**
   * One partition's sums with its own numbering of cells (PSUs, or strata under element
   * sampling) and domains, in order of first appearance; partials merge by their labels. Also
   * the rows of every cell (rows without a domain included) and the fpc range of each stratum.
   */
  static final class LabelledSums implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** Stratum of each cell. */
    final ArrayList<String> cellStratum = new ArrayList<>();
    /** PSU label of each cell ("" under element sampling). */
    final ArrayList<String> cellUnit = new ArrayList<>();
    /** Cell of each PSU label, by stratum. */
    final HashMap<String, HashMap<String, Integer>> cells = new HashMap<>();
    /** Rows of each cell. */
    long[] cellRows = new long[16];
    /** The domains, numbered in order of first appearance. */
    final Domains domains = new Domains();
    /** Per stratum: smallest and largest fpc. */
    final HashMap<String, double[]> fpc = new HashMap<>();
    final boolean squares;
    /** The sums, for at least the cells and domains above (more while they are filled). */
    DomainSums sums;

    LabelledSums(boolean squares) {
      this.squares = squares;
      this.sums = new DomainSums(4, 16, squares);
    }

    int cell(String stratum, String unit) {
      HashMap<String, Integer> byUnit = cells.computeIfAbsent(stratum, x -> new HashMap<>());
      Integer c = byUnit.get(unit);
      if (c == null) {
        c = cellStratum.size();
        byUnit.put(unit, c);
        cellStratum.add(stratum);
        cellUnit.add(unit);
        if (c == cellRows.length) {
          cellRows = Arrays.copyOf(cellRows, Math.max(16, 2 * c));
        }
      }
      return c;
    }

    /**
     * Cuts {@link #sums} to exactly the current cells and domains (it grows by doubling), so that
     * no spare capacity travels between executors and to the driver; returns this partial.
     */
    LabelledSums trim() {
      int d = Math.max(1, domains.size());
      int c = cellStratum.size();
      if (sums.domains != d || sums.cells != c) {
        DomainSums exact = new DomainSums(d, c, squares);
        addInto(sums, exact, SparkSupport.identity(domains.size()), SparkSupport.identity(c));
        sums = exact;
      }
      cellRows = Arrays.copyOf(cellRows, c);
      return this;
    }

    /** Makes {@link #sums} hold at least the current cells and domains (copying what it holds). */
    void fit() {
      if (sums.domains >= Math.max(1, domains.size()) && sums.cells >= cellStratum.size()) {
        return;
      }
      int d = Math.max(sums.domains, Math.max(1, domains.size()) * 2);
      int c = Math.max(sums.cells, cellStratum.size() * 2);
      DomainSums bigger = new DomainSums(d, c, squares);
      addInto(sums, bigger, SparkSupport.identity(sums.domains), SparkSupport.identity(sums.cells));
      sums = bigger;
    }


    /** Adds {@code from} into {@code to}, domain {@code d} and cell {@code c} going to {@code domainMap[d]} and {@code cellMap[c]}. */
    static void addInto(DomainSums from, DomainSums to, int[] domainMap, int[] cellMap) {
      for (int d = 0; d < domainMap.length; d++) {
        int td = domainMap[d];
        for (int c = 0; c < cellMap.length; c++) {
          int k = d * from.cells + c;
          int tk = td * to.cells + cellMap[c];
          to.sw[tk] += from.sw[k];
          to.swy[tk] += from.swy[k];
          to.rows[tk] += from.rows[k];
          if (from.squares) {
            to.sw2[tk] += from.sw2[k];
            to.sw2y[tk] += from.sw2y[k];
          }
        }
        to.missing[td] += from.missing[d];
        to.zeroWeight[td] += from.zeroWeight[d];
      }
      to.outside += from.outside;
    }

    /** Adds {@code other}'s sums, cells, domains and fpc ranges into this partial. */
    LabelledSums merge(LabelledSums other) {
      int[] cellMap = new int[other.cellStratum.size()];
      for (int c = 0; c < cellMap.length; c++) {
        cellMap[c] = cell(other.cellStratum.get(c), other.cellUnit.get(c));
        cellRows[cellMap[c]] += other.cellRows[c];
      }
      int[] domainMap = domains.mapFrom(other.domains);
      fit();
      addInto(other.sums, sums, domainMap, cellMap);
      for (Map.Entry<String, double[]> e : other.fpc.entrySet()) {
        double[] mine = fpc.get(e.getKey());
        if (mine == null) {
          fpc.put(e.getKey(), e.getValue().clone());
        } else {
          mine[0] = Math.min(mine[0], e.getValue()[0]);
          mine[1] = Math.max(mine[1], e.getValue()[1]);
        }
      }
      return this;
    }
  }

  /** Fills one partition's {@link LabelledSums}, in batches of primitive arrays. */
  static final class PartitionSums implements FlatMapFunction<Iterator<Row>, LabelledSums> {
    private static final long serialVersionUID = 1L;
    private static final int BATCH = 4096;
    private final String weight;
    private final String strata;
    private final String psu;
    private final String fpc;
    private final String outcome;
    private final List<String> by;

    PartitionSums(DesignSpec spec, String outcome, List<String> by) {
      this.weight = spec.weight();
      this.strata = spec.strata().orElse(null);
      this.psu = spec.psu().orElse(null);
      this.fpc = spec.fpc().orElse(null);
      this.outcome = outcome;
      this.by = List.copyOf(by);
    }

    @Override
    public Iterator<LabelledSums> call(Iterator<Row> rows) {
      LabelledSums p = new LabelledSums(psu == null);
      if (by.isEmpty()) {
        p.domains.overall();
      }
      double[] w = new double[BATCH];
      byte[] y = new byte[BATCH];
      int[] domain = new int[BATCH];
      int[] cell = new int[BATCH];
      int strataAt = strata != null ? 1 : -1;
      int psuAt = psu != null ? (strata != null ? 2 : 1) : -1;
      int fpcAt = fpc != null ? 1 + (strata != null ? 1 : 0) + (psu != null ? 1 : 0) : -1;
      int outcomeAt = 1 + (strata != null ? 1 : 0) + (psu != null ? 1 : 0) + (fpc != null ? 1 : 0);
      int byCount = by.size();
      String lastStratum = null;
      double[] lastFpc = null;
      int k = 0;
      while (rows.hasNext()) {
        Row r = rows.next();
        String stratum = strataAt > 0 ? r.getString(strataAt) : "(all)";
        String unit = psuAt > 0 ? r.getString(psuAt) : "";
        if (stratum == null) {
          throw new IllegalArgumentException("column '" + strata + "': a row has no stratum (design columns must not be "
              + "empty)" + (psuAt > 0 && unit != null ? "; its PSU is '" + unit + "'" : ""));
        }
        if (unit == null) {
          throw new IllegalArgumentException("column '" + psu + "': a row in stratum '" + stratum + "' has no PSU (design "
              + "columns must not be empty)");
        }
        String unitLabel = psuAt > 0 ? unit : null;
        if (r.isNullAt(0)) {
          throw bad(weight, "is empty; weights must be finite numbers >= 0", null, stratum, unitLabel);
        }
        double wi = r.getDouble(0);
        if (!(wi >= 0) || Double.isInfinite(wi)) {
          throw bad(weight, "must be a finite number >= 0", wi, stratum, unitLabel);
        }
        if (fpcAt > 0) {
          if (r.isNullAt(fpcAt)) {
            throw bad(fpc, "is empty; the finite population correction must be > 0", null, stratum, unitLabel);
          }
          double f = r.getDouble(fpcAt);
          if (!stratum.equals(lastStratum)) {
            lastFpc = p.fpc.computeIfAbsent(stratum, x -> new double[] {f, f});
          }
          lastFpc[0] = Math.min(lastFpc[0], f);
          lastFpc[1] = Math.max(lastFpc[1], f);
        }
        lastStratum = stratum;
        byte yi;
        if (r.isNullAt(outcomeAt)) {
          yi = Columns.MISSING;
        } else {
          double v = r.getDouble(outcomeAt);
          if (v != 0 && v != 1) {
            throw bad(outcome, "is not 0, 1 or empty", v, stratum, unitLabel);
          }
          yi = (byte) v;
        }
        int d = p.domains.of(r, outcomeAt + 1, byCount);
        int c = p.cell(stratum, unit);
        p.cellRows[c]++;
        w[k] = wi;
        y[k] = yi;
        domain[k] = d;
        cell[k] = c;
        if (++k == BATCH) {
          p.fit();
          p.sums.add(w, y, domain, cell, 0, k);
          k = 0;
        }
      }
      p.fit();
      p.sums.add(w, y, domain, cell, 0, k);
      return Collections.singletonList(p.trim()).iterator();
    }

    private static IllegalArgumentException bad(String column, String problem, Object value, String stratum, String unit) {
      return new IllegalArgumentException("column '" + column + "': " + (value == null ? "" : "'" + value + "' ") + problem
          + " (a row in stratum '" + stratum + "'" + (unit != null ? ", PSU '" + unit + "'" : "") + ")");
    }
  }

  /** Merges two partials (the left one in place). */
  static final class Merge implements Function2<LabelledSums, LabelledSums, LabelledSums> {
    private static final long serialVersionUID = 1L;

    @Override
    public LabelledSums call(LabelledSums a, LabelledSums b) {
      return a.merge(b).trim();
    }
  }

}
