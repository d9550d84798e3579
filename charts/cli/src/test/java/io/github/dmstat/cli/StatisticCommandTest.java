package io.github.dmstat.cli;

import static io.github.dmstat.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dmstat.cli.CliRun.Result;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.core.survey.StatisticValue;
import io.github.dmstat.core.survey.SurveyStatistics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dmstat total}, {@code mean} and {@code ratio}: the JSON shape, the reading options and the exit codes. */
class StatisticCommandTest {
  @TempDir
  Path dir;

  /** A Dutch Excel export: {@code ;}, decimal comma, a missing amount, a zero weight. */
  private Path dutch() throws IOException {
    StringBuilder sb = new StringBuilder("stratum;psu;gewicht;regio;bedrag;dagen\r\n");
    for (int i = 0; i < 240; i++) {
      String amount = i % 23 == 0 ? "" : (10 + i % 9) + "," + (i % 10) + "5";
      sb.append("S").append(i % 3).append(";P").append(i % 4).append(';').append(i % 50 == 7 ? "0" : (2 + i % 5) + ",5")
          .append(';').append(i % 2 == 0 ? "Noord" : "Zuid").append(';').append(amount).append(';').append(1 + i % 6)
          .append("\r\n");
    }
    Path p = dir.resolve("enquete.csv");
    Files.writeString(p, sb.toString());
    return p;
  }

  @Test
  void jsonFollowsTheContractAndAgreesWithTheLibrary() throws IOException {
    Path f = dutch();
    Result r = run("mean", "--data", f.toString(), "--weight", "gewicht", "--strata", "stratum", "--psu", "psu",
        "--variable", "bedrag", "--by", "regio", "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("mean", j.get("statistic").asText());
    assertEquals("bedrag", j.get("variable").asText());
    assertTrue(j.get("denominator").isNull());
    assertEquals("normal", j.get("interval").asText());
    assertEquals(11, j.get("design").get("excluded").asInt(), r.out());
    JsonNode noord = j.get("estimates").get(0);
    assertEquals("Noord", noord.get("group").get("regio").asText());
    for (String field : List.of("n", "weightSum", "estimate", "se", "ciLower", "ciUpper", "designEffect",
        "degreesOfFreedom", "reliability", "note")) {
      assertTrue(noord.has(field), field + " in " + noord);
    }
    DesignSpec spec = DesignSpec.weights("gewicht").withStrata("stratum").withPsu("psu");
    StatisticValue v = SurveyStatistics.withDefaults().with(ReliabilityRule.NCHS)
        .mean(Csv.read(f), spec, "bedrag", List.of("regio")).find("Noord").orElseThrow().value().orElseThrow();
    assertEquals(v.estimate(), noord.get("estimate").asDouble(), 1e-12 * v.estimate());
    assertEquals(v.se(), noord.get("se").asDouble(), 1e-12 * v.se());
  }

  @Test
  void totalRatioAndCsv() throws IOException {
    Path f = dutch();
    Result total = run("total", "--data", f.toString(), "--weight", "gewicht", "--variable", "bedrag", "--format", "csv");
    assertEquals(0, total.code(), total.err());
    assertTrue(total.out().startsWith("n,weightSum,estimate,se,ciLower,ciUpper,designEffect,degreesOfFreedom"), total.out());
    Result ratio = run("ratio", "--data", f.toString(), "--weight", "gewicht", "--numerator", "bedrag", "--denominator",
        "dagen", "--by", "regio", "--interval", "t");
    assertEquals(0, ratio.code(), ratio.err());
    assertTrue(ratio.out().startsWith("Ratio of bedrag to dagen by regio (t interval, reliability rule nchs)"), ratio.out());
  }

  @Test
  void badInputIsExitTwoWithOneLine() throws IOException {
    Path f = dutch();
    Files.writeString(f, Files.readString(f).replaceFirst("10,05", "1.010,05"));
    Result r = run("total", "--data", f.toString(), "--weight", "gewicht", "--variable", "bedrag");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("enquete.csv: line 92, column 'bedrag': '1.010,05' has a thousands separator"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    Result missing = run("ratio", "--data", f.toString(), "--weight", "gewicht", "--numerator", "bedrag");
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("--denominator"), missing.err());
    Result interval = run("mean", "--dataset", "adults", "--variable", "age", "--interval", "wald");
    assertEquals(2, interval.code());
    assertTrue(interval.err().contains("'wald' is not one of normal, t"), interval.err());
    Result column = run("mean", "--dataset", "adults", "--variable", "nope");
    assertEquals(2, column.code());
    assertTrue(column.err().contains("'nope'"), column.err());
  }

  @Test
  void embeddedDatasetWithItsDesign() {
    Result r = run("mean", "--dataset", "adults", "--variable", "age", "--by", "sex");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("strata=25"), r.out());
  }

  @Test
  void quantilesWithJsonNullsForBoundsBeyondTheData() throws IOException {
    Path f = dutch();
    Result r = run("quantile", "--data", f.toString(), "--weight", "gewicht", "--strata", "stratum", "--psu", "psu",
        "--variable", "bedrag", "--by", "regio", "--quantiles", "0.01,0.5", "--reliability", "none", "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("math", j.get("rule").asText());
    assertEquals("mean", j.get("interval").asText());
    assertEquals(4, j.get("estimates").size());
    JsonNode low = j.get("estimates").get(0);
    assertEquals(0.01, low.get("probability").asDouble());
    assertTrue(low.get("ciLower").isNull() && low.get("se").isNull(), low.toString());
    JsonNode median = j.get("estimates").get(1);
    assertTrue(median.get("ciLower").isNumber() && median.get("se").isNumber(), median.toString());
    Result bad = run("quantile", "--data", f.toString(), "--weight", "gewicht", "--variable", "bedrag", "--quantiles", "1.5");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("[0, 1]"), bad.err());
  }

  @Test
  void replicateDesignsFromTheDesignOrFromColumns() throws IOException {
    Result jk = run("mean", "--dataset", "adults", "--variable", "age", "--by", "sex", "--replicates", "jackknife",
        "--format", "json");
    assertEquals(0, jk.code(), jk.err());
    JsonNode j = new ObjectMapper().readTree(jk.out());
    assertEquals(257, j.get("estimates").get(0).get("degreesOfFreedom").asInt(), j.toString());
    assertTrue(j.get("estimates").get(0).get("designEffect").isNull());
    Result boot = run("total", "--dataset", "adults", "--variable", "cannabis_last_year", "--replicates", "bootstrap",
        "--bootstrap-replicates", "20", "--seed", "7", "--mse", "--format", "json");
    assertEquals(0, boot.code(), boot.err());
    Result again = run("total", "--dataset", "adults", "--variable", "cannabis_last_year", "--replicates", "bootstrap",
        "--bootstrap-replicates", "20", "--seed", "7", "--mse", "--format", "json");
    assertEquals(boot.out(), again.out());
    // supplied replicate weights: two columns that are the full weight times 0.5 and 1.5
    StringBuilder sb = new StringBuilder("w,y,r1,r2\n");
    for (int i = 0; i < 100; i++) {
      double w = 1 + i % 3;
      sb.append(w).append(',').append(i % 7).append(',').append(w * 0.5).append(',').append(w * 1.5).append('\n');
    }
    Path f = dir.resolve("reps.csv");
    Files.writeString(f, sb.toString());
    Result sup = run("mean", "--data", f.toString(), "--weight", "w", "--variable", "y", "--replicate-weights", "r[0-9]",
        "--replicate-type", "jk1", "--reliability", "none", "--format", "json");
    assertEquals(0, sup.code(), sup.err());
    Result noType = run("mean", "--data", f.toString(), "--weight", "w", "--variable", "y", "--replicate-weights", "r[0-9]");
    assertEquals(2, noType.code());
    assertTrue(noType.err().contains("--replicate-type"), noType.err());
  }
}
