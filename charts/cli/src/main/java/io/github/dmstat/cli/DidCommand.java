package io.github.dmstat.cli;

import io.github.dmstat.core.TextTable;
import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.io.Json;
import io.github.dmstat.core.outcomes.DiffInDiff;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/** {@code dmstat did}: difference in differences for an area panel (intervention vs comparison areas). */
@Command(name = "did", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Difference in differences for an area panel: OLS y = b0 + b1 treated + b2 post + b3 treated:post "
        + "with post = period > 0, cluster-robust (CR1) standard errors by unit and t intervals with units - 1 df. "
        + "The effect is b3, in the unit of the outcome (e.g. incidents per 1,000).",
        "Period coding: 0 before and 1 after; earlier pre-periods -1, -2, ... and later post-periods 2, 3, ... "
        + "With two or more pre-periods a parallel-trends check (slope difference treated - comparison over the "
        + "pre-periods) is reported; with one it is null and 'note' says why. 'means' holds the mean outcome per "
        + "group (treated 0/1) and period. treated must be 0/1 and constant within a unit."})
class DidCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.ArgGroup(exclusive = false, multiplicity = "1", heading = "Data:%n")
  DataOptions data = new DataOptions();

  @Option(names = "--unit", required = true, paramLabel = "COL", description = "Area (cluster) column, e.g. wijk code.")
  String unit;

  @Option(names = "--treated", required = true, paramLabel = "COL", description = "1 = intervention area, 0 = comparison.")
  String treated;

  @Option(names = "--period", required = true, paramLabel = "COL", description = "Integer period (<= 0 before, > 0 after).")
  String period;

  @Option(names = "--outcome", required = true, paramLabel = "COL", description = "Outcome column (e.g. incidents per 1,000).")
  String outcome;

  @Option(names = "--level", paramLabel = "P", defaultValue = "0.95", description = "Confidence level (default: ${DEFAULT-VALUE}).")
  double level;

  @Option(names = "--format", paramLabel = "FMT", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    Format fmt = Format.parse(format);
    DiffInDiff result = compute();
    spec.commandLine().getOut().print(render(result, fmt));
    spec.commandLine().getOut().flush();
    return 0;
  }

  /**
   * Checks the options, binds the data and fits the model; binding errors name the file (also used by
   * {@code chart did}).
   */
  DiffInDiff compute() {
    EffectsCommand.checkLevel(level);
    Table table = data.load(spec.commandLine().getErr(), List.of(treated));
    DiffInDiff result;
    try {
      result = DiffInDiff.fit(table, unit, treated, period, outcome, level);
    } catch (IllegalArgumentException e) {
      throw data.where(e);
    }
    return result;
  }

  static String render(DiffInDiff d, Format fmt) {
    switch (fmt) {
      case JSON:
        return Json.write(d) + "\n";
      case CSV:
        return Csv.toString(d.toTable());
      default: {
        TextTable means = new TextTable(List.of("treated", "period", "mean", "rows"));
        for (DiffInDiff.PeriodMean m : d.means()) {
          means.row(List.of(m.treated() ? "1" : "0", Integer.toString(m.period()),
              String.format(Locale.ROOT, "%.4f", m.mean()), Integer.toString(m.rows())));
        }
        return d.summary() + "\n" + means + "\n";
      }
    }
  }
}
