package io.github.dmstat.cli;

import io.github.dmstat.charts.Figure;
import io.github.dmstat.charts.TrendChart;
import io.github.dmstat.core.Checks;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.core.survey.PrevalenceEstimator;
import io.github.dmstat.datasets.Datasets;
import io.github.dmstat.datasets.SyntheticSurvey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/**
 * {@code dmstat chart trend}: prevalence by survey year from the embedded adult survey (one year)
 * or from synthetic adult surveys for the given years, one line per outcome column.
 */
@Command(name = "trend", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Survey-weighted prevalence of each --outcome (all respondents, design-based confidence "
        + "intervals as dmstat prevalence) by survey year, a line per outcome with its interval as a band.",
        "Data: --dataset adults (the embedded 2022 survey: one year), or --years 2016,2018,... for one synthetic adult "
            + "survey per year (SyntheticSurvey.adults(--seed + year, --rows, year), with its built-in trend: cocaine "
            + "rising, laughing gas falling). Years 2015 to 2030.",
        "Example: dmstat chart trend --years 2016,2018,2020,2022,2024 --outcome cannabis_last_year,cocaine_last_year "
            + "--out trend.png"})
final class ChartTrend implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1", heading = "Data:%n")
  Source source;

  static final class Source {
    @Option(names = "--dataset", paramLabel = "NAME", description = "Embedded survey: adults (one year, 2022).")
    String dataset;

    @Option(names = "--years", paramLabel = "Y1,Y2,...", split = ",", description = "One synthetic adult survey per year.")
    List<Integer> years;
  }

  @Option(names = "--outcome", required = true, paramLabel = "COL[,COL...]", split = ",",
      description = "0/1 outcome columns, e.g. cannabis_last_year (one line each).")
  List<String> outcomes;

  @Option(names = "--rows", paramLabel = "N", defaultValue = "6000",
      description = "Persons per synthetic survey, with --years (default: ${DEFAULT-VALUE}).")
  int rows;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "" + Datasets.ADULTS_SEED,
      description = "Base seed of the synthetic surveys; year Y uses S + Y (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin
  EstimatorOptions estimation = new EstimatorOptions();

  @Option(names = "--title", paramLabel = "TEXT", description = "Chart title (default: prevalence by survey year).")
  String title;

  @Mixin
  ChartCommand.LangOption language;

  @Mixin
  ChartOutput output;

  @Override
  public Integer call() {
    Locale locale = language.locale();
    PrevalenceEstimator estimator = estimation.estimator();
    List<Survey> surveys = surveys();
    for (String o : outcomes) {
      if (o.isBlank()) {
        throw Checks.badArgument("--outcome", "must name columns", String.join(",", outcomes));
      }
    }
    String heading = title != null ? title : ChartCommand.dutch(locale) ? "Prevalentie per onderzoeksjaar"
        : "Prevalence by survey year";
    return output.write(spec, () -> Figure.of(TrendChart.of(heading, series(surveys, estimator), locale)));
  }

  /** A survey's table and design. */
  private record Bound(Table table, DesignSpec design) {}

  /** One survey: where it came from (for messages), its year, and how to make it (lazily, one at a time). */
  private record Survey(String label, int year, Supplier<Bound> data) {}

  private List<Survey> surveys() {
    if (source.dataset != null) {
      if (!"adults".equals(source.dataset.strip())) {
        throw Checks.unknownValue("--dataset", source.dataset, List.of("adults"));
      }
      SyntheticSurvey s = Datasets.survey("adults").orElseThrow();
      return List.of(new Survey("dataset 'adults'", s.year(),
          () -> new Bound(Datasets.table("adults"), Datasets.design("adults").orElseThrow())));
    }
    if (rows < 1 || rows > SyntheticSurvey.MAX_ROWS) {
      throw Checks.badArgument("--rows", "must be between 1 and " + SyntheticSurvey.MAX_ROWS, rows);
    }
    List<Survey> out = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (Integer y : source.years) {
      if (y == null || y < 2015 || y > 2030) {
        throw Checks.badArgument("--years", "must be between 2015 and 2030", y);
      }
      if (!seen.add(y)) {
        throw Checks.badArgument("--years", "must not repeat a year", y);
      }
      int year = y;
      out.add(new Survey("synthetic survey " + year, year, () -> {
        SyntheticSurvey sy = SyntheticSurvey.adults(seed + year, rows, year);
        return new Bound(sy.table(), sy.design());
      }));
    }
    return out;
  }

  private Map<String, List<TrendChart.YearEstimate>> series(List<Survey> surveys, PrevalenceEstimator estimator) {
    Map<String, List<TrendChart.YearEstimate>> series = new LinkedHashMap<>();
    for (String o : outcomes) {
      series.put(o.strip(), new ArrayList<>());
    }
    for (Survey s : surveys) {
      Bound b = s.data().get();
      for (String o : outcomes) {
        try {
          series.get(o.strip()).add(new TrendChart.YearEstimate(s.year(),
              estimator.estimate(b.table(), b.design(), o.strip(), List.of()).estimates().get(0)));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(s.label() + ": " + e.getMessage(), e);
        }
      }
    }
    return series;
  }
}
