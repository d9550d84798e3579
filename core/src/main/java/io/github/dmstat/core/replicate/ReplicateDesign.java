package io.github.dmstat.core.replicate;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.Columns;
import io.github.dmstat.core.survey.SurveyDesign;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * A replicate-weight design: the full-sample weights {@code w}, replicate weights {@code W_r}
 * ({@code r = 1..R}), and the variance of an estimator
 * {@code v = scale · Σ_r rscale_r (θ_r − c)²}, with {@code θ_r} the estimate under {@code W_r} and
 * {@code c} the mean of the replicate estimates ({@code mse = false}, R's default) or the
 * full-sample estimate ({@code mse = true}); a replicate whose estimate is undefined (a domain with
 * no weight in it) is left out with its {@code rscale} (Wolter 2007; Lumley 2010, §2.3; R
 * {@code survey::svrepdesign}, {@code svrVar}).
 *
 * <p>Made from a Taylor design ({@link #jackknife}, {@link #jk1}, {@link #jkn}, {@link #bootstrap})
 * the replicate weights are PSU multipliers {@code m_r} times {@code w}, as R's
 * {@code as.svrepdesign}: JK1 drops PSU {@code j} and multiplies the others by {@code n/(n − 1)},
 * {@code scale = f(n − 1)/n}; JKn drops PSU {@code j} of stratum {@code h} and multiplies the rest of
 * {@code h} by {@code n_h/(n_h − 1)}, {@code rscale = f_h(n_h − 1)/n_h}; the bootstrap draws {@code n_h}
 * PSUs with replacement in each stratum (without replacement from the PSUs repeated to {@code N_h}
 * when there is a finite population correction), multiplier the times drawn,
 * {@code scale = h̄/((h̄ − 1)(R − 1))} with {@code h̄} the harmonic mean of {@code n_h}, using R's
 * random numbers for the seed. Supplied replicate weights ({@link #supplied}) are full weights, as
 * R's {@code combined.weights = TRUE}.
 */
public final class ReplicateDesign {
  private final ReplicateType type;
  private final int rows;
  private final double[] weights;
  /** Full replicate weights {@code [r][row]} (supplied), or {@code null}. */
  private final double[][] rowWeights;
  /** PSU of each row and multipliers {@code [r][psu]} (made from a Taylor design), or {@code null}. */
  private final int[] rowUnit;
  private final double[][] unitMultipliers;
  private final double scale;
  private final double[] rscales;
  private final boolean mse;
  /** The rank of the replicate weights minus 1, computed once when asked. */
  private int df = -1;
  /** The number of replicates of a design made from its structure (no weights), else 0. */
  private final int structureReplicates;

  private ReplicateDesign(ReplicateType type, double[] weights, double[][] rowWeights, int[] rowUnit,
      double[][] unitMultipliers, double scale, double[] rscales, boolean mse) {
    this(type, weights.length, 0, weights, rowWeights, rowUnit, unitMultipliers, scale, rscales, mse);
  }

  private ReplicateDesign(ReplicateType type, int rows, int structureReplicates, double[] weights, double[][] rowWeights,
      int[] rowUnit, double[][] unitMultipliers, double scale, double[] rscales, boolean mse) {
    this.type = type;
    this.structureReplicates = structureReplicates;
    this.rows = rows;
    this.weights = weights;
    this.rowWeights = rowWeights;
    this.rowUnit = rowUnit;
    this.unitMultipliers = unitMultipliers;
    this.scale = scale;
    this.rscales = rscales;
    this.mse = mse;
  }

  /**
   * Supplied replicate weights: columns of full weights (the full-sample weight times the
   * replicate's factor).
   *
   * @param table the survey with its replicate weight columns
   * @param weight the full-sample weight column
   * @param replicates the replicate weight columns, in order
   * @param type the kind of replicates
   * @param scale the overall factor ({@code NaN}: the default of {@code type}: JK1 {@code (R−1)/R},
   *     BRR {@code 1/R}, bootstrap {@code 1/(R−1)}; JKn needs {@code rscales}; Fay needs
   *     {@link #fay} instead)
   * @param rscales per-replicate factors ({@code null}: all 1)
   * @param mse whether to centre at the full-sample estimate
   * @return the design
   * @throws IllegalArgumentException when a column is missing, a weight is empty, negative or
   *     infinite, {@code rscales} has the wrong length, or JKn has no {@code rscales}
   */
  public static ReplicateDesign supplied(Table table, String weight, List<String> replicates, ReplicateType type,
      double scale, double[] rscales, boolean mse) {
    Objects.requireNonNull(type, "type");
    int r = replicates.size();
    if (r < 2) {
      throw new IllegalArgumentException("a replicate design needs two replicate weight columns or more, got " + replicates);
    }
    if (type == ReplicateType.JKN && rscales == null) {
      throw new IllegalArgumentException("JKn replicate weights need rscales: f_h (n_h - 1)/n_h for the stratum of each replicate");
    }
    if (type == ReplicateType.FAY) {
      throw new IllegalArgumentException("Fay replicate weights need rho: use ReplicateDesign.fay");
    }
    double s = Double.isNaN(scale) ? defaultScale(type, r) : scale;
    return compact(type, Columns.nonNegative(table, weight), readColumns(table, replicates), s, rscales(rscales, r), mse);
  }

  /**
   * Supplied replicate weights from arrays (for other engines and benchmarks).
   *
   * @param weights the full-sample weights, one per row
   * @param replicateWeights {@code [r][row]}: full replicate weights (not copied: do not change them)
   * @param type the kind of replicates
   * @param scale the overall factor
   * @param rscales per-replicate factors ({@code null}: all 1)
   * @param mse whether to centre at the full-sample estimate
   * @return the design
   * @throws IllegalArgumentException when the lengths differ or there are fewer than two replicates
   */
  public static ReplicateDesign of(double[] weights, double[][] replicateWeights, ReplicateType type, double scale,
      double[] rscales, boolean mse) {
    if (replicateWeights.length < 2) {
      throw new IllegalArgumentException("a replicate design needs two replicates or more, got " + replicateWeights.length);
    }
    for (double[] r : replicateWeights) {
      if (r.length != weights.length) {
        throw new IllegalArgumentException("a replicate has " + r.length + " weights for " + weights.length + " rows");
      }
    }
    return compact(Objects.requireNonNull(type, "type"), weights.clone(), replicateWeights, scale,
        rscales(rscales, replicateWeights.length), mse);
  }

  /**
   * Supplied Fay (modified BRR) replicate weights with factor {@code rho}:
   * {@code scale = 1/(R(1 − ρ)²)}.
   *
   * @param table the survey
   * @param weight the full-sample weight column
   * @param replicates the replicate weight columns
   * @param rho Fay's factor, in [0, 1)
   * @param mse whether to centre at the full-sample estimate
   * @return the design
   * @throws IllegalArgumentException when {@code rho} is out of range or a column or weight is invalid
   */
  public static ReplicateDesign fay(Table table, String weight, List<String> replicates, double rho, boolean mse) {
    if (!(rho >= 0 && rho < 1)) {
      throw new IllegalArgumentException("Fay's rho must be in [0, 1) but was " + rho);
    }
    int r = replicates.size();
    return compact(ReplicateType.FAY, Columns.nonNegative(table, weight), readColumns(table, replicates),
        1 / (r * (1 - rho) * (1 - rho)), rscales(null, r), mse);
  }

  /**
   * Supplied replicate weights, kept as factors per group of rows where that is possible: rows
   * whose replicate factors {@code W_r/w} agree (to 1e-12) share them, as the rows of one PSU do
   * in jackknife, BRR and bootstrap files; estimates then need one pass over the rows and sums per
   * group, not a pass per replicate column. The factors are those of the group's first row, so a
   * weight can differ from the supplied one by 1e-12 of itself. Rows with weight 0 but a positive
   * replicate weight, or more groups than half the rows, keep the weights as given.
   */
  private static ReplicateDesign compact(ReplicateType type, double[] w, double[][] repWeights, double scale,
      double[] rscales, boolean mse) {
    int n = w.length;
    int reps = repWeights.length;
    Map<FactorKey, Integer> groups = new HashMap<>();
    List<double[]> factors = new ArrayList<>();
    int[] unit = new int[n];
    double[] f = new double[reps];
    long[] key = new long[reps];
    for (int i = 0; i < n; i++) {
      for (int r = 0; r < reps; r++) {
        if (w[i] == 0) {
          if (repWeights[r][i] != 0) {
            return new ReplicateDesign(type, w, repWeights, null, null, scale, rscales, mse);
          }
          f[r] = 0;
        } else {
          f[r] = repWeights[r][i] / w[i];
        }
        key[r] = Math.round(f[r] * 1e12);
      }
      FactorKey k = new FactorKey(key.clone());
      Integer g = groups.get(k);
      if (g == null) {
        g = factors.size();
        groups.put(k, g);
        factors.add(f.clone());
        if (factors.size() > n / 2 + 1) {
          return new ReplicateDesign(type, w, repWeights, null, null, scale, rscales, mse);
        }
      }
      unit[i] = g;
    }
    double[][] m = new double[reps][factors.size()];
    for (int g = 0; g < factors.size(); g++) {
      for (int r = 0; r < reps; r++) {
        m[r][g] = factors.get(g)[r];
      }
    }
    return new ReplicateDesign(type, w, null, unit, m, scale, rscales, mse);
  }

  /** Rounded replicate factors of a row, compared by value. */
  private record FactorKey(long[] values) {
    @Override
    public boolean equals(Object o) {
      return o instanceof FactorKey k && Arrays.equals(values, k.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }
  }

  private static double[][] readColumns(Table table, List<String> replicates) {
    double[][] out = new double[replicates.size()][];
    for (int k = 0; k < out.length; k++) {
      out[k] = Columns.nonNegative(table, replicates.get(k));
    }
    return out;
  }

  private static double[] rscales(double[] given, int r) {
    if (given == null) {
      double[] ones = new double[r];
      Arrays.fill(ones, 1);
      return ones;
    }
    if (given.length != r) {
      throw new IllegalArgumentException("rscales has " + given.length + " values for " + r + " replicates");
    }
    return given.clone();
  }

  private static double defaultScale(ReplicateType type, int r) {
    switch (type) {
      case JK1:
        return (r - 1.0) / r;
      case BRR:
        return 1.0 / r;
      case BOOTSTRAP:
        return 1.0 / (r - 1);
      default:
        return 1;
    }
  }

  /**
   * The jackknife of R's {@code as.svrepdesign(type = "auto")}: JK1 for an unstratified design,
   * JKn for a stratified one.
   *
   * @param design the Taylor design
   * @return the replicate design
   * @throws IllegalArgumentException as {@link #jk1} or {@link #jkn}
   */
  public static ReplicateDesign jackknife(SurveyDesign design) {
    return design.strataCount() == 1 ? jk1(design) : jkn(design);
  }

  /**
   * The delete-one-PSU jackknife (R {@code as.svrepdesign(type = "JK1")}).
   *
   * @param design an unstratified Taylor design with two PSUs or more
   * @return the replicate design, one replicate per PSU
   * @throws IllegalArgumentException when the design is stratified, has one PSU, or more than 5,000
   */
  public static ReplicateDesign jk1(SurveyDesign design) {
    if (design.strataCount() != 1) {
      throw new IllegalArgumentException("JK1 is for unstratified designs; this one has " + design.strataCount()
          + " strata: use JKn");
    }
    checkJackknifeSize(design);
    int n = design.units();
    if (n < 2) {
      throw new IllegalArgumentException("a jackknife needs two PSUs or more");
    }
    double[][] m = new double[n][n];
    for (int j = 0; j < n; j++) {
      Arrays.fill(m[j], n / (n - 1.0));
      m[j][j] = 0;
    }
    double f = design.finitePopulationFactor(0);
    return derived(ReplicateType.JK1, design, m, f * (n - 1.0) / n, rscales(null, n));
  }

  /**
   * The delete-one-PSU jackknife within strata (R {@code as.svrepdesign(type = "JKn")}).
   *
   * @param design a Taylor design whose every stratum has two PSUs or more
   * @return the replicate design, one replicate per PSU
   * @throws IllegalArgumentException when a stratum has a single PSU, or there are more than 5,000 PSUs
   */
  public static ReplicateDesign jkn(SurveyDesign design) {
    checkJackknifeSize(design);
    int n = design.units();
    List<double[]> mult = new ArrayList<>();
    List<Double> rs = new ArrayList<>();
    for (int h : design.strataInOrder()) {
      int nh = design.unitsInStratum(h);
      if (nh < 2) {
        throw new IllegalArgumentException("stratum '" + design.stratumLabel(h) + "' has one PSU: the jackknife cannot "
            + "drop it; merge it with another stratum");
      }
      for (int j = 0; j < n; j++) {
        if (design.stratumOfUnit(j) != h) {
          continue;
        }
        double[] m = new double[n];
        for (int k = 0; k < n; k++) {
          m[k] = design.stratumOfUnit(k) == h ? (k == j ? 0 : nh / (nh - 1.0)) : 1;
        }
        mult.add(m);
        rs.add(design.finitePopulationFactor(h) * (nh - 1.0) / nh);
      }
    }
    return derived(ReplicateType.JKN, design, mult.toArray(double[][]::new), 1,
        rs.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /**
   * The bootstrap of R {@code set.seed(seed); as.svrepdesign(design, type = "bootstrap", replicates = R)}:
   * the same replicate weights, drawn with R's random numbers.
   *
   * @param design the Taylor design
   * @param replicates the number of replicates, 2 or more
   * @param seed the seed
   * @return the replicate design
   * @throws IllegalArgumentException when {@code replicates < 2} or a stratum has a single PSU
   */
  public static ReplicateDesign bootstrap(SurveyDesign design, int replicates, long seed) {
    if (replicates < 2) {
      throw new IllegalArgumentException("a bootstrap needs two replicates or more, got " + replicates);
    }
    int n = design.units();
    double[][] m = new double[replicates][n];
    RRandom rng = new RRandom(seed);
    double inverseSum = 0;
    int[] order = design.strataInOrder();
    for (int h : order) {
      int nh = design.unitsInStratum(h);
      if (nh < 2) {
        throw new IllegalArgumentException("stratum '" + design.stratumLabel(h) + "' has one PSU: the bootstrap cannot "
            + "resample it; merge it with another stratum");
      }
      inverseSum += 1.0 / nh;
      int[] psus = new int[nh];
      int k = 0;
      for (int j = 0; j < n && k < nh; j++) {
        if (design.stratumOfUnit(j) == h) {
          psus[k++] = j;
        }
      }
      int[] permIdx = rng.sample(nh, nh, false);
      int[] perm = new int[nh];
      for (int i = 0; i < nh; i++) {
        perm[i] = psus[permIdx[i] - 1];
      }
      double f = design.finitePopulationFactor(h);
      boolean fpc = f < 1;
      int population = fpc ? (int) Math.round(nh / (1 - f)) : nh;
      for (int r = 0; r < replicates; r++) {
        int[] idx = fpc ? rng.sample(population, nh, false) : rng.sample(nh, nh, true);
        for (int i : idx) {
          m[r][perm[(i - 1) % nh]] += 1;
        }
      }
    }
    double harmonic = order.length / inverseSum;
    return derived(ReplicateType.BOOTSTRAP, design, m, harmonic / ((harmonic - 1) * (replicates - 1)),
        rscales(null, replicates));
  }

  /** The most replicates a jackknife may make (one per PSU); beyond it the multipliers alone would fill gigabytes. */
  private static final int MAX_JACKKNIFE = 5_000;

  private static void checkJackknifeSize(SurveyDesign design) {
    if (design.units() > MAX_JACKKNIFE) {
      throw new IllegalArgumentException("a jackknife makes one replicate per PSU, here " + design.units()
          + (design.elementSampling() ? " (every row is its own PSU: the design has no PSU column)" : "")
          + "; more than " + MAX_JACKKNIFE + " is not supported: give the PSU column, or use the bootstrap");
    }
  }

  private static ReplicateDesign derived(ReplicateType type, SurveyDesign design, double[][] multipliers, double scale,
      double[] rscales) {
    int rows = design.rows();
    int[] unit = new int[rows];
    for (int i = 0; i < rows; i++) {
      unit[i] = design.unitOf(i);
    }
    return new ReplicateDesign(type, design.weights(), null, unit, multipliers, scale, rscales, false);
  }

  /**
   * The design calibrated to population margins, as R's {@code calibrate}, {@code postStratify} and
   * {@code rake} do for a replicate design: the full-sample weights and every replicate's weights
   * are each calibrated to the same totals with the same method, so the replicate variance carries
   * the calibration (Lumley 2010, §7.3).
   *
   * @param calibration the calibration
   * @param table the data with the calibration variables (the rows of this design)
   * @return the calibrated replicate design (same type, scale, rscales and mse)
   * @throws IllegalArgumentException when a calibration of the full sample or of a replicate fails
   */
  public ReplicateDesign calibrated(io.github.dmstat.core.calibration.Calibration calibration, Table table) {
    requireWeights("calibration");
    double[] w = calibration.weights(weights, table);
    double[][] reps = new double[replicates()][];
    for (int r = 0; r < reps.length; r++) {
      try {
        reps[r] = calibration.weights(weights(r), table);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("replicate " + (r + 1) + ": " + e.getMessage(), e);
      }
    }
    return compact(type, w, reps, scale, rscales, mse);
  }

  /**
   * The same design centred at the full-sample estimate ({@code mse = true}) or at the mean of the
   * replicates ({@code false}, R's default).
   *
   * @param m whether to use the mean squared error form
   * @return a new design
   */
  public ReplicateDesign withMse(boolean m) {
    return new ReplicateDesign(type, rows, structureReplicates, weights, rowWeights, rowUnit, unitMultipliers, scale, rscales,
        m);
  }

  /**
   * A replicate design known by its kind, size and factors only, without its rows: for engines
   * that sum the replicate weights elsewhere (such as {@code dmstat-spark}) and finish here with
   * {@link ReplicateStatistics#finish}. The variance is that of a design with rows
   * ({@link #variance}, {@link #covariance}); the methods that need the weights ({@link #weights()},
   * {@link #weight}, {@link #degreesOfFreedom()}, {@link #calibrated}) throw
   * {@link UnsupportedOperationException}.
   *
   * @param type the kind of replicates
   * @param rows the number of rows of the data
   * @param replicates the number of replicates, {@code >= 2}
   * @param scale the overall factor ({@code NaN}: the default of {@code type}, as {@link #supplied};
   *     Fay needs it given: {@code 1/(R(1 − ρ)²)})
   * @param rscales per-replicate factors ({@code null}: all 1; JKn needs them)
   * @param mse whether to centre at the full-sample estimate
   * @return the design
   * @throws IllegalArgumentException when there are fewer than two replicates, {@code rscales} has
   *     the wrong length, JKn has no {@code rscales}, or Fay has no scale
   */
  public static ReplicateDesign ofStructure(ReplicateType type, int rows, int replicates, double scale, double[] rscales,
      boolean mse) {
    Objects.requireNonNull(type, "type");
    if (replicates < 2) {
      throw new IllegalArgumentException("a replicate design needs two replicates or more, got " + replicates);
    }
    if (rows < 1) {
      throw new IllegalArgumentException("a replicate design needs rows, got " + rows);
    }
    if (type == ReplicateType.JKN && rscales == null) {
      throw new IllegalArgumentException("JKn replicate weights need rscales: f_h (n_h - 1)/n_h for the stratum of each replicate");
    }
    if (type == ReplicateType.FAY && Double.isNaN(scale)) {
      throw new IllegalArgumentException("Fay replicate weights need the scale 1/(R(1 - rho)^2)");
    }
    double s = Double.isNaN(scale) ? defaultScale(type, replicates) : scale;
    return new ReplicateDesign(type, rows, replicates, null, null, null, null, s, rscales(rscales, replicates), mse);
  }

  /** A design made by {@link #ofStructure} has no weights: {@code what} needs them. */
  private void requireWeights(String what) {
    if (weights == null) {
      throw new UnsupportedOperationException("this replicate design was made from its structure (kind, replicates, "
          + "factors; no weights): " + what + " needs the replicate weights; build it from the data instead");
    }
  }

  /**
   * The kind of replicates.
   *
   * @return the type
   */
  public ReplicateType type() {
    return type;
  }

  /**
   * The rows.
   *
   * @return the number of rows
   */
  public int rows() {
    return rows;
  }

  /**
   * The number of replicates.
   *
   * @return {@code R}
   */
  public int replicates() {
    if (structureReplicates > 0) {
      return structureReplicates;
    }
    return rowWeights != null ? rowWeights.length : unitMultipliers.length;
  }

  /**
   * The overall factor of the variance.
   *
   * @return {@code scale}
   */
  public double scale() {
    return scale;
  }

  /**
   * The per-replicate factors of the variance.
   *
   * @return a copy of {@code rscales}
   */
  public double[] rscales() {
    return rscales.clone();
  }

  /**
   * Whether the variance is centred at the full-sample estimate.
   *
   * @return {@code mse}
   */
  public boolean mse() {
    return mse;
  }

  /**
   * The full-sample weights.
   *
   * @return a copy
   */
  public double[] weights() {
    requireWeights("weights()");
    return weights.clone();
  }

  /**
   * The full replicate weight of a row.
   *
   * @param replicate the replicate, {@code 0..replicates()-1}
   * @param row the row
   * @return {@code W_r} of the row
   */
  public double weight(int replicate, int row) {
    requireWeights("weight(replicate, row)");
    return rowWeights != null ? rowWeights[replicate][row] : weights[row] * unitMultipliers[replicate][rowUnit[row]];
  }

  /**
   * The design degrees of freedom of the replicate design, as R {@code degf} of a
   * {@code svrepdesign}: the rank of the matrix of replicate weights (rows × replicates) minus 1.
   *
   * @return the degrees of freedom
   */
  public int degreesOfFreedom() {
    if (df < 0) {
      boolean[] all = new boolean[rows];
      Arrays.fill(all, true);
      df = degreesOfFreedom(all);
    }
    return df;
  }

  /**
   * The design degrees of freedom of a subset of the rows (R {@code degf} of the subset design,
   * as {@code svyby} and {@code na.rm} make it): the rank of the replicate weights of those rows
   * minus 1. The rank is taken from the replicates' Gram matrix, with eigenvalues below
   * {@code 1e-10} of the largest as zero (R's pivoted QR with tolerance 1e-5 on the column norms;
   * the decision is far from the threshold for replicate weights).
   *
   * @param keep one flag per row
   * @return the degrees of freedom of the kept rows
   * @throws IllegalArgumentException when {@code keep} has another length than the rows
   */
  public int degreesOfFreedom(boolean[] keep) {
    requireWeights("the degrees of freedom (the rank of the replicate weights)");
    if (keep.length != rows) {
      throw new IllegalArgumentException("keep has " + keep.length + " flags for " + rows + " rows");
    }
    int reps = replicates();
    double[][] gram = new double[reps][reps];
    double[] wr = new double[reps];
    for (int i = 0; i < rows; i++) {
      if (!keep[i]) {
        continue;
      }
      for (int r = 0; r < reps; r++) {
        wr[r] = weight(r, i);
      }
      for (int a = 0; a < reps; a++) {
        if (wr[a] == 0) {
          continue;
        }
        for (int b = 0; b <= a; b++) {
          gram[a][b] += wr[a] * wr[b];
        }
      }
    }
    for (int a = 0; a < reps; a++) {
      for (int b = 0; b < a; b++) {
        gram[b][a] = gram[a][b];
      }
    }
    double[] ev = new org.apache.commons.math3.linear.EigenDecomposition(
        new org.apache.commons.math3.linear.Array2DRowRealMatrix(gram, false)).getRealEigenvalues();
    double max = Arrays.stream(ev).max().orElse(0);
    int rank = 0;
    for (double e : ev) {
      rank += e > 1e-10 * max ? 1 : 0;
    }
    return rank - 1;
  }

  /**
   * The full weights of one replicate.
   *
   * @param replicate the replicate, {@code 0..replicates()-1}
   * @return a new array, one weight per row
   */
  public double[] weights(int replicate) {
    double[] out = new double[rows];
    for (int i = 0; i < rows; i++) {
      out[i] = weight(replicate, i);
    }
    return out;
  }

  /**
   * The replicate covariance of a vector estimate (e.g. regression coefficients):
   * {@code scale · Σ_r rscale_r (θ_r − c)(θ_r − c)ᵀ}, {@code c} the mean of the replicate estimates
   * or, with {@link #mse()}, the full-sample estimate; replicates with an undefined ({@code NaN})
   * component are left out with their rscale.
   *
   * @param full the full-sample estimate
   * @param replicateEstimates {@code θ_r}, one vector per replicate
   * @return the covariance matrix
   * @throws IllegalArgumentException when the number of replicates or a length is wrong
   */
  public double[][] covariance(double[] full, double[][] replicateEstimates) {
    if (replicateEstimates.length != replicates()) {
      throw Checks.badArgument("replicateEstimates", "must have one vector per replicate (" + replicates() + ")",
          replicateEstimates.length);
    }
    int p = full.length;
    double[] mean = new double[p];
    int defined = 0;
    boolean[] use = new boolean[replicateEstimates.length];
    for (int r = 0; r < replicateEstimates.length; r++) {
      if (replicateEstimates[r].length != p) {
        throw Checks.badArgument("replicateEstimates", "must have " + p + " values per replicate", replicateEstimates[r].length);
      }
      use[r] = Arrays.stream(replicateEstimates[r]).noneMatch(Double::isNaN);
      if (use[r] && rscales[r] > 0) {
        for (int j = 0; j < p; j++) {
          mean[j] += replicateEstimates[r][j];
        }
        defined++;
      }
    }
    double[][] out = new double[p][p];
    for (int r = 0; r < replicateEstimates.length; r++) {
      if (!use[r]) {
        continue;
      }
      for (int a = 0; a < p; a++) {
        double da = replicateEstimates[r][a] - (mse ? full[a] : mean[a] / defined);
        for (int b = 0; b < p; b++) {
          double db = replicateEstimates[r][b] - (mse ? full[b] : mean[b] / defined);
          out[a][b] += scale * rscales[r] * da * db;
        }
      }
    }
    return out;
  }

  /** Whether the replicates are PSU multipliers (so that sums per PSU give every replicate's sums). */
  boolean byUnit() {
    return unitMultipliers != null;
  }

  int unit(int row) {
    return rowUnit[row];
  }

  int units() {
    return unitMultipliers[0].length;
  }

  double multiplier(int replicate, int unit) {
    return unitMultipliers[replicate][unit];
  }

  double rowWeight(int replicate, int row) {
    return rowWeights[replicate][row];
  }

  /**
   * The replicate variance of an estimate.
   *
   * @param full the full-sample estimate
   * @param replicateEstimates {@code θ_r}, one per replicate; {@code NaN} ones are left out with their rscale
   * @return {@code scale · Σ rscale_r (θ_r − c)²}, or {@code NaN} when no replicate estimate is defined
   * @throws IllegalArgumentException when the number of replicate estimates is wrong
   */
  public double variance(double full, double[] replicateEstimates) {
    if (replicateEstimates.length != replicates()) {
      throw Checks.badArgument("replicateEstimates", "must have one value per replicate (" + replicates() + ")",
          replicateEstimates.length);
    }
    double mean = 0;
    int defined = 0;
    for (int r = 0; r < replicateEstimates.length; r++) {
      if (!Double.isNaN(replicateEstimates[r]) && rscales[r] > 0) {
        mean += replicateEstimates[r];
        defined++;
      }
    }
    if (defined == 0) {
      return Double.NaN;
    }
    double centre = mse ? full : mean / defined;
    double v = 0;
    for (int r = 0; r < replicateEstimates.length; r++) {
      if (!Double.isNaN(replicateEstimates[r])) {
        double d = replicateEstimates[r] - centre;
        v += rscales[r] * d * d;
      }
    }
    return scale * v;
  }

  @Override
  public String toString() {
    return "ReplicateDesign[" + type.code() + ", " + replicates() + " replicates, rows=" + rows + ", scale=" + scale
        + (mse ? ", mse" : "") + "]";
  }
}
