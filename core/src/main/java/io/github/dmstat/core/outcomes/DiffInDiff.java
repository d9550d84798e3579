package io.github.dmstat.core.outcomes;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.Columns;
import io.github.dmstat.core.TextTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.statistics.distribution.TDistribution;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Difference in differences for an area-level panel (area-based approach vs comparison areas).
 *
 * <p><b>Model.</b> OLS {@code y = β0 + β1·treated + β2·post + β3·treated·post + ε} over all rows,
 * {@code post = 1} when {@code period > 0}. The period column holds 0 (before) and 1 (after); richer
 * panels code earlier pre-periods as −1, −2, … and later post-periods as 2, 3, …. The effect is
 * {@code β3}. Standard errors are cluster-robust by unit (CR1, Stata's small-sample factor):
 * {@code V = G/(G−1) · (N−1)/(N−K) · (X'X)⁻¹ (Σ_g X_g' e_g e_g' X_g) (X'X)⁻¹}, {@code G} units,
 * {@code N} rows, {@code K = 4}; t tests and intervals use {@code t_{G−1}} (Cameron &amp; Miller 2015,
 * J. Hum. Resour. 50:317–372, doi:10.3368/jhr.50.2.317).
 *
 * <p><b>Parallel trends.</b> With two or more distinct pre-periods ({@code period <= 0}), OLS
 * {@code y = γ0 + γ1·treated + γ2·period + γ3·treated·period} on the pre-period rows gives the slope
 * difference {@code γ3} (same CR1 SE, {@code t_{G−1}}); a small p does not support parallel trends.
 * With one pre-period the check is not possible and {@link #preTrend()} is empty, with the reason in
 * {@link #preTrendNote()}.
 *
 * @param coefficients intercept, treated, post, treated:post
 * @param effect the {@code treated:post} coefficient
 * @param ciLower lower limit of the effect ({@code β3 − t_{G−1}·se})
 * @param ciUpper upper limit
 * @param level confidence level
 * @param clusters number of units {@code G}
 * @param n rows {@code N}
 * @param preTrend slope difference in the pre-periods, when estimable
 * @param preTrendNote why the parallel-trends check was or was not possible
 * @param means mean outcome per group (treated or comparison) and period, sorted by group then
 *     period: what a difference-in-differences chart shows
 */
public record DiffInDiff(List<Coefficient> coefficients, Coefficient effect, double ciLower, double ciUpper, double level,
    int clusters, int n, Optional<Coefficient> preTrend, String preTrendNote, List<PeriodMean> means) {

  /**
   * Mean outcome of the treated (or comparison) units in one period, over {@code rows} rows.
   *
   * @param treated true for the treated group, false for the comparison group
   * @param period the period code
   * @param mean mean outcome over the group's rows in that period
   * @param rows number of rows averaged, {@code >= 1}
   */
  public record PeriodMean(boolean treated, int period, double mean, int rows) {}

  /**
   * Checks the components and copies the lists.
   *
   * @param coefficients intercept, treated, post, treated:post; not null
   * @param effect the {@code treated:post} coefficient, not null
   * @param ciLower lower limit, {@code <= effect.estimate()}
   * @param ciUpper upper limit, {@code >= effect.estimate()}
   * @param level confidence level, strictly between 0 and 1
   * @param clusters number of units {@code G} (not checked)
   * @param n rows {@code N} (not checked)
   * @param preTrend slope difference in the pre-periods, or empty; not null
   * @param preTrendNote why the parallel-trends check was or was not possible, not null
   * @param means mean outcome per group and period, not null
   * @throws IllegalArgumentException when {@code level} is out of range or the interval does not contain the effect
   */
  public DiffInDiff {
    coefficients = List.copyOf(coefficients);
    means = List.copyOf(means);
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(preTrend, "preTrend");
    Objects.requireNonNull(preTrendNote, "preTrendNote");
    Checks.level(level);
    if (!(ciLower <= effect.estimate() && effect.estimate() <= ciUpper)) {
      throw Checks.badArgument("interval", "must contain the effect", "[" + ciLower + ", " + ciUpper + "]");
    }
  }

  /**
   * Fits the panel read from a table (95% level); every cell must be present.
   *
   * @param t the panel, one row per unit and period
   * @param unit name of the unit (area) column, the cluster for the standard errors
   * @param treated name of the 0/1 column, 1 for treated units
   * @param period name of the integer period column ({@code <= 0} before, {@code > 0} after)
   * @param outcome name of the numeric outcome column
   * @return the fit with a 95% interval
   * @throws IllegalArgumentException as {@link #fit(Table, String, String, String, String, double)}
   */
  public static DiffInDiff fit(Table t, String unit, String treated, String period, String outcome) {
    return fit(t, unit, treated, period, outcome, 0.95);
  }

  /**
   * Fits the panel read from a table. {@code treated} must be 0/1 and constant within a unit;
   * {@code period} an integer; {@code outcome} finite. Errors name column, row and value.
   *
   * @param t the panel, one row per unit and period
   * @param unit name of the unit (area) column, the cluster for the standard errors
   * @param treated name of the 0/1 column, 1 for treated units
   * @param period name of the integer period column ({@code <= 0} before, {@code > 0} after)
   * @param outcome name of the numeric outcome column
   * @param level confidence level, strictly between 0 and 1
   * @return the fit
   * @throws IllegalArgumentException when a column is absent or a cell is missing or invalid, or as
   *     {@link #fit(String[], byte[], int[], double[], double)}
   */
  public static DiffInDiff fit(Table t, String unit, String treated, String period, String outcome, double level) {
    int n = t.rowCount();
    Column<?> u = Columns.column(t, unit);
    byte[] tr = Columns.flags(t, treated);
    Column<?> pc = Columns.column(t, period);
    Column<?> oc = Columns.column(t, outcome);
    String[] units = new String[n];
    int[] per = new int[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      if (Columns.isMissing(u, i)) {
        throw Checks.badCell(unit, i + 1, "must not be empty", null);
      }
      units[i] = Columns.text(u, i);
      if (tr[i] < 0) {
        throw Checks.badCell(treated, i + 1, "must be 0 or 1", null);
      }
      double p = Columns.number(pc, i);
      if (!(p == Math.rint(p)) || Double.isInfinite(p)) {
        throw Checks.badCell(period, i + 1, "must be an integer (0 = before, 1 = after)", Columns.text(pc, i));
      }
      if (p > Integer.MAX_VALUE || p < Integer.MIN_VALUE) {
        throw Checks.badCell(period, i + 1, "must be an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE,
            Columns.text(pc, i));
      }
      per[i] = (int) p;
      y[i] = Columns.number(oc, i);
      if (!Double.isFinite(y[i])) {
        throw Checks.badCell(outcome, i + 1, "must be a finite number", Columns.text(oc, i));
      }
    }
    return fit(units, tr, per, y, level, treated);
  }

  /**
   * Fits from arrays: unit label, treated 0/1, integer period ({@code > 0}: after), outcome.
   *
   * @param unit unit label per row
   * @param treated 0/1 per row, constant within a unit
   * @param period period per row ({@code <= 0} before, {@code > 0} after)
   * @param outcome outcome per row
   * @param level confidence level, strictly between 0 and 1
   * @return the fit
   * @throws IllegalArgumentException when {@code level} is out of range, the arrays differ in length,
   *     {@code treated} varies within a unit, a treated/period cell of the 2×2 design has no rows, there are
   *     fewer than 2 units, or a design matrix is singular
   */
  public static DiffInDiff fit(String[] unit, byte[] treated, int[] period, double[] outcome, double level) {
    return fit(unit, treated, period, outcome, level, "treated");
  }

  private static DiffInDiff fit(String[] unit, byte[] treated, int[] period, double[] y, double level, String trName) {
    Checks.level(level);
    int n = y.length;
    if (unit.length != n || treated.length != n || period.length != n) {
      throw Checks.badArgument("arrays", "must all have " + n + " rows", unit.length + "/" + treated.length + "/"
          + period.length);
    }
    Map<String, Integer> codes = new HashMap<>();
    List<Byte> unitTreated = new ArrayList<>();
    int[] cl = new int[n];
    boolean[] seen = new boolean[4];
    for (int i = 0; i < n; i++) {
      Integer c = codes.get(unit[i]);
      if (c == null) {
        c = codes.size();
        codes.put(unit[i], c);
        unitTreated.add(treated[i]);
      } else if (unitTreated.get(c) != treated[i]) {
        throw Checks.badCell(trName, i + 1, "must be constant within unit '" + unit[i] + "'", (int) treated[i]);
      }
      cl[i] = c;
      seen[2 * treated[i] + (period[i] > 0 ? 1 : 0)] = true;
    }
    for (int k = 0; k < 4; k++) {
      if (!seen[k]) {
        throw new IllegalArgumentException("difference in differences needs rows in all four cells "
            + "(treated 0/1 × before/after); missing: treated=" + (k / 2) + ", " + (k % 2 == 1 ? "after" : "before"));
      }
    }
    int g = codes.size();
    if (g < 2) {
      throw Checks.badArgument("units", "must number at least 2 for clustered standard errors", g);
    }
    double[][] x = new double[n][4];
    for (int i = 0; i < n; i++) {
      double post = period[i] > 0 ? 1 : 0;
      x[i] = new double[] {1, treated[i], post, treated[i] * post};
    }
    List<Coefficient> coef = cr1(x, y, cl, g, List.of("intercept", "treated", "post", "treated:post"));
    Coefficient eff = coef.get(3);
    double tq = TDistribution.of(g - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
    TreeSet<Integer> pre = new TreeSet<>();
    int preRows = 0;
    for (int i = 0; i < n; i++) {
      if (period[i] <= 0) {
        pre.add(period[i]);
        preRows++;
      }
    }
    Optional<Coefficient> trend = Optional.empty();
    String note;
    if (pre.size() < 2) {
      note = "parallel-trends check not possible: only one pre-period (" + pre.first() + ")";
    } else {
      double[][] xp = new double[preRows][];
      double[] yp = new double[preRows];
      int[] cp = new int[preRows];
      int r = 0;
      for (int i = 0; i < n; i++) {
        if (period[i] <= 0) {
          xp[r] = new double[] {1, treated[i], period[i], treated[i] * period[i]};
          yp[r] = y[i];
          cp[r] = cl[i];
          r++;
        }
      }
      int[] dense = new int[g];
      java.util.Arrays.fill(dense, -1);
      int gp = 0;
      for (int i = 0; i < preRows; i++) {
        if (dense[cp[i]] < 0) {
          dense[cp[i]] = gp++;
        }
        cp[i] = dense[cp[i]];
      }
      trend = Optional.of(cr1(xp, yp, cp, gp, List.of("intercept", "treated", "period", "treated:period")).get(3));
      note = "slope difference treated − comparison over " + pre.size() + " pre-periods " + pre;
    }
    return new DiffInDiff(coef, eff, eff.estimate() - tq * eff.se(), eff.estimate() + tq * eff.se(), level, g, n,
        trend, note, means(treated, period, y));
  }

  private static List<PeriodMean> means(byte[] treated, int[] period, double[] y) {
    java.util.TreeMap<Integer, double[]> byPeriod = new java.util.TreeMap<>();
    for (int i = 0; i < y.length; i++) {
      double[] acc = byPeriod.computeIfAbsent(period[i], k -> new double[4]);
      acc[treated[i] == 1 ? 0 : 2] += y[i];
      acc[treated[i] == 1 ? 1 : 3] += 1;
    }
    List<PeriodMean> out = new ArrayList<>();
    for (int group = 0; group < 2; group++) {
      for (Map.Entry<Integer, double[]> e : byPeriod.entrySet()) {
        double[] acc = e.getValue();
        int k = group == 0 ? 2 : 0;
        if (acc[k + 1] > 0) {
          out.add(new PeriodMean(group == 1, e.getKey(), acc[k] / acc[k + 1], (int) acc[k + 1]));
        }
      }
    }
    return out;
  }

  /** OLS with CR1 cluster-robust SEs; p values from {@code t_{G−1}}. */
  private static List<Coefficient> cr1(double[][] x, double[] y, int[] cl, int g, List<String> names) {
    int n = y.length;
    int k = x[0].length;
    if (n <= k) {
      throw Checks.badArgument("rows", "must exceed the number of coefficients (" + k + ")", n);
    }
    double[][] xtx = new double[k][k];
    double[] xty = new double[k];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < k; a++) {
        xty[a] += x[i][a] * y[i];
        for (int b = 0; b < k; b++) {
          xtx[a][b] += x[i][a] * x[i][b];
        }
      }
    }
    LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(xtx, false), 1e-12);
    if (!lu.getSolver().isNonSingular()) {
      throw new IllegalArgumentException("design matrix is singular (e.g. a group with no variation in period)");
    }
    RealMatrix inv = lu.getSolver().getInverse();
    double[] beta = inv.operate(xty);
    double[][] scores = new double[g][k];
    for (int i = 0; i < n; i++) {
      double e = y[i];
      for (int a = 0; a < k; a++) {
        e -= x[i][a] * beta[a];
      }
      for (int a = 0; a < k; a++) {
        scores[cl[i]][a] += x[i][a] * e;
      }
    }
    double[][] meat = new double[k][k];
    for (int c = 0; c < g; c++) {
      for (int a = 0; a < k; a++) {
        for (int b = 0; b < k; b++) {
          meat[a][b] += scores[c][a] * scores[c][b];
        }
      }
    }
    double factor = (double) g / (g - 1) * (n - 1.0) / (n - k);
    RealMatrix v = inv.multiply(new Array2DRowRealMatrix(meat, false)).multiply(inv).scalarMultiply(factor);
    TDistribution t = TDistribution.of(g - 1);
    List<Coefficient> out = new ArrayList<>();
    for (int a = 0; a < k; a++) {
      double se = Math.sqrt(v.getEntry(a, a));
      double tt = beta[a] / se;
      out.add(new Coefficient(names.get(a), beta[a], se, tt, 2 * t.survivalProbability(Math.abs(tt))));
    }
    return out;
  }

  /**
   * Coefficients (and the pre-trend slope difference when present) as a table.
   *
   * @return columns {@code term, estimate, se, t, p}, one row per coefficient; the pre-trend row's term is
   *     prefixed {@code "pre-trend "}
   */
  public Table toTable() {
    StringColumn term = StringColumn.create("term");
    DoubleColumn est = DoubleColumn.create("estimate");
    DoubleColumn se = DoubleColumn.create("se");
    DoubleColumn t = DoubleColumn.create("t");
    DoubleColumn p = DoubleColumn.create("p");
    List<Coefficient> all = new ArrayList<>(coefficients);
    preTrend.ifPresent(c -> all.add(new Coefficient("pre-trend " + c.term(), c.estimate(), c.se(), c.t(), c.p())));
    for (Coefficient c : all) {
      term.append(c.term());
      est.append(c.estimate());
      se.append(c.se());
      t.append(c.t());
      p.append(c.p());
    }
    return Table.create("difference in differences").addColumns(term, est, se, t, p);
  }

  /**
   * Multi-line summary of all coefficients.
   *
   * @return {@link #toString()}, a line break, and a text table of term, estimate, se (CR1), t and p
   */
  public String summary() {
    TextTable tt = new TextTable(List.of("term", "estimate", "se (CR1)", "t", "p"));
    for (Coefficient c : coefficients) {
      tt.row(List.of(c.term(), Stat.g(c.estimate()), Stat.g(c.se()), String.format(Locale.ROOT, "%.3f", c.t()),
          Stat.p(c.p())));
    }
    return toString() + "\n" + tt;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "DiffInDiff[effect %s (%s%% CI %s to %s, CR1 se %s, p %s), %d units, %d rows; %s%s]",
        Stat.g(effect.estimate()), Stat.pct(level), Stat.g(ciLower), Stat.g(ciUpper), Stat.g(effect.se()),
        Stat.p(effect.p()), clusters, n, preTrendNote,
        preTrend.map(c -> String.format(Locale.ROOT, ": %s (se %s, p %s)", Stat.g(c.estimate()), Stat.g(c.se()),
            Stat.p(c.p()))).orElse(""));
  }
}
