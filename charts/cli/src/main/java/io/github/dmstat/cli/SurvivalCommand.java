package io.github.dmstat.cli;

import io.github.dmstat.core.TextTable;
import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.io.Json;
import io.github.dmstat.core.outcomes.KaplanMeier;
import io.github.dmstat.core.outcomes.LogRankTest;
import io.github.dmstat.core.outcomes.SurvivalCurve;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** {@code dmstat survival}: Kaplan–Meier curves of time to an event, with a log-rank test by group. */
@Command(name = "survival", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Kaplan-Meier survival (e.g. time to re-offence) with Greenwood standard errors and log "
        + "intervals, medians with their confidence limits, and a log-rank test when --group is given; as R "
        + "survival's survfit and survdiff.",
        "Points: one per event time, or one per --times value (as R summary(survfit, times = ...)); 'se' is the "
        + "standard error of S(t). Medians and their limits are null when not reached (R: NA). Without --group "
        + "there is one curve, group \"all\", and logRank is null. time must be > 0; event 0/1 (1 = event)."})
class SurvivalCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.ArgGroup(exclusive = false, multiplicity = "1", heading = "Data:%n")
  DataOptions data = new DataOptions();

  @Option(names = "--time", required = true, paramLabel = "COL", description = "Follow-up time column (> 0, e.g. days).")
  String time;

  @Option(names = "--event", required = true, paramLabel = "COL", description = "Event column: 1 = event, 0 = censored.")
  String event;

  @Option(names = "--group", paramLabel = "COL", description = "Group column (one curve per group and a log-rank test).")
  String group;

  @Option(names = "--times", paramLabel = "T1,T2,...", split = ",",
      description = "Report survival at these times (ascending, not beyond a group's last follow-up).")
  List<Double> times;

  @Option(names = "--level", paramLabel = "P", defaultValue = "0.95", description = "Confidence level (default: ${DEFAULT-VALUE}).")
  double level;

  @Option(names = "--format", paramLabel = "FMT", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    Format fmt = Format.parse(format);
    double[] at = times == null || times.isEmpty() ? null : times.stream().mapToDouble(Double::doubleValue).toArray();
    Result r = compute();
    String text;
    try {
      text = render(r.curves(), r.logRank(), at, fmt);
    } catch (IllegalArgumentException e) {
      throw data.where(e);
    }
    spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** The Kaplan-Meier curves (one per group, or "all") and the log-rank test when there are groups. */
  record Result(List<SurvivalCurve> curves, Optional<LogRankTest> logRank) {}

  /**
   * Binds the data and fits the curves (and the log-rank test with --group); binding errors name the file (also
   * used by {@code chart survival}).
   */
  Result compute() {
    EffectsCommand.checkLevel(level);
    Table table = data.load(spec.commandLine().getErr(), List.of(event));
    try {
      List<SurvivalCurve> curves = group == null ? List.of(KaplanMeier.fit(table, time, event, level))
          : KaplanMeier.fit(table, time, event, group, level);
      Optional<LogRankTest> logRank = Optional.empty();
      if (group != null) {
        logRank = Optional.of(LogRankTest.of(table, time, event, group));
      }
      return new Result(curves, logRank);
    } catch (IllegalArgumentException e) {
      throw data.where(e);
    }
  }

  static String render(List<SurvivalCurve> curves, Optional<LogRankTest> logRank, double[] at, Format fmt) {
    switch (fmt) {
      case JSON:
        double[] times = at == null ? new double[0] : at; // none: a point per event time
        return Json.write(logRank.isPresent() ? Json.survival(curves, logRank.get(), times) : Json.survival(curves, times))
            + "\n";
      case CSV:
        return Csv.toString(points(curves, at));
      default: {
        StringBuilder sb = new StringBuilder();
        for (SurvivalCurve c : curves) {
          sb.append(c).append('\n');
        }
        Table t = points(curves, at);
        TextTable tt = new TextTable(t.columnNames());
        for (int r = 0; r < t.rowCount(); r++) {
          List<String> row = new ArrayList<>();
          for (int c = 0; c < t.columnCount(); c++) {
            Object v = t.column(c).get(r);
            row.add(t.column(c).isMissing(r) ? "NA" : v instanceof Double
                ? String.format(Locale.ROOT, "%.4f", (Double) v) : String.valueOf(v));
          }
          tt.row(row);
        }
        sb.append(tt);
        logRank.ifPresent(l -> sb.append(l.summary()).append('\n'));
        return sb.toString();
      }
    }
  }

  /**
   * One row per reported point: group, time, atRisk, events, survival, se, lower, upper (limits missing when
   * S = 0).
   */
  static Table points(List<SurvivalCurve> curves, double[] at) {
    StringColumn g = StringColumn.create("group");
    DoubleColumn t = DoubleColumn.create("time");
    IntColumn r = IntColumn.create("atRisk");
    IntColumn e = IntColumn.create("events");
    DoubleColumn s = DoubleColumn.create("survival");
    DoubleColumn se = DoubleColumn.create("se");
    DoubleColumn lo = DoubleColumn.create("lower");
    DoubleColumn hi = DoubleColumn.create("upper");
    for (SurvivalCurve c : curves) {
      if (at != null) {
        for (SurvivalCurve.At a : c.at(at)) {
          g.append(c.group());
          t.append(a.time());
          r.append(a.nRisk());
          e.append(a.nEvent());
          s.append(a.survival());
          se.append(a.stdErr());
          appendLimits(lo, hi, a.survival(), a.lower(), a.upper());
        }
      } else {
        for (SurvivalCurve.Point p : c.points()) {
          if (p.nEvent() == 0) {
            continue;
          }
          g.append(c.group());
          t.append(p.time());
          r.append(p.nRisk());
          e.append(p.nEvent());
          s.append(p.survival());
          se.append(p.stdErr());
          appendLimits(lo, hi, p.survival(), p.lower(), p.upper());
        }
      }
    }
    return Table.create("survival").addColumns(g, t, r, e, s, se, lo, hi);
  }

  private static void appendLimits(DoubleColumn lo, DoubleColumn hi, double s, double l, double u) {
    if (s == 0) {
      lo.appendMissing();
      hi.appendMissing();
    } else {
      lo.append(l);
      hi.append(u);
    }
  }
}
