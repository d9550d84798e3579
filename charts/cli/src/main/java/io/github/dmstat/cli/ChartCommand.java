package io.github.dmstat.cli;

import io.github.dmstat.charts.DidChart;
import io.github.dmstat.charts.Figure;
import io.github.dmstat.charts.ForestChart;
import io.github.dmstat.charts.LorenzChart;
import io.github.dmstat.charts.PrevalenceChart;
import io.github.dmstat.charts.RankingChart;
import io.github.dmstat.charts.SurvivalChart;
import io.github.dmstat.charts.map.Classification;
import io.github.dmstat.charts.map.Maps;
import io.github.dmstat.core.Checks;
import io.github.dmstat.core.area.AreaPolygon;
import io.github.dmstat.core.concentration.AreaConcentration;
import io.github.dmstat.core.concentration.Concentration;
import io.github.dmstat.core.concentration.RateTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dmstat chart TYPE [options] --out FILE.(png|svg|pdf)}: one chart, from the same data
 * options as the matching analysis command (each chart type extends that command and reuses its
 * computation; its {@code --format} is dropped). The extension of {@code --out} decides the
 * format (PNG at 144 dpi, SVG, PDF); the written path is printed.
 */
@Command(name = "chart", mixinStandardHelpOptions = true, sortOptions = false, synopsisSubcommandLabel = "TYPE",
    description = {"Writes one chart as PNG (144 dpi), SVG or PDF, chosen by the extension of --out; prints the "
        + "written path. Each TYPE takes the data options of the matching analysis command (see dmstat chart TYPE "
        + "--help), plus --out FILE and --lang en|nl.",
        "Example: dmstat chart map --dataset buurten --area code --count incidents --population inhabitants "
            + "--boundaries dataset:buurten --value eb --out map.svg"},
    subcommands = {ChartCommand.Prevalence.class, ChartCommand.KeyFiguresChart.class, ChartTrend.class,
        ChartCommand.Lorenz.class, ChartCommand.MapChart.class, ChartCommand.HotSpots.class,
        ChartCommand.Clusters.class, ChartCommand.Ranking.class, ChartCommand.Forest.class,
        ChartCommand.Survival.class, ChartCommand.Did.class})
final class ChartCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    throw new IllegalArgumentException("missing chart TYPE, one of " + spec.subcommands().keySet().stream()
        .filter(n -> !n.equals("help")).toList() + " (see dmstat chart --help)");
  }

  /** Drops the analysis command's {@code --format} (and survival's {@code --times}), meaningless for a chart. */
  static final class WithoutFormat implements CommandLine.IModelTransformer {
    @Override
    public CommandLine.Model.CommandSpec transform(CommandLine.Model.CommandSpec spec) {
      for (String name : List.of("--format", "--times")) {
        CommandLine.Model.OptionSpec o = spec.findOption(name);
        if (o != null) {
          spec.remove(o);
        }
      }
      return spec;
    }
  }

  /** {@code --lang en|nl} for the chart types whose analysis command has none. */
  static final class LangOption {
    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en", description = "Labels: en or nl (default: ${DEFAULT-VALUE}).")
    String lang;

    Locale locale() {
      return Lang.parse(lang);
    }
  }

  static boolean dutch(Locale locale) {
    return "nl".equals(locale.getLanguage());
  }

  // ------------------------------------------------------------------ survey

  @Command(name = "prevalence", modelTransformer = WithoutFormat.class,
      description = {"Bar chart of the survey-weighted prevalence per domain (--by) with confidence intervals; "
          + "same data options as dmstat prevalence. Suppressed domains are shown without a bar."})
  static final class Prevalence extends PrevalenceCommand {
    @Mixin
    ChartOutput output;

    @Mixin
    LangOption language;

    @Override
    public Integer call() {
      Locale locale = language.locale();
      return output.write(spec, () -> Figure.of(PrevalenceChart.of(compute(), locale)));
    }
  }

  @Command(name = "key-figures", modelTransformer = WithoutFormat.class,
      description = {"Grouped bars of the prevalence of every substance by NDM target group (kerncijfertabel); "
          + "same data options as dmstat key-figures (default --dataset adults)."})
  static final class KeyFiguresChart extends KeyFiguresCommand {
    @Mixin
    ChartOutput output;

    @Override
    public Integer call() {
      Locale locale = Lang.parse(lang);
      return output.write(spec, () -> Figure.of(PrevalenceChart.keyFigures(compute(), locale)));
    }
  }

  // ------------------------------------------------------------------ concentration

  @Command(name = "lorenz", modelTransformer = WithoutFormat.class,
      description = {"Lorenz curve of the events over areas with the Gini coefficients and the share of the top "
          + "--top fraction of areas; same data options as dmstat concentration (neighbour options are accepted "
          + "but not needed)."})
  static final class Lorenz extends ConcentrationCommand {
    @Mixin
    ChartOutput output;

    @Mixin
    LangOption language;

    @Override
    public Integer call() {
      Locale locale = language.locale();
      return output.write(spec, () -> {
        AreaConcentration a = analyse();
        return Figure.of(LorenzChart.of(Concentration.lorenz(a.counts()), a.gini(), a.top(), locale));
      });
    }
  }

  /** Concentration charts drawn on the areas' polygons: --boundaries is required. */
  abstract static class AreaMap extends ConcentrationCommand {
    @Mixin
    ChartOutput output;

    @Mixin
    LangOption language;

    @Override
    public Integer call() {
      Locale locale = language.locale();
      if (boundaries == null) {
        throw new IllegalArgumentException("--boundaries FILE.geojson (or dataset:buurten) is required: the map "
            + "draws the areas' polygons");
      }
      return output.write(spec, () -> {
        AreaConcentration a = analyse();
        List<AreaPolygon> polygons = AreaBoundaries.align(AreaBoundaries.polygons(boundaries, boundaryKey),
            a.counts().areas(), boundaries);
        return draw(a, polygons, locale);
      });
    }

    abstract Figure draw(AreaConcentration a, List<AreaPolygon> polygons, Locale locale);

    /** "per 1,000" (en) or "per 1.000" (nl). */
    String per(Locale locale) {
      return per == Math.rint(per) && per < 1e15 ? String.format(locale, "per %,d", (long) per)
          : String.format(locale, "per %s", per);
    }
  }

  @Command(name = "map", modelTransformer = WithoutFormat.class,
      description = {"Choropleth map of the rates per --per inhabitants (--value rate) or the empirical Bayes "
          + "rates (--value eb) in --classes classes; same data options as dmstat concentration, --boundaries "
          + "required. Areas with population 0 have no rate and are drawn as 'no data'."})
  static final class MapChart extends AreaMap {
    @Option(names = "--value", paramLabel = "VALUE", defaultValue = "rate",
        description = "rate (events per --per inhabitants) or eb (empirical Bayes rate) (default: ${DEFAULT-VALUE}).")
    String value;

    @Option(names = "--classes", paramLabel = "K", defaultValue = "5", description = "Number of classes, 2 to 9 (default: ${DEFAULT-VALUE}).")
    int classes;

    @Option(names = "--classification", paramLabel = "METHOD", defaultValue = "quantiles",
        description = "quantiles or natural-breaks (Jenks) (default: ${DEFAULT-VALUE}).")
    String classification;

    private boolean eb;
    private Classification method;

    @Override
    public Integer call() {
      int v = EffectsCommand.parse("--value", value, List.of("rate", "eb"));
      if (classes < 2 || classes > 9) {
        throw Checks.badArgument("--classes", "must be between 2 and 9", classes);
      }
      int c = EffectsCommand.parse("--classification", classification, List.of("quantiles", "natural-breaks"));
      method = c == 0 ? Classification.QUANTILES : Classification.NATURAL_BREAKS;
      eb = v == 1;
      return super.call();
    }

    @Override
    Figure draw(AreaConcentration a, List<AreaPolygon> polygons, Locale locale) {
      Map<String, Double> values = new LinkedHashMap<>();
      if (eb) {
        a.eb().rates().forEach(r -> values.put(r.area(), r.smoothed()));
      } else {
        for (RateTable.AreaRate r : a.rates().rates()) {
          values.put(r.area(), r.rate().rate());
        }
      }
      boolean nl = dutch(locale);
      String title = String.format(locale, nl ? "%s %s inwoners%s" : "%s %s inhabitants%s", count, per(locale),
          eb ? (nl ? " (empirisch Bayes)" : " (empirical Bayes)") : "");
      return Maps.choropleth(polygons, values, method, classes, title, per(locale), locale);
    }
  }

  @Command(name = "hotspots", modelTransformer = WithoutFormat.class,
      description = {"Map of Getis-Ord Gi* hot and cold spots of the rates, at the 99%%, 95%% (and 90%%) levels with "
          + "1 - --level as significance level (0.01 to 0.5; the default 0.95 shows the 95%% and 99%% classes); same "
          + "data options as dmstat concentration, --boundaries required (neighbours: --contiguity or --knn)."})
  static final class HotSpots extends AreaMap {
    @Override
    Figure draw(AreaConcentration a, List<AreaPolygon> polygons, Locale locale) {
      Map<String, Double> z = new LinkedHashMap<>();
      a.getisOrd().orElseThrow().rows().forEach(r -> {
        if (Double.isFinite(r.gStar())) {
          z.put(r.id(), r.gStar());
        }
      });
      double alpha = 1 - level;
      if (!(alpha >= 0.01 - 1e-12 && alpha <= 0.5)) {
        throw Checks.badArgument("--level", "must be between 0.5 and 0.99 for a hot-spot map", level);
      }
      String title = dutch(locale) ? "Hotspots van " + count + " (Gi*)" : "Hot spots of " + count + " (Gi*)";
      java.util.Set<String> alone = a.weights().map(w -> java.util.Set.copyOf(w.islands())).orElse(java.util.Set.of());
      return Maps.hotSpots(polygons, z, alone, alpha, title, locale);
    }
  }

  @Command(name = "clusters", modelTransformer = WithoutFormat.class,
      description = {"Map of the local Moran (LISA) clusters HH, LL, HL, LH of the rates at significance level "
          + "1 - --level; same data options as dmstat concentration, --boundaries required (neighbours: "
          + "--contiguity or --knn)."})
  static final class Clusters extends AreaMap {
    @Override
    Figure draw(AreaConcentration a, List<AreaPolygon> polygons, Locale locale) {
      Map<String, String> labels = new LinkedHashMap<>();
      a.local().orElseThrow().rows().forEach(r -> labels.put(r.id(), r.cluster().code()));
      String title = dutch(locale) ? "Clusters van " + count + " (lokale Moran)" : "Clusters of " + count + " (local Moran)";
      return Maps.clusters(polygons, labels, title, locale);
    }
  }

  // ------------------------------------------------------------------ selection and outcomes

  @Command(name = "ranking", modelTransformer = WithoutFormat.class,
      description = {"Composite-index ranking of the --max best-ranked areas: stacked contributions per indicator, "
          + "the score as a dot, selected areas marked; same data options as dmstat select (--name labels the areas)."})
  static final class Ranking extends SelectCommand {
    @Mixin
    ChartOutput output;

    @Mixin
    LangOption language;

    @Option(names = "--max", paramLabel = "N", defaultValue = "40", description = "Areas shown (default: ${DEFAULT-VALUE}).")
    int max;

    @Override
    public Integer call() {
      Locale locale = language.locale();
      if (max < 1) {
        throw Checks.badArgument("--max", "must be >= 1", max);
      }
      return output.write(spec, () -> {
        Result r = compute();
        Map<String, String> names = r.names();
        return Figure.of(RankingChart.of(r.selection(), max, a -> names.getOrDefault(a, a), locale));
      });
    }
  }

  @Command(name = "forest", modelTransformer = WithoutFormat.class,
      description = {"Forest plot of the per-study effect sizes with the pooled estimate; same data options as "
          + "dmstat effects."})
  static final class Forest extends EffectsCommand {
    @Mixin
    ChartOutput output;

    @Mixin
    LangOption language;

    @Override
    public Integer call() {
      Locale locale = language.locale();
      return output.write(spec, () -> Figure.of(ForestChart.of(compute(), locale)));
    }
  }

  @Command(name = "survival", modelTransformer = WithoutFormat.class,
      description = {"Kaplan-Meier curves with confidence bands and numbers at risk; same data options as dmstat "
          + "survival (without --times). The time axis is labelled with the --time column name."})
  static final class Survival extends SurvivalCommand {
    @Mixin
    ChartOutput output;

    @Mixin
    LangOption language;

    @Override
    public Integer call() {
      Locale locale = language.locale();
      return output.write(spec, () -> SurvivalChart.of(compute().curves(), time, locale));
    }
  }

  @Command(name = "did", modelTransformer = WithoutFormat.class,
      description = {"Mean outcome per period for intervention and comparison areas with the difference-in-differences "
          + "estimate; same data options as dmstat did. The outcome axis is labelled with the --outcome column name."})
  static final class Did extends DidCommand {
    @Mixin
    ChartOutput output;

    @Mixin
    LangOption language;

    @Override
    public Integer call() {
      Locale locale = language.locale();
      return output.write(spec, () -> Figure.of(DidChart.of(compute(), outcome, locale)));
    }
  }
}
