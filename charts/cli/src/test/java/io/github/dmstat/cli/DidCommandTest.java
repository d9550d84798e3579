package io.github.dmstat.cli;

import static io.github.dmstat.cli.CliRun.run;
import io.github.dmstat.cli.CliRun.Result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.outcomes.DiffInDiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DidCommandTest {
  @TempDir
  Path dir;


  private Path csv(String text) throws IOException {
    Path p = dir.resolve("panel.csv");
    Files.writeString(p, text);
    return p;
  }

  /** Six wijken, periods −1, 0, 1. */
  static String panel() {
    StringBuilder sb = new StringBuilder("wijk,tr,per,y\n");
    double[][] y = {{50, 51, 45}, {60, 58, 52}, {55, 56, 49}, {40, 41, 40}, {45, 44, 43}, {38, 39, 39.5}};
    for (int u = 0; u < 6; u++) {
      for (int t = 0; t < 3; t++) {
        sb.append("WK00340").append(u + 1).append(',').append(u < 3 ? 1 : 0).append(',').append(t - 1).append(',')
            .append(y[u][t]).append('\n');
      }
    }
    return sb.toString();
  }

  private static String[] args(Path f, String... extra) {
    String[] base = {"did", "--data", f.toString(), "--unit", "wijk", "--treated", "tr", "--period", "per", "--outcome", "y"};
    String[] out = new String[base.length + extra.length];
    System.arraycopy(base, 0, out, 0, base.length);
    System.arraycopy(extra, 0, out, base.length, extra.length);
    return out;
  }

  private static void assertClose(double expected, JsonNode actual, String what) {
    assertTrue(actual.isNumber(), what + " is " + actual);
    assertEquals(expected, actual.asDouble(), 1e-12 * Math.max(1, Math.abs(expected)), what);
  }

  @Test
  void jsonMatchesTheLibrary() throws IOException {
    Path f = csv(panel());
    Result r = run(args(f, "--level", "0.9", "--format", "json"));
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    DiffInDiff d = DiffInDiff.fit(Csv.read(f), "wijk", "tr", "per", "y", 0.9);
    assertClose(d.effect().estimate(), j.get("estimate"), "estimate");
    assertClose(d.effect().se(), j.get("se"), "se");
    assertClose(d.ciLower(), j.get("ciLower"), "ciLower");
    assertClose(d.ciUpper(), j.get("ciUpper"), "ciUpper");
    assertClose(d.effect().p(), j.get("p"), "p");
    assertEquals(6, j.get("units").asInt());
    assertEquals(18, j.get("observations").asInt());
    assertEquals(6, j.get("means").size());
    JsonNode m0 = j.at("/means/0");
    assertEquals(0, m0.get("treated").asInt());
    assertEquals(-1, m0.get("period").asInt());
    assertClose((40 + 45 + 38) / 3.0, m0.get("mean"), "mean");
    // periods -1 and 0 are two pre-periods: the parallel-trends check is there
    assertClose(d.preTrend().get().estimate(), j.at("/parallelTrends/slopeDifference"), "slope");
    assertClose(d.preTrend().get().p(), j.at("/parallelTrends/p"), "slope p");
    assertEquals(d.preTrendNote(), j.get("note").asText());
  }

  @Test
  void onePrePeriodGivesNullParallelTrendsWithANote() throws IOException {
    String data = panel().lines().filter(l -> !l.contains(",-1,")).reduce("", (a, b) -> a + b + "\n");
    Result r = run(args(csv(data), "--format", "json"));
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertTrue(j.get("parallelTrends").isNull());
    assertTrue(j.get("note").asText().contains("only one pre-period"), j.toString());
  }

  @Test
  void tableCsvAndEmbeddedPanel() throws IOException {
    Result t = run(args(csv(panel())));
    assertEquals(0, t.code(), t.err());
    assertTrue(t.out().contains("DiffInDiff[effect") && t.out().contains("treated:post"), t.out());
    Result c = run(args(csv(panel()), "--format", "csv"));
    assertTrue(c.out().startsWith("term,estimate,se,t,p"), c.out());
    Result p = run("did", "--dataset", "panel", "--unit", "unit", "--treated", "treated", "--period", "period",
        "--outcome", "rate", "--format", "json");
    assertEquals(0, p.code(), p.err());
    assertTrue(p.out().contains("\"parallelTrends\" : {"), p.out());
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
    assertBad(run(args(csv(panel().replace("WK003402,1,0,58.0", "WK003402,2,0,58.0")))), "panel.csv", "'tr'", "line 6", "'2'");
    assertBad(run(args(csv(panel().replace("WK003402,1,0,58.0", "WK003402,1,0.5,58.0")))), "'per'", "line 6", "0.5");
    assertBad(run(args(csv(panel().replace("WK003402,1,0,58.0", "WK003402,1,0,")))), "'y'", "line 6");
    assertBad(run("did", "--data", csv(panel()).toString(), "--unit", "unit", "--treated", "tr", "--period", "per",
        "--outcome", "y"), "'unit' not found", "available: [wijk, tr, per, y]");
    assertBad(run(args(csv(panel()), "--level", "0")), "--level");
  }
}
