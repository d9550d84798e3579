package io.github.dmstat.cli;

import static io.github.dmstat.cli.CliRun.run;
import io.github.dmstat.cli.CliRun.Result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dmstat.core.concentration.AreaCounts;
import io.github.dmstat.core.concentration.Concentration;
import io.github.dmstat.core.concentration.EbRates;
import io.github.dmstat.core.concentration.EmpiricalBayes;
import io.github.dmstat.core.concentration.Gini;
import io.github.dmstat.core.concentration.MissingPolicy;
import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.spatial.Contiguity;
import io.github.dmstat.core.spatial.GetisOrd;
import io.github.dmstat.core.spatial.LocalMoran;
import io.github.dmstat.core.spatial.LocalSettings;
import io.github.dmstat.core.spatial.Moran;
import io.github.dmstat.core.spatial.MoranResult;
import io.github.dmstat.core.spatial.SpatialWeights;
import io.github.dmstat.datasets.SyntheticGeography;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class ConcentrationCommandTest {
  @TempDir
  Path dir;

  private final SyntheticGeography geo = SyntheticGeography.generate(42);
  private Path data;
  private Path boundaries;


  @BeforeEach
  void files() throws IOException {
    data = dir.resolve("buurten.csv");
    Files.writeString(data, Csv.toString(geo.table()));
    boundaries = dir.resolve("buurten.geojson");
    Files.writeString(boundaries, geo.geoJson());
  }

  private JsonNode json(String... args) throws IOException {
    Result r = run(args);
    assertEquals(0, r.code(), r.err());
    return new ObjectMapper().readTree(r.out());
  }

  private String[] base(String... more) {
    List<String> a = new java.util.ArrayList<>(List.of("concentration", "--data", data.toString(), "--area", "code",
        "--count", "incidents", "--population", "inhabitants", "--format", "json"));
    a.addAll(List.of(more));
    return a.toArray(new String[0]);
  }

  @Test
  void jsonAgreesWithTheLibraryWithQueenContiguity() throws IOException {
    JsonNode j = json(base("--boundaries", boundaries.toString(), "--contiguity", "queen", "--permutations", "99",
        "--seed", "3"));
    Table t = geo.table();
    AreaCounts counts = AreaCounts.from(t, "code", "incidents", "inhabitants", MissingPolicy.FAIL);
    Gini g = Concentration.gini(counts);
    JsonNode s = j.get("summary");
    assertEquals(counts.size(), s.get("areas").asInt());
    assertEquals(counts.totalEvents(), s.get("total").asLong());
    assertEquals(g.gini(), s.get("gini").asDouble(), 1e-15);
    assertEquals(g.corrected(), s.get("giniCorrected").asDouble(), 1e-15);
    assertEquals(g.generalised(), s.get("giniGeneralised").asDouble(), 1e-15);
    assertEquals(0.1, s.at("/topShare/fraction").asDouble());
    assertEquals(Concentration.topShare(counts, 0.1).k(), s.at("/topShare/areas").asInt());
    assertEquals(Concentration.topShare(counts, 0.1).share(), s.at("/topShare/share").asDouble(), 1e-15);

    double[] x = new double[counts.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = 1000.0 * counts.events()[i] / counts.population()[i];
    }
    SpatialWeights w = SpatialWeights.contiguity(geo.polygons(), Contiguity.QUEEN);
    MoranResult m = Moran.global(x, w.rowStandardised(), 99, 3);
    JsonNode mj = s.get("moran");
    assertEquals(m.statistic(), mj.get("i").asDouble(), 1e-12);
    assertEquals(m.expectation(), mj.get("expected").asDouble(), 1e-15);
    assertEquals(m.varianceNormality(), mj.get("varianceNormal").asDouble(), 1e-15);
    assertEquals(m.zNormality(), mj.get("zNormal").asDouble(), 1e-9);
    assertEquals(m.varianceRandomisation(), mj.get("varianceRandomisation").asDouble(), 1e-15);
    assertEquals(m.zRandomisation(), mj.get("zRandomisation").asDouble(), 1e-9);
    assertEquals(m.permutationP().getAsDouble(), mj.get("pPermutation").asDouble(), 1e-15);

    LocalSettings ls = LocalSettings.withDefaults().withAlpha(0.05).withPermutations(99, 3);
    LocalMoran lm = Moran.local(x, w.rowStandardised(), ls);
    GetisOrd gi = GetisOrd.of(x, w, ls);
    EbRates eb = EmpiricalBayes.estimate(counts, 1000);
    JsonNode areas = j.get("areas");
    assertEquals(counts.size(), areas.size());
    for (int i = 0; i < counts.size(); i++) {
      JsonNode a = areas.get(i);
      String id = counts.areas().get(i);
      assertEquals(id, a.get("area").asText());
      for (String f : new String[] {"count", "population", "rate", "rateLower", "rateUpper", "ebRate", "localMoran",
          "cluster", "pLocal", "giStar", "neighbours"}) {
        assertTrue(a.has(f), f);
      }
      assertEquals(x[i], a.get("rate").asDouble(), 1e-12);
      assertTrue(a.get("rateLower").asDouble() <= x[i] && x[i] <= a.get("rateUpper").asDouble());
      assertEquals(eb.find(id).orElseThrow().smoothed(), a.get("ebRate").asDouble(), 1e-12);
      LocalMoran.Row r = lm.rows().get(i);
      assertEquals(r.statistic(), a.get("localMoran").asDouble(), 1e-12);
      assertEquals(r.cluster().code(), a.get("cluster").asText());
      assertEquals(gi.rows().get(i).gStar(), a.get("giStar").asDouble(), 1e-12);
      assertEquals(w.cardinality(i), a.get("neighbours").asInt());
      if (geo.islands().contains(id)) {
        assertEquals(0, a.get("neighbours").asInt());
        assertEquals("no neighbours", a.get("cluster").asText());
        assertTrue(a.get("pLocal").isNull());
      } else {
        assertEquals(r.pSimulated().getAsDouble(), a.get("pLocal").asDouble(), 1e-15);
      }
    }
    assertTrue(j.get("notes").toString().contains("without neighbours"), j.get("notes").toString());
  }

  @Test
  void embeddedDatasetWithEmbeddedBoundariesEqualsTheFiles() throws IOException {
    SyntheticGeography e = SyntheticGeography.embedded();
    Files.writeString(data, Csv.toString(e.table()));
    Files.writeString(boundaries, e.geoJson());
    JsonNode fromFiles = json(base("--boundaries", boundaries.toString()));
    JsonNode embedded = json("concentration", "--dataset", "buurten", "--area", "code", "--count", "incidents",
        "--population", "inhabitants", "--boundaries", "dataset:buurten", "--format", "json");
    assertEquals(fromFiles.get("areas"), embedded.get("areas"));
    assertEquals(fromFiles.at("/summary/moran"), embedded.at("/summary/moran"));
  }

  @Test
  void withoutNeighboursTheSpatialFieldsAreNullWithANote() throws IOException {
    JsonNode j = json(base());
    assertTrue(j.at("/summary/moran").isNull());
    JsonNode a = j.at("/areas/0");
    for (String f : new String[] {"localMoran", "cluster", "pLocal", "giStar", "neighbours"}) {
      assertTrue(a.get(f).isNull(), f);
    }
    assertTrue(j.get("notes").toString().contains("no neighbour option"), j.toString().substring(0, 200));
    Result table = run("concentration", "--data", data.toString(), "--area", "code", "--count", "incidents",
        "--population", "inhabitants");
    assertEquals(0, table.code(), table.err());
    assertTrue(table.out().contains("Gini") && table.out().contains("Note: no neighbour option"), table.out());
  }

  @Test
  void edgeListAndKnnGiveTheirNeighbours() throws IOException {
    Path small = dir.resolve("small.csv");
    Files.writeString(small, "code,n,pop\nGM0001,5,1000\nGM0002,10,1200\nGM0003,1,900\nGM0004,0,800\nGM0005,7,500\n"
        + "GM0006,3,700\n");
    Path edges = dir.resolve("edges.csv");
    Files.writeString(edges, "from,to\nGM0001,GM0002\nGM0002,GM0003\nGM0003,GM0004\nGM0004,GM0001\nGM0002,GM0004\n");
    Result r = run("concentration", "--data", small.toString(), "--area", "code", "--count", "n", "--population", "pop",
        "--neighbours", edges.toString(), "--format", "json", "--per", "100000");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(2, j.at("/areas/0/neighbours").asInt());
    assertEquals(3, j.at("/areas/1/neighbours").asInt());
    assertEquals(0, j.at("/areas/4/neighbours").asInt());
    assertEquals(500.0, j.at("/areas/0/rate").asDouble(), 1e-9);
    assertEquals(2, j.at("/summary/moran/islands").asInt());

    JsonNode k = json(base("--boundaries", boundaries.toString(), "--knn", "4", "--permutations", "0"));
    assertTrue(k.at("/summary/moran/pPermutation").isNull());
    for (JsonNode a : k.get("areas")) {
      assertEquals(4, a.get("neighbours").asInt());
    }
    Result csv = run("concentration", "--data", data.toString(), "--area", "code", "--count", "incidents",
        "--population", "inhabitants", "--boundaries", boundaries.toString(), "--contiguity", "rook", "--format", "csv");
    assertEquals(0, csv.code(), csv.err());
    assertTrue(csv.out().startsWith("area,count,population,rate,rateLower,rateUpper,ebRate,localMoran,cluster,pLocal,"
        + "giStar,neighbours"), csv.out().substring(0, 100));
  }

  private void assertBad(Result r, String... parts) {
    assertEquals(2, r.code(), r.out() + r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    for (String p : parts) {
      assertTrue(r.err().contains(p), p + " in " + r.err());
    }
  }

  private Result runSmall(String csv, String... more) throws IOException {
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, csv);
    List<String> a = new java.util.ArrayList<>(List.of("concentration", "--data", f.toString(), "--area", "code",
        "--count", "n", "--population", "pop"));
    a.addAll(List.of(more));
    return run(a.toArray(new String[0]));
  }

  @Test
  void badInputExitsWithTwoAndOneLineNamingAreaAndValue() throws IOException {
    assertBad(runSmall("code,n,pop\nGM0001,1,10\nXX12,2,10\nGM0003,1,5\n"), "bad.csv", "line 3", "XX12");
    assertBad(runSmall("code,n,pop\nGM0001,1,10\nGM0002,2,10\nGM0001,1,5\n"), "bad.csv", "line 4", "GM0001", "unique");
    assertBad(runSmall("code,n,pop\nGM0001,1,10\nGM0002,-3,10\n"), "bad.csv", "GM0002", "-3");
    assertBad(runSmall("code,n,pop\nGM0001,1,10\nGM0002,4,0\n"), "bad.csv", "GM0002", "population 0 with 4 events");
    assertBad(run("concentration", "--data", data.toString(), "--area", "code", "--count", "cases", "--population",
        "inhabitants"), "'cases'", "available: [code, wijk,");
    Path edges = dir.resolve("edges.csv");
    Files.writeString(edges, "from,to\nGM0001,GM0002\nGM0002,GM0009\n");
    assertBad(runSmall("code,n,pop\nGM0001,1,10\nGM0002,2,10\nGM0003,1,5\n", "--neighbours", edges.toString()),
        "edges.csv", "line 3", "GM0009");
    Path points = dir.resolve("points.geojson");
    Files.writeString(points, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"GM0001\","
        + "\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[5,52]}}]}");
    assertBad(runSmall("code,n,pop\nGM0001,1,10\nGM0002,2,10\n", "--boundaries", points.toString()), "points.geojson",
        "GM0001", "Point");
    assertBad(runSmall("code,n,pop\nGM0001,1,10\nGM0002,2,10\n", "--knn", "2"), "--knn", "--boundaries");
    assertBad(run(base("--boundaries", boundaries.toString(), "--contiguity", "bishop")), "bishop", "queen");
    assertBad(run(base("--boundaries", boundaries.toString(), "--boundary-key", "gemeentecode")), "buurten.geojson");
  }
}
