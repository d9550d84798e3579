package io.github.dmstat.core.outcomes;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Log-rank test of equal survival in two or more groups, as R {@code survival::survdiff(rho = 0)}.
 *
 * <p>At each distinct event time {@code t_j} with {@code n_j} at risk and {@code d_j} events
 * ({@code n_gj}, {@code d_gj} in group g): {@code E_g = Σ d_j n_gj/n_j}, {@code O_g = Σ d_gj},
 * {@code V_gh = Σ d_j (n_j − d_j)/(n_j − 1) · (n_gj/n_j)(δ_gh − n_hj/n_j)}.
 * {@code χ² = (O − E)' V⁻ (O − E)} over the first {@code G − 1} groups, {@code df = G − 1}.
 * Reference: Mantel (1966), Cancer Chemother. Rep. 50:163–170; Peto &amp; Peto (1972), JRSS A 135:185–207,
 * doi:10.2307/2344317.
 *
 * @param groups group labels
 * @param n persons per group
 * @param observed events per group
 * @param expected expected events per group under equal survival
 * @param chisq test statistic
 * @param df degrees of freedom
 * @param p upper-tail χ² p value
 */
public record LogRankTest(List<String> groups, List<Integer> n, List<Double> observed, List<Double> expected,
    double chisq, int df, double p) {
  /**
   * Checks the components and copies the lists.
   *
   * @param groups group labels, at least 2
   * @param n persons per group, not null
   * @param observed events per group, not null
   * @param expected expected events per group under equal survival, not null
   * @param chisq test statistic, finite and {@code >= 0}
   * @param df degrees of freedom (not checked)
   * @param p upper-tail χ² p value (not checked)
   * @throws IllegalArgumentException when there are fewer than 2 groups or {@code chisq} is out of range
   */
  public LogRankTest {
    groups = List.copyOf(groups);
    n = List.copyOf(n);
    observed = List.copyOf(observed);
    expected = List.copyOf(expected);
    if (groups.size() < 2) {
      throw Checks.badArgument("groups", "must number at least 2", groups.size());
    }
    Checks.finiteNonNegative("chisq", chisq);
  }

  /**
   * Test from a table; validation as {@link KaplanMeier#fit(Table, String, String, String, double)}.
   *
   * @param t the data, one row per person
   * @param time name of the follow-up time column
   * @param event name of the 0/1 event column
   * @param group name of the group column; groups in order of first appearance
   * @return the test
   * @throws IllegalArgumentException when a column is absent, a cell is missing or invalid, or as
   *     {@link #of(double[], byte[], int[], List)}
   */
  public static LogRankTest of(Table t, String time, String event, String group) {
    java.util.Objects.requireNonNull(group, "group");
    KaplanMeier.Data d = KaplanMeier.Data.read(t, time, event, java.util.Optional.of(group));
    return of(d.time, d.event, d.group, d.labels);
  }

  /**
   * Test from arrays: {@code group[i]} in {@code 0..labels.size()−1}.
   *
   * @param time follow-up time per person, finite and {@code > 0}
   * @param event 0/1 per person (1 = event, 0 = censored)
   * @param group group index per person
   * @param labels group labels, at least 2; every group needs at least one person
   * @return the test with {@code df = labels.size() − 1}
   * @throws IllegalArgumentException when the arrays differ in length, a value is out of range, a group is
   *     empty, there are fewer than 2 groups, or the variance matrix is singular
   */
  public static LogRankTest of(double[] time, byte[] event, int[] group, List<String> labels) {
    int n = time.length;
    int g = labels.size();
    if (g < 2) {
      throw Checks.badArgument("groups", "must number at least 2 for a log-rank test", g);
    }
    if (event.length != n || group.length != n) {
      throw Checks.badArgument("event/group", "must have " + n + " values", event.length + "/" + group.length);
    }
    Integer[] order = new Integer[n];
    int[] size = new int[g];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      if (group[i] < 0 || group[i] >= g) {
        throw Checks.badArgument("group[" + (i + 1) + "]", "must be in 0.." + (g - 1), group[i]);
      }
      if (!(time[i] > 0) || Double.isInfinite(time[i])) {
        throw Checks.badArgument("time[" + (i + 1) + "]", "must be finite and > 0", time[i]);
      }
      if (event[i] != 0 && event[i] != 1) {
        throw Checks.badArgument("event[" + (i + 1) + "]", "must be 0 or 1", (int) event[i]);
      }
      size[group[i]]++;
    }
    for (int k = 0; k < g; k++) {
      if (size[k] == 0) {
        throw Checks.badArgument("group '" + labels.get(k) + "'", "must have at least one person", 0);
      }
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(time[a], time[b]));
    int[] risk = size.clone();
    int total = n;
    double[] obs = new double[g];
    double[] exp = new double[g];
    double[][] var = new double[g][g];
    int[] dg = new int[g];
    int[] leaving = new int[g];
    int i = 0;
    while (i < n) {
      double tj = time[order[i]];
      java.util.Arrays.fill(dg, 0);
      java.util.Arrays.fill(leaving, 0);
      int d = 0;
      int left = 0;
      while (i < n && time[order[i]] == tj) {
        int k = group[order[i]];
        leaving[k]++;
        left++;
        if (event[order[i]] == 1) {
          dg[k]++;
          d++;
        }
        i++;
      }
      if (d > 0) {
        double nj = total;
        double factor = nj > 1 ? d * (nj - d) / (nj - 1) : 0;
        for (int a = 0; a < g; a++) {
          obs[a] += dg[a];
          exp[a] += d * risk[a] / nj;
          for (int b = 0; b < g; b++) {
            var[a][b] += factor * (risk[a] / nj) * ((a == b ? 1 : 0) - risk[b] / nj);
          }
        }
      }
      for (int a = 0; a < g; a++) {
        risk[a] -= leaving[a];
      }
      total -= left;
    }
    int m = g - 1;
    double[][] v = new double[m][m];
    double[] diff = new double[m];
    for (int a = 0; a < m; a++) {
      diff[a] = obs[a] - exp[a];
      for (int b = 0; b < m; b++) {
        v[a][b] = var[a][b];
      }
    }
    LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(v, false), 1e-12);
    if (!lu.getSolver().isNonSingular()) {
      throw new IllegalArgumentException("log-rank variance matrix is singular (a group without follow-up at event times?)");
    }
    double[] sol = lu.getSolver().solve(new org.apache.commons.math3.linear.ArrayRealVector(diff)).toArray();
    double chisq = 0;
    for (int a = 0; a < m; a++) {
      chisq += diff[a] * sol[a];
    }
    List<Integer> ns = new ArrayList<>();
    List<Double> os = new ArrayList<>();
    List<Double> es = new ArrayList<>();
    for (int a = 0; a < g; a++) {
      ns.add(size[a]);
      os.add(obs[a]);
      es.add(exp[a]);
    }
    return new LogRankTest(labels, ns, os, es, chisq, m, ChiSquaredDistribution.of(m).survivalProbability(chisq));
  }

  /**
   * Per group: n, observed, expected, (O−E)²/E.
   *
   * @return columns {@code group, n, observed, expected, (O-E)^2/E}, one row per group
   */
  public Table toTable() {
    StringColumn gc = StringColumn.create("group");
    IntColumn nc = IntColumn.create("n");
    DoubleColumn oc = DoubleColumn.create("observed");
    DoubleColumn ec = DoubleColumn.create("expected");
    DoubleColumn c = DoubleColumn.create("(O-E)^2/E");
    for (int a = 0; a < groups.size(); a++) {
      gc.append(groups.get(a));
      nc.append(n.get(a));
      oc.append(observed.get(a));
      ec.append(expected.get(a));
      double dd = observed.get(a) - expected.get(a);
      c.append(dd * dd / expected.get(a));
    }
    return Table.create("log-rank test").addColumns(gc, nc, oc, ec, c);
  }

  /**
   * Multi-line report.
   *
   * @return a text table of group, n, observed and expected events, followed by {@link #toString()}
   */
  public String summary() {
    TextTable tt = new TextTable(List.of("group", "n", "observed", "expected"));
    for (int a = 0; a < groups.size(); a++) {
      tt.row(List.of(groups.get(a), Integer.toString(n.get(a)), String.format(Locale.ROOT, "%.0f", observed.get(a)),
          String.format(Locale.ROOT, "%.2f", expected.get(a))));
    }
    return tt + toString();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "LogRankTest[chisq %.3f on %d df, p %s, groups %s]", chisq, df, Stat.p(p), groups);
  }
}
