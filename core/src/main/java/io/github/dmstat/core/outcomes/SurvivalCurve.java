package io.github.dmstat.core.outcomes;

import io.github.dmstat.core.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Kaplan–Meier curve of one group ({@link KaplanMeier}).
 *
 * @param group group label ({@code "all"} without grouping)
 * @param n persons
 * @param events events
 * @param level confidence level
 * @param points one per distinct observed time (events or censorings), as R {@code survfit}
 * @param median median survival time: smallest {@code t} with {@code S(t) <= 0.5} (midpoint rule of
 *     {@code survival:::quantile.survfit} when {@code S} equals 0.5 on a flat stretch, also one that
 *     lasts to the end of follow-up); empty when the curve stays above 0.5
 * @param medianLower lower limit of the median: where the lower confidence curve reaches 0.5; empty when
 *     undefined
 * @param medianUpper upper limit of the median; empty when the upper curve stays above 0.5
 */
public record SurvivalCurve(String group, int n, int events, double level, List<Point> points, OptionalDouble median,
    OptionalDouble medianLower, OptionalDouble medianUpper) {
  /**
   * Checks the components and copies {@code points}.
   *
   * @param group group label, not null
   * @param n persons (not checked)
   * @param events events (not checked)
   * @param level confidence level, strictly between 0 and 1
   * @param points one per distinct observed time, not null
   * @param median median survival time, or empty; not null
   * @param medianLower lower limit of the median, or empty; not null
   * @param medianUpper upper limit of the median, or empty; not null
   * @throws IllegalArgumentException when {@code level} is out of range
   */
  public SurvivalCurve {
    Objects.requireNonNull(group, "group");
    points = List.copyOf(points);
    Checks.level(level);
    Objects.requireNonNull(median, "median");
    Objects.requireNonNull(medianLower, "medianLower");
    Objects.requireNonNull(medianUpper, "medianUpper");
  }

  /**
   * One step of the curve at {@code time}.
   *
   * @param time time (same unit as the input, e.g. months)
   * @param nRisk at risk just before {@code time}
   * @param nEvent events at {@code time}
   * @param nCensor censored at {@code time}
   * @param survival {@code S(t) = Π (1 − d_j/n_j)} over event times {@code <= t}
   * @param stdErrLog Greenwood SE of {@code −log S}: {@code √Σ d_j/(n_j(n_j − d_j))} ({@code +∞} once S = 0)
   * @param stdErr SE of {@code S(t)}: {@code S·stdErrLog} (0 once S = 0)
   * @param lower lower limit, log interval {@code S·exp(−z·stdErrLog)} (0 once S = 0; R gives NA)
   * @param upper upper limit {@code min(1, S·exp(z·stdErrLog))} (0 once S = 0; R gives NA)
   */
  public record Point(double time, int nRisk, int nEvent, int nCensor, double survival, double stdErrLog,
      double stdErr, double lower, double upper) {}

  /**
   * Survival at chosen times, as R {@code summary(survfit, times = ...)}: {@code S} and its limits at
   * the last step {@code <= t} (1 before the first), number at risk at {@code t}, events since the
   * previous requested time. Times must be {@code >= 0}, ascending, and not beyond the last
   * observed time (an error names the offending time).
   *
   * @param times the requested times, same unit as the input
   * @return one entry per requested time, in the given order
   * @throws IllegalArgumentException when a time is negative, not finite, out of order or beyond the last observed
   *     time
   */
  public List<At> at(double... times) {
    double last = points.isEmpty() ? 0 : points.get(points.size() - 1).time();
    List<At> out = new ArrayList<>();
    double prev = Double.NEGATIVE_INFINITY;
    int j = 0;
    int idx = -1;
    for (double t : times) {
      if (!(t >= 0) || Double.isInfinite(t)) {
        throw Checks.badArgument("time", "must be finite and >= 0", t);
      }
      if (t < prev) {
        throw Checks.badArgument("time", "must be ascending (previous " + prev + ")", t);
      }
      if (t > last) {
        throw Checks.badArgument("time", "must not exceed the last follow-up time " + last + " of group '" + group
            + "'", t);
      }
      int ev = 0;
      while (j < points.size() && points.get(j).time() <= t) {
        ev += points.get(j).nEvent();
        idx = j;
        j++;
      }
      int risk = j < points.size() ? points.get(j).nRisk() : 0;
      if (idx >= 0 && points.get(idx).time() == t) {
        risk = points.get(idx).nRisk();
      }
      if (idx < 0) {
        out.add(new At(t, risk, ev, 1, 0, 1, 1));
      } else {
        Point p = points.get(idx);
        out.add(new At(t, risk, ev, p.survival(), p.stdErr(), p.lower(), p.upper()));
      }
      prev = t;
    }
    return out;
  }

  /**
   * Survival at one requested time.
   *
   * @param time requested time
   * @param nRisk at risk at {@code time}
   * @param nEvent events since the previous requested time (from 0 for the first)
   * @param survival {@code S(time)}
   * @param stdErr SE of {@code S(time)}
   * @param lower lower limit
   * @param upper upper limit
   */
  public record At(double time, int nRisk, int nEvent, double survival, double stdErr, double lower, double upper) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "S(%s) = %.4f (CI %.4f–%.4f, se %.4f), at risk %d", Stat.g(time), survival,
          lower, upper, stdErr, nRisk);
    }
  }

  /**
   * The curve as a table, one row per point.
   *
   * @return columns {@code group, time, nRisk, nEvent, nCensor, survival, stdErr} (SE of S), {@code ciLower,
   *     ciUpper}
   */
  public Table toTable() {
    StringColumn g = StringColumn.create("group");
    DoubleColumn t = DoubleColumn.create("time");
    IntColumn r = IntColumn.create("nRisk");
    IntColumn e = IntColumn.create("nEvent");
    IntColumn c = IntColumn.create("nCensor");
    DoubleColumn s = DoubleColumn.create("survival");
    DoubleColumn se = DoubleColumn.create("stdErr");
    DoubleColumn lo = DoubleColumn.create("ciLower");
    DoubleColumn hi = DoubleColumn.create("ciUpper");
    for (Point p : points) {
      g.append(group);
      t.append(p.time());
      r.append(p.nRisk());
      e.append(p.nEvent());
      c.append(p.nCensor());
      s.append(p.survival());
      se.append(p.stdErr());
      lo.append(p.lower());
      hi.append(p.upper());
    }
    return Table.create("Kaplan-Meier " + group).addColumns(g, t, r, e, c, s, se, lo, hi);
  }

  private static String opt(OptionalDouble d) {
    return d.isPresent() ? Stat.g(d.getAsDouble()) : "NA";
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "SurvivalCurve[%s: n=%d, events=%d, median %s (%s%% CI %s to %s), %d time points]",
        group, n, events, opt(median), Stat.pct(level), opt(medianLower), opt(medianUpper), points.size());
  }
}
