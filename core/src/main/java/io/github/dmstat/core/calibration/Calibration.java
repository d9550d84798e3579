package io.github.dmstat.core.calibration;

import io.github.dmstat.core.io.ColumnType;
import io.github.dmstat.core.survey.ColumnReader;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.core.survey.Reweighting;
import io.github.dmstat.core.survey.SurveyDesign;
import io.github.dmstat.core.survey.VarianceAdjustment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import tech.tablesaw.api.Table;

/**
 * Calibration of the design weights {@code d} to population {@link Margins}, as R {@code survey}
 * 4.1's {@code postStratify}, {@code rake} and {@code calibrate} (Deville &amp; Särndal 1992;
 * Lumley 2010, ch. 7). Give it to {@link DesignSpec#withCalibration}: every estimator then uses the
 * calibrated weights {@code w = g·d}, and its variance the residuals of the estimate's influence
 * values {@code x}:
 * <ul>
 *   <li>{@link #postStratify}: {@code w = d · N_c/Ŵ_c} in each cell {@code c} of one (cross-classified)
 *       margin; residual {@code x − w·b_c}, {@code b_c} the d-weighted cell mean of {@code x/w}.</li>
 *   <li>{@link #rake}: post-stratification to each margin in turn, until the weighted
 *       cross-table of the margin variables changes by less than {@code ε} ({@code ε·Σd} when
 *       {@code ε < 1}); the variance backfits the influence values ten times over the margins with
 *       the unweighted cell means of {@code x/w_k} of the last pass, as R's {@code svyrecvar}.</li>
 *   <li>{@link #calibrate}: {@code g = 1 + F(xᵀη)} solving {@code Σ d g x = T} for the model matrix
 *       {@code X} (an intercept, every level but the first of each categorical margin, the numeric
 *       variables), by Newton steps with a pseudo-inverse and step halving, stopped when
 *       {@code max_k |misfit_k|/(1 + |T_k|) < ε}; linear without bounds in closed form
 *       {@code g = 1 + Xᵀ(XᵀDX)⁻¹(T − t)}. {@code F}: linear {@code clamp(1 + u, L, U) − 1}, raking
 *       {@code clamp(eᵘ, L, U) − 1}, logit R's bounded logistic. When every population total is more
 *       than 20 times the sample's, the weights are first scaled by the mean ratio and the bounds
 *       act on {@code g} divided by it, as in R. Residual {@code x − w·xᵀb} with
 *       {@code b = (XᵀDX)⁻¹XᵀD(x/w)} (GREG).</li>
 * </ul>
 * Where R warns and goes on, this class stops with a clear error: a survey level the margins do
 * not list (or a listed level without rows), margins that disagree on the population size, and a
 * calibration or raking that does not converge, naming the margin and level that did not fit.
 */
public final class Calibration implements Reweighting {
  private final CalibrationMethod method;
  private final Margins margins;
  private final double lower;
  private final double upper;
  private final boolean boundsOnWeights;
  private final double epsilon;
  private final int maxIterations;

  private Calibration(CalibrationMethod method, Margins margins, double lower, double upper, boolean boundsOnWeights,
      double epsilon, int maxIterations) {
    this.method = method;
    this.margins = Objects.requireNonNull(margins, "margins");
    this.lower = lower;
    this.upper = upper;
    this.boundsOnWeights = boundsOnWeights;
    this.epsilon = epsilon;
    this.maxIterations = maxIterations;
  }

  /**
   * Post-stratification to one categorical margin (a cross-classification such as
   * {@code agegroup:sex} for its cells).
   *
   * @param margins one categorical margin
   * @return the calibration
   * @throws IllegalArgumentException when there is not exactly one categorical margin
   */
  public static Calibration postStratify(Margins margins) {
    if (margins.margins().size() != 1 || !margins.margins().get(0).categorical()) {
      throw new IllegalArgumentException("post-stratification takes one categorical margin (cross-classify with a:b); got "
          + margins.margins().stream().map(Margins.Margin::variable).toList());
    }
    return new Calibration(CalibrationMethod.POSTSTRATIFY, margins, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
        false, 0, 0);
  }

  /**
   * Raking to categorical margins, in their order, with R's defaults (at most 10 passes, stop when
   * no cell of the cross-table moves by 1 or more).
   *
   * @param margins categorical margins
   * @return the calibration
   * @throws IllegalArgumentException when a margin is numeric
   */
  public static Calibration rake(Margins margins) {
    for (Margins.Margin m : margins.margins()) {
      if (!m.categorical()) {
        throw new IllegalArgumentException("raking takes categorical margins; '" + m.variable()
            + "' is numeric (use calibrate)");
      }
    }
    return new Calibration(CalibrationMethod.RAKE, margins, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false, 1,
        10);
  }

  /**
   * Calibration to categorical and numeric margins with a distance function, with R's defaults
   * (tolerance 1e-7, at most 50 steps) and no bounds.
   *
   * @param margins the margins; the first categorical one gives the population size
   * @param function {@link CalibrationMethod#LINEAR}, {@link CalibrationMethod#RAKING} or {@link CalibrationMethod#LOGIT}
   * @return the calibration
   * @throws IllegalArgumentException when {@code function} is not a distance function or no margin is categorical
   */
  public static Calibration calibrate(Margins margins, CalibrationMethod function) {
    if (function == CalibrationMethod.POSTSTRATIFY || function == CalibrationMethod.RAKE) {
      throw new IllegalArgumentException("calibrate takes linear, raking or logit, not " + function.code());
    }
    if (margins.margins().stream().noneMatch(Margins.Margin::categorical)) {
      throw new IllegalArgumentException("calibration needs a categorical margin for the population size");
    }
    return new Calibration(function, margins, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false, 1e-7, 50);
  }

  /**
   * The same calibration with bounds on the g-weights ({@code calibrate(bounds = c(L, U))}).
   *
   * @param lowerG the lower bound ({@code -∞} for none)
   * @param upperG the upper bound ({@code +∞} for none)
   * @return a new calibration
   * @throws IllegalArgumentException when the method takes no bounds or {@code lowerG >= upperG}
   */
  public Calibration withBounds(double lowerG, double upperG) {
    return bounded(lowerG, upperG, false);
  }

  /**
   * The same calibration with bounds on the calibrated weights themselves
   * ({@code calibrate(bounds = c(L, U), bounds.const = TRUE)}).
   *
   * @param lowerWeight the smallest calibrated weight
   * @param upperWeight the largest calibrated weight
   * @return a new calibration
   * @throws IllegalArgumentException when the method takes no bounds or {@code lowerWeight >= upperWeight}
   */
  public Calibration withWeightBounds(double lowerWeight, double upperWeight) {
    return bounded(lowerWeight, upperWeight, true);
  }

  private Calibration bounded(double l, double u, boolean onWeights) {
    if (method == CalibrationMethod.POSTSTRATIFY || method == CalibrationMethod.RAKE) {
      throw new IllegalArgumentException(method.code() + " takes no bounds; use calibrate with linear, raking or logit");
    }
    if (!(l < u) || Double.isNaN(l) || Double.isNaN(u)) {
      throw new IllegalArgumentException("bounds must satisfy lower < upper but were " + l + ", " + u);
    }
    return new Calibration(method, margins, l, u, onWeights, epsilon, maxIterations);
  }

  /**
   * The same calibration with another stopping rule.
   *
   * @param tolerance calibrate: the largest relative misfit {@code |m_k|/(1 + |T_k|)}; rake: the
   *     largest change of a cell of the cross-table (times the design weight sum when below 1)
   * @param iterations the most Newton steps (calibrate) or passes (rake)
   * @return a new calibration
   * @throws IllegalArgumentException when the tolerance is not positive or the iterations fewer than 1
   */
  public Calibration withTolerance(double tolerance, int iterations) {
    if (!(tolerance > 0) || iterations < 1) {
      throw new IllegalArgumentException("tolerance must be > 0 and iterations >= 1 but were " + tolerance + ", " + iterations);
    }
    return new Calibration(method, margins, lower, upper, boundsOnWeights, tolerance, iterations);
  }

  /**
   * The method.
   *
   * @return how the weights are calibrated
   */
  public CalibrationMethod method() {
    return method;
  }

  /**
   * The margins.
   *
   * @return the population totals
   */
  public Margins margins() {
    return margins;
  }

  @Override
  public Map<String, ColumnType> columns() {
    Map<String, ColumnType> m = new LinkedHashMap<>();
    for (Margins.Margin margin : margins.margins()) {
      for (String c : margin.columns()) {
        m.putIfAbsent(c, margin.categorical() ? ColumnType.TEXT : ColumnType.NUMBER);
      }
    }
    return m;
  }

  @Override
  public SurveyDesign apply(SurveyDesign design, ColumnReader columns) {
    Result r = run(design, columns);
    return design.reweighted(r.weights, r.adjustment);
  }

  @Override
  public String describe() {
    return method.code() + " to " + String.join(", ", margins.margins().stream().map(Margins.Margin::variable).toList());
  }

  /**
   * The g-weight report of this calibration on a survey.
   *
   * @param table the survey
   * @param spec its design (a calibration in it is ignored: this one is applied to the design weights)
   * @return what the calibration did to the weights
   * @throws IllegalArgumentException as binding and calibrating do
   */
  public CalibrationReport report(Table table, DesignSpec spec) {
    return run(spec.withoutCalibration().bind(table), ColumnReader.of(table)).report;
  }

  /**
   * The calibrated weights of a survey.
   *
   * @param table the survey
   * @param spec its design (a calibration in it is ignored)
   * @return one calibrated weight per row
   * @throws IllegalArgumentException as binding and calibrating do
   */
  public double[] weights(Table table, DesignSpec spec) {
    return run(spec.withoutCalibration().bind(table), ColumnReader.of(table)).weights;
  }

  /**
   * Calibrated weights from any starting weights (for example one replicate's weights) over the
   * rows of {@code table}.
   *
   * @param weights the starting weights, one per row, finite and {@code >= 0}
   * @param table the data with the calibration variables
   * @return the calibrated weights
   * @throws IllegalArgumentException as calibrating does, or when the lengths differ
   */
  public double[] weights(double[] weights, Table table) {
    if (weights.length != table.rowCount()) {
      throw new IllegalArgumentException(weights.length + " weights for " + table.rowCount() + " rows");
    }
    return run(weights.clone(), ColumnReader.of(table)).weights;
  }

  private record Result(double[] weights, VarianceAdjustment adjustment, CalibrationReport report) {}

  /** The category of every row in a categorical margin (index into its level list). */
  private static int[] cells(Margins.Margin m, ColumnReader columns, List<String> levels) {
    List<String[]> parts = new ArrayList<>();
    for (String c : m.columns()) {
      parts.add(columns.labels(c));
    }
    int n = parts.get(0).length;
    Map<String, Integer> index = new HashMap<>();
    for (int k = 0; k < levels.size(); k++) {
      index.put(levels.get(k), k);
    }
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      StringBuilder label = new StringBuilder();
      for (int j = 0; j < parts.size(); j++) {
        String v = parts.get(j)[i];
        if (v == null) {
          throw io.github.dmstat.core.Checks.badCell(m.columns().get(j), i + 1,
              "a calibration variable needs a value in every row", null);
        }
        label.append(j == 0 ? "" : ":").append(v);
      }
      Integer k = index.get(label.toString());
      if (k == null) {
        throw io.github.dmstat.core.Checks.badCell(m.variable(), i + 1, "the survey has level '" + label
            + "' that the margins do not list (they list " + levels + ")", label.toString());
      }
      out[i] = k;
    }
    return out;
  }

  private Result run(SurveyDesign design, ColumnReader columns) {
    return run(design.weights(), columns);
  }

  private Result run(double[] d, ColumnReader columns) {
    checkPopulationSizes();
    switch (method) {
      case POSTSTRATIFY:
        return postStratify(d, columns);
      case RAKE:
        return rake(d, columns);
      default:
        return calibrate(d, columns);
    }
  }

  private void checkPopulationSizes() {
    Margins.Margin first = null;
    for (Margins.Margin m : margins.margins()) {
      if (!m.categorical()) {
        continue;
      }
      if (first == null) {
        first = m;
      } else if (Math.abs(m.populationSize() - first.populationSize()) > 1e-9 * first.populationSize()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "the margins disagree on the population size: '%s' sums to %.10g, '%s' to %.10g", first.variable(),
            first.populationSize(), m.variable(), m.populationSize()));
      }
    }
  }

  private Result postStratify(double[] d, ColumnReader columns) {
    Margins.Margin m = margins.margins().get(0);
    List<String> levels = new ArrayList<>(m.levels().keySet());
    int[] cell = cells(m, columns, levels);
    double[] sumD = new double[levels.size()];
    long[] rowsIn = new long[levels.size()];
    for (int i = 0; i < d.length; i++) {
      sumD[cell[i]] += d[i];
      rowsIn[cell[i]]++;
    }
    for (int c = 0; c < levels.size(); c++) {
      double pop = m.levels().get(levels.get(c));
      if (pop > 0 && !(sumD[c] > 0)) {
        throw new IllegalArgumentException("margin '" + m.variable() + "', level '" + levels.get(c) + "': population "
            + pop + " but " + (rowsIn[c] == 0 ? "no row in the survey" : "only rows with weight 0"));
      }
    }
    double[] w = new double[d.length];
    for (int i = 0; i < d.length; i++) {
      w[i] = d[i] * m.levels().get(levels.get(cell[i])) / sumD[cell[i]];
    }
    VarianceAdjustment adj = z -> {
      double[] num = new double[sumD.length];
      for (int i = 0; i < z.length; i++) {
        num[cell[i]] += d[i] * z[i] / (w[i] == 0 ? 1 : w[i]);
      }
      double[] r = new double[z.length];
      for (int i = 0; i < z.length; i++) {
        r[i] = z[i] - w[i] * (sumD[cell[i]] > 0 ? num[cell[i]] / sumD[cell[i]] : 0);
      }
      return r;
    };
    return new Result(w, adj, report(d, w, 0, 1, null, null));
  }

  private Result rake(double[] d, ColumnReader columns) {
    List<Margins.Margin> ms = margins.margins();
    int k = ms.size();
    int n = d.length;
    int[][] cell = new int[k][];
    List<List<String>> levels = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      levels.add(new ArrayList<>(ms.get(j).levels().keySet()));
      cell[j] = cells(ms.get(j), columns, levels.get(j));
    }
    // the cross-table of all margin variables, over the combinations present
    Map<List<Integer>, Integer> comboIndex = new HashMap<>();
    int[] combo = new int[n];
    for (int i = 0; i < n; i++) {
      List<Integer> key = new ArrayList<>(k);
      for (int j = 0; j < k; j++) {
        key.add(cell[j][i]);
      }
      combo[i] = comboIndex.computeIfAbsent(key, x -> comboIndex.size());
    }
    double sumD = 0;
    for (double v : d) {
      sumD += v;
    }
    double eps = epsilon < 1 ? epsilon * sumD : epsilon;
    double[] w = d.clone();
    double[][] psw = new double[k][];
    double[] told = table(w, combo, comboIndex.size());
    boolean converged = false;
    int passes = 0;
    while (passes < maxIterations) {
      for (int j = 0; j < k; j++) {
        Margins.Margin m = ms.get(j);
        double[] sum = new double[levels.get(j).size()];
        for (int i = 0; i < n; i++) {
          sum[cell[j][i]] += w[i];
        }
        for (int c = 0; c < sum.length; c++) {
          double pop = m.levels().get(levels.get(j).get(c));
          if (pop > 0 && !(sum[c] > 0)) {
            throw new IllegalArgumentException("margin '" + m.variable() + "', level '" + levels.get(j).get(c)
                + "': population " + pop + " but no row of the survey with a weight");
          }
        }
        for (int i = 0; i < n; i++) {
          double s = sum[cell[j][i]];
          w[i] = s > 0 ? w[i] * m.levels().get(levels.get(j).get(cell[j][i])) / s : 0;
        }
        psw[j] = w.clone();
      }
      double[] tnew = table(w, combo, comboIndex.size());
      double change = 0;
      for (int c = 0; c < tnew.length; c++) {
        change = Math.max(change, Math.abs(tnew[c] - told[c]));
      }
      passes++;
      if (change < eps) {
        converged = true;
        break;
      }
      told = tnew;
    }
    if (!converged) {
      throw new IllegalArgumentException("raking did not converge in " + maxIterations + " passes: " + worstMargin(w, cell,
          levels) + "; check the margins, or allow more passes");
    }
    int[] sizes = new int[k];
    int[][] counts = new int[k][];
    for (int j = 0; j < k; j++) {
      counts[j] = new int[levels.get(j).size()];
      for (int i = 0; i < n; i++) {
        counts[j][cell[j][i]]++;
      }
      sizes[j] = levels.get(j).size();
    }
    VarianceAdjustment adj = z -> {
      double[] x = z.clone();
      for (int sweep = 0; sweep < 10; sweep++) {
        for (int j = 0; j < k; j++) {
          double[] mean = new double[sizes[j]];
          for (int i = 0; i < n; i++) {
            mean[cell[j][i]] += psw[j][i] == 0 ? 0 : x[i] / psw[j][i];
          }
          for (int c = 0; c < sizes[j]; c++) {
            mean[c] = counts[j][c] > 0 ? mean[c] / counts[j][c] : 0;
          }
          for (int i = 0; i < n; i++) {
            x[i] -= psw[j][i] * mean[cell[j][i]];
          }
        }
      }
      return x;
    };
    return new Result(w, adj, report(d, w, passes, 1, null, null));
  }

  /** The margin and level furthest from its population count, in words. */
  private String worstMargin(double[] w, int[][] cell, List<List<String>> levels) {
    String worst = "";
    double off = -1;
    for (int j = 0; j < cell.length; j++) {
      Margins.Margin m = margins.margins().get(j);
      double[] sum = new double[levels.get(j).size()];
      for (int i = 0; i < w.length; i++) {
        sum[cell[j][i]] += w[i];
      }
      for (int c = 0; c < sum.length; c++) {
        double pop = m.levels().get(levels.get(j).get(c));
        double rel = Math.abs(sum[c] - pop) / Math.max(pop, 1);
        if (rel > off) {
          off = rel;
          worst = String.format(Locale.ROOT, "margin '%s', level '%s' is off by %.3g%% (%.6g against %.6g)", m.variable(),
              levels.get(j).get(c), 100 * rel, sum[c], pop);
        }
      }
    }
    return worst;
  }

  private static double[] table(double[] w, int[] combo, int size) {
    double[] t = new double[size];
    for (int i = 0; i < w.length; i++) {
      t[combo[i]] += w[i];
    }
    return t;
  }

  private Result calibrate(double[] d, ColumnReader columns) {
    int n = d.length;
    List<double[]> cols = new ArrayList<>();
    List<Double> totals = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Margins.Margin first = margins.margins().stream().filter(Margins.Margin::categorical).findFirst().orElseThrow();
    double[] ones = new double[n];
    java.util.Arrays.fill(ones, 1);
    cols.add(ones);
    totals.add(first.populationSize());
    names.add("the population size (margin '" + first.variable() + "')");
    for (Margins.Margin m : margins.margins()) {
      if (m.categorical()) {
        List<String> levels = new ArrayList<>(new TreeSet<>(m.levels().keySet()));
        int[] cell = cells(m, columns, levels);
        for (int c = 1; c < levels.size(); c++) {
          double[] col = new double[n];
          for (int i = 0; i < n; i++) {
            col[i] = cell[i] == c ? 1 : 0;
          }
          cols.add(col);
          totals.add(m.levels().get(levels.get(c)));
          names.add("margin '" + m.variable() + "', level '" + levels.get(c) + "'");
        }
      } else {
        double[] v = columns.numbers(m.variable());
        for (int i = 0; i < n; i++) {
          if (!Double.isFinite(v[i])) {
            throw io.github.dmstat.core.Checks.badCell(m.variable(), i + 1, "a calibration variable needs a number in every row",
                Double.isNaN(v[i]) ? null : v[i]);
          }
        }
        cols.add(v);
        totals.add(m.total());
        names.add("margin '" + m.variable() + "'");
      }
    }
    // drop columns with no sample, no population and no values (R does the same)
    List<Integer> keep = new ArrayList<>();
    double[] tAll = new double[cols.size()];
    for (int j = 0; j < cols.size(); j++) {
      boolean allZero = true;
      for (int i = 0; i < n; i++) {
        tAll[j] += d[i] * cols.get(j)[i];
        allZero &= cols.get(j)[i] == 0;
      }
      if (!(tAll[j] == 0 && totals.get(j) == 0 && allZero)) {
        keep.add(j);
      }
    }
    int p = keep.size();
    double[][] x = new double[n][p];
    double[] target = new double[p];
    double[] t = new double[p];
    List<String> labels = new ArrayList<>();
    for (int a = 0; a < p; a++) {
      int j = keep.get(a);
      target[a] = totals.get(j);
      t[a] = tAll[j];
      labels.add(names.get(j));
      for (int i = 0; i < n; i++) {
        x[i][a] = cols.get(j)[i];
      }
    }
    RealMatrix xdx = new Array2DRowRealMatrix(p, p);
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < p; a++) {
        for (int b = 0; b < p; b++) {
          xdx.addToEntry(a, b, d[i] * x[i][a] * x[i][b]);
        }
      }
    }
    for (int a = 0; a < p; a++) {
      if (t[a] == 0 && target[a] > 0) {
        throw new IllegalArgumentException(labels.get(a) + ": population " + target[a] + " but no row of the survey has it");
      }
    }
    RealMatrix ainv = pseudoInverse(xdx);
    double[] w = new double[n];
    int iterations = 0;
    double scale = 1;
    boolean bounded = Double.isFinite(lower) || Double.isFinite(upper);
    if (method == CalibrationMethod.LINEAR && !bounded) {
      double[] diff = new double[p];
      for (int a = 0; a < p; a++) {
        diff[a] = target[a] - t[a];
      }
      double[] lambda = ainv.operate(diff);
      for (int i = 0; i < n; i++) {
        w[i] = d[i] * (1 + dot(x[i], lambda));
      }
    } else {
      if (method == CalibrationMethod.LOGIT && !(Double.isFinite(lower) && Double.isFinite(upper) && (boundsOnWeights
          || lower < 1 && upper > 1))) {
        throw new IllegalArgumentException("logit calibration needs finite bounds L < 1 < U on the g-weights (--bounds L,U; withBounds(L, U) in Java)");
      }
      double minRatio = Double.POSITIVE_INFINITY;
      double meanRatio = 0;
      for (int a = 0; a < p; a++) {
        minRatio = Math.min(minRatio, target[a] / t[a]);
        meanRatio += target[a] / t[a];
      }
      meanRatio /= p;
      if (minRatio > 20) {
        scale = meanRatio;
      }
      double[] ww = new double[n];
      double[] lo = new double[n];
      double[] hi = new double[n];
      for (int i = 0; i < n; i++) {
        ww[i] = scale * d[i];
        lo[i] = boundsOnWeights ? (d[i] > 0 ? lower / d[i] : Double.NEGATIVE_INFINITY) : lower;
        hi[i] = boundsOnWeights ? (d[i] > 0 ? upper / d[i] : Double.POSITIVE_INFINITY) : upper;
      }
      double[] tt = new double[p];
      for (int a = 0; a < p; a++) {
        tt[a] = scale * t[a];
      }
      double[] eta = new double[p];
      double[] u = new double[n];
      int iter = 1;
      while (true) {
        RealMatrix h = new Array2DRowRealMatrix(p, p);
        double[] misfit = misfit(x, ww, u, lo, hi, target, tt);
        for (int i = 0; i < n; i++) {
          double fp = ww[i] * derivative(u[i], lo[i], hi[i]);
          if (fp != 0) {
            for (int a = 0; a < p; a++) {
              for (int b = 0; b < p; b++) {
                h.addToEntry(a, b, fp * x[i][a] * x[i][b]);
              }
            }
          }
        }
        double[] delta = pseudoInverse(h).operate(misfit);
        for (int a = 0; a < p; a++) {
          eta[a] += delta[a];
        }
        times(x, eta, u);
        while (iter < maxIterations && !finite(u, lo, hi)) {
          iter++;
          for (int a = 0; a < p; a++) {
            delta[a] /= 2;
            eta[a] -= delta[a];
          }
          times(x, eta, u);
        }
        misfit = misfit(x, ww, u, lo, hi, target, tt);
        double worst = 0;
        int worstAt = 0;
        for (int a = 0; a < p; a++) {
          double rel = Math.abs(misfit[a]) / (1 + Math.abs(target[a]));
          if (rel > worst || Double.isNaN(rel)) {
            worst = rel;
            worstAt = a;
          }
        }
        if (worst < epsilon) {
          break;
        }
        iter++;
        if (iter > maxIterations) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "calibration (%s) did not converge in %d steps: %s is still off by %.6g (relative misfit %.3g); "
                  + "check the margins%s", method.code(), maxIterations, labels.get(worstAt), misfit[worstAt], worst,
              bounded ? " or widen the bounds" : ""));
        }
      }
      iterations = iter;
      for (int i = 0; i < n; i++) {
        w[i] = d[i] * scale * (1 + value(u[i], lo[i], hi[i]));
      }
    }
    double[][] xs = x;
    RealMatrix bread = pseudoInverse(xdx);
    VarianceAdjustment adj = z -> {
      double[] v = new double[p];
      for (int i = 0; i < n; i++) {
        double ui = w[i] == 0 ? 0 : z[i] / w[i];
        if (ui != 0) {
          for (int a = 0; a < p; a++) {
            v[a] += d[i] * xs[i][a] * ui;
          }
        }
      }
      double[] b = bread.operate(v);
      double[] r = new double[n];
      for (int i = 0; i < n; i++) {
        r[i] = z[i] - w[i] * dot(xs[i], b);
      }
      return r;
    };
    return new Result(w, adj, report(d, w, iterations, scale, bounded ? lower : null, bounded ? upper : null));
  }

  private double value(double u, double l, double h) {
    switch (method) {
      case LINEAR:
        return Math.min(Math.max(1 + u, l), h) - 1;
      case RAKING:
        return Math.min(Math.max(Math.exp(u), l), h) - 1;
      default: {
        double a = (h - l) / ((h - 1) * (1 - l));
        double e = Math.exp(a * u);
        return (l * (h - 1) + h * (1 - l) * e) / ((h - 1) + (1 - l) * e) - 1;
      }
    }
  }

  private double derivative(double u, double l, double h) {
    switch (method) {
      case LINEAR:
        return l - 1 < u && u < h - 1 ? 1 : 0;
      case RAKING:
        return l - 1 < u && u < h - 1 ? Math.exp(u) : 0; // R tests u, not e^u, against the bounds
      default: {
        double a = (h - l) / ((h - 1) * (1 - l));
        double e = Math.exp(a * u);
        double den = (h - 1) + (1 - l) * e;
        return a * (h - 1) * (1 - l) * (h - l) * e / (den * den);
      }
    }
  }

  private boolean finite(double[] u, double[] lo, double[] hi) {
    for (int i = 0; i < u.length; i++) {
      if (!Double.isFinite(value(u[i], lo[i], hi[i])) || !Double.isFinite(derivative(u[i], lo[i], hi[i]))) {
        return false;
      }
    }
    return true;
  }

  private double[] misfit(double[][] x, double[] ww, double[] u, double[] lo, double[] hi, double[] target, double[] tt) {
    int p = target.length;
    double[] m = new double[p];
    for (int a = 0; a < p; a++) {
      m[a] = target[a] - tt[a];
    }
    for (int i = 0; i < x.length; i++) {
      double f = ww[i] * value(u[i], lo[i], hi[i]);
      if (f != 0) {
        for (int a = 0; a < p; a++) {
          m[a] -= f * x[i][a];
        }
      }
    }
    return m;
  }

  private static void times(double[][] x, double[] eta, double[] u) {
    for (int i = 0; i < x.length; i++) {
      u[i] = dot(x[i], eta);
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += a[j] * b[j];
    }
    return s;
  }

  /** Moore–Penrose inverse (singular values up to {@code 256·ε·σ_max} taken as 0), as R's {@code MASS::ginv}. */
  private static RealMatrix pseudoInverse(RealMatrix m) {
    SingularValueDecomposition svd = new SingularValueDecomposition(m);
    double[] s = svd.getSingularValues();
    double cut = 256 * Math.ulp(1.0) * (s.length > 0 ? s[0] : 0);
    RealMatrix u = svd.getU();
    RealMatrix v = svd.getV();
    int p = s.length;
    RealMatrix out = new Array2DRowRealMatrix(m.getColumnDimension(), m.getRowDimension());
    for (int k = 0; k < p; k++) {
      if (s[k] > cut) {
        out = out.add(v.getColumnMatrix(k).multiply(u.getColumnMatrix(k).transpose()).scalarMultiply(1 / s[k]));
      }
    }
    return out;
  }

  private CalibrationReport report(double[] d, double[] w, int iterations, double scale, Double l, Double u) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    long atLower = 0;
    long atUpper = 0;
    double before = 0;
    double after = 0;
    for (int i = 0; i < d.length; i++) {
      before += d[i];
      after += w[i];
      if (d[i] == 0) {
        continue;
      }
      double g = w[i] / d[i];
      min = Math.min(min, g);
      max = Math.max(max, g);
      if (l != null && Double.isFinite(l)) {
        double b = scale * l / (boundsOnWeights ? d[i] : 1);
        atLower += Math.abs(g - b) <= 1e-9 * Math.abs(b) ? 1 : 0;
      }
      if (u != null && Double.isFinite(u)) {
        double b = scale * u / (boundsOnWeights ? d[i] : 1);
        atUpper += Math.abs(g - b) <= 1e-9 * Math.abs(b) ? 1 : 0;
      }
    }
    return new CalibrationReport(method, d.length, iterations, scale, min, max,
        l != null && Double.isFinite(l) ? OptionalDouble.of(scale * l) : OptionalDouble.empty(),
        u != null && Double.isFinite(u) ? OptionalDouble.of(scale * u) : OptionalDouble.empty(), atLower, atUpper, before,
        after, boundsOnWeights);
  }

  @Override
  public String toString() {
    return "Calibration[" + describe() + (Double.isFinite(lower) || Double.isFinite(upper) ? ", bounds " + lower + " to "
        + upper + (boundsOnWeights ? " on the weights" : "") : "") + "]";
  }
}
