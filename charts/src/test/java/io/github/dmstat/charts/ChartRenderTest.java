package io.github.dmstat.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.model.RecallPeriod;
import io.github.dmstat.core.survey.KeyFigures;
import io.github.dmstat.core.survey.PrevalenceEstimator;
import io.github.dmstat.core.survey.PrevalenceTable;
import io.github.dmstat.datasets.Datasets;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import java.util.stream.Stream;
import io.github.dmstat.core.concentration.AreaCounts;
import io.github.dmstat.core.concentration.Concentration;
import io.github.dmstat.core.outcomes.DiffInDiff;
import io.github.dmstat.core.outcomes.KaplanMeier;
import io.github.dmstat.core.outcomes.MetaAnalysis;
import io.github.dmstat.core.outcomes.MetaMethod;
import io.github.dmstat.core.outcomes.SurvivalCurve;
import io.github.dmstat.core.selection.AreaIndicators;
import io.github.dmstat.core.selection.CompositeIndex;
import io.github.dmstat.core.selection.Selection;
import io.github.dmstat.core.selection.SelectionRules;
import io.github.dmstat.core.selection.WeightedIndicator;
import io.github.dmstat.datasets.SyntheticSurvey;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/** Every chart type renders to PNG, SVG and PDF; the files open. No pixel comparisons. */
class ChartRenderTest {
  @TempDir
  Path dir;

  static Map<String, Supplier<Figure>> charts() {
    Map<String, Supplier<Figure>> m = new LinkedHashMap<>();
    var adults = Datasets.table("adults");
    var design = Datasets.design("adults").orElseThrow();
    m.put("prevalence-bars", () -> {
      PrevalenceTable t = PrevalenceEstimator.withDefaults().estimate(adults, design, "ghb_last_month", "agegroup");
      return Figure.of(PrevalenceChart.of(t, Locale.ENGLISH));
    });
    m.put("key-figures-nl", () -> Figure.of(PrevalenceChart.keyFigures(
        KeyFigures.of(adults, design, "age", RecallPeriod.LAST_YEAR, PrevalenceEstimator.withDefaults()),
        Locale.forLanguageTag("nl-NL"))));
    m.put("all-suppressed", () -> {
      var tiny = adults.first(20);
      PrevalenceTable t = PrevalenceEstimator.withDefaults().with(ReliabilityRule.NCHS)
          .estimate(tiny, design.withLonelyPsu(io.github.dmstat.core.survey.LonelyPsu.CERTAINTY), "cannabis_last_year", "sex");
      return Figure.of(PrevalenceChart.of(t, Locale.ENGLISH));
    });
    m.put("trend", () -> {
      Map<String, List<TrendChart.YearEstimate>> series = new LinkedHashMap<>();
      for (String outcome : List.of("cannabis_last_year", "cocaine_last_year")) {
        List<TrendChart.YearEstimate> years = new ArrayList<>();
        for (int year = 2018; year <= 2024; year += 2) {
          var survey = SyntheticSurvey.adults(year, 3000, year);
          years.add(new TrendChart.YearEstimate(year, PrevalenceEstimator.withDefaults()
              .estimate(survey.table(), survey.design(), outcome).estimates().get(0)));
        }
        series.put(outcome, years);
      }
      return Figure.of(TrendChart.of("Trend", series, Locale.ENGLISH));
    });
    m.put("lorenz", () -> {
      AreaCounts c = areaCounts();
      return Figure.of(LorenzChart.of(Concentration.lorenz(c), Concentration.gini(c),
          Concentration.topShare(c, 0.1), Locale.ENGLISH));
    });
    m.put("ranking", () -> {
      List<String> areas = new ArrayList<>();
      double[] pop = new double[30];
      double[][] values = new double[2][30];
      SplittableRandom r = new SplittableRandom(3);
      for (int i = 0; i < 30; i++) {
        areas.add(String.format("GM%04d", i + 1));
        pop[i] = 40_000 + r.nextInt(200_000);
        values[0][i] = r.nextDouble() * 10;
        values[1][i] = 3 + r.nextDouble() * 2;
      }
      CompositeIndex index = CompositeIndex.of(WeightedIndicator.of("crime", 1.0), WeightedIndicator.of("lbm", -0.5));
      Selection sel = index.select(AreaIndicators.of(areas, pop, List.of("crime", "lbm"), values),
          SelectionRules.top(8).withMinimumPopulation(80_000));
      return Figure.of(RankingChart.of(sel, 25, Function.identity(), Locale.ENGLISH));
    });
    m.put("forest", () -> Figure.of(ForestChart.of(MetaAnalysis.of(List.of("Almere", "Breda", "Delft", "Venlo", "Zaanstad"),
        new double[] {-0.3, -0.1, 0.05, -0.45, -0.2}, new double[] {0.02, 0.05, 0.04, 0.09, 0.03}, MetaMethod.REML, 0.95),
        Locale.ENGLISH)));
    m.put("survival", () -> {
      SplittableRandom r = new SplittableRandom(5);
      List<SurvivalCurve> curves = new ArrayList<>();
      for (String g : List.of("intervention", "comparison")) {
        double[] t = new double[120];
        byte[] e = new byte[120];
        for (int i = 0; i < 120; i++) {
          double time = -Math.log(1 - r.nextDouble()) * (g.equals("intervention") ? 900 : 600);
          t[i] = Math.min(730, Math.ceil(time));
          e[i] = (byte) (time < 730 && r.nextDouble() > 0.1 ? 1 : 0);
        }
        curves.add(KaplanMeier.fit(t, e, g, 0.95));
      }
      return SurvivalChart.of(curves, "days", Locale.ENGLISH);
    });
    m.put("did", () -> {
      int units = 20;
      String[] unit = new String[units * 4];
      byte[] treated = new byte[units * 4];
      int[] period = new int[units * 4];
      double[] y = new double[units * 4];
      SplittableRandom r = new SplittableRandom(9);
      for (int u = 0; u < units; u++) {
        for (int p = -1; p <= 2; p++) {
          int i = u * 4 + p + 1;
          unit[i] = "WK" + u;
          treated[i] = (byte) (u % 2);
          period[i] = p;
          y[i] = 10 + u % 3 + 0.5 * p + (u % 2 == 1 && p > 0 ? -2 : 0) + r.nextDouble();
        }
      }
      return Figure.of(DidChart.of(DiffInDiff.fit(unit, treated, period, y, 0.95), "incidents per 1,000", Locale.ENGLISH));
    });
    return m;
  }

  static AreaCounts areaCounts() {
    SplittableRandom r = new SplittableRandom(11);
    List<String> ids = new ArrayList<>();
    long[] events = new long[80];
    double[] pop = new double[80];
    for (int i = 0; i < 80; i++) {
      ids.add(String.format("BU%08d", i));
      pop[i] = 500 + r.nextInt(4000);
      events[i] = i % 13 == 0 ? 20 + r.nextInt(30) : r.nextInt(3);
    }
    return AreaCounts.of(ids, events, pop);
  }

  @TestFactory
  Stream<DynamicTest> everyChartRendersToEveryFormat() {
    return charts().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
      Figure f = e.getValue().get();
      Path png = Export.png(f, dir.resolve(e.getKey() + ".png"), 144);
      BufferedImage img = ImageIO.read(png.toFile());
      assertEquals(f.width() * 2, img.getWidth());
      assertEquals(f.height() * 2, img.getHeight());
      Path svg = Export.svg(f, dir.resolve(e.getKey() + ".svg"));
      DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
      xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      var doc = xml.newDocumentBuilder().parse(svg.toFile());
      assertEquals("svg", doc.getDocumentElement().getNodeName());
      Path pdf = Export.pdf(f, dir.resolve(e.getKey() + ".pdf"));
      try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
        assertEquals(1, d.getNumberOfPages());
      }
      assertTrue(Files.size(pdf) > 1000);
      if (System.getenv("DMSTAT_KEEP_CHARTS") != null) {
        Files.copy(png, Path.of(System.getenv("DMSTAT_KEEP_CHARTS"), e.getKey() + ".png"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      assertFalse(f.title().isEmpty());
    }));
  }
}
