package io.github.dmstat.charts.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.area.AreaPolygon;
import io.github.dmstat.core.concentration.AreaConcentration;
import io.github.dmstat.core.concentration.AreaCounts;
import io.github.dmstat.core.concentration.MissingPolicy;
import io.github.dmstat.core.spatial.Contiguity;
import io.github.dmstat.core.spatial.GetisOrd;
import io.github.dmstat.core.spatial.MultipleTesting;
import io.github.dmstat.core.spatial.SpatialWeights;
import io.github.dmstat.datasets.SyntheticGeography;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The report's local statistics are corrected for multiple testing, and the text says how. */
class LocalCorrectionTest {
  private static AreaConcentration analyse(MultipleTesting c) {
    SyntheticGeography geo = SyntheticGeography.embedded();
    AreaCounts counts = AreaCounts.from(geo.table(), "code", "incidents", "inhabitants", MissingPolicy.FAIL);
    Map<String, AreaPolygon> byCode = new HashMap<>();
    geo.polygons().forEach(p -> byCode.put(p.code(), p));
    return AreaConcentration.analyse(counts, rated -> {
      List<AreaPolygon> ps = new ArrayList<>();
      rated.forEach(id -> ps.add(byCode.get(id)));
      return Optional.of(SpatialWeights.contiguity(ps, Contiguity.QUEEN));
    }, "queen", 1000, 0.10, 0.95, 99, 1L, c);
  }

  @Test
  void benjaminiHochbergAdjustsTheLocalPValuesAndFindsFewerSpots() {
    AreaConcentration none = analyse(MultipleTesting.NONE);
    AreaConcentration bh = analyse(MultipleTesting.BENJAMINI_HOCHBERG);
    List<GetisOrd.Row> raw = none.getisOrd().orElseThrow().rows();
    List<GetisOrd.Row> adj = bh.getisOrd().orElseThrow().rows();
    long spotsRaw = raw.stream().filter(r -> r.spot() != GetisOrd.Spot.NOT_SIGNIFICANT).count();
    long spotsAdj = adj.stream().filter(r -> r.spot() != GetisOrd.Spot.NOT_SIGNIFICANT).count();
    assertTrue(spotsAdj > 0 && spotsAdj < spotsRaw, spotsAdj + " of " + spotsRaw);
    for (int i = 0; i < raw.size(); i++) {
      assertEquals(raw.get(i).p(), adj.get(i).p(), 0.0, "the raw p stays as spdep gives it");
      assertTrue(!(adj.get(i).p() > adj.get(i).pAdjusted()), "adjusted p is never smaller");
    }
    assertTrue(ConcentrationSection.correctionText(MultipleTesting.BENJAMINI_HOCHBERG, false).contains("Benjamini–Hochberg"));
    assertTrue(ConcentrationSection.correctionText(MultipleTesting.NONE, true).contains("niet gecorrigeerd"));
  }
}
