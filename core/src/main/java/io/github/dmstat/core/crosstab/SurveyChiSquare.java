package io.github.dmstat.core.crosstab;

import io.github.dmstat.core.Columns;
import io.github.dmstat.core.replicate.ReplicateDesign;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.core.survey.SurveyDesign;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.FDistribution;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Design-based tests of independence of two categorical variables, as R
 * {@code survey::svychisq(~row + column, design)} for a one-stage design (Rao &amp; Scott 1981,
 * 1984; Thomas &amp; Rao 1987; Lumley 2010, §6.2).
 *
 * <p>Over rows with both variables present: cell proportions {@code p_rc = Σ w x_rc / Σ w} with the
 * design-based covariance {@code V} of their linearisation ({@link SurveyDesign#covariance}).
 * Pearson's {@code X² = n Σ (p_rc − p_r·p_·c)²/(p_r·p_·c)} on the table scaled to the {@code n}
 * rows of the design (missing values included, as R). With the independence contrasts
 * {@code C_{(r,c),(a,b)} = (1{r=a} − 1/R)(1{c=b} − 1/K)} ({@code a, b >= 2}) and
 * {@code D⁻ = diag(1/p)} (0 for an empty cell), the generalised design effects are the eigenvalues
 * of {@code Δ = (CᵀD⁻C/n)⁻¹ (CᵀD⁻VD⁻C)}; {@code d0 = (tr Δ)²/tr Δ²}.
 * <ul>
 *   <li>{@code F = X²/tr Δ} on {@code d0} and {@code d0·ν} degrees of freedom (R's default), with
 *       {@code ν} the design degrees of freedom;</li>
 *   <li>{@code Chisq}: {@code X²} referred to {@code χ²_k} after division by {@code δ̄ = tr Δ/k},
 *       {@code k = (R − 1)(K − 1)};</li>
 *   <li>{@code Wald}: {@code W = Y_Uᵀ V_Y⁻¹ Y_U} for the deviations
 *       {@code Y_rc = N̂_rc − N̂_r·N̂_·c/N̂} of the cells with {@code r, c >= 2}, with their linearised
 *       covariance; {@code W/k} on {@code (k, ν)}, and the adjusted {@code W(ν − k + 1)/(kν)} on
 *       {@code (k, ν − k + 1)}. They are not available ({@code NaN}) when the covariance of the
 *       deviations is singular (more cells than the design's degrees of freedom can carry), where R
 *       stops, and the adjusted one also when {@code ν − k + 1 < 1}; the Rao–Scott tests are given all
 *       the same.</li>
 * </ul>
 * In a domain (R {@code subset}), {@code n}, {@code ν} and the levels are the domain's, while the
 * strata and PSUs keep their full-design counts.
 */
public final class SurveyChiSquare {
  private SurveyChiSquare() {}

  /**
   * Tests the independence of {@code row} and {@code column} over the whole survey.
   *
   * @param table the survey, one row per respondent; not modified
   * @param spec the design columns of {@code table}
   * @param row the row variable (any column; empty cells are left out)
   * @param column the column variable
   * @return the Rao–Scott and Wald tests
   * @throws IllegalArgumentException when a column is missing, a variable has fewer than two
   *     levels, or the table has no variance
   */
  public static TableTest test(Table table, DesignSpec spec, String row, String column) {
    boolean[] all = new boolean[table.rowCount()];
    Arrays.fill(all, true);
    return test(table, spec, row, column, all);
  }

  /**
   * Tests the independence of {@code row} and {@code column} within the domain where
   * {@code domainColumn} equals {@code domainValue} (R {@code svychisq(~a + b, subset(design, ...))}).
   *
   * @param table the survey, one row per respondent; not modified
   * @param spec the design columns of {@code table}
   * @param row the row variable
   * @param column the column variable
   * @param domainColumn the column that defines the domain
   * @param domainValue its value in the domain (compared as trimmed text)
   * @return the tests within the domain
   * @throws IllegalArgumentException as {@link #test(Table, DesignSpec, String, String)}, or when
   *     the domain is empty
   */
  public static TableTest test(Table table, DesignSpec spec, String row, String column, String domainColumn,
      String domainValue) {
    Column<?> d = Columns.column(table, domainColumn);
    boolean[] in = new boolean[table.rowCount()];
    for (int i = 0; i < in.length; i++) {
      in[i] = !Columns.isMissing(d, i) && Columns.text(d, i).strip().equals(domainValue.strip());
    }
    return test(table, spec, row, column, in);
  }

  static TableTest test(Table table, DesignSpec spec, String row, String column, boolean[] domain) {
    SurveyDesign design = spec.bind(table);
    Cells c = cells(table, row, column, domain);
    double[] w = design.weights();
    return finish(row, column, c, w, design.degreesOfFreedom(domain), new Variances() {
      @Override
      public double[][] proportions(double[] p, double total) {
        double[][] z = new double[p.length][w.length];
        for (int i = 0; i < w.length; i++) {
          if (c.cell[i] >= 0) {
            for (int l = 0; l < p.length; l++) {
              z[l][i] = w[i] * ((c.cell[i] == l ? 1 : 0) - p[l]) / total;
            }
          }
        }
        return design.covariance(z);
      }

      @Override
      public double[][] deviations(double[] sums, double total) {
        int nr = c.rows.size();
        int nc = c.columns.size();
        double[] nrTot = new double[nr];
        double[] ncTot = new double[nc];
        margins(sums, nr, nc, nrTot, ncTot);
        int k = (nr - 1) * (nc - 1);
        double[][] u = new double[k][w.length];
        for (int ai = 1; ai < nr; ai++) {
          for (int bi = 1; bi < nc; bi++) {
            int j = (ai - 1) + (nr - 1) * (bi - 1);
            for (int i = 0; i < w.length; i++) {
              if (c.cell[i] >= 0) {
                int r = c.cell[i] % nr;
                int cc = c.cell[i] / nr;
                u[j][i] = w[i] * ((r == ai && cc == bi ? 1 : 0) - (r == ai ? ncTot[bi] / total : 0)
                    - (cc == bi ? nrTot[ai] / total : 0) + nrTot[ai] * ncTot[bi] / (total * total));
              }
            }
          }
        }
        return design.covariance(u);
      }
    });
  }

  /**
   * Tests the independence of {@code row} and {@code column} on a replicate-weight design (R
   * {@code svychisq} on a {@code svrepdesign}): the same statistics, with the covariance of the cell
   * proportions taken from the replicates ({@link ReplicateDesign#covariance}), that of the
   * deviations from independence by the delta method from the replicate covariance of the cell
   * totals, and the design degrees of freedom of the replicates
   * ({@link ReplicateDesign#degreesOfFreedom()}).
   *
   * @param table the survey (the rows of {@code design})
   * @param design the replicate design
   * @param row the row variable
   * @param column the column variable
   * @return the Rao–Scott and Wald tests
   * @throws IllegalArgumentException as {@link #test(Table, DesignSpec, String, String)}
   */
  public static TableTest test(Table table, ReplicateDesign design, String row, String column) {
    if (design.rows() != table.rowCount()) {
      throw new IllegalArgumentException("the replicate design has " + design.rows() + " rows but the table "
          + table.rowCount());
    }
    boolean[] all = new boolean[table.rowCount()];
    Arrays.fill(all, true);
    Cells c = cells(table, row, column, all);
    int cells = c.rows.size() * c.columns.size();
    int reps = design.replicates();
    double[][] repSums = new double[reps][cells];
    for (int r = 0; r < reps; r++) {
      double[] wr = design.weights(r);
      for (int i = 0; i < wr.length; i++) {
        if (c.cell[i] >= 0) {
          repSums[r][c.cell[i]] += wr[i];
        }
      }
    }
    return finish(row, column, c, design.weights(), design.degreesOfFreedom(), new Variances() {
      @Override
      public double[][] proportions(double[] p, double total) {
        double[][] theta = new double[reps][];
        for (int r = 0; r < reps; r++) {
          double t = Arrays.stream(repSums[r]).sum();
          theta[r] = Arrays.stream(repSums[r]).map(v -> v / t).toArray();
        }
        return design.covariance(p, theta);
      }

      @Override
      public double[][] deviations(double[] sums, double total) {
        // the delta method on the replicate covariance of the cell totals, as R: V_Y = G Σ Gᵀ
        int nr = c.rows.size();
        int nc = c.columns.size();
        double[][] sigma = design.covariance(sums, repSums);
        double[] nrTot = new double[nr];
        double[] ncTot = new double[nc];
        margins(sums, nr, nc, nrTot, ncTot);
        int k = (nr - 1) * (nc - 1);
        double[][] g = new double[k][sums.length];
        for (int ai = 1; ai < nr; ai++) {
          for (int bi = 1; bi < nc; bi++) {
            int j = (ai - 1) + (nr - 1) * (bi - 1);
            for (int r = 0; r < nr; r++) {
              for (int cc = 0; cc < nc; cc++) {
                g[j][r + nr * cc] = (r == ai && cc == bi ? 1 : 0) - (r == ai ? ncTot[bi] / total : 0)
                    - (cc == bi ? nrTot[ai] / total : 0) + nrTot[ai] * ncTot[bi] / (total * total);
              }
            }
          }
        }
        RealMatrix gm = new Array2DRowRealMatrix(g, false);
        return gm.multiply(new Array2DRowRealMatrix(sigma, false)).multiply(gm.transpose()).getData();
      }
    });
  }

  /** The levels and the cell of every row ({@code -1}: outside the domain or a value missing). */
  private record Cells(List<String> rows, List<String> columns, int[] cell, long n) {}

  /** How the covariances of the cell proportions and of the deviations from independence are estimated. */
  private interface Variances {
    double[][] proportions(double[] p, double total);

    double[][] deviations(double[] sums, double total);
  }

  private static Cells cells(Table table, String row, String column, boolean[] domain) {
    Objects.requireNonNull(row, "row");
    Objects.requireNonNull(column, "column");
    Column<?> a = Columns.column(table, row);
    Column<?> b = Columns.column(table, column);
    int rows = table.rowCount();
    String[] av = new String[rows];
    String[] bv = new String[rows];
    TreeSet<String> aLevels = new TreeSet<>();
    TreeSet<String> bLevels = new TreeSet<>();
    long n = 0;
    for (int i = 0; i < rows; i++) {
      if (!domain[i]) {
        continue;
      }
      n++;
      av[i] = Columns.isMissing(a, i) ? null : Columns.text(a, i).strip();
      bv[i] = Columns.isMissing(b, i) ? null : Columns.text(b, i).strip();
      if (av[i] != null) {
        aLevels.add(av[i]);
      }
      if (bv[i] != null) {
        bLevels.add(bv[i]);
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException("the domain has no rows");
    }
    List<String> rl = new ArrayList<>(aLevels);
    List<String> cl = new ArrayList<>(bLevels);
    if (rl.size() < 2 || cl.size() < 2) {
      throw new IllegalArgumentException("a test of independence needs two levels or more in each variable; '" + row
          + "' has " + rl + ", '" + column + "' has " + cl);
    }
    java.util.Map<String, Integer> ri = new java.util.HashMap<>();
    java.util.Map<String, Integer> ci = new java.util.HashMap<>();
    for (String l : rl) {
      ri.put(l, ri.size());
    }
    for (String l : cl) {
      ci.put(l, ci.size());
    }
    int[] cell = new int[rows];
    for (int i = 0; i < rows; i++) {
      cell[i] = domain[i] && av[i] != null && bv[i] != null ? ri.get(av[i]) + rl.size() * ci.get(bv[i]) : -1;
    }
    return new Cells(rl, cl, cell, n);
  }

  private static void margins(double[] sums, int nr, int nc, double[] nrTot, double[] ncTot) {
    for (int r = 0; r < nr; r++) {
      for (int c = 0; c < nc; c++) {
        nrTot[r] += sums[r + nr * c];
        ncTot[c] += sums[r + nr * c];
      }
    }
  }

  /** {@code Y_rc = N̂_rc − N̂_r·N̂_·c/N̂} for the cells with {@code r, c >= 2}, in contrast order. */
  private static double[] deviationsOf(double[] sums, int nr, int nc) {
    double[] nrTot = new double[nr];
    double[] ncTot = new double[nc];
    margins(sums, nr, nc, nrTot, ncTot);
    double total = Arrays.stream(sums).sum();
    double[] y = new double[(nr - 1) * (nc - 1)];
    for (int ai = 1; ai < nr; ai++) {
      for (int bi = 1; bi < nc; bi++) {
        y[(ai - 1) + (nr - 1) * (bi - 1)] = sums[ai + nr * bi] - nrTot[ai] * ncTot[bi] / total;
      }
    }
    return y;
  }

  private static TableTest finish(String row, String column, Cells c, double[] w, int nu, Variances variances) {
    List<String> rl = c.rows;
    List<String> cl = c.columns;
    int nr = rl.size();
    int nc = cl.size();
    int cells = nr * nc;
    int k = (nr - 1) * (nc - 1);
    long n = c.n;
    double total = 0;
    double[] sums = new double[cells];
    for (int i = 0; i < w.length; i++) {
      if (c.cell[i] >= 0) {
        total += w[i];
        sums[c.cell[i]] += w[i];
      }
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("no row with both '" + row + "' and '" + column + "' has a positive weight");
    }
    double[] p = new double[cells];
    for (int l = 0; l < cells; l++) {
      p[l] = sums[l] / total;
    }
    RealMatrix v = new Array2DRowRealMatrix(variances.proportions(p, total), false);
    double[] pr = new double[nr];
    double[] pc = new double[nc];
    margins(p, nr, nc, pr, pc);
    double pearson = 0;
    for (int r = 0; r < nr; r++) {
      for (int cc = 0; cc < nc; cc++) {
        double e = pr[r] * pc[cc];
        if (e > 0) {
          double d = p[r + nr * cc] - e;
          pearson += d * d / e;
        }
      }
    }
    pearson *= n;
    // contrasts of independence and the generalised design effects
    RealMatrix cm = new Array2DRowRealMatrix(cells, k);
    for (int r = 0; r < nr; r++) {
      for (int cc = 0; cc < nc; cc++) {
        for (int ai = 1; ai < nr; ai++) {
          for (int bi = 1; bi < nc; bi++) {
            cm.setEntry(r + nr * cc, (ai - 1) + (nr - 1) * (bi - 1),
                ((r == ai ? 1 : 0) - 1.0 / nr) * ((cc == bi ? 1 : 0) - 1.0 / nc));
          }
        }
      }
    }
    RealMatrix dinv = new Array2DRowRealMatrix(cells, cells);
    for (int l = 0; l < cells; l++) {
      dinv.setEntry(l, l, p[l] > 0 ? 1 / p[l] : 0);
    }
    RealMatrix dc = dinv.multiply(cm);
    RealMatrix am = cm.transpose().multiply(dc).scalarMultiply(1.0 / n);
    RealMatrix bm = dc.transpose().multiply(v).multiply(dc);
    RealMatrix delta = new LUDecomposition(am).getSolver().solve(bm);
    double tr = delta.getTrace();
    double tr2 = delta.multiply(delta).getTrace();
    if (!(tr > 0)) {
      throw new IllegalArgumentException("the table has no sampling variance: no test is possible");
    }
    if (nu < 1) {
      throw new IllegalArgumentException("the rows of this table have " + nu + " design degrees of freedom (PSUs minus "
          + "strata): no test is possible");
    }
    double d0 = tr * tr / tr2;
    double fValue = pearson / tr;
    TestStatistic f = new TestStatistic("F", fValue, d0, d0 * nu, FDistribution.of(d0, d0 * nu).survivalProbability(fValue));
    double meanDeff = tr / k;
    TestStatistic chisq = new TestStatistic("Chisq", pearson, k, Double.POSITIVE_INFINITY,
        ChiSquaredDistribution.of(k).survivalProbability(pearson / meanDeff));
    double[] y = deviationsOf(sums, nr, nc);
    RealMatrix vy = new Array2DRowRealMatrix(variances.deviations(sums, total), false);
    org.apache.commons.math3.linear.SingularValueDecomposition svd = new org.apache.commons.math3.linear.SingularValueDecomposition(vy);
    double[] sv = svd.getSingularValues();
    boolean waldDefined = sv.length > 0 && sv[sv.length - 1] > 1e-12 * sv[0];
    TestStatistic wald;
    TestStatistic adjWald;
    if (waldDefined) {
      double[] sol = svd.getSolver().solve(new org.apache.commons.math3.linear.ArrayRealVector(y)).toArray();
      double quad = 0;
      for (int j = 0; j < k; j++) {
        quad += y[j] * sol[j];
      }
      wald = new TestStatistic("Wald", quad / k, k, nu, FDistribution.of(k, nu).survivalProbability(quad / k));
      double adj = quad * (nu - k + 1) / ((double) k * nu);
      adjWald = nu - k + 1 > 0
          ? new TestStatistic("adjWald", adj, k, nu - k + 1, FDistribution.of(k, nu - k + 1).survivalProbability(adj))
          : new TestStatistic("adjWald", Double.NaN, k, nu - k + 1, Double.NaN);
    } else {
      // a singular covariance (more cells than the design's degrees of freedom can carry): R stops there
      wald = new TestStatistic("Wald", Double.NaN, k, nu, Double.NaN);
      adjWald = new TestStatistic("adjWald", Double.NaN, k, nu - k + 1, Double.NaN);
    }
    List<List<Double>> props = new ArrayList<>();
    for (int r = 0; r < nr; r++) {
      List<Double> line = new ArrayList<>();
      for (int cc = 0; cc < nc; cc++) {
        line.add(p[r + nr * cc]);
      }
      props.add(line);
    }
    List<Long> rowCounts = new ArrayList<>();
    List<Long> columnCounts = new ArrayList<>();
    for (int r = 0; r < nr; r++) {
      rowCounts.add(0L);
    }
    for (int cc = 0; cc < nc; cc++) {
      columnCounts.add(0L);
    }
    for (int cell : c.cell) {
      if (cell >= 0) {
        rowCounts.set(cell % nr, rowCounts.get(cell % nr) + 1);
        columnCounts.set(cell / nr, columnCounts.get(cell / nr) + 1);
      }
    }
    long excluded = c.n - rowCounts.stream().mapToLong(Long::longValue).sum();
    return new TableTest(row, column, rl, cl, props, rowCounts, columnCounts, n, excluded, nu, pearson, meanDeff, f, chisq,
        wald, adjWald, TableTest.DEFAULT_MINIMUM);
  }
}
