package io.github.dmstat.charts.cli;

import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.io.Json;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.core.survey.LonelyPsu;
import io.github.dmstat.core.survey.PrevalenceEstimator;
import io.github.dmstat.core.survey.PrevalenceTable;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/** {@code dmstat prevalence}: survey-weighted prevalence by domain. */
@Command(name = "prevalence", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Survey-weighted prevalence of a 0/1 outcome, overall or by domains, with "
        + "design-based (Taylor-linearised) standard errors, confidence intervals, design effects "
        + "and a reliability rule. Agrees with R survey's svymean/svyby/svyciprop.",
        "An empty outcome cell is missing (counted in 'excluded'); other values than 0/1/true/false are errors."})
class PrevalenceCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.ArgGroup(exclusive = false, multiplicity = "1", heading = "Data:%n")
  DataOptions data = new DataOptions();

  @Option(names = "--outcome", required = true, paramLabel = "COL", description = "0/1 outcome column.")
  String outcome;

  @Option(names = "--weight", paramLabel = "COL", description = "Sampling weight column (required with --data).")
  String weight;

  @Option(names = "--strata", paramLabel = "COL", description = "Strata column.")
  String strata;

  @Option(names = "--psu", paramLabel = "COL", description = "Primary sampling unit (cluster) column, nested in strata.")
  String psu;

  @Option(names = "--fpc", paramLabel = "COL", description = "Finite population correction: population PSUs per stratum, or sampling fraction.")
  String fpc;

  @Option(names = "--lonely-psu", paramLabel = "POLICY", defaultValue = "fail",
      description = "Strata with one PSU: fail, adjust, remove, certainty (default: ${DEFAULT-VALUE}).")
  String lonelyPsu;

  @Option(names = "--by", paramLabel = "COL[,COL...]", split = ",", description = "Domain columns.")
  List<String> by = List.of();

  @Mixin
  EstimatorOptions estimation = new EstimatorOptions();

  @Option(names = "--format", paramLabel = "FMT", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Threads for the single pass (default: ${DEFAULT-VALUE}).")
  int threads;

  @Override
  public Integer call() {
    Format fmt = Format.parse(format);
    PrevalenceTable result = compute();
    spec.commandLine().getOut().print(render(result, fmt));
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** Binds the data and estimates the prevalence table; binding errors name the file (also used by {@code chart prevalence}). */
  PrevalenceTable compute() {
    PrevalenceEstimator estimator = estimation.estimator().withThreads(threads);
    LonelyPsu lonely = LonelyPsu.parse(lonelyPsu);
    Table table = data.load();
    DesignSpec design = design(data, lonely);
    PrevalenceTable result;
    try {
      result = estimator.estimate(table, design, outcome, by);
    } catch (IllegalArgumentException e) {
      throw data.where(e);
    }
    return result;
  }

  private DesignSpec design(DataOptions data, LonelyPsu lonely) {
    DesignSpec base;
    if (weight != null) {
      base = DesignSpec.weights(weight).withStrata(strata).withPsu(psu).withFpc(fpc);
    } else {
      base = data.defaultDesign().orElseThrow(() -> new IllegalArgumentException("--weight COL is required with --data"));
      if (strata != null) {
        base = base.withStrata(strata);
      }
      if (psu != null) {
        base = base.withPsu(psu);
      }
      if (fpc != null) {
        base = base.withFpc(fpc);
      }
    }
    return base.withLonelyPsu(lonely);
  }

  static String render(PrevalenceTable t, Format fmt) {
    switch (fmt) {
      case JSON:
        return Json.write(Json.prevalence(t)) + "\n";
      case CSV:
        return Csv.toString(t.toTable());
      default:
        return t.toString();
    }
  }
}
