package io.github.dmstat.cli;

import static io.github.dmstat.cli.CliRun.run;
import io.github.dmstat.cli.CliRun.Result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.selection.CompositeIndex;
import io.github.dmstat.core.selection.Explanation;
import io.github.dmstat.core.selection.Selection;
import io.github.dmstat.core.selection.SelectionRules;
import io.github.dmstat.core.selection.IndicatorScaling;
import io.github.dmstat.core.selection.WeightedIndicator;
import io.github.dmstat.datasets.PreventieMetGezag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class SelectCommandTest {
  @TempDir
  Path dir;


  private static final String AREAS = "code,name,inhabitants,crime,crime_se,lbm\n"
      + "GM0001,Aa,120000,12.5,1.0,3.9\nGM0002,Bb,95000,9.1,0.8,4.1\nGM0003,Cc,60000,15.2,2.0,3.7\n"
      + "GM0004,Dd,250000,7.4,0.5,4.3\nGM0005,Ee,85000,11.0,1.1,3.95\nGM0006,Ff,82000,6.0,0.9,4.4\n";

  private Path csv(String text) throws IOException {
    Path p = dir.resolve("areas.csv");
    Files.writeString(p, text);
    return p;
  }

  private static JsonNode json(Result r) throws IOException {
    assertEquals(0, r.code(), r.err());
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void jsonAgreesWithTheLibrary() throws IOException {
    Path f = csv(AREAS);
    JsonNode j = json(run("select", "--data", f.toString(), "--area", "code", "--population", "inhabitants",
        "--top", "3", "--indicator", "crime:0.7", "--indicator", "lbm:-0.3", "--format", "json"));
    Selection s = CompositeIndex.of(WeightedIndicator.of("crime", 0.7), WeightedIndicator.of("lbm", -0.3))
        .select(Csv.read(f), "code", "inhabitants", SelectionRules.top(3).withMinimumPopulation(80_000));
    assertEquals(s.selected().size(), j.get("selected").size());
    for (int i = 0; i < s.selected().size(); i++) {
      JsonNode o = j.get("selected").get(i);
      assertEquals(i + 1, o.get("rank").asInt());
      assertEquals(s.selected().get(i).area(), o.get("area").asText());
      assertEquals(s.selected().get(i).score(), o.get("score").asDouble(), 1e-12);
    }
    assertEquals(6, j.get("areas").size());
    for (JsonNode a : j.get("areas")) {
      Explanation e = s.explain(a.get("area").asText()).orElseThrow();
      for (String field : new String[] {"area", "score", "rank", "eligible", "selected", "reason", "contributions"}) {
        assertTrue(a.has(field), field);
      }
      assertEquals(e.score().getAsDouble(), a.get("score").asDouble(), 1e-12);
      assertEquals(e.rank().getAsInt(), a.get("rank").asInt());
      assertEquals(e.eligible(), a.get("eligible").asBoolean());
      assertEquals(e.selected(), a.get("selected").asBoolean());
      assertEquals(e.reason(), a.get("reason").asText());
      assertEquals(e.contribution("crime").contribution().getAsDouble(), a.at("/contributions/crime").asDouble(), 1e-12);
      assertEquals(e.contribution("lbm").contribution().getAsDouble(), a.at("/contributions/lbm").asDouble(), 1e-12);
    }
    JsonNode small = j.get("areas").findParents("area").stream().filter(a -> a.get("area").asText().equals("GM0003"))
        .findFirst().orElseThrow();
    assertFalse(small.get("eligible").asBoolean());
    assertTrue(small.get("reason").asText().contains("below 80,000"), small.toString());
  }

  @Test
  void namedExceptionsNamesAndUncertainty() throws IOException {
    Path f = csv(AREAS);
    JsonNode j = json(run("select", "--data", f.toString(), "--area", "code", "--population", "inhabitants",
        "--top", "3", "--indicator", "crime:1:crime_se", "--include", "GM0003", "--exclude", "GM0001",
        "--standardise", "rank", "--name", "name", "--uncertainty", "200", "--seed", "5", "--format", "json"));
    List<String> sel = new ArrayList<>();
    j.get("selected").forEach(o -> sel.add(o.get("area").asText()));
    assertTrue(sel.contains("GM0003") && !sel.contains("GM0001"), sel.toString());
    for (JsonNode a : j.get("areas")) {
      assertTrue(a.has("name") && a.has("pSelected") && a.has("rankLower") && a.has("rankUpper"), a.toString());
      if (a.get("area").asText().equals("GM0003")) {
        assertEquals(1.0, a.get("pSelected").asDouble());
        assertTrue(a.get("reason").asText().startsWith("named inclusion"));
        assertEquals("Cc", a.get("name").asText());
      }
      if (a.get("area").asText().equals("GM0001")) {
        assertEquals(0.0, a.get("pSelected").asDouble());
        assertTrue(a.get("reason").asText().startsWith("named exclusion"));
      }
    }
    Result again = run("select", "--data", f.toString(), "--area", "code", "--population", "inhabitants", "--top", "3",
        "--indicator", "crime:1:crime_se", "--include", "GM0003", "--exclude", "GM0001", "--standardise", "rank",
        "--name", "name", "--uncertainty", "200", "--seed", "5", "--format", "json");
    assertEquals(new ObjectMapper().readTree(again.out()), j);
    Result table = run("select", "--data", f.toString(), "--area", "code", "--population", "inhabitants",
        "--indicator", "crime:1", "--name", "name", "--min-population", "0", "--top", "2");
    assertEquals(0, table.code(), table.err());
    assertTrue(table.out().contains("GM0003 Cc"), table.out());
    Result csvOut = run("select", "--data", f.toString(), "--area", "code", "--population", "inhabitants",
        "--indicator", "crime:1", "--format", "csv", "--standardise", "minmax");
    assertEquals(0, csvOut.code(), csvOut.err());
    assertTrue(csvOut.out().startsWith("area,population,score,rank"), csvOut.out());
  }

  @Test
  void worksOnTheEmbeddedBuurten() throws IOException {
    JsonNode j = json(run("select", "--dataset", "buurten", "--area", "code", "--population", "inhabitants",
        "--min-population", "0", "--top", "10", "--indicator", "incidents_per_1000:1", "--indicator", "lbm:-0.5",
        "--format", "json"));
    assertEquals(10, j.get("selected").size());
  }

  private void assertBad(Result r, String... parts) {
    assertEquals(2, r.code(), r.out() + r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    for (String p : parts) {
      assertTrue(r.err().contains(p), p + " in " + r.err());
    }
  }

  @Test
  void badInputExitsWithTwoAndOneLine() throws IOException {
    Path bad = csv(AREAS.replace("GM0004", "gm04"));
    assertBad(run("select", "--data", bad.toString(), "--area", "code", "--population", "inhabitants", "--indicator",
        "crime:1"), "areas.csv", "line 5", "gm04");
    Path dup = csv(AREAS.replace("GM0004", "GM0002"));
    assertBad(run("select", "--data", dup.toString(), "--area", "code", "--population", "inhabitants", "--indicator",
        "crime:1"), "line 5", "GM0002", "unique");
    Path f = csv(AREAS);
    assertBad(run("select", "--data", f.toString(), "--area", "code", "--population", "inhabitants", "--indicator",
        "drugs:1"), "'drugs'", "available: [code, name, inhabitants, crime, crime_se, lbm]");
    assertBad(run("select", "--data", f.toString(), "--area", "code", "--population", "inhabitants", "--indicator",
        "crime:heavy"), "heavy");
    assertBad(run("select", "--data", f.toString(), "--area", "code", "--population", "inhabitants", "--indicator",
        "crime:1", "--include", "GM0999"), "GM0999");
    assertBad(run("select", "--data", f.toString(), "--area", "code", "--population", "inhabitants", "--indicator",
        "crime:1", "--standardise", "robust"), "robust", "minmax");
    Path neg = csv(AREAS.replace("GM0002,Bb,95000", "GM0002,Bb,-95000"));
    assertBad(run("select", "--data", neg.toString(), "--area", "code", "--population", "inhabitants", "--indicator",
        "crime:1"), "GM0002", "-95000");
  }

  /** The real CBS 2024 municipalities (shared data folder, not in the repository), municipality rows only. */
  private Path realMunicipalities() throws IOException {
    String shared = System.getProperty("dmstat.shared.data");
    Assumptions.assumeTrue(shared != null && Files.isDirectory(Path.of(shared)), "no shared data folder");
    Path kwb = Path.of(shared, "kwb-2024-gemeenten-wijken.csv");
    Assumptions.assumeTrue(Files.exists(kwb), "no kwb-2024 file");
    Table t = Csv.read(kwb);
    Table gm = t.where(t.stringColumn("level").isEqualTo("gemeente"));
    Path out = dir.resolve("gemeenten-2024.csv");
    Files.writeString(out, Csv.toString(gm));
    return out;
  }

  @Test
  void realMunicipalities48EligibleAndThePmgExceptionsBelow80000() throws IOException {
    Path f = realMunicipalities();
    JsonNode j = json(run("select", "--data", f.toString(), "--area", "code", "--population", "inhabitants",
        "--indicator", "density_per_km2:1", "--name", "name", "--format", "json"));
    assertEquals(342, j.get("areas").size());
    long eligible = 0;
    TreeSet<String> pmgBelow = new TreeSet<>();
    List<String> pmg = PreventieMetGezag.programme27().stream().map(PreventieMetGezag.Municipality::code).toList();
    for (JsonNode a : j.get("areas")) {
      if (a.get("eligible").asBoolean()) {
        eligible++;
      } else if (pmg.contains(a.get("area").asText())) {
        assertTrue(a.get("reason").asText().startsWith("below 80,000 inhabitants"), a.toString());
        pmgBelow.add(PreventieMetGezag.find(a.get("area").asText()).orElseThrow().name());
      }
    }
    assertEquals(48, eligible);
    assertEquals(List.of("Nieuwegein", "Roosendaal", "Vlaardingen"), new ArrayList<>(pmgBelow));
    assertEquals(27, j.get("selected").size());

    // the programme as rules plus named exceptions: the three smaller ones enter by name
    String three = PreventieMetGezag.programme27().stream().filter(m -> pmgBelow.contains(m.name()))
        .map(PreventieMetGezag.Municipality::code).collect(Collectors.joining(","));
    JsonNode k = json(run("select", "--data", f.toString(), "--area", "code", "--population", "inhabitants",
        "--indicator", "density_per_km2:1", "--include", three, "--format", "json"));
    List<String> sel = new ArrayList<>();
    k.get("selected").forEach(o -> sel.add(o.get("area").asText()));
    assertEquals(27, sel.size());
    assertTrue(sel.containsAll(List.of("GM0356", "GM1674", "GM0622")), sel.toString());
  }

  @Test
  void everyPmgCodeIsARealMunicipality2024() throws IOException {
    Path f = realMunicipalities();
    Table t = Csv.read(f);
    List<String> codes = t.stringColumn("code").asList();
    for (PreventieMetGezag.Municipality m : PreventieMetGezag.all()) {
      int i = codes.indexOf(m.code());
      assertTrue(i >= 0, m.toString());
      String cbs = t.stringColumn("name").get(i);
      assertTrue(cbs.startsWith(m.name()) || (m.code().equals("GM0518") && cbs.equals("'s-Gravenhage")), m + " vs " + cbs);
    }
  }
}
