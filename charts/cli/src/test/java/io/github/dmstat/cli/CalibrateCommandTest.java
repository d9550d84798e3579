package io.github.dmstat.cli;

import static io.github.dmstat.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dmstat.cli.CliRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dmstat calibrate} and the {@code --margins} design option of the estimating commands. */
class CalibrateCommandTest {
  @TempDir
  Path dir;

  private Path margins(String sexF) throws IOException {
    Path p = dir.resolve("margins.csv");
    Files.writeString(p, "variable;level;total\nsex;F;" + sexF + "\nsex;M;6800000\nagegroup;15-17;600000\n"
        + "agegroup;18-24;1500000\nagegroup;25-34;2300000\nagegroup;35-44;2100000\nagegroup;45-54;2400000\n"
        + "agegroup;55-64;2300000\nagegroup;65+;2500000\n");
    return p;
  }

  @Test
  void reportsGWeightsAndWritesTheWeights() throws IOException {
    Path m = margins("6900000");
    Path out = dir.resolve("weighted.csv");
    Result r = run("calibrate", "--dataset", "adults", "--margins", m.toString(), "--calibration", "logit", "--bounds",
        "0.5,1.5", "--out", out.toString(), "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("logit", j.get("method").asText());
    assertEquals(13_700_000, j.get("sumAfter").asDouble(), 1e-3);
    assertTrue(j.get("minG").asDouble() > 0.5 && j.get("maxG").asDouble() < 1.5, j.toString());
    assertTrue(Files.readString(out).lines().findFirst().orElseThrow().endsWith(",calibrated_weight"));
    Result again = run("calibrate", "--dataset", "adults", "--margins", m.toString(), "--out", out.toString());
    assertEquals(2, again.code());
    assertTrue(again.err().contains("--force"), again.err());
  }

  @Test
  void estimatesUseTheCalibratedDesign() throws IOException {
    Path m = margins("6900000");
    Result plain = run("total", "--dataset", "adults", "--variable", "cannabis_last_year", "--format", "json");
    Result cal = run("total", "--dataset", "adults", "--variable", "cannabis_last_year", "--margins", m.toString(),
        "--format", "json");
    assertEquals(0, cal.code(), cal.err());
    ObjectMapper om = new ObjectMapper();
    double a = om.readTree(plain.out()).get("estimates").get(0).get("estimate").asDouble();
    double b = om.readTree(cal.out()).get("estimates").get(0).get("estimate").asDouble();
    assertNotEquals(a, b);
    assertEquals(13_700_000, om.readTree(run("total", "--dataset", "adults", "--variable", "age", "--margins", m.toString(),
        "--format", "json").out()).get("estimates").get(0).get("weightSum").asDouble(), 1e-3);
  }

  @Test
  void marginsThatDisagreeAreExitTwo() throws IOException {
    Path m = margins("7000000");
    Result r = run("prevalence", "--dataset", "adults", "--outcome", "cannabis_last_year", "--margins", m.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("disagree on the population size"), r.err());
    Result none = run("calibrate", "--dataset", "adults");
    assertEquals(2, none.code());
    assertTrue(none.err().contains("--margins"), none.err());
  }

  @Test
  void replicatesAreCalibratedToo() throws IOException {
    Path m = margins("6900000");
    ObjectMapper om = new ObjectMapper();
    JsonNode taylor = om.readTree(run("mean", "--dataset", "adults", "--variable", "cannabis_last_year", "--margins",
        m.toString(), "--format", "json").out()).get("estimates").get(0);
    Result r = run("mean", "--dataset", "adults", "--variable", "cannabis_last_year", "--margins", m.toString(),
        "--replicates", "jackknife", "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode jk = om.readTree(r.out()).get("estimates").get(0);
    assertEquals(taylor.get("estimate").asDouble(), jk.get("estimate").asDouble(), 1e-12);
    double ratio = jk.get("se").asDouble() / taylor.get("se").asDouble();
    assertTrue(ratio > 0.8 && ratio < 1.25, "jackknife and linearised SEs of the calibrated mean: " + ratio);
  }
}
