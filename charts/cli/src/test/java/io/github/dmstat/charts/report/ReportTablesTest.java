package io.github.dmstat.charts.report;

import io.github.dmstat.cli.ExampleData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.charts.report.Report.Cell;
import io.github.dmstat.core.io.Csv;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * The report's files as a user takes them further: CSV tables are data (numbers as numbers,
 * intervals as columns, Dutch as Excel NL writes it, read back alike); SVG figures carry a
 * tooltip per bar and per area.
 */
class ReportTablesTest {
  @TempDir
  static Path dir;

  static Report en;
  static Report nl;

  @BeforeAll
  static void build() {
    en = DrugMonitorReport.build(DrugMonitorReport.Options.defaults().withExample(ExampleData.get()), Progress.none());
    nl = DrugMonitorReport.build(DrugMonitorReport.Options.defaults().withExample(ExampleData.get()).withLocale(Locale.forLanguageTag("nl-NL")),
        Progress.none());
    ReportFiles.write(en, RenderedFigures.of(en, 1), dir.resolve("en"));
    ReportFiles.write(nl, RenderedFigures.of(nl, 1), dir.resolve("nl"));
  }

  @Test
  void aTableOfEstimatesIsWrittenAsNumbersWithTheirBounds() {
    Report.TableBlock t = new Report.TableBlock("t", "caption", List.of("group", "n", "prevalence (95% CI)"), List.of(
        List.of(Cell.of("=cmd"), Cell.number("1,200", 1200), Cell.estimate("8.0 (7.5–8.6)", 8.04, 7.49, 8.64)),
        List.of(Cell.of("b"), Cell.number("31", 31), Cell.estimate("3.1 (0.3–25.3)", 3.125, 0.3055, 25.35).asUnreliable()),
        List.of(Cell.of("c"), Cell.number("27", 27), Cell.suppressed()),
        List.of(Cell.of("d"), Cell.of("–"), Cell.estimate("-0.5 (-1.0–0.0)", -0.5, -1, 0))), "");
    StringWriter w = new StringWriter();
    ReportFiles.data(t, false, w);
    assertEquals(String.join("\n",
        "group,n,prevalence (95% CI),prevalence (95% CI) lower,prevalence (95% CI) upper,prevalence (95% CI) status",
        "'=cmd,1200,8.04,7.49,8.64,reliable",
        "b,31,3.125,0.3055,25.35,unreliable",
        "c,27,,,,suppressed",
        "d,,-0.5,-1,0,reliable", ""), w.toString());
    StringWriter d = new StringWriter();
    ReportFiles.data(t, true, d);
    assertTrue(d.toString().contains("b;31;3,125;0,3055;25,35;onbetrouwbaar\n"), d.toString());
    assertTrue(d.toString().contains("d;;-0,5;-1;0;betrouwbaar\n"), "a negative number is a number, not a formula");
  }

  @Test
  void dutchTablesHaveSemicolonsDecimalCommasAndABom() throws IOException {
    byte[] b = Files.readAllBytes(dir.resolve("nl/tables/key-figures.csv"));
    assertEquals(0xEF, b[0] & 0xFF);
    String text = new String(b, StandardCharsets.UTF_8);
    assertTrue(text.lines().skip(1).findFirst().orElseThrow().matches("cannabis;8,\\d+;7,\\d+;8,\\d+;.*"), text);
    assertFalse(new String(Files.readAllBytes(dir.resolve("en/tables/key-figures.csv")), StandardCharsets.UTF_8)
        .startsWith("\uFEFF"));
  }

  @Test
  void everyTableReadsBackWithTheSameNumbersInBothLanguages() throws IOException {
    for (Report.TableBlock t : en.tables()) {
      Table a = Csv.read(dir.resolve("en/tables/" + t.id() + ".csv"));
      Table b = Csv.read(dir.resolve("nl/tables/" + t.id() + ".csv"));
      assertEquals(a.rowCount(), t.rows().size(), t.id());
      assertEquals(a.rowCount(), b.rowCount(), t.id());
      assertEquals(a.columnCount(), b.columnCount(), t.id());
      int numeric = 0;
      for (int c = 0; c < a.columnCount(); c++) {
        if (a.column(c) instanceof NumericColumn<?> x) {
          assertTrue(b.column(c) instanceof NumericColumn<?>, t.id() + " column " + a.column(c).name() + " is a number in Dutch too");
          NumericColumn<?> y = (NumericColumn<?>) b.column(c);
          for (int r = 0; r < a.rowCount(); r++) {
            assertEquals(x.isMissing(r), y.isMissing(r), t.id());
            if (!x.isMissing(r)) {
              assertEquals(x.getDouble(r), y.getDouble(r), 0.0, t.id() + " " + a.column(c).name() + " row " + r);
            }
          }
          numeric++;
        }
      }
      if (!t.id().equals("methods")) {
        assertTrue(numeric > 0, t.id() + " has numbers as numbers");
      }
    }
  }

  @Test
  void theNumbersAreFullPrecisionNotAsShown() throws IOException {
    Report.TableBlock kf = en.tables().stream().filter(t -> t.id().equals("key-figures")).findFirst().orElseThrow();
    Optional<Report.Value> v = kf.rows().get(0).get(1).data();
    assertTrue(v.isPresent());
    Table a = Csv.read(dir.resolve("en/tables/key-figures.csv"));
    assertEquals(v.get().value(), ((NumericColumn<?>) a.column(1)).getDouble(0), 0.0);
    assertEquals(v.get().lower(), ((NumericColumn<?>) a.column(2)).getDouble(0), 0.0);
    assertEquals(v.get().upper(), ((NumericColumn<?>) a.column(3)).getDouble(0), 0.0);
  }

  @Test
  void svgFiguresHaveATooltipPerBarAndPerArea() throws IOException {
    String map = Files.readString(dir.resolve("en/figures/map-eb-rate.svg"));
    int areas = io.github.dmstat.datasets.SyntheticGeography.embedded().polygons().size();
    assertEquals(areas, count(map, "<title>"), "one per area");
    assertTrue(map.matches("(?s).*<title>[^<]+: [0-9,.]+ per 1,000</title>.*"), "an area's name and its value");
    String ranking = Files.readString(dir.resolve("en/figures/ranking.svg"));
    assertEquals(40, count(ranking, "<title>"));
    assertTrue(ranking.contains("rank 1, score "), "rank and score");
    String bars = Files.readString(dir.resolve("en/figures/key-figures.svg"));
    assertTrue(bars.contains("<title>cannabis, adults 18+: 8.0 (7.5–8.6)</title>"), "a bar's label and value");
    assertFalse(bars.contains("<script"), "no scripts");
    // every text of every figure has its font size (a browser draws text without one at 16 px)
    for (Report.FigureBlock f : en.figures()) {
      String svg = Files.readString(dir.resolve("en/figures/" + f.id() + ".svg"));
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("<text style=\"([^\"]*)\"").matcher(svg);
      while (m.find()) {
        assertTrue(m.group(1).contains("font-size:"), f.id() + ": " + m.group());
      }
    }
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
