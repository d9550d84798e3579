package io.github.dmstat.cli;

import static io.github.dmstat.cli.CliRun.run;
import io.github.dmstat.cli.CliRun.Result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.outcomes.KaplanMeier;
import io.github.dmstat.core.outcomes.LogRankTest;
import io.github.dmstat.core.outcomes.SurvivalCurve;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurvivalCommandTest {
  @TempDir
  Path dir;


  // R survival's aml data (Maintained / Nonmaintained)
  static final String AML = "time,status,x\n9,1,M\n13,1,M\n13,0,M\n18,1,M\n23,1,M\n28,0,M\n31,1,M\n34,1,M\n45,0,M\n"
      + "48,1,M\n161,0,M\n5,1,N\n5,1,N\n8,1,N\n8,1,N\n12,1,N\n16,0,N\n23,1,N\n27,1,N\n30,1,N\n33,1,N\n43,1,N\n45,1,N\n";

  private Path csv(String text) throws IOException {
    Path p = dir.resolve("aml.csv");
    Files.writeString(p, text);
    return p;
  }

  private static void assertClose(double expected, JsonNode actual, String what) {
    assertTrue(actual.isNumber(), what + " is " + actual);
    assertEquals(expected, actual.asDouble(), 1e-12 * Math.max(1, Math.abs(expected)), what);
  }

  @Test
  void jsonMatchesTheLibraryPerEventTime() throws IOException {
    Path f = csv(AML);
    Result r = run("survival", "--data", f.toString(), "--time", "time", "--event", "status", "--group", "x",
        "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    List<SurvivalCurve> curves = KaplanMeier.fit(Csv.read(f), "time", "status", "x", 0.95);
    LogRankTest lr = LogRankTest.of(Csv.read(f), "time", "status", "x");
    assertEquals(2, j.get("curves").size());
    for (int g = 0; g < 2; g++) {
      JsonNode c = j.get("curves").get(g);
      SurvivalCurve sc = curves.get(g);
      assertEquals(sc.group(), c.get("group").asText());
      assertClose(sc.median().getAsDouble(), c.get("median"), "median");
      List<SurvivalCurve.Point> events = sc.points().stream().filter(p -> p.nEvent() > 0).toList();
      assertEquals(events.size(), c.get("points").size());
      for (int i = 0; i < events.size(); i++) {
        JsonNode p = c.get("points").get(i);
        SurvivalCurve.Point e = events.get(i);
        assertClose(e.time(), p.get("time"), "time");
        assertClose(e.survival(), p.get("survival"), "survival");
        assertClose(e.stdErr(), p.get("se"), "se");
        if (e.survival() == 0) {
          assertTrue(p.get("lower").isNull() && p.get("upper").isNull(), "R gives NA limits at S = 0");
        } else {
          assertClose(e.lower(), p.get("lower"), "lower");
          assertClose(e.upper(), p.get("upper"), "upper");
        }
        assertEquals(e.nRisk(), p.get("atRisk").asInt());
      }
    }
    // R: survdiff(Surv(time, status) ~ x, aml): chisq 3.4 on 1 df, p 0.07
    assertClose(lr.chisq(), j.at("/logRank/chisq"), "chisq");
    assertEquals(3.396, j.at("/logRank/chisq").asDouble(), 1e-3);
    assertEquals(1, j.at("/logRank/df").asInt());
    assertClose(lr.p(), j.at("/logRank/p"), "p");
    // Maintained: median 31 (18, NA) in R
    assertTrue(j.at("/curves/0/medianUpper").isNull(), j.at("/curves/0").toString());
  }

  @Test
  void requestedTimesGiveOnePointEach() throws IOException {
    Path f = csv(AML);
    Result r = run("survival", "--data", f.toString(), "--time", "time", "--event", "status", "--times", "10,20,40",
        "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertTrue(j.get("logRank").isNull());
    JsonNode c = j.at("/curves/0");
    assertEquals("all", c.get("group").asText());
    SurvivalCurve sc = KaplanMeier.fit(Csv.read(f), "time", "status", 0.95);
    List<SurvivalCurve.At> at = sc.at(10, 20, 40);
    assertEquals(3, c.get("points").size());
    for (int i = 0; i < 3; i++) {
      assertClose(at.get(i).time(), c.at("/points/" + i + "/time"), "time");
      assertClose(at.get(i).survival(), c.at("/points/" + i + "/survival"), "survival");
      assertClose(at.get(i).stdErr(), c.at("/points/" + i + "/se"), "se");
      assertEquals(at.get(i).nRisk(), c.at("/points/" + i + "/atRisk").asInt());
    }
    Result csv = run("survival", "--data", f.toString(), "--time", "time", "--event", "status", "--times", "10,20",
        "--format", "csv");
    assertEquals(3, csv.out().strip().lines().count(), csv.out());
    Result table = run("survival", "--data", f.toString(), "--time", "time", "--event", "status", "--group", "x");
    assertTrue(table.out().contains("LogRankTest[chisq 3.396"), table.out());
  }

  @Test
  void allEventsGiveNullLimitsAtZeroSurvival() throws IOException {
    Result r = run("survival", "--data", csv("t,e\n1,1\n2,1\n3,1\n").toString(), "--time", "t", "--event", "e",
        "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode last = new ObjectMapper().readTree(r.out()).at("/curves/0/points/2");
    assertEquals(0.0, last.get("survival").asDouble());
    assertTrue(last.get("lower").isNull() && last.get("upper").isNull());
  }

  @Test
  void embeddedCohortsRun() {
    Result r = run("survival", "--dataset", "cohorts", "--time", "time", "--event", "reoffended", "--group", "group",
        "--times", "365,730", "--format", "json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("intervention") && r.out().contains("comparison"));
  }

  private void assertBad(Result r, String... parts) {
    assertEquals(2, r.code(), r.out() + r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    for (String p : parts) {
      assertTrue(r.err().contains(p), "'" + p + "' in " + r.err());
    }
  }

  @Test
  void badInputExitsWithTwoAndOneLine() throws IOException {
    assertBad(run("survival", "--data", csv("t,e\n1,1\n0,0\n").toString(), "--time", "t", "--event", "e"),
        "aml.csv", "'t'", "line 3", "'0'");
    assertBad(run("survival", "--data", csv("t,e\n1,1\n-4,0\n").toString(), "--time", "t", "--event", "e"),
        "line 3", "-4");
    assertBad(run("survival", "--data", csv("t,e\n1,1\n,0\n").toString(), "--time", "t", "--event", "e"),
        "'t'", "line 3", "missing");
    assertBad(run("survival", "--data", csv("t,e\n1,1\n3,2\n").toString(), "--time", "t", "--event", "e"),
        "'e'", "line 3", "'2'");
    assertBad(run("survival", "--data", csv(AML).toString(), "--time", "days", "--event", "status"),
        "'days' not found", "available: [time, status, x]");
    assertBad(run("survival", "--data", csv(AML).toString(), "--time", "time", "--event", "status", "--times", "200"),
        "200");
    assertBad(run("survival", "--data", csv(AML).toString(), "--time", "time", "--event", "status", "--format", "xml"),
        "'xml'", "[table, json, csv]");
  }
}
