package io.github.dmstat.charts.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.charts.Export;
import io.github.dmstat.charts.Figure;
import io.github.dmstat.core.area.AreaPolygon;
import io.github.dmstat.core.area.GeoJson;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Every map type renders to PNG, SVG and PDF and the files open; no pixel comparisons. Set the
 * environment variable {@code DMSTAT_KEEP_CHARTS} to a folder to keep the PNGs for a look.
 */
class MapRenderTest {
  static final Locale NL = Locale.forLanguageTag("nl-NL");

  @TempDir
  Path dir;

  /** A cols × rows grid of unit squares near Utrecht (0.1° lon × 0.06° lat), codes A000...; area A001 has a hole, A002 two parts. */
  static List<AreaPolygon> grid(int cols, int rows) {
    List<AreaPolygon> out = new ArrayList<>(cols * rows);
    double w = 0.1;
    double h = 0.06;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        int i = r * cols + c;
        double x0 = 4.5 + c * w;
        double y0 = 51.8 + r * h;
        List<List<double[]>> polygons = new ArrayList<>();
        List<double[]> rings = new ArrayList<>();
        rings.add(square(x0, y0, w, h));
        if (i == 1) {
          rings.add(square(x0 + w * 0.3, y0 + h * 0.3, w * 0.4, h * 0.4));
        }
        polygons.add(rings);
        if (i == 2) {
          polygons.set(0, List.of(square(x0, y0, w * 0.45, h)));
          polygons.add(List.of(square(x0 + w * 0.55, y0, w * 0.45, h)));
        }
        out.add(new AreaPolygon(code(i), Optional.of("area " + i), polygons));
      }
    }
    return out;
  }

  static String code(int i) {
    return String.format(Locale.ROOT, "A%03d", i);
  }

  static double[] square(double x0, double y0, double w, double h) {
    return new double[] {x0, y0, x0 + w, y0, x0 + w, y0 + h, x0, y0 + h, x0, y0};
  }

  static Map<String, Supplier<Figure>> maps() {
    List<AreaPolygon> areas = grid(8, 10);
    Map<String, Double> values = new HashMap<>();
    Map<String, Double> z = new HashMap<>();
    Map<String, String> clusters = new HashMap<>();
    String[] labels = {"HH", "LL", "HL", "LH", "not significant", "not significant", "not significant"};
    for (int i = 0; i < areas.size(); i++) {
      int c = i % 8;
      int r = i / 8;
      if (i % 13 != 5) {
        values.put(code(i), 3.7 * c + 2.2 * r + (i % 3) * 0.45);
      }
      z.put(code(i), (c - 3.5) * 0.9 + Math.sin(i) * 0.4);
      clusters.put(code(i), i == 79 ? "no neighbours" : labels[(c * 3 + r * 5) % labels.length]);
    }
    Map<String, Supplier<Figure>> m = new LinkedHashMap<>();
    m.put("choropleth-quantiles-en", () -> Maps.choropleth(areas, values, Classification.QUANTILES, 5,
        "Rate per 1,000 inhabitants", "per 1,000", Locale.ENGLISH));
    m.put("choropleth-jenks-nl-suppressed", () -> Maps.choropleth(areas, values, Set.of("A010", "A011", "A030"),
        Classification.NATURAL_BREAKS, 6, "Registraties per 1.000 inwoners", "per 1.000 inwoners", NL)
        .toBuilder().subtitle("Synthetisch voorbeeld, 2024").note("Bron: test. Gearceerde gebieden zijn onderdrukt "
            + "omdat er te weinig waarnemingen zijn.").build());
    m.put("hotspots-en", () -> Maps.hotSpots(areas, z, 0.10, "Gi* hot spots of the rate", Locale.ENGLISH));
    m.put("hotspots-nl-alpha05", () -> Maps.hotSpots(areas, z, 0.05, "Gi* hotspots", NL));
    m.put("clusters-en", () -> Maps.clusters(areas, clusters, "Local Moran clusters of the rate", Locale.ENGLISH));
    m.put("clusters-nl", () -> Maps.clusters(areas, clusters, "Lokale Moran-clusters", NL));
    return m;
  }

  @Test
  void areasWithoutNeighboursAreNeverHotSpots() {
    List<AreaPolygon> areas = grid(3, 2);
    Map<String, Double> z = new LinkedHashMap<>();
    for (AreaPolygon a : areas) {
      z.put(a.code(), 3.0); // every z beyond the 99% threshold
    }
    String island = areas.get(0).code();
    MapFigure m = Maps.hotSpots(areas, z, Set.of(island), 0.10, "Gi*", Locale.ENGLISH);
    assertEquals("no neighbours", m.categoryOf(island).orElseThrow().label());
    assertEquals("hot spot 99%", m.categoryOf(areas.get(1).code()).orElseThrow().label());
    assertTrue(m.legend().stream().anyMatch(c -> c.label().equals("no neighbours")));
  }

  @TestFactory
  Stream<DynamicTest> everyMapRendersToEveryFormat() {
    return maps().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> checkFormats(e.getValue().get(),
        e.getKey())));
  }

  void checkFormats(Figure f, String name) throws Exception {
    Path png = Export.png(f, dir.resolve(name + ".png"), 144);
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(f.width() * 2, img.getWidth());
    assertEquals(f.height() * 2, img.getHeight());
    assertTrue(colours(img) > 4, "the map is drawn");
    Path svg = Export.svg(f, dir.resolve(name + ".svg"));
    Document doc = parse(svg);
    assertEquals("svg", doc.getDocumentElement().getNodeName());
    Path pdf = Export.pdf(f, dir.resolve(name + ".pdf"));
    try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
      assertEquals(1, d.getNumberOfPages());
    }
    assertTrue(Files.size(pdf) > 1000);
    assertFalse(f.title().isEmpty());
    keep(png, name);
  }

  static Document parse(Path svg) throws Exception {
    DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
    xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return xml.newDocumentBuilder().parse(svg.toFile());
  }

  static void keep(Path png, String name) throws Exception {
    String to = System.getenv("DMSTAT_KEEP_CHARTS");
    if (to != null) {
      Files.copy(png, Path.of(to, "map-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Number of distinct colours in a coarse sample of the image. */
  static int colours(BufferedImage img) {
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 7) {
      for (int x = 0; x < img.getWidth(); x += 7) {
        seen.add(img.getRGB(x, y));
      }
    }
    return seen.size();
  }

  @Test
  void suppressedValueAppearsNowhereInTheSvg() throws Exception {
    List<AreaPolygon> areas = grid(5, 5);
    Map<String, Double> values = new HashMap<>();
    for (int i = 0; i < 25; i++) {
      values.put(code(i), 10.0 + i);
    }
    values.put("A012", 98765.4321); // an outlier that would be the top of the last class
    MapFigure f = Maps.choropleth(areas, values, Set.of("A012"), Classification.NATURAL_BREAKS, 5, "Suppression",
        "value", Locale.ENGLISH);
    assertEquals(MapFigure.Style.HATCHED, f.categoryOf("A012").orElseThrow().style());
    assertEquals("suppressed", f.categoryOf("A012").orElseThrow().label());
    Path svg = Export.svg(f, dir.resolve("suppressed.svg"));
    String raw = Files.readString(svg);
    for (String s : List.of("98765", "98,765", "98.765", "98 765")) {
      assertFalse(raw.contains(s), s);
    }
    StringBuilder text = new StringBuilder();
    NodeList nodes = parse(svg).getElementsByTagName("text");
    for (int i = 0; i < nodes.getLength(); i++) {
      text.append(nodes.item(i).getTextContent()).append('\n');
    }
    assertTrue(text.toString().contains("suppressed"), text.toString());
    assertTrue(text.toString().contains("34"), "largest unsuppressed value is in the legend: " + text);
    assertFalse(text.toString().contains("987"), text.toString());
  }

  @Test
  void legendLabelsFollowTheLocale() {
    List<AreaPolygon> areas = grid(3, 2);
    Map<String, Double> values = Map.of("A000", 0.5, "A001", 1.25, "A002", 2.75, "A003", 1234.5, "A004", 1300.0);
    MapFigure nl = Maps.choropleth(areas, values, Classification.NATURAL_BREAKS, 2, "t", "l", NL);
    MapFigure en = Maps.choropleth(areas, values, Classification.NATURAL_BREAKS, 2, "t", "l", Locale.ENGLISH);
    assertEquals(List.of("0,5 – 2,8", "1.234,5 – 1.300,0", "geen gegevens"),
        nl.legend().stream().map(MapFigure.Category::label).toList());
    assertEquals(List.of("0.5 – 2.8", "1,234.5 – 1,300.0", "no data"),
        en.legend().stream().map(MapFigure.Category::label).toList());
    assertEquals("geen gegevens", nl.categoryOf("A005").orElseThrow().label());
  }

  @Test
  void manyBuurtPolygonsRenderQuickly() throws Exception {
    List<AreaPolygon> areas = grid(136, 100);
    Map<String, Double> values = new HashMap<>();
    for (int i = 0; i < areas.size(); i++) {
      if (i % 50 != 0) {
        values.put(code(i), (double) ((i * 7919) % 1000));
      }
    }
    long t0 = System.nanoTime();
    MapFigure f = Maps.choropleth(areas, values, Set.of(code(17), code(5000)), Classification.NATURAL_BREAKS, 5,
        "13,600 buurten", "value", Locale.ENGLISH);
    BufferedImage img = Export.image(f, 144);
    Export.svgText(f);
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertEquals(1200, img.getWidth());
    assertEquals(13_600, f.areaCount());
    assertTrue(seconds < 30, "took " + seconds + " s");
  }

  @Test
  void realMunicipalitiesRenderAsChoropleth() throws Exception {
    String shared = System.getProperty("dmstat.shared.data");
    Assumptions.assumeTrue(shared != null && Files.isDirectory(Path.of(shared)), "no shared data folder");
    Path file = Path.of(shared, "gemeente_2024.geojson");
    Assumptions.assumeTrue(Files.exists(file), "no gemeente_2024.geojson");
    List<AreaPolygon> areas = GeoJson.read(file, GeoJson.FEATURE_ID);
    assertEquals(342, areas.size());
    Map<String, Double> size = new HashMap<>();
    Map<String, Double> z = new HashMap<>();
    Map<String, String> cl = new HashMap<>();
    for (AreaPolygon a : areas) {
      double[] c = new double[3];
      a.forEachRing((p, r, xy) -> {
        double s = 0;
        for (int k = 0; k + 3 < xy.length; k += 2) {
          s += xy[k] * xy[k + 3] - xy[k + 2] * xy[k + 1];
          c[1] += xy[k];
          c[2] += xy[k + 1];
          c[0] += r == 0 ? 0 : 0;
        }
        c[0] += r == 0 ? Math.abs(s) / 2 : -Math.abs(s) / 2;
      });
      double km2 = c[0] * 111.32 * 111.32 * Math.cos(Math.toRadians(52.2));
      size.put(a.code(), km2);
      double[] ctr = centroid(a);
      z.put(a.code(), (ctr[1] - 52.1) * 2.4 + (ctr[0] - 5.3) * 1.1);
      cl.put(a.code(), ctr[1] > 53.2 ? "HH" : ctr[1] < 51.0 ? "LL" : ctr[0] > 6.8 ? "LH" : "not significant");
    }
    for (String wadden : List.of("GM0088", "GM0096", "GM0093", "GM0060", "GM0448")) {
      if (cl.containsKey(wadden)) {
        cl.put(wadden, "no neighbours");
      }
    }
    size.remove("GM0363"); // Amsterdam: no data
    MapFigure f = Maps.choropleth(areas, size, Set.of("GM0344"), Classification.NATURAL_BREAKS, 5,
        "Oppervlakte van de gemeenten, 2024", "km²", NL).toBuilder().note("Bron: CBS/PDOK, gebiedsindelingen 2024").build();
    checkFormats(f, "nl-gemeenten-area-jenks");
    assertTrue(f.legend().stream().anyMatch(c -> c.label().equals("onderdrukt")), f.legend().toString());
    checkFormats(Maps.choropleth(areas, size, Classification.QUANTILES, 7, "Area of the municipalities, 2024", "km²",
        Locale.ENGLISH), "nl-gemeenten-area-quantiles");
    checkFormats(Maps.hotSpots(areas, z, 0.10, "Gi* hotspots (verzonnen z-waarden)", NL), "nl-gemeenten-hotspots");
    checkFormats(Maps.clusters(areas, cl, "Local Moran clusters (made up)", Locale.ENGLISH), "nl-gemeenten-clusters");
  }

  static double[] centroid(AreaPolygon a) {
    double[] s = new double[3];
    a.forEachRing((p, r, xy) -> {
      if (r == 0) {
        for (int k = 0; k < xy.length; k += 2) {
          s[0] += xy[k];
          s[1] += xy[k + 1];
          s[2]++;
        }
      }
    });
    return new double[] {s[0] / s[2], s[1] / s[2]};
  }
}
