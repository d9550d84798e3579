package io.github.dmstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/** {@code dmstat chart TYPE ... --out FILE}: every type as PNG, SVG and PDF from the embedded datasets, and bad input. */
class ChartCommandTest {
  @TempDir
  Path dir;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
      return new Result(code, out.toString(), err.toString());
    }, () -> "dmstat " + String.join(" ", args) + " did not finish within 60 s");
  }

  private static final List<String> BUURTEN = List.of("--dataset", "buurten", "--area", "code", "--count", "incidents",
      "--population", "inhabitants", "--boundaries", "dataset:buurten", "--permutations", "99");

  private static List<String> concat(List<String> a, String... b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(List.of(b));
    return all;
  }

  static Stream<Arguments> charts() {
    return Stream.of(
        Arguments.of("prevalence", List.of("--dataset", "adults", "--outcome", "cannabis_last_year", "--by", "agegroup")),
        Arguments.of("key-figures", List.of("--dataset", "adults", "--period", "last_year", "--lang", "nl")),
        Arguments.of("trend", List.of("--years", "2016,2020", "--rows", "1500", "--outcome",
            "cannabis_last_year,cocaine_last_year")),
        Arguments.of("lorenz", BUURTEN),
        Arguments.of("map", concat(BUURTEN, "--value", "eb", "--classes", "5", "--classification", "natural-breaks")),
        Arguments.of("hotspots", concat(BUURTEN, "--lang", "nl")),
        Arguments.of("clusters", BUURTEN),
        Arguments.of("ranking", List.of("--dataset", "municipalities", "--area", "code", "--population", "inhabitants",
            "--indicator", "drug_crime:0.5", "--indicator", "youth_crime:0.3", "--indicator", "lbm:-0.2", "--name", "name",
            "--max", "30")),
        Arguments.of("forest", List.of("--dataset", "effects", "--study", "study", "--events-treated", "events_treated",
            "--total-treated", "total_treated", "--events-control", "events_control", "--total-control", "total_control")),
        Arguments.of("survival", List.of("--dataset", "cohorts", "--time", "time", "--event", "reoffended", "--group", "group")),
        Arguments.of("did", List.of("--dataset", "panel", "--unit", "unit", "--treated", "treated", "--period", "period",
            "--outcome", "rate")));
  }

  private Result chart(String type, List<String> args, Path out) {
    List<String> all = new ArrayList<>(List.of("chart", type));
    all.addAll(args);
    all.addAll(List.of("--out", out.toString()));
    return run(all.toArray(String[]::new));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("charts")
  void writesPngSvgAndPdfThatOpen(String type, List<String> args) throws Exception {
    Path pdf = dir.resolve(type + ".pdf");
    Result r = chart(type, args, pdf);
    assertEquals(0, r.code(), r.err());
    assertEquals(pdf.toString(), r.out().strip());
    float width;
    float height;
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertEquals(1, doc.getNumberOfPages());
      PDRectangle box = doc.getPage(0).getMediaBox();
      width = box.getWidth();
      height = box.getHeight();
    }
    assertTrue(width >= 300 && height >= 200, type + " page " + width + " x " + height);

    Path svg = dir.resolve(type + ".svg");
    r = chart(type, args, svg);
    assertEquals(0, r.code(), r.err());
    assertEquals(svg.toString(), r.out().strip());
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Element root = factory.newDocumentBuilder().parse(svg.toFile()).getDocumentElement();
    assertEquals("svg", root.getTagName());
    assertEquals(width, Double.parseDouble(root.getAttribute("width").replace("px", "")), 0.5, type);

    Path png = dir.resolve(type + ".png");
    r = chart(type, args, png);
    assertEquals(0, r.code(), r.err());
    assertEquals(png.toString(), r.out().strip());
    BufferedImage img = ImageIO.read(png.toFile());
    assertNotNull(img, type + ": PNG does not decode");
    // 144 dpi: two pixels per point of the chart
    assertEquals(Math.round(2 * width), img.getWidth(), type);
    assertEquals(Math.round(2 * height), img.getHeight(), type);
    try (Stream<Path> files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".")), "temporary file left behind");
    }
  }

  private static void badInput(Result r, String... expected) {
    assertEquals(2, r.code(), r.out() + r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    for (String e : expected) {
      assertTrue(r.err().contains(e), r.err());
    }
  }

  @Test
  void otherExtensionIsBadInputAndWritesNothing() {
    for (String name : new String[] {"forest.gif", "forest", "forest.png.txt"}) {
      Path out = dir.resolve(name);
      Result r = chart("forest", List.of("--dataset", "effects", "--study", "study", "--events-treated", "events_treated",
          "--total-treated", "total_treated", "--events-control", "events_control", "--total-control", "total_control"),
          out);
      badInput(r, "--out", name, ".png, .svg or .pdf");
      assertFalse(Files.exists(out));
    }
    badInput(run("chart", "trend", "--dataset", "adults", "--outcome", "cannabis_last_year", "--out",
        dir.resolve("t.jpeg").toString()), "t.jpeg");
  }

  @Test
  void helpListsEveryType() {
    Result r = run("chart", "--help");
    assertEquals(0, r.code());
    for (String t : new String[] {"prevalence", "key-figures", "trend", "lorenz", "map", "hotspots", "clusters", "ranking",
        "forest", "survival", "did"}) {
      assertTrue(r.out().contains(t), r.out());
      assertEquals(0, run("chart", t, "--help").code(), t);
    }
    assertTrue(run("chart", "map", "--help").out().contains("--classification"));
    assertFalse(run("chart", "did", "--help").out().contains("--format"));
  }

  @Test
  void badOptionsGiveExitCodeTwo() {
    String out = dir.resolve("x.png").toString();
    badInput(run("chart"), "prevalence", "did");
    badInput(run("chart", "map", "--dataset", "buurten", "--area", "code", "--count", "incidents", "--population",
        "inhabitants", "--out", out), "--boundaries");
    badInput(run(concat(concat(List.of("chart", "map"), BUURTEN.toArray(String[]::new)), "--value", "median", "--out", out)
        .toArray(String[]::new)), "--value", "median");
    badInput(run(concat(concat(List.of("chart", "map"), BUURTEN.toArray(String[]::new)), "--classes", "12", "--out", out)
        .toArray(String[]::new)), "--classes", "12");
    badInput(run(concat(concat(List.of("chart", "map"), BUURTEN.toArray(String[]::new)), "--classification", "equal",
        "--out", out).toArray(String[]::new)), "--classification", "equal");
    badInput(run("chart", "did", "--dataset", "panel", "--unit", "unit", "--treated", "treated", "--period", "period",
        "--outcome", "rate", "--format", "json", "--out", out), "--format");
    badInput(run("chart", "did", "--dataset", "panel", "--unit", "unit", "--treated", "treated", "--period", "period",
        "--outcome", "nope", "--out", out), "dataset 'panel'", "nope");
    badInput(run("chart", "forest", "--dataset", "effects", "--study", "study", "--events-treated", "events_treated",
        "--total-treated", "total_treated", "--events-control", "events_control", "--total-control", "total_control",
        "--lang", "fr", "--out", out), "--lang", "fr");
    badInput(run("chart", "trend", "--dataset", "pupils", "--outcome", "cannabis_last_year", "--out", out), "pupils");
    badInput(run("chart", "trend", "--years", "2010", "--outcome", "cannabis_last_year", "--out", out), "--years", "2010");
    badInput(run("chart", "trend", "--years", "2020", "--rows", "800", "--outcome", "nope", "--out", out),
        "synthetic survey 2020", "nope");
    badInput(run("chart", "ranking", "--dataset", "municipalities", "--area", "code", "--population", "inhabitants",
        "--indicator", "drug_crime:1", "--max", "0", "--out", out), "--max", "0");
    assertFalse(Files.exists(Path.of(out)));
  }
}
