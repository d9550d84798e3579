package io.github.dmstat.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.area.AreaCode;
import io.github.dmstat.core.area.AreaLevel;
import io.github.dmstat.core.area.AreaPolygon;
import io.github.dmstat.core.area.GeoJson;
import io.github.dmstat.core.spatial.Contiguity;
import io.github.dmstat.core.spatial.Moran;
import io.github.dmstat.core.spatial.SpatialWeights;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class SyntheticGeographyTest {
  @Test
  void sameSeedGivesTheSameGeography() {
    SyntheticGeography a = SyntheticGeography.generate(7);
    SyntheticGeography b = SyntheticGeography.generate(7);
    assertEquals(a.buurten(), b.buurten());
    assertEquals(a.geoJson(), b.geoJson());
    assertEquals(a.polygons(), b.polygons());
    assertNotEquals(a.buurten(), SyntheticGeography.generate(8).buurten());
  }

  @Test
  void codesFollowTheCbsHierarchy() {
    SyntheticGeography g = SyntheticGeography.embedded();
    Set<String> codes = new HashSet<>();
    Set<String> gm = new HashSet<>();
    for (SyntheticGeography.Buurt b : g.buurten()) {
      assertTrue(codes.add(b.code()), b.code());
      AreaCode c = AreaCode.parse(b.code());
      assertEquals(AreaLevel.NEIGHBOURHOOD, c.level());
      assertEquals(b.wijk(), c.parent().orElseThrow().value());
      assertEquals(b.gemeente(), c.municipality().value());
      assertTrue(b.inhabitants() >= 50 && b.inhabitants() % 5 == 0, b.toString());
      gm.add(b.gemeente());
    }
    assertEquals(6, gm.size());
    assertTrue(g.buurten().size() > 250 && g.buurten().size() < 800, g.toString());
    Table t = Datasets.table("buurten");
    assertEquals(g.buurten().size(), t.rowCount());
    assertEquals(List.of("code", "wijk", "gemeente", "gemeente_name", "name", "inhabitants", "incidents",
        "incidents_per_1000", "lbm", "afw", "won", "fys", "vrz", "soc", "onv"), t.columnNames());
    assertEquals(6, g.municipalityTable().rowCount());
    assertTrue(Datasets.describe("buurten").contains("dataset:buurten"));
  }

  @Test
  void geoJsonReadsBackAsThePolygons() {
    SyntheticGeography g = SyntheticGeography.generate(3);
    List<AreaPolygon> read = GeoJson.read(new StringReader(g.geoJson()), GeoJson.FEATURE_ID);
    assertEquals(g.polygons(), read);
    assertEquals(g.polygons(), GeoJson.read(new StringReader(g.geoJson()), "statcode"));
  }

  @Test
  void islandsAloneHaveNoNeighboursAndEveryWijkIsConnectedInside() {
    SyntheticGeography g = SyntheticGeography.embedded();
    SpatialWeights w = SpatialWeights.contiguity(g.polygons(), Contiguity.QUEEN);
    assertEquals(g.islands(), w.islands().stream().sorted().toList());
    assertEquals(2, g.islands().size());
    SpatialWeights rook = SpatialWeights.contiguity(g.polygons(), Contiguity.ROOK);
    assertTrue(rook.links() < w.links(), "corner contacts are queen-only");
    assertTrue(rook.islands().size() == 2);
  }

  @Test
  void plantedHotSpotsHaveTheirTrueRelativeRisk() {
    SyntheticGeography g = SyntheticGeography.generate(11, SyntheticGeography.Settings.withDefaults()
        .withMunicipalities(30).withBaseRate(200));
    double base = g.settings().baseRatePerThousand() / 1000;
    double obs = 0;
    double exp = 0;
    double rrSum = 0;
    double popAll = 0;
    double rrPop = 0;
    for (SyntheticGeography.Buurt b : g.buurten()) {
      assertEquals(base * b.inhabitants() * b.relativeRisk(), b.expected(), 1e-9 * b.expected());
      popAll += b.inhabitants();
      rrPop += b.inhabitants() * b.relativeRisk();
      if (b.hotSpot()) {
        obs += b.incidents();
        exp += base * b.inhabitants();
        rrSum += b.inhabitants() * b.relativeRisk();
      }
    }
    assertEquals(1, rrPop / popAll, 1e-12);
    assertTrue(g.hotSpots().size() > 50, g.toString());
    // observed / (base x population) over the hot spots recovers their population-weighted true relative risk
    assertEquals(rrSum / exp * base, obs / exp, 0.03 * obs / exp);
    double meanHot = g.hotSpots().stream().mapToDouble(c -> g.relativeRisk().get(c)).average().orElseThrow();
    assertTrue(meanHot > 2.5, "hot spots carry the x4 factor: " + meanHot);
    long total = g.buurten().stream().mapToLong(SyntheticGeography.Buurt::incidents).sum();
    assertEquals(base * popAll, total, 0.01 * total);
  }

  @Test
  void riskIsSpatiallyClusteredAndLiveabilityFallsWithRisk() {
    SyntheticGeography g = SyntheticGeography.generate(5, SyntheticGeography.Settings.withDefaults().withMunicipalities(12));
    List<SyntheticGeography.Buurt> bs = g.buurten();
    double[] logRr = bs.stream().mapToDouble(b -> Math.log(b.relativeRisk())).toArray();
    double[] lbm = bs.stream().mapToDouble(SyntheticGeography.Buurt::lbm).toArray();
    SpatialWeights w = SpatialWeights.contiguity(g.polygons(), Contiguity.QUEEN).rowStandardised();
    assertTrue(Moran.global(logRr, w).statistic() > 0.3);
    assertTrue(correlation(logRr, lbm) < -0.5, "corr " + correlation(logRr, lbm));
    for (SyntheticGeography.Buurt b : bs) {
      assertEquals(SyntheticGeography.LBM_REFERENCE + b.won() + b.fys() + b.vrz() + b.soc() + b.onv(), b.lbm(), 1e-12);
    }
  }

  @Test
  void rejectsBadSettingsNamingTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SyntheticGeography.Settings.withDefaults().withHotSpots(0.9, 4));
    assertTrue(e.getMessage().contains("hotSpotShare") && e.getMessage().contains("0.9"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SyntheticGeography.Settings.withDefaults().withMunicipalities(0));
    assertThrows(IllegalArgumentException.class, () -> SyntheticGeography.Settings.withDefaults().withBaseRate(-1));
  }

  static double correlation(double[] x, double[] y) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      mx += x[i] / x.length;
      my += y[i] / y.length;
    }
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }
}
