package io.github.dmstat.charts.report;

import io.github.dmstat.cli.ExampleData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.survey.PrevalenceEstimate;
import io.github.dmstat.core.survey.PrevalenceEstimator;
import io.github.dmstat.core.survey.PrevalenceTable;
import io.github.dmstat.core.survey.PrevalenceValue;
import io.github.dmstat.datasets.Datasets;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The main job: the report from the embedded data is complete, its files open, no suppressed
 * value appears anywhere, and it renders in a real browser without errors.
 */
class DrugMonitorReportTest {
  @TempDir
  static Path dir;

  static Report report;
  static Path html;
  static Path pdf;

  @BeforeAll
  static void build() {
    report = DrugMonitorReport.build(DrugMonitorReport.Options.defaults().withExample(ExampleData.get()), Progress.none());
    ReportFiles.write(report, dir);
    html = HtmlReport.write(report, dir);
    pdf = PdfReport.write(report, dir);
  }

  /** Values that suppressed cells would have shown, computed with no reliability rule. */
  static List<String> suppressedValues() {
    Table adults = Datasets.table("adults");
    Table young = adults.where(adults.intColumn("age").isBetweenInclusive(15, 17));
    var design = Datasets.design("adults").orElseThrow().withLonelyPsu(io.github.dmstat.core.survey.LonelyPsu.ADJUST);
    PrevalenceTable ruled = PrevalenceEstimator.withDefaults().estimate(young, design, "cannabis_last_year", "stratum");
    PrevalenceTable raw = PrevalenceEstimator.withDefaults().with(ReliabilityRule.NONE)
        .estimate(young, design, "cannabis_last_year", "stratum");
    List<String> values = new ArrayList<>();
    for (PrevalenceEstimate e : ruled.estimates()) {
      if (e.suppressed()) {
        PrevalenceValue v = raw.find(e.group().values().toArray(String[]::new)).orElseThrow().value().orElseThrow();
        values.add(String.format(Locale.forLanguageTag("en-GB"), "%.1f (%.1f–%.1f)", 100 * v.prevalence(),
            100 * v.ciLower(), 100 * v.ciUpper()));
      }
    }
    return values;
  }

  @Test
  void hasEverySectionFigureAndTable() {
    assertEquals(List.of("prevalence", "concentration", "selection", "outcomes", "methods"),
        report.sections().stream().map(Report.Section::id).toList());
    assertTrue(report.figures().size() >= 10, "figures: " + report.figures().size());
    for (Report.FigureBlock f : report.figures()) {
      assertTrue(Files.exists(dir.resolve("figures/" + f.id() + ".png")), f.id());
      assertTrue(Files.exists(dir.resolve("figures/" + f.id() + ".svg")), f.id());
    }
    for (Report.TableBlock t : report.tables()) {
      assertTrue(Files.exists(dir.resolve("tables/" + t.id() + ".csv")), t.id());
    }
  }

  @Test
  void theExampleHasSuppressedCellsAndNoneOfTheirValuesAppearAnywhere() throws Exception {
    List<String> hidden = suppressedValues();
    assertFalse(hidden.isEmpty(), "the regional table should contain suppressed cells");
    assertTrue(report.tables().stream().anyMatch(Report.TableBlock::hasSuppressed));
    List<String> texts = new ArrayList<>();
    texts.add(Files.readString(html));
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        String name = p.getFileName().toString();
        if (name.endsWith(".csv") || name.endsWith(".svg")) {
          texts.add(Files.readString(p, StandardCharsets.UTF_8));
        }
      }
    }
    try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
      texts.add(new PDFTextStripper().getText(d));
      assertTrue(d.getNumberOfPages() > 5);
    }
    for (String v : hidden) {
      for (String text : texts) {
        assertFalse(text.contains(v), "suppressed value " + v + " leaked");
      }
    }
  }

  @Test
  void pngFiguresDecodeAtTwiceTheirPointSize() throws Exception {
    for (Report.FigureBlock f : report.figures()) {
      BufferedImage img = ImageIO.read(dir.resolve("figures/" + f.id() + ".png").toFile());
      assertNotNull(img, f.id());
      assertEquals(2 * f.figure().width(), img.getWidth(), f.id());
    }
  }

  @Test
  void labelsFromDataAreEscapedAndCsvIsFormulaSafe() throws Exception {
    Report r = new Report("<b>title</b>", "sub", Locale.ENGLISH, List.of(new Report.Section("s", "<script>alert(1)</script>",
        List.of(new Report.TableBlock("t", "caption & more", List.of("area"), List.of(List.of(Report.Cell.of("=HYPERLINK(\"x\")"))),
            "")))));
    String text = HtmlReport.html(r);
    assertFalse(text.contains("<script>alert"), text);
    assertTrue(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertTrue(text.contains("&lt;b&gt;title&lt;/b&gt;"));
    Path out = Files.createDirectories(dir.resolve("escape"));
    ReportFiles.write(r, out);
    String csv = Files.readString(out.resolve("tables/t.csv"));
    assertTrue(csv.contains("'=HYPERLINK"), csv);
  }

  @Test
  void rendersInHeadlessChromiumWithoutErrors() throws Exception {
    var chromium = HeadlessChromium.binary();
    if (System.getenv("CI") != null) {
      assertTrue(chromium.isPresent(), "CI must install Chromium (.ci/run does)");
    }
    Assumptions.assumeTrue(chromium.isPresent(), "Chromium is not installed");
    try (HeadlessChromium browser = new HeadlessChromium(chromium.get(), Files.createDirectories(dir.resolve("profile")))) {
      browser.open(html);
      JsonNode sizes = browser.evaluate("JSON.stringify(Array.from(document.querySelectorAll('figure.chart svg'))"
          + ".map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; }))");
      JsonNode parsed = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sizes.asText());
      assertEquals(report.figures().size(), parsed.size());
      for (JsonNode s : parsed) {
        assertTrue(s.get(0).asDouble() > 100 && s.get(1).asDouble() > 50, "rendered size " + s);
      }
      String text = browser.evaluate("document.body.innerText").asText();
      for (String v : suppressedValues()) {
        assertFalse(text.contains(v), "suppressed value " + v + " is on the page");
      }
      byte[] png = browser.screenshot();
      BufferedImage shot = ImageIO.read(new ByteArrayInputStream(png));
      assertTrue(shot.getHeight() > 2000, "full page screenshot height " + shot.getHeight());
      Path keep = Path.of(System.getProperty("java.io.tmpdir"), "dmstat-report-screenshot.png");
      Files.write(keep, png);
      assertEquals(List.of(), browser.errors(), "console errors");
      // every figure has an accessible name (alt text): its caption
      assertEquals(report.figures().size(), browser.evaluate("document.querySelectorAll('figure.chart svg[role=img][aria-label]')"
          + ".length").asInt());
      JsonNode layout = LayoutChecks.browser(browser);
      assertTrue(layout.get("texts").asInt() > 50, "text elements measured: " + layout);
      assertEquals("[]", layout.get("small").toString(), "chart text below 9 px");
      assertEquals("[]", layout.get("overlaps").toString(), "overlapping chart text");
      assertEquals("[]", layout.get("overflow").toString(), "tables wider than the page");
    }
  }

  @Test
  void noPdfTextBelowSevenPoints() throws Exception {
    assertEquals(List.of(), LayoutChecks.smallPdfText(pdf));
  }

  @Test
  void theExampleIsLabelledSyntheticOnEveryPage() throws Exception {
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
      var stripper = new org.apache.pdfbox.text.PDFTextStripper();
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        assertTrue(stripper.getText(doc).contains("synthetic example data, not official statistics"), "page " + p);
      }
    }
    assertTrue(Files.readString(html).contains("synthetic example data, not official statistics."));
  }

  @Test
  void theTrendSectionStatesATestPerSubstance() throws Exception {
    String text = Files.readString(html);
    assertTrue(text.contains("Trend tests, 2016–2024: a design-based logistic regression"), "trend test introduction");
    for (String s : List.of("Cannabis", "Cocaine", "Ecstasy", "Laughing gas")) {
      assertTrue(java.util.regex.Pattern.compile("<p>" + s + ": (a significant increase|a significant decrease|no significant "
          + "change) \\(odds ratio per year [0-9.]+, 95% CI [0-9.]+–[0-9.]+; p [<=] [0-9.]+\\)\\.</p>").matcher(text).find(),
          s + " trend sentence");
    }
    // the synthetic surveys have laughing gas falling built in
    assertTrue(text.contains("<p>Laughing gas: a significant decrease"), "laughing gas falls");
  }
}
