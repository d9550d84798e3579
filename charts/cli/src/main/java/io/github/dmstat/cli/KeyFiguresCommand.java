package io.github.dmstat.cli;

import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.io.Json;
import io.github.dmstat.core.model.Indicator;
import io.github.dmstat.core.model.RecallPeriod;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.core.survey.KeyFigures;
import io.github.dmstat.core.survey.PrevalenceEstimator;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/** {@code dmstat key-figures}: prevalence of every substance by target group (kerncijfertabel). */
@Command(name = "key-figures", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Prevalence of every substance in one recall period by NDM target group "
        + "(adults 18+, EU 15-64 and 15-34, young adults 18-24, pupils 12-16, students 16-18), "
        + "each target group a domain of the full design.",
        "Outcome columns are named <substance>_<period>, e.g. cannabis_last_year; ages come from --age."})
class KeyFiguresCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.ArgGroup(exclusive = false, multiplicity = "0..1", heading = "Data (default: --dataset adults):%n")
  DataOptions data;

  @Option(names = "--period", paramLabel = "PERIOD", defaultValue = "last_year",
      description = "lifetime, last_year, last_month (default: ${DEFAULT-VALUE}).")
  String period;

  @Option(names = "--age", paramLabel = "COL", defaultValue = "age", description = "Age column in years (default: ${DEFAULT-VALUE}).")
  String age;

  @CommandLine.ArgGroup(exclusive = false, heading = "Design:%n", order = 10)
  DesignOptions designOptions = new DesignOptions();

  @Mixin
  EstimatorOptions estimation = new EstimatorOptions();

  @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en", description = "Labels: en or nl (default: ${DEFAULT-VALUE}).")
  String lang;

  @Option(names = "--format", paramLabel = "FMT", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    Format fmt = Format.parse(format);
    Locale locale = Lang.parse(lang);
    KeyFigures k = compute();
    String text;
    switch (fmt) {
      case JSON:
        text = Json.write(k) + "\n";
        break;
      case CSV:
        text = Csv.toString(k.toTable());
        break;
      default:
        text = k.format(locale);
    }
    spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
    return 0;
  }

  /**
   * Binds the data (default: dataset adults) and estimates the key figures; binding errors name the file (also
   * used by {@code chart key-figures}).
   */
  KeyFigures compute() {
    if (data == null) {
      data = DataOptions.dataset("adults");
    }
    PrevalenceEstimator estimator = estimation.estimator();
    RecallPeriod recall = RecallPeriod.parse(period);
    Table table = data.load(spec.commandLine().getErr(), Indicator.columns(recall));
    DesignSpec design = (designOptions == null ? new DesignOptions() : designOptions).spec(data.defaultDesign());
    try {
      return KeyFigures.of(table, design, age, recall, estimator);
    } catch (IllegalArgumentException e) {
      throw data.where(e);
    }
  }
}
