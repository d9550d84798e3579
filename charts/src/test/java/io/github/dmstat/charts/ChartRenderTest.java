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
    return m;
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
