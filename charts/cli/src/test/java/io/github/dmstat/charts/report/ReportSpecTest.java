package io.github.dmstat.charts.report;

import io.github.dmstat.cli.ExampleData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.io.Csv;
import io.github.dmstat.datasets.Datasets;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report spec: checked whole with key paths in every message, and what it makes of a report. */
class ReportSpecTest {
  @TempDir
  Path dir;

  private Path municipalities() throws IOException {
    Path p = dir.resolve("gemeenten.csv");
    try (Writer w = Files.newBufferedWriter(p)) {
      Csv.write(w, Datasets.table("municipalities"));
    }
    return p;
  }

  private static final String SELECTION = String.join("\n",
      "language: nl",
      "sections:",
      "  selection:",
      "    data: gemeenten.csv",
      "    code: code",
      "    name: name",
      "    population: inhabitants",
      "    indicators:",
      "      - {column: drug_crime, label: drugscriminaliteit, weight: 0.5}",
      "      - {column: youth_crime, label: jeugdcriminaliteit, weight: 0.3}",
      "      - {column: lbm, label: leefbaarheid, weight: 0.2, direction: lower}",
      "    eligibility:",
      "      minimum-population: 80000",
      "      top: 27",
      "");

  private IllegalArgumentException bad(String yaml) throws IOException {
    municipalities();
    Path spec = Files.writeString(dir.resolve("report.yaml"), yaml);
    return assertThrows(IllegalArgumentException.class, () -> ReportSpec.read(spec));
  }

  @Test
  void aBadSpecNamesTheKeyPathAndTheProblem() throws IOException {
    assertEquals("report.yaml: sections.selection.indicators[2].weight: expected a number, got 'hoog'",
        bad(SELECTION.replace("weight: 0.3", "weight: hoog")).getMessage());
    assertEquals("report.yaml: sections.selection.eligibility.top: is required",
        bad(SELECTION.replace("      top: 27\n", "")).getMessage());
    assertEquals("report.yaml: sections.selection.eligibility.top: expected a whole number, got '2.5'",
        bad(SELECTION.replace("top: 27", "top: 2.5")).getMessage());
    String unknown = bad(SELECTION.replace("minimum-population", "minimum-populaton")).getMessage();
    assertTrue(unknown.startsWith("report.yaml: sections.selection.eligibility.minimum-populaton: unknown key (known here: "),
        unknown);
    assertEquals("report.yaml: sections.selection.data: no such file: gemeenten-2099.csv",
        bad(SELECTION.replace("gemeenten.csv", "gemeenten-2099.csv")).getMessage());
    assertEquals("report.yaml: sections.selection.indicators[3].direction: expected higher (higher values raise the "
        + "score) or lower, got 'down'", bad(SELECTION.replace("direction: lower", "direction: down")).getMessage());
    assertEquals("report.yaml: sections.selection.indicators[1].weight: must be a number > 0 (the direction says whether "
        + "higher values raise or lower the score), got -0.5", bad(SELECTION.replace("weight: 0.5", "weight: -0.5")).getMessage());
    assertEquals("report.yaml: language: expected en or nl, got 'de'", bad(SELECTION.replace("language: nl", "language: de"))
        .getMessage());
    assertEquals("report.yaml: sections.selection.level: expected gemeente, wijk or buurt, got 'provincie'",
        bad(SELECTION.replace("    code: code", "    level: provincie\n    code: code")).getMessage());
    String yaml = bad("title: [unclosed\n").getMessage();
    assertTrue(yaml.startsWith("report.yaml: line ") && yaml.contains("not valid YAML") && !yaml.contains("\n"), yaml);
    assertEquals("report.yaml: the spec is empty", bad("# nothing\n").getMessage());
    assertEquals("report.yaml: confidence: must be at least 0.5 and below 1 (0.95 for 95%), got 95",
        bad("confidence: 95\n").getMessage());
    assertTrue(bad("reliability: strict\n").getMessage().startsWith("report.yaml: reliability: "));
    assertEquals("report.yaml: sections.selection.indicators: needs at least one indicator",
        bad(SELECTION.replaceAll("(?s)    indicators:.*?    eligibility", "    indicators: []\n    eligibility")).getMessage());
  }

  @Test
  void valuesStayAsWrittenAndEveryMistakeNamesItsKey() throws IOException {
    // YAML would read 0363 as the octal number 243: codes stay as written
    String code = SELECTION + "      exclude:\n        - {code: 0363, reason: x}\n";
    municipalities();
    Path spec = Files.writeString(dir.resolve("report.yaml"), code);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DrugMonitorReport.build(ReportSpec.read(spec).options().withExample(ExampleData.get()), Progress.none()));
    assertTrue(e.getMessage().contains("'0363'"), e.getMessage());
    assertEquals("report.yaml: sections.selection.code: given twice (line 6)",
        bad(SELECTION.replace("    code: code\n", "    code: code\n    code: name\n")).getMessage());
    assertEquals("report.yaml: sections.prevalence: is empty: give its data and columns, or leave the section out",
        bad("sections:\n  prevalence:\n").getMessage());
    assertEquals("report.yaml: sections.selection.indicators[1].label: 'score' is the label of another indicator or of the "
        + "score: give each indicator its own label", bad(SELECTION.replace("label: drugscriminaliteit", "label: score"))
        .getMessage());
    assertTrue(bad(SELECTION + "reading: {decimal: ',', thousands: ','}\n").getMessage()
        .startsWith("report.yaml: reading: the decimal mark and the thousands mark are both"));
    // a tab as the delimiter is the value itself, not an empty text
    Files.writeString(spec, "reading: {delimiter: \"\\t\"}\n");
    ReportSpec.read(spec);
    // a column that the file does not have: the key and the file's columns
    Files.writeString(spec, SELECTION.replace("population: inhabitants", "population: inwoners"));
    IllegalArgumentException c = assertThrows(IllegalArgumentException.class, () -> ReportSpec.read(spec).options().withExample(ExampleData.get()));
    assertTrue(c.getMessage().startsWith("report.yaml: sections.selection.population: no column 'inwoners' in gemeenten.csv; "
        + "its columns: "), c.getMessage());
    // a level without floating-point noise
    Files.writeString(spec, "confidence: 0.57\n");
    Report r = DrugMonitorReport.build(ReportSpec.read(spec).options().withExample(ExampleData.get()), Progress.none());
    assertTrue(table(r, "key-figures").caption().endsWith("57% CI"), table(r, "key-figures").caption());
  }

  @Test
  void theExampleRunsAsIsOnTheEmbeddedData() throws IOException {
    Path spec = Files.writeString(dir.resolve("report.yaml"), ReportSpec.example());
    DrugMonitorReport.Options o = ReportSpec.read(spec).options().withExample(ExampleData.get());
    assertEquals("en", o.locale().getLanguage());
    assertTrue(o.survey().isEmpty() && o.areas().isEmpty() && o.municipalities().isEmpty() && o.effects().isEmpty());
    assertEquals(List.of("Bron: CBS, Kerncijfers wijken en buurten 2024"), o.sources());
    // every key the example shows commented out is a key the spec knows: uncommented, it checks
    String open = ReportSpec.example().replaceAll("(?m)^(\\s*)# (\\s*)(?=[a-z-]+:|- )", "$1$2")
        .replaceAll("(?m)^\\s*#.*$", "");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ReportSpec.parse(open, "example.yaml", dir));
    assertTrue(e.getMessage().contains("no such file"), "only the data files are missing: " + e.getMessage());
  }

  @Test
  void theSpecsWeightsRulesAndNamesMakeTheSelection() throws IOException {
    municipalities();
    Path spec = Files.writeString(dir.resolve("report.yaml"), SELECTION);
    Report fromSpec = DrugMonitorReport.build(ReportSpec.read(spec).options().withExample(ExampleData.get()), Progress.none());
    Report embedded = DrugMonitorReport.build(DrugMonitorReport.Options.defaults().withExample(ExampleData.get()).withLocale(Locale.forLanguageTag("nl-NL")),
        Progress.none());
    // the embedded index is the same (0.5, 0.3, -0.2, top 27 of >= 80,000): the same municipalities, in the same order
    assertEquals(codes(table(embedded, "selected")), codes(table(fromSpec, "selected")));
    String text = paragraphs(fromSpec, "selection");
    assertTrue(text.contains("drugscriminaliteit (gewicht 0,5), jeugdcriminaliteit (gewicht 0,3) en leefbaarheid "
        + "(gewicht −0,2)"), text);
    assertTrue(text.contains("minstens 80.000 inwoners"), text);
    // other weights, another selection, said in the text
    String first = codes(table(fromSpec, "selected")).get(0);
    String firstName = table(fromSpec, "selected").rows().get(0).get(2).text();
    Files.writeString(spec, SELECTION.replace("weight: 0.5", "weight: 0.9").replace("top: 27", "top: 10")
        + "      exclude:\n        - {code: " + first + ", reason: doet al mee}\n");
    Report other = DrugMonitorReport.build(ReportSpec.read(spec).options().withExample(ExampleData.get()), Progress.none());
    assertEquals(10, table(other, "selected").rows().size());
    String otherText = paragraphs(other, "selection");
    assertTrue(otherText.contains("(gewicht 0,9)") && otherText.contains("de 10 met de hoogste score")
        && otherText.contains("Uitgesloten: " + firstName + " (doet al mee)"), otherText);
    assertFalse(codes(table(other, "selected")).contains(first));
    assertTrue(other.subtitle().contains("Data: gemeenten.csv"), other.subtitle());
  }

  @Test
  void confidenceAndReliabilityFollowTheSpecInNumbersAndText() throws IOException {
    Path spec = Files.writeString(dir.resolve("report.yaml"), "confidence: 0.9\nreliability: none\n");
    DrugMonitorReport.Options o = ReportSpec.read(spec).options().withExample(ExampleData.get());
    assertEquals(0.9, o.level());
    Report r = DrugMonitorReport.build(o, Progress.none());
    Report standard = DrugMonitorReport.build(DrugMonitorReport.Options.defaults().withExample(ExampleData.get()), Progress.none());
    Report.TableBlock kf = table(r, "key-figures");
    assertTrue(kf.caption().endsWith("90% CI"), kf.caption());
    Report.Value narrow = kf.rows().get(0).get(1).data().orElseThrow();
    Report.Value wide = table(standard, "key-figures").rows().get(0).get(1).data().orElseThrow();
    assertEquals(wide.value(), narrow.value(), 1e-12);
    assertTrue(narrow.upper() - narrow.lower() < wide.upper() - wide.lower(), "a 90% interval is narrower");
    String text = paragraphs(r, "prevalence");
    assertTrue(text.contains("90% logit confidence intervals") && text.contains("No reliability rule"), text);
    // no rule: the cells the standard report suppresses are shown
    assertTrue(table(standard, "young-by-region").rows().stream().anyMatch(row -> row.get(2).status() == Report.Status.SUPPRESSED));
    assertTrue(table(r, "young-by-region").rows().stream().noneMatch(row -> row.get(2).status() != Report.Status.OK));
    assertTrue(table(r, "meta-analysis").header().contains("RR (90% CI)"));
  }

  @Test
  void aTrendFromOneFilePerYearOrOneFileWithAYearColumn() throws IOException {
    List<String> combined = new ArrayList<>();
    StringBuilder files = new StringBuilder();
    String header = null;
    for (int year : new int[] {2018, 2020, 2022}) {
      io.github.dmstat.datasets.SyntheticSurvey sy = io.github.dmstat.datasets.SyntheticSurvey.adults(7 + year, 3_000, year);
      Path f = dir.resolve("survey-" + year + ".csv");
      try (Writer w = Files.newBufferedWriter(f)) {
        Csv.write(w, sy.table());
      }
      List<String> lines = Files.readAllLines(f);
      header = lines.get(0) + ",jaar";
      lines.stream().skip(1).forEach(l -> combined.add(l + "," + year));
      files.append("        - {year: ").append(year).append(", data: survey-").append(year).append(".csv}\n");
    }
    combined.add(0, header);
    Files.write(dir.resolve("all-years.csv"), combined);
    var design = io.github.dmstat.datasets.SyntheticSurvey.adults(1, 100, 2022).design();
    String common = "sections:\n  prevalence:\n    weight: " + design.weight() + "\n    strata: "
        + design.strata().orElseThrow() + "\n    psu: " + design.psu().orElseThrow() + "\n";
    Path perYear = Files.writeString(dir.resolve("per-year.yaml"), common + "    data: survey-2022.csv\n    trend:\n"
        + "      files:\n" + files);
    Path oneFile = Files.writeString(dir.resolve("one-file.yaml"), common + "    data: all-years.csv\n    trend:\n"
        + "      year-column: jaar\n");
    Report a = DrugMonitorReport.build(ReportSpec.read(perYear).options().withExample(ExampleData.get()), Progress.none());
    Report b = DrugMonitorReport.build(ReportSpec.read(oneFile).options().withExample(ExampleData.get()), Progress.none());
    Report.FigureBlock ta = figure(a, "trend");
    Report.FigureBlock tb = figure(b, "trend");
    assertTrue(ta.caption().contains("3 surveys, 2018–2022: survey-2018.csv, survey-2020.csv, survey-2022.csv"), ta.caption());
    assertTrue(tb.caption().contains("all-years.csv (2018)"), tb.caption());
    // the same surveys: the same trend, drawn the same
    // (the source line under each names its own file)
    String sa = io.github.dmstat.charts.Export.svgText(ta.figure());
    String sb = io.github.dmstat.charts.Export.svgText(tb.figure());
    assertTrue(sa.contains("Data: survey-2022.csv") && sb.contains("Data: all-years.csv"));
    assertEquals(sa.replaceAll("<text[^>]*>Data: [^<]*</text>", ""), sb.replaceAll("<text[^>]*>Data: [^<]*</text>", ""));
    // with a year column the tables are of the latest year, as with its own file
    assertEquals(table(a, "key-figures").rows(), table(b, "key-figures").rows());
    assertEquals("report.yaml: sections.prevalence.trend: give either year-column (one file with a year column) or files "
        + "(a list of {year, data})", bad("sections:\n  prevalence:\n    data: gemeenten.csv\n    weight: w\n    trend: {}\n")
        .getMessage());
  }

  @Test
  void theUsersOwnOutcomeAndDomainColumnsGiveTheSameTablesAsTheEmbeddedNames() throws IOException {
    // the embedded adult survey with Dutch column names
    tech.tablesaw.api.Table t = Datasets.table("adults").copy();
    t.column("cannabis_last_year").setName("cannabis_jaar");
    t.column("agegroup").setName("leeftijdsgroep");
    t.column("sex").setName("geslacht");
    t.column("stratum").setName("regio");
    try (Writer w = Files.newBufferedWriter(dir.resolve("enquete.csv"))) {
      Csv.write(w, t);
    }
    var d = Datasets.design("adults").orElseThrow();
    String yaml = "sections:\n  prevalence:\n    data: enquete.csv\n    weight: " + d.weight() + "\n    strata: regio\n"
        + "    psu: " + d.psu().orElseThrow() + "\n    outcomes: {cannabis_jaar: cannabis_last_year}\n"
        + "    age-group: leeftijdsgroep\n    sex: geslacht\n    region: regio\n";
    Path spec = Files.writeString(dir.resolve("report.yaml"), yaml);
    Report own = DrugMonitorReport.build(ReportSpec.read(spec).options().withExample(ExampleData.get()), Progress.none());
    Report embedded = DrugMonitorReport.build(DrugMonitorReport.Options.defaults().withExample(ExampleData.get()), Progress.none());
    for (String id : List.of("key-figures", "cannabis-age-sex", "young-by-region")) {
      assertEquals(table(embedded, id).rows(), table(own, id).rows(), id);
    }
    assertTrue(bad(yaml.replace("cannabis_last_year}", "cannabis_jaar}")).getMessage()
        .contains("sections.prevalence.outcomes.cannabis_jaar: expected an indicator like cannabis_last_year"));
  }

  private static Report.FigureBlock figure(Report r, String id) {
    return r.figures().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no " + id));
  }

  /** The real CBS data (shared folder, not in the repository): 342 municipalities from the spec. */
  @Test
  void realCbsMunicipalitiesFromOneSpec() throws Exception {
    String shared = System.getProperty("dmstat.shared.data");
    Assumptions.assumeTrue(shared != null && Files.isDirectory(Path.of(shared)), "no shared data folder");
    Path kwb = Path.of(shared, "kwb-2024-gemeenten-wijken.csv");
    Path geo = Path.of(shared, "gemeente_2024.geojson");
    Assumptions.assumeTrue(Files.exists(kwb) && Files.exists(geo), "no CBS files");
    String yaml = String.join("\n",
        "title: Woningen en selectie, gemeenten 2024",
        "author: Team Drugsmonitor",
        "language: nl",
        "sources: ['Bron: CBS']",
        "sections:",
        "  concentration:",
        "    data: " + kwb.toAbsolutePath(),
        "    where: {level: gemeente}",
        "    level: gemeente",
        "    code: code",
        "    count: dwellings",
        "    count-label: woningen",
        "    population: inhabitants",
        "    boundaries: " + geo.toAbsolutePath(),
        "    boundary-code: statcode",
        "    boundary-name: statnaam",
        "  selection:",
        "    data: " + kwb.toAbsolutePath(),
        "    where: {level: gemeente}",
        "    code: code",
        "    name: name",
        "    population: inhabitants",
        "    indicators:",
        "      - {column: density_per_km2, label: bevolkingsdichtheid, weight: 0.6}",
        "      - {column: area_water_ha, label: wateroppervlak, weight: 0.4, direction: lower}",
        "    eligibility: {minimum-population: 80000, top: 27}",
        "");
    Path spec = Files.writeString(dir.resolve("cbs.yaml"), yaml);
    Report nl = DrugMonitorReport.build(ReportSpec.read(spec).options().withExample(ExampleData.get()), Progress.none());
    String html = HtmlReport.html(nl);
    assertTrue(html.contains("342 gemeenten") && html.contains("Concentratie van woningen over gemeenten"), "gemeenten");
    assertFalse(html.contains("buurten"), "no buurten in a report on gemeenten");
    assertTrue(html.contains("&#39;s-Gravenhage") && html.contains("Noord-Beveland"), "names from the spec");
    assertTrue(html.contains("bevolkingsdichtheid (gewicht 0,6) en wateroppervlak (gewicht −0,4)"), "the spec's weights");
    assertTrue(html.contains("(hier 48)"), "48 municipalities of at least 80,000");
    assertEquals(27, table(nl, "selected").rows().size());
    assertTrue(html.contains("kwb-2024-gemeenten-wijken.csv") && !html.contains(shared), "file names only");
    assertTrue(html.contains("<meta name=\"author\" content=\"Team Drugsmonitor\">"));
    for (String english : List.of("not significant", "top 27 of eligible", "below 80,000", "incidents", "municipalities",
        "named exclusion", "inhabitants")) {
      assertFalse(html.contains(english), "English '" + english + "' in the Dutch report");
    }
    checkLayout(nl, dir.resolve("nl"), List.of("the", "and", "with", "incidents", "municipalities", "inhabitants",
        "prevalence", "weight", "rank by score", "share", "not significant", "no neighbours", "eligible", "selected"));
    // the same spec in English (English labels): English throughout
    String en = yaml.replace("language: nl", "language: en").replace("count-label: woningen", "count-label: dwellings")
        .replace("label: bevolkingsdichtheid", "label: population density").replace("label: wateroppervlak", "label: water area");
    Files.writeString(spec, en);
    Report english = DrugMonitorReport.build(ReportSpec.read(spec).options().withExample(ExampleData.get()), Progress.none());
    String enHtml = HtmlReport.html(english);
    assertTrue(enHtml.contains("342 municipalities") && enHtml.contains("Concentration of dwellings over municipalities"));
    checkLayout(english, dir.resolve("en"), List.of("gemeenten", "inwoners", "prevalentie", "gewicht", "rang", "aandeel",
        "niet significant", "geen buren", "woningen", "geselecteerd", "enquête", "tabel", "figuur"));
  }

  /**
   * Writes the report and checks what a reader sees: no PDF text below 7 pt; in Chromium at
   * 1280 px (when installed) no chart text below 9 px, no overlapping chart text, no table wider
   * than the page, and none of {@code foreign} (words of the other language) in the page's text
   * apart from the title, the author and the sources, which come from the spec.
   */
  private static void checkLayout(Report r, Path out, List<String> foreign) throws Exception {
    Files.createDirectories(out);
    ReportFiles.write(r, out);
    Path page = HtmlReport.write(r, out);
    Path pdf = PdfReport.write(r, out);
    assertEquals(List.of(), LayoutChecks.smallPdfText(pdf));
    var chromium = HeadlessChromium.binary();
    Assumptions.assumeTrue(chromium.isPresent(), "Chromium is not installed");
    try (HeadlessChromium browser = new HeadlessChromium(chromium.get(), Files.createDirectories(out.resolve("profile")))) {
      browser.open(page);
      var layout = LayoutChecks.browser(browser);
      assertEquals("[]", layout.get("small").toString(), "chart text below 9 px");
      assertEquals("[]", layout.get("overlaps").toString(), "overlapping chart text");
      assertEquals("[]", layout.get("overflow").toString(), "tables wider than the page");
      String text = browser.evaluate("Array.from(document.querySelectorAll('main, section, figure, table'))"
          + ".map(e => e.innerText + ' ' + Array.from(e.querySelectorAll('svg text')).map(t => t.textContent).join(' '))"
          + ".join(' ')").asText();
      for (String line : r.sections().get(r.sections().size() - 1).blocks().stream()
          .filter(b -> b instanceof Report.Paragraph).map(b -> ((Report.Paragraph) b).text()).toList()) {
        text = text.replace(line, ""); // the sources line is the spec's own text
      }
      assertEquals(java.util.Optional.empty(), LayoutChecks.anyWord(text, foreign), "a word of the other language");
    }
  }

  private static Report.TableBlock table(Report r, String id) {
    for (Report.Section s : r.sections()) {
      for (Report.Block b : s.blocks()) {
        if (b instanceof Report.TableBlock t && t.id().equals(id)) {
          return t;
        }
      }
    }
    throw new AssertionError("no table " + id);
  }

  private static List<String> codes(Report.TableBlock t) {
    List<String> out = new ArrayList<>();
    t.rows().forEach(row -> out.add(row.get(1).text()));
    return out;
  }

  private static String paragraphs(Report r, String section) {
    StringBuilder sb = new StringBuilder();
    for (Report.Section s : r.sections()) {
      if (s.id().equals(section)) {
        for (Report.Block b : s.blocks()) {
          if (b instanceof Report.Paragraph p) {
            sb.append(p.text()).append('\n');
          }
        }
      }
    }
    return sb.toString();
  }
}
