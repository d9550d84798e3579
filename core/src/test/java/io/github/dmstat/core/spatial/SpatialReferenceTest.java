package io.github.dmstat.core.spatial;

import static io.github.dmstat.core.Reference.close;
import static io.github.dmstat.core.Reference.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.dmstat.core.Reference;
import io.github.dmstat.core.area.AreaPolygon;
import io.github.dmstat.core.area.GeoJson;
import io.github.dmstat.core.area.SharedData;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.Table;

/**
 * Agreement with R spdep 1.2-7 / sf 1.0-9 on the fixtures in {@code reference/} (see
 * {@code make_reference.R} and README.md there). Tolerance 1e-8 relative; neighbour lists exact.
 */
class SpatialReferenceTest {
  private static final String DIR = "reference/";
  private static final double TOL = 1e-8;
  static double maxRel = 0;

  @AfterAll
  static void report() {
    System.out.println("SpatialReferenceTest: max relative difference vs R = " + maxRel);
  }

  private static List<Map<String, String>> rows(String f) {
    return Reference.rows(SpatialReferenceTest.class, DIR + f);
  }

  private static void cmp(double expected, double actual, String what) {
    close(expected, actual, TOL, what);
    if (expected != 0) {
      maxRel = Math.max(maxRel, Math.abs(actual - expected) / Math.abs(expected));
    }
  }

  /** Lattice data and the weights of one case (ids A001..A120, or ..A122 with islands). */
  private static final class Case {
    final List<String> ids = new ArrayList<>();
    final double[] x;
    final double[] count;
    final double[] pop;
    final SpatialWeights w;

    Case(String name) {
      List<Map<String, String>> data = rows("lattice_data.csv");
      int n = name.equals("rook_islands") ? 122 : 120;
      x = new double[n];
      count = new double[n];
      pop = new double[n];
      for (int i = 0; i < n; i++) {
        Map<String, String> r = data.get(i);
        ids.add(r.get("id"));
        x[i] = num(r, "x");
        count[i] = num(r, "count");
        pop[i] = num(r, "pop");
      }
      Table edges = Reference.table(SpatialReferenceTest.class, DIR + "lattice_edges.csv");
      Table sub = edges.where(edges.stringColumn("case").isEqualTo(name));
      w = SpatialWeights.fromEdges(ids, sub, "from", "to", false);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"rook", "queen", "rook_islands"})
  void globalMoranAgreesWithMoranTest(String name) {
    Case c = new Case(name);
    assertTrue(c.w.isSymmetric());
    assertEquals(name.equals("rook_islands") ? List.of("A121", "A122") : List.of(), c.w.islands());
    int checked = 0;
    for (Map<String, String> r : rows("moran_reference.csv")) {
      if (!r.get("case").equals(name)) {
        continue;
      }
      SpatialWeights w = r.get("style").equals("W") ? c.w.rowStandardised() : c.w.binary();
      MoranResult m = Moran.global(c.x, w);
      boolean rnd = Boolean.parseBoolean(r.get("randomisation"));
      String what = name + " " + r.get("style") + " randomisation=" + rnd;
      cmp(num(r, "I"), m.statistic(), what + " I");
      cmp(num(r, "expectation"), m.expectation(), what + " E(I)");
      cmp(num(r, "variance"), rnd ? m.varianceRandomisation() : m.varianceNormality(), what + " Var(I)");
      cmp(num(r, "z"), rnd ? m.zRandomisation() : m.zNormality(), what + " z");
      cmp(num(r, "p_greater"), rnd ? m.pRandomisation() : m.pNormality(), what + " p");
      checked++;
    }
    assertEquals(4, checked);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rook", "queen", "rook_islands"})
  void localMoranAgreesWithLocalmoran(String name) {
    Case c = new Case(name);
    LocalMoran lm = Moran.local(c.x, c.w.rowStandardised());
    int checked = 0;
    for (Map<String, String> r : rows("localmoran_reference.csv")) {
      if (!r.get("case").equals(name)) {
        continue;
      }
      LocalMoran.Row row = lm.find(r.get("id")).orElseThrow();
      String what = name + " " + r.get("id");
      cmp(num(r, "Ii"), row.statistic(), what + " Ii");
      cmp(num(r, "E.Ii"), row.expectation(), what + " E.Ii");
      cmp(num(r, "Var.Ii"), row.variance(), what + " Var.Ii");
      if (r.get("Z.Ii").isEmpty()) {
        assertTrue(row.z().isEmpty() && row.p().isEmpty(), what + " no Z");
        assertEquals(Cluster.NO_NEIGHBOURS, row.cluster());
      } else {
        cmp(num(r, "Z.Ii"), row.z().orElseThrow(), what + " Z.Ii");
        cmp(num(r, "p"), row.p().orElseThrow(), what + " p");
        String[] q = r.get("quadrant").split("-");
        assertEquals(q[0].charAt(0) + "" + q[1].charAt(0), row.quadrant().code(), what + " quadrant");
      }
      checked++;
    }
    assertEquals(c.ids.size(), checked);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rook", "queen", "rook_islands"})
  void getisOrdAgreesWithLocalG(String name) {
    Case c = new Case(name);
    GetisOrd g = GetisOrd.of(c.x, c.w);
    for (Map<String, String> r : rows("localg_reference.csv")) {
      if (r.get("case").equals(name)) {
        cmp(num(r, "gstar"), g.find(r.get("id")).orElseThrow().gStar(), name + " " + r.get("id") + " G*");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"rook", "queen", "rook_islands"})
  void localEbAgreesWithEBlocal(String name) {
    Case c = new Case(name);
    LocalEb e = LocalEb.of(c.count, c.pop, c.w);
    LocalEb g = LocalEb.of(c.count, c.pop, c.w, true);
    for (Map<String, String> r : rows("eblocal_reference.csv")) {
      if (r.get("case").equals(name)) {
        String id = r.get("id");
        cmp(num(r, "raw"), e.find(id).orElseThrow().raw(), name + " " + id + " raw");
        cmp(num(r, "est"), e.find(id).orElseThrow().estimate(), name + " " + id + " est");
        cmp(num(r, "est_geoda"), g.find(id).orElseThrow().estimate(), name + " " + id + " est geoda");
      }
    }
  }

  @Test
  void pAdjustAgreesWithR() {
    List<Map<String, String>> rs = rows("padjust_reference.csv");
    double[] p = rs.stream().mapToDouble(r -> num(r, "p")).toArray();
    double[] bon = MultipleTesting.BONFERRONI.adjust(p);
    double[] bh = MultipleTesting.BENJAMINI_HOCHBERG.adjust(p);
    for (int i = 0; i < p.length; i++) {
      cmp(num(rs.get(i), "bonferroni"), bon[i], "bonferroni " + i);
      cmp(num(rs.get(i), "bh"), bh[i], "BH " + i);
    }
  }

  @Test
  void knnAgreesWithKnearneigh() {
    List<Map<String, String>> pts = rows("knn_points.csv");
    List<String> ids = pts.stream().map(r -> r.get("id")).toList();
    double[] x = pts.stream().mapToDouble(r -> num(r, "x")).toArray();
    double[] y = pts.stream().mapToDouble(r -> num(r, "y")).toArray();
    SpatialWeights w = SpatialWeights.knn(ids, x, y, 4);
    assertEquals(pairs(rows("knn_reference.csv"), null), pairs(w));
  }

  @Test
  void contiguityAgreesWithPoly2nbOnSyntheticPolygons() {
    List<AreaPolygon> polys = GeoJson.read(new StringReader(Reference.text(SpatialReferenceTest.class,
        DIR + "synthetic_polygons.geojson")), "code");
    List<Map<String, String>> ref = rows("poly2nb_synthetic.csv");
    for (Contiguity rule : Contiguity.values()) {
      SpatialWeights w = SpatialWeights.contiguity(polys, rule);
      String type = rule.name().toLowerCase(java.util.Locale.ROOT);
      assertEquals(pairs(ref, type), pairs(w), type);
      assertTrue(w.isSymmetric());
    }
    assertEquals(List.of("S15", "S16", "S17"), SpatialWeights.contiguity(polys, Contiguity.ROOK).islands());
  }

  @ParameterizedTest
  @ValueSource(ints = {2023, 2024})
  void contiguityAgreesWithPoly2nbOnMunicipalities(int year) {
    Path f = SharedData.file("gemeente_" + year + ".geojson").orElse(null);
    assumeTrue(f != null, "shared data not present");
    List<AreaPolygon> polys = GeoJson.read(f, "statcode");
    assertEquals(342, polys.size());
    List<Map<String, String>> ref = rows("poly2nb_gemeente_" + year + ".csv");
    for (Contiguity rule : Contiguity.values()) {
      SpatialWeights w = SpatialWeights.contiguity(polys, rule);
      String type = rule.name().toLowerCase(java.util.Locale.ROOT);
      Map<String, TreeSet<String>> expected = sets(ref, type, w.ids());
      for (int i = 0; i < w.size(); i++) {
        assertEquals(expected.get(w.id(i)), new TreeSet<>(w.neighbours(w.id(i)).orElseThrow()),
            year + " " + type + " neighbours of " + w.id(i));
      }
      assertEquals(List.of("GM0060", "GM0088", "GM0093", "GM0096", "GM0448"),
          w.islands().stream().sorted().toList(), "Wadden islands");
    }
    Centroids cen = SpatialWeights.centroids(polys);
    for (Map<String, String> r : rows("centroids_gemeente_" + year + ".csv")) {
      double[] c = cen.of(r.get("code")).orElseThrow();
      cmp(num(r, "x"), c[0], year + " centroid x " + r.get("code"));
      cmp(num(r, "y"), c[1], year + " centroid y " + r.get("code"));
    }
  }

  private static Map<String, TreeSet<String>> sets(List<Map<String, String>> ref, String type, List<String> ids) {
    Map<String, TreeSet<String>> m = new TreeMap<>();
    for (String id : ids) {
      m.put(id, new TreeSet<>());
    }
    for (Map<String, String> r : ref) {
      if (r.get("type").equals(type)) {
        assertTrue(m.containsKey(r.get("from")), r.get("from"));
        m.get(r.get("from")).add(r.get("to"));
      }
    }
    return m;
  }

  private static TreeSet<String> pairs(List<Map<String, String>> ref, String type) {
    TreeSet<String> s = new TreeSet<>();
    for (Map<String, String> r : ref) {
      if (type == null || r.get("type").equals(type)) {
        s.add(r.get("from") + ">" + r.get("to"));
      }
    }
    assertFalse(s.isEmpty());
    return s;
  }

  private static TreeSet<String> pairs(SpatialWeights w) {
    TreeSet<String> s = new TreeSet<>();
    for (int i = 0; i < w.size(); i++) {
      for (int j : w.neighbours(i)) {
        s.add(w.id(i) + ">" + w.id(j));
      }
    }
    return s;
  }
}
