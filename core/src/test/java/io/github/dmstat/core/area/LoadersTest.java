package io.github.dmstat.core.area;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.dmstat.core.Reference;
import io.github.dmstat.core.io.Csv;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** GeoJSON and CBS OData loaders on small fixtures and, when present, the real CBS files. */
class LoadersTest {

  private static String text(String f) {
    return Reference.text(LoadersTest.class, f);
  }

  @Test
  void readsPolygonsMultipolygonsAndHoles() {
    List<AreaPolygon> p = GeoJson.read(new StringReader(text("small.geojson")), "statcode");
    assertEquals(3, p.size());
    assertEquals("GM0001", p.get(0).code());
    assertEquals(Optional.of("Eerste"), p.get(0).name());
    assertEquals(2, p.get(0).polygons().get(0).size(), "outer ring and hole");
    assertEquals(2, p.get(1).polygons().size(), "multipolygon parts");
    assertArrayEquals(new double[] {1, 0, 2, 0, 2, 1, 1, 1, 1, 0}, p.get(1).polygons().get(0).get(0), "height dropped");
    assertEquals(Optional.empty(), p.get(2).name());
  }

  @Test
  void usesFeatureIdWhenNoKeyProperty() {
    List<AreaPolygon> p = GeoJson.read(new StringReader(text("small.geojson")), GeoJson.FEATURE_ID);
    assertEquals(List.of("GM0001", "GM0002", "3"), p.stream().map(AreaPolygon::code).toList());
  }

  @Test
  void rejectsMissingKeyNamingTheFeature() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GeoJson.read(new StringReader(text("small.geojson")), "gemcode"));
    assertTrue(e.getMessage().contains("feature 1") && e.getMessage().contains("'gemcode'"), e.getMessage());
  }

  @Test
  void rejectsNonPolygonGeometryNamingFeatureAndType() {
    String json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"GM0001\",\"properties\":{},"
        + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[5,52]}}]}";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GeoJson.read(new StringReader(json), GeoJson.FEATURE_ID));
    assertTrue(e.getMessage().contains("GM0001") && e.getMessage().contains("'Point'"), e.getMessage());
  }

  @Test
  void rejectsMalformedJson() {
    assertThrows(IllegalArgumentException.class, () -> GeoJson.read(new StringReader("{\"type\":\"FeatureCollection\",\"features\":[{"), GeoJson.FEATURE_ID));
    assertThrows(IllegalArgumentException.class, () -> GeoJson.read(new StringReader("[]"), GeoJson.FEATURE_ID));
  }

  @Test
  void readsODataWithPaddingAndUnknowns() {
    Table t = KwbOData.read(new StringReader(text("kwb_small.json")));
    assertEquals(List.of("code", "level", "name", "inhabitants"), t.columnNames());
    assertEquals(List.of("NL00", "GM0014", "WK001400", "BU00140000", "BU0014000A"), t.stringColumn("code").asList());
    assertEquals(List.of("country", "municipality", "district", "neighbourhood", "neighbourhood"),
        t.stringColumn("level").asList());
    assertEquals("Groningen", t.stringColumn("name").get(1));
    IntColumn inh = t.intColumn("inhabitants");
    assertEquals(243768, inh.get(1));
    assertTrue(inh.isMissing(3) && inh.isMissing(4), "null and '.' are missing");
    assertEquals(5, t.rowCount(), "no row dropped");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"GM14\"", "\"gm0014\""})
  void rejectsBadODataCodeNamingRowAndValue(String code) {
    String json = "{\"value\":[{\"WijkenEnBuurten\":\"GM0014\",\"AantalInwoners_5\":1},{\"WijkenEnBuurten\":" + code
        + ",\"AantalInwoners_5\":1}]}";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KwbOData.read(new StringReader(json)));
    assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains(code.replace('"', '\'')), e.getMessage());
  }

  @Test
  void rejectsNonNumericInhabitants() {
    String json = "{\"value\":[{\"WijkenEnBuurten\":\"GM0014\",\"AantalInwoners_5\":\"veel\"}]}";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KwbOData.read(new StringReader(json)));
    assertTrue(e.getMessage().contains("'veel'") && e.getMessage().contains("AantalInwoners_5"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {2023, 2024})
  void readsRealMunicipalityBoundaries(int year) {
    Path f = SharedData.file("gemeente_" + year + ".geojson").orElse(null);
    assumeTrue(f != null, "shared data not present");
    List<AreaPolygon> p = GeoJson.read(f, "statcode");
    assertEquals(342, p.size());
    Set<String> codes = new HashSet<>();
    for (AreaPolygon a : p) {
      assertTrue(AreaCode.isValid(a.code()), a.code());
      assertTrue(codes.add(a.code()), "duplicate " + a.code());
      assertTrue(a.name().isPresent());
    }
    assertEquals(p.stream().map(AreaPolygon::code).toList(), GeoJson.read(f, GeoJson.FEATURE_ID).stream().map(AreaPolygon::code).toList(),
        "feature id equals statcode");
    AreaHierarchy h = AreaHierarchy.of(year, codes);
    assertEquals(342, h.level(AreaLevel.MUNICIPALITY).size());
  }

  @Test
  void readsRealKerncijfersCsv() {
    Path f = SharedData.file("kwb-2024-gemeenten-wijken.csv").orElse(null);
    assumeTrue(f != null, "shared data not present");
    Table t = Csv.read(f);
    AreaHierarchy h = AreaHierarchy.of(2024, t.stringColumn("code").asList());
    assertEquals(342, h.level(AreaLevel.MUNICIPALITY).size());
    assertEquals(3393, h.level(AreaLevel.DISTRICT).size());
    assertEquals(List.of(), h.implied());
    long total = 0;
    int large = 0;
    for (int r = 0; r < t.rowCount(); r++) {
      AreaCode c = AreaCode.parse(t.stringColumn("code").get(r));
      assertEquals(c.municipality().value(), t.stringColumn("gemeente").get(r));
      if (c.level() == AreaLevel.MUNICIPALITY) {
        long inh = t.intColumn("inhabitants").get(r);
        total += inh;
        large += inh >= 80_000 ? 1 : 0;
      }
    }
    assertEquals(17_942_942L, total);
    assertEquals(48, large);
    assertTrue(h.children(AreaCode.parse("GM0014")).size() > 5);
  }
}
