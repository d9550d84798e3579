package io.github.dmstat.core.outcomes;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.Columns;
import io.github.dmstat.core.internal.IndexOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Kaplan–Meier estimation of time to an event (e.g. re-offence) with right censoring, as R
 * {@code survival::survfit(Surv(time, event) ~ group)} with its defaults: Greenwood variance and
 * the {@code "log"} interval {@code S·exp(±z·se(−log S))}, upper limit capped at 1.
 *
 * <p>{@code S(t) = Π_{t_j <= t} (1 − d_j/n_j)}, {@code n_j} at risk just before {@code t_j},
 * {@code d_j} events at {@code t_j}; Greenwood {@code Var(−log S) = Σ d_j / (n_j (n_j − d_j))}.
 * Median and its interval follow {@code survival:::quantile.survfit} (survival 3.5): the first time
 * the curve, or its lower/upper limit, reaches 0.5, with tolerance {@code √ε}; the midpoint of a
 * flat stretch at 0.5; a curve that ends at 0.5 gives the midpoint of where it reached 0.5 and the
 * last time; a limit that is not monotone at the tail (few at risk) is searched in sorted order,
 * as R's {@code approx()} does. Checked against R on 502 small samples. References: Kaplan &amp; Meier (1958),
 * JASA 53:457–481, doi:10.1080/01621459.1958.10501452;
 * Brookmeyer &amp; Crowley (1982), Biometrics 38:29–41, doi:10.2307/2530286.
 */
public final class KaplanMeier {
  private KaplanMeier() {}

  /** R's default tolerance in quantile.survfit, {@code sqrt(.Machine$double.eps)}. */
  static final double TOL = Math.sqrt(Math.ulp(1.0));

  /**
   * One curve per value of the {@code group} column, in order of first appearance. {@code time}
   * must be present, finite and {@code > 0}; {@code event} 0/1 (1 = event, 0 = censored); a
   * missing group is an error. Errors name column, row and value.
   *
   * @param t the data, one row per person
   * @param time name of the follow-up time column
   * @param event name of the 0/1 event column
   * @param group name of the group column
   * @param level confidence level, strictly between 0 and 1 (e.g. 0.95)
   * @return one curve per group
   * @throws IllegalArgumentException when a column is absent, a cell is missing or invalid, or {@code level} is
   *     out of range
   * @throws NullPointerException when {@code group} is null
   */
  public static List<SurvivalCurve> fit(Table t, String time, String event, String group, double level) {
    return fit(t, time, event, Optional.of(Objects.requireNonNull(group, "group")), level);
  }

  /**
   * One curve, {@code "all"}, of every row (checks as {@link #fit(Table, String, String, String, double)}).
   *
   * @param t the data, one row per person
   * @param time name of the follow-up time column
   * @param event name of the 0/1 event column
   * @param level confidence level, strictly between 0 and 1 (e.g. 0.95)
   * @return the curve of all rows
   * @throws IllegalArgumentException when a column is absent, a cell is missing or invalid, the table has no
   *     rows, or {@code level} is out of range
   */
  public static SurvivalCurve fit(Table t, String time, String event, double level) {
    return fit(t, time, event, Optional.empty(), level).get(0);
  }

  private static List<SurvivalCurve> fit(Table t, String time, String event, Optional<String> group, double level) {
    Data d = Data.read(t, time, event, group);
    List<SurvivalCurve> out = new ArrayList<>();
    for (int g = 0; g < d.labels.size(); g++) {
      out.add(fit(d.times(g), d.events(g), d.labels.get(g), level));
    }
    return out;
  }

  /**
   * One curve from arrays: {@code time > 0}, {@code event} 1 = event, 0 = censored.
   *
   * @param time follow-up times, finite and {@code > 0}; not modified
   * @param event 0/1 per time; not modified
   * @param label the curve's group label
   * @param level confidence level, strictly between 0 and 1 (e.g. 0.95)
   * @return the curve
   * @throws IllegalArgumentException when the arrays are empty or differ in length, a value is out of range,
   *     or {@code level} is out of range
   */
  public static SurvivalCurve fit(double[] time, byte[] event, String label, double level) {
    Checks.level(level);
    if (time.length != event.length) {
      throw Checks.badArgument("event", "must have one value per time (" + time.length + ")", event.length);
    }
    if (time.length == 0) {
      throw Checks.badArgument("time", "must have at least one observation", 0);
    }
    double[] t = time.clone();
    byte[] e = event.clone();
    for (int i = 0; i < t.length; i++) {
      if (!(t[i] > 0) || Double.isInfinite(t[i])) {
        throw Checks.badArgument("time[" + (i + 1) + "]", "must be finite and > 0", t[i]);
      }
      if (e[i] != 0 && e[i] != 1) {
        throw Checks.badArgument("event[" + (i + 1) + "]", "must be 0 or 1", (int) e[i]);
      }
    }
    sortByTime(t, e);
    double z = Stat.zLevel(level);
    List<SurvivalCurve.Point> pts = new ArrayList<>();
    int n = t.length;
    int i = 0;
    double s = 1;
    double varLog = 0;
    int events = 0;
    while (i < n) {
      double tj = t[i];
      int risk = n - i;
      int d = 0;
      int c = 0;
      while (i < n && t[i] == tj) {
        if (e[i] == 1) {
          d++;
        } else {
          c++;
        }
        i++;
      }
      events += d;
      if (d > 0) {
        s *= 1 - (double) d / risk;
        varLog = d == risk ? Double.POSITIVE_INFINITY : varLog + (double) d / ((double) risk * (risk - d));
      }
      double seLog = Math.sqrt(varLog);
      double lo;
      double hi;
      double se;
      if (s == 0) {
        lo = 0;
        hi = 0;
        se = 0;
      } else {
        lo = s * Math.exp(-z * seLog);
        hi = Math.min(1, s * Math.exp(z * seLog));
        se = s * seLog;
      }
      pts.add(new SurvivalCurve.Point(tj, risk, d, c, s, seLog, se, lo, hi));
    }
    int m = pts.size();
    double[] x = new double[m + 1];
    double[] ys = new double[m + 1];
    double[] yl = new double[m + 1];
    double[] yu = new double[m + 1];
    for (int k = 0; k < m; k++) {
      SurvivalCurve.Point p = pts.get(k);
      x[k + 1] = p.time();
      ys[k + 1] = 1 - p.survival();
      boolean na = p.survival() == 0;
      yl[k + 1] = na ? Double.NaN : 1 - p.lower();
      yu[k + 1] = na ? Double.NaN : 1 - p.upper();
    }
    return new SurvivalCurve(label, n, events, level, pts, findq(x, ys, 0.5), findq(x, yl, 0.5), findq(x, yu, 0.5));
  }

  /** Port of {@code survival:::findq} (survival 3.5): quantile {@code p} of the curve {@code 1 − S}. */
  static OptionalDouble findq(double[] x0, double[] y0, double p) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : y0) {
      if (!Double.isNaN(v)) {
        max = Math.max(max, v);
      }
    }
    if (max < p) {
      return OptionalDouble.empty();
    }
    double xmax = x0[x0.length - 1];
    // drop duplicated y values (NaN counts as a value), keeping the first
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < y0.length; i++) {
      boolean dup = false;
      for (int j : keep) {
        if (Double.compare(y0[j], y0[i]) == 0) {
          dup = true;
          break;
        }
      }
      if (!dup) {
        keep.add(i);
      }
    }
    int n = keep.size();
    double[] x = new double[n];
    double[] y = new double[n];
    for (int k = 0; k < n; k++) {
      x[k] = x0[keep.get(k)];
      y[k] = y0[keep.get(k)];
    }
    int i1 = approxConstantRight(y, TOL, p);
    int i2 = approxConstantRight(y, -TOL, p);
    // x[NA] is NA in R; the last-point rule below needs only the first crossing
    double q = i1 < 0 || i2 < 0 ? Double.NaN : (x[i1] + x[i2]) / 2;
    if (!Double.isNaN(y[n - 1]) && Math.abs(p - y[n - 1]) < TOL) {
      q = i1 < 0 ? Double.NaN : (x[i1] + xmax) / 2;
    }
    return Double.isNaN(q) ? OptionalDouble.empty() : OptionalDouble.of(q);
  }

  /**
   * R {@code approx(y + shift, seq_along(y), v, method = "constant", f = 1)}, returning a 0-based
   * index, or −1 for NA. As R: pairs with NaN are removed, the rest sorted by {@code y + shift}
   * (a confidence limit need not be monotone where few are at risk), tied values share the mean
   * of their indices ({@code ties = mean}), and a fractional index is truncated as R's
   * {@code x[i]} does.
   */
  private static int approxConstantRight(double[] y, double shift, double v) {
    int m = 0;
    int[] kept = new int[y.length];
    for (int k = 0; k < y.length; k++) {
      if (!Double.isNaN(y[k])) {
        kept[m++] = k;
      }
    }
    if (m == 0) {
      return -1;
    }
    int[] order = IndexOrder.sort(m, (a, b) -> Double.compare(y[kept[a]] + shift, y[kept[b]] + shift));
    int[] sorted = new int[m];
    for (int k = 0; k < m; k++) {
      sorted[k] = kept[order[k]];
    }
    double[] xs = new double[m];
    double[] idx = new double[m]; // 1-based, as R's seq_along
    int u = 0;
    for (int k = 0; k < m; ) {
      double key = y[sorted[k]] + shift;
      double sum = 0;
      int c = 0;
      while (k < m && y[sorted[k]] + shift == key) {
        sum += sorted[k] + 1;
        c++;
        k++;
      }
      xs[u] = key;
      idx[u] = sum / c;
      u++;
    }
    if (v < xs[0] || v > xs[u - 1]) {
      return -1;
    }
    int i = 0;
    int j = u - 1;
    while (i < j - 1) {
      int ij = (i + j) / 2;
      if (v < xs[ij]) {
        j = ij;
      } else {
        i = ij;
      }
    }
    double r;
    if (v == xs[j]) {
      r = idx[j];
    } else if (v == xs[i]) {
      r = idx[i];
    } else {
      r = idx[j];
    }
    return (int) r - 1;
  }

  static void sortByTime(double[] t, byte[] e) {
    int n = t.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> {
      int c = Double.compare(t[a], t[b]);
      return c != 0 ? c : Integer.compare(e[b], e[a]);
    });
    double[] t2 = new double[n];
    byte[] e2 = new byte[n];
    for (int i = 0; i < n; i++) {
      t2[i] = t[order[i]];
      e2[i] = e[order[i]];
    }
    System.arraycopy(t2, 0, t, 0, n);
    System.arraycopy(e2, 0, e, 0, n);
  }

  /** Bound survival columns. */
  static final class Data {
    final double[] time;
    final byte[] event;
    final int[] group;
    final List<String> labels;

    private Data(double[] time, byte[] event, int[] group, List<String> labels) {
      this.time = time;
      this.event = event;
      this.group = group;
      this.labels = labels;
    }

    static Data read(Table t, String time, String event, Optional<String> group) {
      Column<?> tc = Columns.column(t, time);
      byte[] ev = Columns.flags(t, event);
      int n = t.rowCount();
      double[] tt = new double[n];
      for (int i = 0; i < n; i++) {
        if (Columns.isMissing(tc, i)) {
          throw Checks.badCell(time, i + 1, "must be a finite number > 0", null);
        }
        tt[i] = Columns.number(tc, i);
        if (!(tt[i] > 0) || Double.isInfinite(tt[i])) {
          throw Checks.badCell(time, i + 1, "must be a finite number > 0", Columns.text(tc, i));
        }
        if (ev[i] < 0) {
          throw Checks.badCell(event, i + 1, "must be 0 or 1", null);
        }
      }
      if (group.isEmpty()) {
        return new Data(tt, ev, new int[n], List.of("all"));
      }
      Columns.Codes codes = Columns.codes(t, List.of(group.get()));
      for (int i = 0; i < n; i++) {
        if (codes.codes()[i] < 0) {
          throw Checks.badCell(group.get(), i + 1, "must not be empty", null);
        }
      }
      List<String> labels = new ArrayList<>();
      for (List<String> l : codes.levels()) {
        labels.add(l.get(0));
      }
      return new Data(tt, ev, codes.codes(), labels);
    }

    double[] times(int g) {
      int m = 0;
      for (int c : group) {
        if (c == g) {
          m++;
        }
      }
      double[] out = new double[m];
      int k = 0;
      for (int i = 0; i < group.length; i++) {
        if (group[i] == g) {
          out[k++] = time[i];
        }
      }
      return out;
    }

    byte[] events(int g) {
      int m = 0;
      for (int c : group) {
        if (c == g) {
          m++;
        }
      }
      byte[] out = new byte[m];
      int k = 0;
      for (int i = 0; i < group.length; i++) {
        if (group[i] == g) {
          out[k++] = event[i];
        }
      }
      return out;
    }
  }
}
