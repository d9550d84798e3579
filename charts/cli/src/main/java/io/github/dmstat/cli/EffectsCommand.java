package io.github.dmstat.cli;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.io.Json;
import io.github.dmstat.core.outcomes.CountColumns;
import io.github.dmstat.core.outcomes.Measure;
import io.github.dmstat.core.outcomes.MetaAnalysis;
import io.github.dmstat.core.outcomes.MetaMethod;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/** {@code dmstat effects}: per-study effect sizes from 2×2 counts, pooled by meta-analysis. */
@Command(name = "effects", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Effect sizes of an intervention per study (e.g. per municipality) from 2x2 counts, "
        + "pooled by inverse-variance meta-analysis, as R metafor's escalc and rma.",
        "yi, vi, ciLower, ciUpper and the pooled estimate, se, CI and prediction interval are on the analysis "
        + "scale (log for rr and or); per-study estimate/lower/upper and the pooled ratio* fields are on the natural "
        + "scale (rr and or only). i2 is in percent, 0 to 100 (as metafor, RevMan and Stata report it); the "
        + "fixed-effect model has no prediction interval (null). A table with a zero cell gets 0.5 added to every "
        + "cell (escalc's default), noted per study in 'zeroCellCorrection'. CSV: one row per study plus a "
        + "'pooled' row."})
class EffectsCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.ArgGroup(exclusive = false, multiplicity = "1", heading = "Data:%n")
  DataOptions data = new DataOptions();

  @Option(names = "--study", required = true, paramLabel = "COL", description = "Study label column (e.g. municipality).")
  String study;

  @Option(names = "--events-treated", required = true, paramLabel = "COL", description = "Events in the intervention group.")
  String eventsTreated;

  @Option(names = "--total-treated", required = true, paramLabel = "COL", description = "Persons in the intervention group.")
  String totalTreated;

  @Option(names = "--events-control", required = true, paramLabel = "COL", description = "Events in the comparison group.")
  String eventsControl;

  @Option(names = "--total-control", required = true, paramLabel = "COL", description = "Persons in the comparison group.")
  String totalControl;

  @Option(names = "--measure", paramLabel = "M", defaultValue = "rr",
      description = "rr (risk ratio), or (odds ratio), rd (risk difference) (default: ${DEFAULT-VALUE}).")
  String measure;

  @Option(names = "--method", paramLabel = "M", defaultValue = "reml",
      description = "fe (fixed effect), dl (DerSimonian-Laird), reml (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--level", paramLabel = "P", defaultValue = "0.95", description = "Confidence level (default: ${DEFAULT-VALUE}).")
  double level;

  @Option(names = "--format", paramLabel = "FMT", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  String format;

  static final List<String> MEASURES = List.of("rr", "or", "rd");
  static final List<String> METHODS = List.of("fe", "dl", "reml");

  @Override
  public Integer call() {
    Format fmt = Format.parse(format);
    MetaAnalysis result = compute();
    spec.commandLine().getOut().print(render(result, fmt));
    spec.commandLine().getOut().flush();
    return 0;
  }

  /**
   * Checks the options, binds the data and runs the meta-analysis; binding errors name the file (also used by
   * {@code chart forest}).
   */
  MetaAnalysis compute() {
    Measure m = Measure.parse(MEASURES.get(parse("--measure", measure, MEASURES)));
    MetaMethod mm = MetaMethod.parse(METHODS.get(parse("--method", method, METHODS)));
    checkLevel(level);
    Table table = data.load(spec.commandLine().getErr());
    MetaAnalysis result;
    try {
      result = MetaAnalysis.fromCounts(table, CountColumns.study(study).treated(eventsTreated, totalTreated)
          .control(eventsControl, totalControl), m, mm, level);
    } catch (IllegalArgumentException e) {
      throw data.where(e);
    }
    return result;
  }

  /** Index of {@code value} (any case) in {@code valid}, or an error listing the valid values. */
  static int parse(String option, String value, List<String> valid) {
    int i = valid.indexOf(value == null ? "" : value.strip().toLowerCase(Locale.ROOT));
    if (i < 0) {
      throw Checks.unknownValue(option, value, valid);
    }
    return i;
  }

  /** {@code --level} strictly between 0 and 1. */
  static void checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw Checks.badArgument("--level", "must be strictly between 0 and 1", level);
    }
  }

  static String render(MetaAnalysis m, Format fmt) {
    switch (fmt) {
      case JSON:
        return Json.write(m) + "\n";
      case CSV: {
        Table t = m.toTable().copy();
        t.stringColumn("study").append("pooled (" + m.method().name().toLowerCase(Locale.ROOT) + ")");
        t.doubleColumn("yi").append(m.estimate());
        t.doubleColumn("vi").append(m.se() * m.se());
        t.doubleColumn("weight").append(1.0);
        t.doubleColumn("ciLower").append(m.ciLower());
        t.doubleColumn("ciUpper").append(m.ciUpper());
        t.booleanColumn("zeroCellCorrected").append(false);
        return Csv.toString(t);
      }
      default:
        return m.summary() + "\n";
    }
  }
}
