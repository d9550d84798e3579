package io.github.dmstat.cli;

import static io.github.dmstat.cli.CliRun.run;
import io.github.dmstat.cli.CliRun.Result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract: options, JSON shape, exit codes and one-line errors. */
class CliTest {
  @TempDir
  Path dir;


  private Path csv(String text) throws IOException {
    Path p = dir.resolve("survey.csv");
    Files.writeString(p, text);
    return p;
  }

  private static String survey() {
    StringBuilder sb = new StringBuilder("stratum,psu,weight,used,sex\n");
    for (int i = 0; i < 200; i++) {
      sb.append("S").append(i % 4).append(",P").append(i % 5).append(',').append(1 + (i % 7) * 0.5).append(',')
          .append(i % 3 == 0 ? "1" : i % 17 == 0 ? "" : "0").append(',').append(i % 2 == 0 ? "F" : "M").append('\n');
    }
    return sb.toString();
  }

  @Test
  void helpListsCommands() {
    Result r = run("--help");
    assertEquals(0, r.code());
    for (String c : new String[] {"prevalence", "key-figures", "datasets", "shell"}) {
      assertTrue(r.out().contains(c), r.out());
    }
    assertEquals(0, run("prevalence", "--help").code());
  }

  @Test
  void jsonFollowsTheContract() throws IOException {
    Path f = csv(survey());
    Result r = run("prevalence", "--data", f.toString(), "--outcome", "used", "--weight", "weight", "--strata", "stratum",
        "--psu", "psu", "--by", "sex", "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(200, j.at("/design/rows").asInt());
    assertTrue(j.at("/design/excluded").asInt() > 0);
    assertEquals(4, j.at("/design/strata").asInt());
    assertEquals(20, j.at("/design/psus").asInt());
    assertEquals(16, j.at("/design/degreesOfFreedom").asInt());
    assertEquals("logit", j.get("ciMethod").asText());
    assertEquals(0.95, j.get("level").asDouble());
    JsonNode e = j.get("estimates").get(0);
    assertEquals("F", e.at("/group/sex").asText());
    for (String field : new String[] {"n", "weightSum", "prevalence", "se", "ciLower", "ciUpper", "designEffect",
        "effectiveN", "degreesOfFreedom", "reliability"}) {
      assertTrue(e.has(field), field + " in " + e);
    }
    assertTrue(e.get("prevalence").asDouble() > 0.2 && e.get("prevalence").asDouble() < 0.5);
  }

  @Test
  void overallHasAnEmptyGroup() throws IOException {
    Result r = run("prevalence", "--data", csv(survey()).toString(), "--outcome", "used", "--weight", "weight",
        "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(1, j.get("estimates").size());
    assertEquals(0, j.at("/estimates/0/group").size());
  }

  @Test
  void suppressedCellsHaveNullValues() throws IOException {
    Path f = csv("weight,used\n1,1\n2,0\n1,1\n");
    Result r = run("prevalence", "--data", f.toString(), "--outcome", "used", "--weight", "weight", "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode e = new ObjectMapper().readTree(r.out()).at("/estimates/0");
    assertEquals("SUPPRESSED", e.get("reliability").asText());
    assertTrue(e.get("prevalence").isNull() && e.get("ciLower").isNull() && e.get("se").isNull());
    Result csv = run("prevalence", "--data", f.toString(), "--outcome", "used", "--weight", "weight", "--format", "csv");
    assertFalse(csv.out().contains("0.666"), csv.out());
  }

  @Test
  void badInputExitsWithTwoAndOneLine() throws IOException {
    Path f = csv("stratum,psu,weight,used\nA,1,1,1\nA,2,-12.5,0\n");
    Result r = run("prevalence", "--data", f.toString(), "--outcome", "used", "--weight", "weight");
    assertEquals(2, r.code());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("survey.csv") && r.err().contains("'weight'") && r.err().contains("line 3")
        && r.err().contains("-12.5"), r.err());

    Result col = run("prevalence", "--data", f.toString(), "--outcome", "cannabis", "--weight", "weight");
    assertEquals(2, col.code());
    assertTrue(col.err().contains("available: [stratum, psu, weight, used]"), col.err());

    Result ci = run("prevalence", "--data", f.toString(), "--outcome", "used", "--weight", "weight", "--ci", "probit");
    assertEquals(2, ci.code());
    assertTrue(ci.err().contains("clopper-pearson"), ci.err());

    Result missing = run("prevalence", "--data", dir.resolve("nope.csv").toString(), "--outcome", "used", "--weight", "w");
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("nope.csv") && missing.err().contains("not found"), missing.err());

    Result noOutcome = run("prevalence", "--data", f.toString(), "--weight", "weight");
    assertEquals(2, noOutcome.code());
    assertEquals(1, noOutcome.err().strip().lines().count(), noOutcome.err());
  }

  @Test
  void raggedRowsAndLonelyPsuAreReported() throws IOException {
    Result ragged = run("prevalence", "--data", csv("weight,used\n1,1\n2\n").toString(), "--outcome", "used",
        "--weight", "weight");
    assertEquals(2, ragged.code());
    assertTrue(ragged.err().contains("line 3"), ragged.err());
    Path f = csv("stratum,psu,weight,used\nA,1,1,1\nA,2,1,0\nB,1,1,0\n");
    Result lonely = run("prevalence", "--data", f.toString(), "--outcome", "used", "--weight", "weight",
        "--strata", "stratum", "--psu", "psu");
    assertEquals(2, lonely.code());
    assertTrue(lonely.err().contains("stratum 'B'"), lonely.err());
    assertEquals(0, run("prevalence", "--data", f.toString(), "--outcome", "used", "--weight", "weight",
        "--strata", "stratum", "--psu", "psu", "--lonely-psu", "adjust").code());
  }

  @Test
  void embeddedDatasetRunsWithItsOwnDesign() {
    Result r = run("prevalence", "--dataset", "adults", "--outcome", "cannabis_last_year", "--by", "agegroup");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("18-24"), r.out());
    Result k = run("key-figures");
    assertEquals(0, k.code(), k.err());
    assertTrue(k.out().contains("cannabis") && k.out().contains("adults 18+"), k.out());
    Result nl = run("key-figures", "--lang", "nl");
    assertTrue(nl.out().contains("volwassenen 18+"), nl.out());
  }
}
