package io.github.dmstat.core.survey;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.Columns;
import io.github.dmstat.core.internal.FrameAccess;
import io.github.dmstat.core.io.ColumnType;
import io.github.dmstat.core.io.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A bound one-stage survey design: validated weights, strata and primary sampling units (PSUs) as
 * primitive arrays, ready for the single-pass kernels.
 *
 * <p>PSUs are nested within strata (the same PSU label in two strata is two PSUs, as R
 * {@code svydesign(..., nest=TRUE)}). Without a PSU column each row is its own PSU (element
 * sampling). The design degrees of freedom are {@code #PSUs − #strata} (R {@code degf}).
 *
 * <p>The finite population correction factor of stratum {@code h} is
 * {@code f_h = (N_h − n_h)/N_h}, with {@code n_h} the sampled PSUs and {@code N_h} the population
 * PSUs; without a correction {@code f_h = 1}.
 */
public final class SurveyDesign {
  /** Rows; the arrays of a design bound from a {@link Frame} may be longer (see {@link FrameAccess}). */
  private final int rows;
  private final double[] weights;
  private final int[] rowStratum;
  private final int[] rowPsu;
  private final int[] psuStratum;
  private final int[] psusInStratum;
  private final double[] fpcFactor;
  private final List<String> strataLabels;
  private final LonelyPsu lonelyPsu;
  private final int psuCount;
  private final DesignSpec spec;
  /** How influence values become residuals before the variance (a calibrated design), or {@code null}. */
  private final VarianceAdjustment adjustment;
  /** Whether each row is its own PSU (the design has no PSU column). */
  private final boolean element;
  /** Whether the rows are known ({@code false} for a design made from its structure, see {@link #ofClusters}). */
  private final boolean hasRows;

  private SurveyDesign(int rows, double[] weights, int[] rowStratum, int[] rowPsu, int[] psuStratum,
      int[] psusInStratum, double[] fpcFactor, List<String> strataLabels, LonelyPsu lonelyPsu,
      int psuCount, DesignSpec spec) {
    this.rows = rows;
    this.weights = weights;
    this.rowStratum = rowStratum;
    this.rowPsu = rowPsu;
    this.psuStratum = psuStratum;
    this.psusInStratum = psusInStratum;
    this.fpcFactor = fpcFactor;
    this.strataLabels = strataLabels;
    this.lonelyPsu = lonelyPsu;
    this.psuCount = psuCount;
    this.spec = spec;
    this.adjustment = null;
    this.element = psuStratum == null;
    this.hasRows = weights != null;
  }

  private SurveyDesign(SurveyDesign base, double[] weights, VarianceAdjustment adjustment) {
    this.rows = base.rows;
    this.weights = weights;
    this.rowStratum = base.rowStratum;
    this.rowPsu = base.rowPsu;
    this.psuStratum = base.psuStratum;
    this.psusInStratum = base.psusInStratum;
    this.fpcFactor = base.fpcFactor;
    this.strataLabels = base.strataLabels;
    this.lonelyPsu = base.lonelyPsu;
    this.psuCount = base.psuCount;
    this.spec = base.spec;
    this.adjustment = adjustment;
    this.element = base.element;
    this.hasRows = base.hasRows;
  }

  /**
   * The same design (strata, PSUs, fpc) with new weights, e.g. calibrated ones, and the step that
   * turns an estimate's influence values into the residuals whose variance is the estimate's
   * variance ({@link #variance}, {@link #covariance} and every estimator apply it).
   *
   * @param newWeights one weight per row, finite and {@code >= 0}
   * @param adjustment the residual step of the reweighting
   * @return the reweighted design
   * @throws IllegalArgumentException when a weight is negative or not finite, or the length differs
   */
  public SurveyDesign reweighted(double[] newWeights, VarianceAdjustment adjustment) {
    java.util.Objects.requireNonNull(adjustment, "adjustment");
    requireRows("new weights");
    if (newWeights.length != rows) {
      throw new IllegalArgumentException("the design has " + rows + " rows but " + newWeights.length + " weights were given");
    }
    for (int i = 0; i < rows; i++) {
      if (!(newWeights[i] >= 0) || Double.isInfinite(newWeights[i])) {
        throw new IllegalArgumentException("row " + (i + 1) + ": the new weight " + newWeights[i] + " is not finite and >= 0");
      }
    }
    return new SurveyDesign(this, newWeights.clone(), adjustment);
  }

  /**
   * Whether the weights were replaced by a {@link Reweighting} (calibration), whose residual step
   * the variances apply.
   *
   * @return {@code true} for a reweighted design
   */
  public boolean reweighted() {
    return adjustment != null;
  }

  /**
   * Binds the design columns of {@code table}; the table is not modified.
   *
   * @param table the survey, one row per respondent
   * @param spec the design columns
   * @return the bound design
   * @throws IllegalArgumentException when the table has no rows, a column is missing, a weight is
   *     empty, negative or infinite, a strata or PSU cell is empty, a finite population correction
   *     is not {@code > 0}, differs within a stratum or gives fewer population PSUs than sampled
   *     ones, or a stratum has a single PSU under {@link LonelyPsu#FAIL}
   */
  public static SurveyDesign from(Table table, DesignSpec spec) {
    int n = table.rowCount();
    if (n == 0) {
      throw new IllegalArgumentException("table '" + table.name() + "' has no rows");
    }
    double[] w = Columns.nonNegative(table, spec.weight());
    Dense strata = spec.strata().map(c -> Dense.of(labels(table, c))).orElse(null);
    Dense psu = spec.psu().map(c -> Dense.of(labels(table, c))).orElse(null);
    double[] fpc = null;
    if (spec.fpc().isPresent()) {
      String name = spec.fpc().get();
      fpc = Columns.nonNegative(table, name);
      for (int i = 0; i < n; i++) {
        if (!(fpc[i] > 0)) {
          throw Checks.badCell(name, i + 1, "finite population correction must be > 0", fpc[i]);
        }
      }
    }
    SurveyDesign d = build(n, w, strata, psu, fpc, spec.fpc().orElse("fpc"), spec.lonelyPsu(), spec);
    return spec.calibration().isEmpty() ? d : spec.calibration().get().apply(d, ColumnReader.of(table));
  }

  /**
   * Binds the design columns of a {@link Frame} read from a file (weights and fpc as
   * {@link ColumnType#NUMBER}, strata and PSUs as {@link ColumnType#TEXT}, see
   * {@link DesignSpec#columnTypes()}); errors name the file and line of the bad cell.
   *
   * @param frame the data read from a file
   * @param spec the design columns
   * @return the bound design
   * @throws IllegalArgumentException for the errors of {@link #from(Table, DesignSpec)} (an empty
   *     frame excepted), naming file and line
   */
  public static SurveyDesign from(Frame frame, DesignSpec spec) {
    try {
      int n = frame.rows();
      // the reader's arrays as they are (possibly longer than n): nothing is copied
      double[] w = FrameAccess.numbers(frame, spec.weight());
      for (int i = 0; i < n; i++) {
        double v = w[i];
        if (!(v >= 0) || Double.isInfinite(v)) {
          throw Checks.badCell(spec.weight(), i + 1, Double.isNaN(v) ? "must be a finite number >= 0" : "must be finite and >= 0",
              Double.isNaN(v) ? null : v);
        }
      }
      Dense strata = spec.strata().map(c -> dense(frame, c, n)).orElse(null);
      Dense psu = spec.psu().map(c -> dense(frame, c, n)).orElse(null);
      double[] fpc = null;
      if (spec.fpc().isPresent()) {
        String name = spec.fpc().get();
        fpc = FrameAccess.numbers(frame, name);
        for (int i = 0; i < n; i++) {
          if (!(fpc[i] > 0) || Double.isInfinite(fpc[i])) {
            throw Checks.badCell(name, i + 1, "finite population correction must be > 0", Double.isNaN(fpc[i]) ? null : fpc[i]);
          }
        }
      }
      SurveyDesign d = build(n, w, strata, psu, fpc, spec.fpc().orElse("fpc"), spec.lonelyPsu(), spec);
      return spec.calibration().isEmpty() ? d : spec.calibration().get().apply(d, ColumnReader.of(frame));
    } catch (IllegalArgumentException e) {
      throw frame.locate(e);
    }
  }

  private static Dense dense(Frame frame, String name, int n) {
    int[] codes = FrameAccess.codes(frame, name);
    for (int i = 0; i < n; i++) {
      if (codes[i] < 0) {
        throw Checks.badCell(name, i + 1, "design column must not be empty", null);
      }
    }
    return new Dense(codes, frame.levels(name));
  }

  /**
   * A stratified cluster design from arrays (for generators, benchmarks and other engines); PSU
   * labels are nested in strata.
   *
   * @param weights the weight of each row, finite and {@code >= 0}; copied
   * @param strata the stratum label of each row
   * @param psu the PSU label of each row
   * @param lonelyPsu what to do with a stratum that holds a single PSU
   * @return the design; its spec names the columns {@code weight}, {@code stratum} and {@code psu}
   * @throws IllegalArgumentException when a weight is negative, infinite or {@code NaN}, or a
   *     stratum has a single PSU under {@link LonelyPsu#FAIL}
   */
  public static SurveyDesign of(double[] weights, int[] strata, int[] psu, LonelyPsu lonelyPsu) {
    return fromArrays(weights, Objects.requireNonNull(strata, "strata"), Objects.requireNonNull(psu, "psu"), lonelyPsu);
  }

  /**
   * A design with weights only: one stratum, each row its own PSU.
   *
   * @param weights the weight of each row, finite and {@code >= 0}; copied
   * @return the design; its spec names the column {@code weight}
   * @throws IllegalArgumentException when a weight is negative, infinite or {@code NaN}
   */
  public static SurveyDesign of(double[] weights) {
    return fromArrays(weights, null, null, LonelyPsu.FAIL);
  }

  /** {@code strata} and {@code psu} may be null here: no strata, each row its own PSU. */
  private static SurveyDesign fromArrays(double[] weights, int[] strata, int[] psu, LonelyPsu lonelyPsu) {
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
        throw Checks.badCell("weight", i + 1, "must be finite and >= 0", weights[i]);
      }
    }
    DesignSpec spec = DesignSpec.weights("weight").withLonelyPsu(lonelyPsu);
    spec = strata == null ? spec : spec.withStrata("stratum");
    spec = psu == null ? spec : spec.withPsu("psu");
    return build(weights.length, weights.clone(), strata == null ? null : Dense.of(strata), psu == null ? null : Dense.of(psu), null,
        "fpc", lonelyPsu, spec);
  }

  private static String[] labels(Table table, String name) {
    Column<?> col = Columns.column(table, name);
    String[] out = new String[table.rowCount()];
    for (int i = 0; i < out.length; i++) {
      if (Columns.isMissing(col, i)) {
        throw Checks.badCell(name, i + 1, "design column must not be empty", null);
      }
      out[i] = Columns.text(col, i);
    }
    return out;
  }

  /** Labels encoded once to dense codes {@code 0..labels-1} in order of first appearance. */
  private record Dense(int[] codes, List<String> labels) {
    static Dense of(String[] values) {
      int[] codes = new int[values.length];
      Map<String, Integer> index = new HashMap<>();
      List<String> labels = new ArrayList<>();
      for (int i = 0; i < values.length; i++) {
        Integer code = index.get(values[i]);
        if (code == null) {
          code = labels.size();
          index.put(values[i], code);
          labels.add(values[i]);
        }
        codes[i] = code;
      }
      return new Dense(codes, labels);
    }

    static Dense of(int[] values) {
      int[] codes = new int[values.length];
      Map<Integer, Integer> index = new HashMap<>();
      List<String> labels = new ArrayList<>();
      for (int i = 0; i < values.length; i++) {
        Integer code = index.get(values[i]);
        if (code == null) {
          code = labels.size();
          index.put(values[i], code);
          labels.add(Integer.toString(values[i]));
        }
        codes[i] = code;
      }
      return new Dense(codes, labels);
    }
  }

  private static SurveyDesign build(int n, double[] w, Dense strata, Dense psu, double[] fpc,
      String fpcName, LonelyPsu lonely, DesignSpec spec) {
    int[] rowStratum = strata == null ? new int[n] : strata.codes();
    List<String> strataLabels = strata == null ? List.of("(all)") : strata.labels();
    int strataCount = strataLabels.size();
    int[] psusInStratum = new int[strataCount];
    int[] rowPsu = null;
    int[] psuStratum;
    int psuCount;
    if (psu == null) {
      for (int i = 0; i < n; i++) {
        psusInStratum[rowStratum[i]]++;
      }
      psuCount = n;
      psuStratum = null;
    } else if ((psuStratum = ownStrata(n, rowStratum, psu)) != null) {
      // every PSU label lies in one stratum (the usual coding): the labels' codes are the PSUs, in
      // the same first-appearance order as the pairs below, and the codes array is shared, not copied
      rowPsu = psu.codes();
      psuCount = psuStratum.length;
      for (int owner : psuStratum) {
        psusInStratum[owner]++;
      }
    } else {
      // PSUs are nested in strata: the pair (stratum, PSU label) is one PSU
      rowPsu = new int[n];
      int labels = psu.labels().size();
      long pairs = (long) strataCount * labels;
      int[] direct = pairs <= (1 << 22) ? new int[(int) pairs] : null; // code + 1; 0 = not seen
      Map<Long, Integer> idx = direct == null ? new HashMap<>() : null;
      int[] owner = new int[16];
      int count = 0;
      int[] psuCodes = psu.codes();
      for (int i = 0; i < n; i++) {
        long key = (long) rowStratum[i] * labels + psuCodes[i];
        int p;
        if (direct != null) {
          p = direct[(int) key] - 1;
        } else {
          Integer boxed = idx.get(key);
          p = boxed == null ? -1 : boxed;
        }
        if (p < 0) {
          p = count;
          if (direct != null) {
            direct[(int) key] = p + 1;
          } else {
            idx.put(key, p);
          }
          if (count == owner.length) {
            owner = Arrays.copyOf(owner, 2 * owner.length);
          }
          owner[count++] = rowStratum[i];
          psusInStratum[rowStratum[i]]++;
        }
        rowPsu[i] = p;
      }
      psuCount = count;
      psuStratum = Arrays.copyOf(owner, count);
    }
    double[] perStratum = null;
    if (fpc != null) {
      perStratum = new double[strataCount];
      Arrays.fill(perStratum, Double.NaN);
      for (int i = 0; i < n; i++) {
        int h = rowStratum[i];
        if (Double.isNaN(perStratum[h])) {
          perStratum[h] = fpc[i];
        } else if (perStratum[h] != fpc[i]) {
          throw Checks.badCell(fpcName, i + 1, "must be constant within stratum '" + strataLabels.get(h)
              + "' (" + Checks.quote(perStratum[h]) + " earlier)", fpc[i]);
        }
      }
    }
    double[] factor = factors(perStratum, psusInStratum, strataLabels, fpcName);
    checkLonely(lonely, psusInStratum, factor, strataLabels, spec);
    return new SurveyDesign(n, w, rowStratum, rowPsu, psuStratum, psusInStratum, factor,
        List.copyOf(strataLabels), lonely, psuCount, spec);
  }

  /**
   * The finite population correction factor {@code (N_h − n_h)/N_h} of each stratum from the fpc
   * of each stratum (population PSUs, or sampling fractions when every value is at most 1); 1
   * everywhere without fpc.
   */
  private static double[] factors(double[] perStratum, int[] psusInStratum, List<String> strataLabels, String fpcName) {
    int strataCount = psusInStratum.length;
    double[] factor = new double[strataCount];
    Arrays.fill(factor, 1.0);
    if (perStratum == null) {
      return factor;
    }
    boolean fractions = true;
    for (int h = 0; h < strataCount; h++) {
      fractions &= !(perStratum[h] > 1);
    }
    for (int h = 0; h < strataCount; h++) {
      double population = fractions ? psusInStratum[h] / perStratum[h] : perStratum[h];
      if (population < psusInStratum[h]) {
        throw new IllegalArgumentException("column '" + fpcName + "': stratum '" + strataLabels.get(h)
            + "' has " + psusInStratum[h] + " sampled PSUs but a population of only " + Checks.quote(perStratum[h]));
      }
      factor[h] = (population - psusInStratum[h]) / population;
    }
    return factor;
  }

  /** Under {@link LonelyPsu#FAIL}: a stratum with one PSU that is not taken whole is an error. */
  private static void checkLonely(LonelyPsu lonely, int[] psusInStratum, double[] factor, List<String> strataLabels,
      DesignSpec spec) {
    if (lonely != LonelyPsu.FAIL) {
      return;
    }
    for (int h = 0; h < psusInStratum.length; h++) {
      // a single PSU that is the whole stratum (sampling fraction 1) is a certainty unit, not lonely
      if (psusInStratum[h] == 1 && !taken(factor[h])) {
        throw new IllegalArgumentException("stratum '" + strataLabels.get(h) + "'"
            + spec.strata().map(c -> " (column '" + c + "')").orElse("")
            + " has only one PSU; choose a lonely-PSU policy: adjust, remove or certainty");
      }
    }
  }

  /**
   * A clustered design known by its structure only, without its rows: for engines that sum the
   * rows elsewhere (such as {@code dmstat-spark}) and finish here with
   * {@link PrevalenceEstimator#finish}. The variance methods that work from PSU totals are those
   * of a design bound from the rows; the methods that need the rows ({@link #weights()},
   * {@link #unitOf}, {@link #variance(double[])}, ...) throw {@link UnsupportedOperationException}.
   * The finite population correction and the lonely-PSU check are as for the rows.
   *
   * @param spec the design columns; it must name a PSU column
   * @param rows the number of rows of the data
   * @param strata the label of each stratum, in stratum code order ({@code "(all)"} alone when
   *     the spec has no strata column)
   * @param psuStratum the stratum code of each PSU (PSUs coded {@code 0..length-1}; a PSU label
   *     that occurs in two strata is two PSUs)
   * @param stratumFpc the fpc column's value in each stratum (population PSUs, or sampling
   *     fractions when all are at most 1), or {@code null} when the spec has no fpc column
   * @return the design
   * @throws IllegalArgumentException when the spec has no PSU column, a code or count is out of
   *     range, a stratum has no PSU, the fpc is missing, invalid or smaller than the sampled PSUs,
   *     or a stratum has a single PSU under {@link LonelyPsu#FAIL}
   */
  public static SurveyDesign ofClusters(DesignSpec spec, int rows, List<String> strata, int[] psuStratum, double[] stratumFpc) {
    Objects.requireNonNull(spec, "spec");
    if (spec.psu().isEmpty()) {
      throw new IllegalArgumentException("a clustered design needs a PSU column; use ofStrata for element sampling");
    }
    List<String> labels = structureLabels(spec, strata);
    int[] units = new int[labels.size()];
    for (int psu = 0; psu < psuStratum.length; psu++) {
      int h = psuStratum[psu];
      if (h < 0 || h >= units.length) {
        throw Checks.badArgument("psuStratum", "holds a stratum code outside 0.." + (units.length - 1) + " at PSU " + psu, h);
      }
      units[h]++;
    }
    if (rows < psuStratum.length) {
      throw Checks.badArgument("rows", "must be at least the number of PSUs (" + psuStratum.length + ")", rows);
    }
    return ofStructure(spec, rows, labels, psuStratum.clone(), units, psuStratum.length, stratumFpc);
  }

  /**
   * A design without PSUs (each row its own PSU) known by its structure only: the rows of each
   * stratum. See {@link #ofClusters} for what such a design can and cannot do.
   *
   * @param spec the design columns; it must not name a PSU column
   * @param strata the label of each stratum, in stratum code order ({@code "(all)"} alone when
   *     the spec has no strata column)
   * @param rowsInStratum the number of rows of each stratum
   * @param stratumFpc the fpc column's value in each stratum, or {@code null} without fpc
   * @return the design; its rows are the sum of {@code rowsInStratum}
   * @throws IllegalArgumentException when the spec names a PSU column, a count is negative or the
   *     rows exceed {@link Integer#MAX_VALUE}, a stratum is empty, the fpc is invalid, or a stratum
   *     has a single row under {@link LonelyPsu#FAIL}
   */
  public static SurveyDesign ofStrata(DesignSpec spec, List<String> strata, int[] rowsInStratum, double[] stratumFpc) {
    Objects.requireNonNull(spec, "spec");
    if (spec.psu().isPresent()) {
      throw new IllegalArgumentException("the spec names PSU column '" + spec.psu().get() + "': use ofClusters");
    }
    List<String> labels = structureLabels(spec, strata);
    long rows = 0;
    for (int r : rowsInStratum) {
      if (r < 0) {
        throw Checks.badArgument("rowsInStratum", "must be >= 0", r);
      }
      rows += r;
    }
    if (rows > Integer.MAX_VALUE) {
      throw Checks.badArgument("rowsInStratum", "sum to more rows than a design holds (" + Integer.MAX_VALUE + ")", rows);
    }
    return ofStructure(spec, (int) rows, labels, null, rowsInStratum.clone(), (int) rows, stratumFpc);
  }

  private static List<String> structureLabels(DesignSpec spec, List<String> strata) {
    List<String> labels = List.copyOf(strata);
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("a design needs at least one stratum (\"(all)\" without a strata column)");
    }
    if (spec.strata().isEmpty() && labels.size() != 1) {
      throw new IllegalArgumentException("the spec has no strata column but " + labels.size() + " strata were given");
    }
    return labels;
  }

  private static SurveyDesign ofStructure(DesignSpec spec, int rows, List<String> labels, int[] psuStratum, int[] units,
      int psuCount, double[] stratumFpc) {
    if (units.length != labels.size()) {
      throw new IllegalArgumentException(units.length + " strata counts for " + labels.size() + " strata");
    }
    for (int h = 0; h < units.length; h++) {
      if (units[h] == 0) {
        throw new IllegalArgumentException("stratum '" + labels.get(h) + "' has no " + (psuStratum == null ? "rows" : "PSU"));
      }
    }
    if ((stratumFpc != null) != spec.fpc().isPresent()) {
      throw new IllegalArgumentException(spec.fpc().isPresent() ? "the spec names fpc column '" + spec.fpc().get()
          + "' but no fpc per stratum was given" : "an fpc per stratum was given but the spec names no fpc column");
    }
    String fpcName = spec.fpc().orElse("fpc");
    if (stratumFpc != null) {
      if (stratumFpc.length != labels.size()) {
        throw new IllegalArgumentException(stratumFpc.length + " fpc values for " + labels.size() + " strata");
      }
      for (int h = 0; h < stratumFpc.length; h++) {
        if (!(stratumFpc[h] > 0) || Double.isInfinite(stratumFpc[h])) {
          throw new IllegalArgumentException("column '" + fpcName + "': stratum '" + labels.get(h)
              + "': finite population correction must be > 0, not " + Checks.quote(stratumFpc[h]));
        }
      }
    }
    double[] factor = factors(stratumFpc, units, labels, fpcName);
    checkLonely(spec.lonelyPsu(), units, factor, labels, spec);
    return new SurveyDesign(rows, null, null, null, psuStratum, units, factor, labels, spec.lonelyPsu(), psuCount, spec);
  }

  /** Whether the rows are known: {@code false} for a design made by {@link #ofClusters} or {@link #ofStrata}. */
  private void requireRows(String what) {
    if (!hasRows) {
      throw new UnsupportedOperationException("this design was made from its structure (strata and PSUs, without rows): "
          + what + " needs the rows; bind the design from a table or frame instead");
    }
  }

  /**
   * The stratum of each PSU label when every label occurs in one stratum only and the labels'
   * codes number them in order of first appearance (as the reader and {@link Dense} code them);
   * {@code null} otherwise.
   */
  private static int[] ownStrata(int n, int[] rowStratum, Dense psu) {
    int[] codes = psu.codes();
    int[] owner = new int[psu.labels().size()];
    Arrays.fill(owner, -1);
    int next = 0;
    for (int i = 0; i < n; i++) {
      int c = codes[i];
      int o = owner[c];
      if (o < 0) {
        if (c != next) {
          return null; // not in order of first appearance
        }
        owner[c] = rowStratum[i];
        next++;
      } else if (o != rowStratum[i]) {
        return null; // one label in two strata: two PSUs
      }
    }
    return next == owner.length ? owner : null;
  }

  /**
   * Number of rows.
   *
   * @return the rows of the bound table or frame
   */
  public int rows() {
    return rows;
  }

  /**
   * Number of strata (1 when the design has none).
   *
   * @return the number of distinct strata labels; 1 without a strata column
   */
  public int strataCount() {
    return strataLabels.size();
  }

  /**
   * Number of PSUs (the number of rows under element sampling).
   *
   * @return the number of distinct (stratum, PSU label) pairs, or of rows
   */
  public int psuCount() {
    return psuCount;
  }

  /**
   * {@code #PSUs − #strata}, as R {@code degf(design)}.
   *
   * @return the design degrees of freedom of the full design
   */
  public int degreesOfFreedom() {
    return psuCount - strataCount();
  }

  /**
   * True when each row is its own PSU.
   *
   * @return {@code true} when the design has no PSU column
   */
  public boolean elementSampling() {
    return element;
  }

  /**
   * The column spec this design was bound from.
   *
   * @return the spec (for {@link #of} one with the columns {@code weight}, {@code stratum}, {@code psu})
   */
  public DesignSpec spec() {
    return spec;
  }

  /**
   * The lonely-PSU policy.
   *
   * @return what is done with a stratum that holds a single PSU
   */
  public LonelyPsu lonelyPsu() {
    return lonelyPsu;
  }

  /**
   * Label of stratum {@code h}.
   *
   * @param h stratum index, 0 to {@code strataCount() − 1}, in order of first appearance
   * @return the stratum's label; {@code (all)} when the design has no strata
   * @throws IndexOutOfBoundsException when {@code h} is out of range
   */
  public String stratumLabel(int h) {
    return strataLabels.get(h);
  }

  /**
   * Optional fpc column name.
   *
   * @return the finite population correction column, or empty when there is none
   */
  public Optional<String> fpcColumn() {
    return spec.fpc();
  }

  /**
   * The weights of the rows.
   *
   * @return a copy, one weight per row
   */
  public double[] weights() {
    requireRows("weights()");
    return java.util.Arrays.copyOf(weights, rows);
  }

  /**
   * The number of primary sampling units (every row under element sampling).
   *
   * @return the PSUs of the design
   */
  public int units() {
    return elementSampling() ? rows : psuCount;
  }

  /**
   * The PSU of a row, numbered in order of first appearance.
   *
   * @param row the row, from 0
   * @return its PSU, {@code 0..units()-1} (the row itself under element sampling)
   */
  public int unitOf(int row) {
    requireRows("unitOf(row)");
    return elementSampling() ? row : rowPsu[row];
  }

  /**
   * The stratum of a PSU.
   *
   * @param unit the PSU, {@code 0..units()-1}
   * @return its stratum, {@code 0..strataCount()-1}
   */
  public int stratumOfUnit(int unit) {
    if (element) {
      requireRows("stratumOfUnit under element sampling");
    }
    return elementSampling() ? rowStratum[unit] : psuStratum[unit];
  }

  /**
   * The sampled PSUs of a stratum.
   *
   * @param stratum the stratum, {@code 0..strataCount()-1}
   * @return {@code n_h}
   */
  public int unitsInStratum(int stratum) {
    return psusInStratum[stratum];
  }

  /**
   * The finite population correction factor of a stratum, {@code (N_h − n_h)/N_h} (1 without a correction).
   *
   * @param stratum the stratum
   * @return the factor
   */
  public double finitePopulationFactor(int stratum) {
    return fpcFactor[stratum];
  }

  /**
   * The strata in order of first appearance in the rows.
   *
   * @return stratum numbers
   */
  public int[] strataInOrder() {
    requireRows("strataInOrder()");
    boolean[] seen = new boolean[strataCount()];
    int[] out = new int[strataCount()];
    int k = 0;
    for (int i = 0; i < rows && k < out.length; i++) {
      if (!seen[rowStratum[i]]) {
        seen[rowStratum[i]] = true;
        out[k++] = rowStratum[i];
      }
    }
    return Arrays.copyOf(out, k);
  }

  /**
   * The design degrees of freedom of a subset of the rows, as R {@code degf(design[keep, ])}: the
   * PSUs that hold a kept row minus the strata that hold one (under element sampling each row is
   * its own PSU).
   *
   * @param keep one flag per row: {@code true} for rows in the subset
   * @return PSUs minus strata among the kept rows (0 when none is kept)
   * @throws IllegalArgumentException when {@code keep} has another length than {@link #rows()}
   */
  public int degreesOfFreedom(boolean[] keep) {
    requireRows("degreesOfFreedom(keep)");
    if (keep.length != rows) {
      throw new IllegalArgumentException("keep has " + keep.length + " flags but the design has " + rows + " rows");
    }
    boolean element = elementSampling();
    boolean[] psuSeen = element ? null : new boolean[psuCount];
    boolean[] stratumSeen = new boolean[strataCount()];
    long psus = 0;
    int strata = 0;
    for (int i = 0; i < rows; i++) {
      if (!keep[i]) {
        continue;
      }
      if (element) {
        psus++;
      } else if (!psuSeen[rowPsu[i]]) {
        psuSeen[rowPsu[i]] = true;
        psus++;
      }
      if (!stratumSeen[rowStratum[i]]) {
        stratumSeen[rowStratum[i]] = true;
        strata++;
      }
    }
    return (int) Math.min(Integer.MAX_VALUE, psus - strata);
  }

  /**
   * The design-based variance of an estimated total {@code Σ_i z_i} of a row-level linearisation
   * (influence) variable {@code z}: the stratified between-PSU variance of the PSU totals of
   * {@code z}, {@code Σ_h f_h · n_h/(n_h − 1) · Σ_i (z_hi − z̄_h)²}, with the finite population
   * correction and the {@link LonelyPsu lonely-PSU} policy, as R {@code survey:::svyrecvar} for a
   * one-stage design (Lumley 2010, §2.2). Every estimator that is a smooth function of totals
   * gets its variance this way from its influence function; rows outside a domain carry 0.
   *
   * @param z one value per row ({@link #rows()} values), finite
   * @return the variance
   * @throws IllegalArgumentException when {@code z} has another length or a value that is not finite
   */
  public double variance(double[] z) {
    return covariance(new double[][] {z})[0][0];
  }

  /**
   * The design-based covariance matrix of the estimated totals of several linearisation
   * variables (for a {@link #reweighted() reweighted} design, of their residuals): entry {@code (j, k)} is
   * {@code Σ_h f_h · n_h/(n_h − 1) · Σ_i (z_jhi − z̄_jh)(z_khi − z̄_kh)} over PSU totals (R
   * {@code svyrecvar} on a matrix); under {@link LonelyPsu#ADJUST} a single-PSU stratum adds
   * {@code f_h · z_jh · z_kh}.
   *
   * @param z {@code z[j]} is the j-th variable, one value per row
   * @return the {@code z.length × z.length} covariance matrix
   * @throws IllegalArgumentException when a variable has another length than {@link #rows()} or a
   *     value that is not finite
   */
  public double[][] covariance(double[][] z) {
    requireRows("a variance from row values");
    if (adjustment != null) {
      double[][] r = new double[z.length][];
      for (int j = 0; j < z.length; j++) {
        if (z[j].length != rows) {
          throw new IllegalArgumentException("variable " + j + " has " + z[j].length + " values but the design has " + rows
              + " rows");
        }
        r[j] = adjustment.residuals(z[j]);
      }
      z = r;
    }
    int k = z.length;
    boolean element = elementSampling();
    int units = element ? rows : psuCount;
    int strata = strataCount();
    double[][] t = new double[k][];
    for (int j = 0; j < k; j++) {
      double[] zj = z[j];
      if (zj.length != rows) {
        throw new IllegalArgumentException("variable " + j + " has " + zj.length + " values but the design has " + rows
            + " rows");
      }
      if (element) {
        t[j] = zj;
      } else {
        double[] tj = new double[units];
        for (int i = 0; i < rows; i++) {
          tj[rowPsu[i]] += zj[i];
        }
        t[j] = tj;
      }
      for (int i = 0; i < rows; i++) {
        if (!Double.isFinite(zj[i])) {
          throw new IllegalArgumentException("variable " + j + ": row " + (i + 1) + " is not a finite number: " + zj[i]);
        }
      }
    }
    int[] unitStratum = element ? rowStratum : psuStratum;
    double[][] mean = new double[k][strata];
    for (int j = 0; j < k; j++) {
      for (int u = 0; u < units; u++) {
        mean[j][unitStratum[u]] += t[j][u];
      }
    }
    double[][] out = new double[k][k];
    double[] dev = new double[k];
    double[][] byStratum = new double[strata][];
    for (int h = 0; h < strata; h++) {
      byStratum[h] = new double[k * k];
    }
    for (int u = 0; u < units; u++) {
      int h = unitStratum[u];
      int nh = psusInStratum[h];
      for (int j = 0; j < k; j++) {
        dev[j] = t[j][u] - mean[j][h] / nh;
      }
      double[] acc = byStratum[h];
      for (int a = 0; a < k; a++) {
        for (int b = 0; b <= a; b++) {
          acc[a * k + b] += dev[a] * dev[b];
        }
      }
    }
    for (int h = 0; h < strata; h++) {
      int nh = psusInStratum[h];
      if (certainty(h)) {
        continue;
      }
      double f = fpcFactor[h];
      for (int a = 0; a < k; a++) {
        for (int b = 0; b <= a; b++) {
          double c;
          if (nh > 1) {
            c = f * nh / (nh - 1.0) * byStratum[h][a * k + b];
          } else if (lonelyPsu == LonelyPsu.ADJUST) {
            c = f * mean[a][h] * mean[b][h];
          } else {
            c = 0;
          }
          out[a][b] += c;
        }
      }
    }
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        out[a][b] = out[b][a];
      }
    }
    return out;
  }

  // --- package-private / kernel access (arrays are not copied; kernels never write them) ---

  /** Weights (not a copy: do not modify; may be longer than {@link #rows()}). */
  double[] weightsView() {
    requireRows("the weights");
    return weights;
  }

  int[] rowStratum() {
    requireRows("the strata of the rows");
    return rowStratum;
  }

  int[] rowPsu() {
    requireRows("the PSUs of the rows");
    return rowPsu;
  }

  int[] psuStratum() {
    return psuStratum;
  }

  int psusInStratum(int h) {
    return psusInStratum[h];
  }

  double fpcFactor(int h) {
    return fpcFactor[h];
  }

  /**
   * The stratified between-PSU variance of a linearised statistic from its PSU totals {@code t}
   * (indexed by PSU): {@code Σ_h f_h · n_h/(n_h − 1) · Σ_i (t_hi − t̄_h)²}, as R
   * {@code survey:::onestrat}; see {@link #variance(double[], double[])}.
   */
  double varianceOfPsuTotals(double[] t) {
    int strata = strataCount();
    double[] s1 = new double[strata];
    double[] ss = new double[strata];
    for (int psu = 0; psu < t.length; psu++) {
      s1[psuStratum[psu]] += t[psu];
    }
    for (int psu = 0; psu < t.length; psu++) {
      int h = psuStratum[psu];
      double dev = t[psu] - s1[h] / psusInStratum[h];
      ss[h] += dev * dev;
    }
    return variance(s1, ss);
  }

  /**
   * The stratified variance under element sampling (each row its own PSU) from per-stratum sums of
   * the linearisation variable {@code s1[h] = Σ_i z_hi} and of its squares {@code s2[h] = Σ_i z_hi²}:
   * the centred squares are {@code s2 − s1²/n_h}, never below 0 (the difference of raw sums
   * cancels when the values are nearly equal); then {@link #variance(double[], double[])}.
   */
  double varianceOfStratumSums(double[] s1, double[] s2) {
    double[] ss = new double[s1.length];
    for (int h = 0; h < s1.length; h++) {
      ss[h] = Math.max(0, s2[h] - s1[h] * s1[h] / psusInStratum[h]);
    }
    return variance(s1, ss);
  }

  /**
   * The stratified variance from per-stratum PSU-total sums {@code s1[h] = Σ_i t_hi} and centred
   * squares {@code ss[h] = Σ_i (t_hi − t̄_h)²}: {@code Σ_h f_h · n_h/(n_h − 1) · ss_h}, skipping
   * certainty strata; a stratum with one PSU adds {@code f_h · s1_h²} under {@link LonelyPsu#ADJUST}
   * and nothing otherwise (R {@code survey:::onestrat}, Lumley 2010, §2.2).
   */
  double variance(double[] s1, double[] ss) {
    double v = 0;
    for (int h = 0; h < s1.length; h++) {
      int nh = psusInStratum[h];
      if (certainty(h)) {
        continue; // taken whole: no sampling variance
      }
      double f = fpcFactor[h];
      if (nh > 1) {
        v += f * nh / (nh - 1.0) * ss[h];
      } else if (lonelyPsu == LonelyPsu.ADJUST) {
        v += f * s1[h] * s1[h];
      }
    }
    return v;
  }

  /**
   * Below this finite population correction a stratum is taken whole (a certainty or
   * self-representing stratum: every PSU sampled) and contributes no variance, as R survey's
   * {@code onestrat} ({@code all(f < 0.0000001)}), whatever its number of PSUs.
   */
  static final double CERTAINTY = 1e-7;

  /** Whether stratum {@code h} was taken whole (its PSUs are the population): no variance, never lonely. */
  boolean certainty(int h) {
    return taken(fpcFactor[h]);
  }

  /** Whether a stratum with finite population correction {@code f} was taken whole. */
  private static boolean taken(double f) {
    return f < CERTAINTY;
  }

  @Override
  public String toString() {
    return "SurveyDesign[rows=" + rows() + ", strata=" + strataCount() + ", psus=" + psuCount
        + ", df=" + degreesOfFreedom() + (elementSampling() ? ", element sampling" : "")
        + (spec.fpc().isPresent() ? ", fpc" : "") + ", lonelyPsu=" + lonelyPsu.code() + "]";
  }
}
