package io.github.dmstat.cli;

import static io.github.dmstat.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dmstat.cli.CliRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dmstat logistic}, {@code linear} and {@code trend}: JSON shape, the two ways of giving years, exit codes. */
class RegressionCommandTest {
  @TempDir
  Path dir;

  @Test
  void logisticJsonHasCoefficientsOddsRatiosAndTermTests() throws IOException {
    Result r = run("logistic", "--dataset", "adults", "--outcome", "cannabis_last_year", "--predictors", "agegroup,sex",
        "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("quasibinomial", j.get("family").asText());
    assertEquals(8, j.get("coefficients").size());
    JsonNode intercept = j.get("coefficients").get(0);
    assertEquals("(Intercept)", intercept.get("term").asText());
    assertTrue(intercept.get("oddsRatio").isNull());
    JsonNode sex = j.get("coefficients").get(7);
    assertEquals("sexM", sex.get("term").asText());
    assertEquals(Math.exp(sex.get("estimate").asDouble()), sex.get("oddsRatio").asDouble(), 1e-12);
    assertEquals(2, j.get("termTests").size());
    assertEquals(6, j.get("termTests").get(0).get("numeratorDf").asInt());
    assertEquals(100, j.get("design").get("excluded").asInt());
  }

  @Test
  void linearCsvAndBadInput() {
    Result r = run("linear", "--dataset", "adults", "--outcome", "age", "--predictors", "sex", "--format", "csv");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("term,estimate,se,t,p,ciLower,ciUpper"), r.out());
    Result same = run("linear", "--dataset", "adults", "--outcome", "age", "--predictors", "age");
    assertEquals(2, same.code());
    assertTrue(same.err().contains("cannot also be a predictor"), same.err());
    Result missing = run("logistic", "--dataset", "adults", "--outcome", "cannabis_last_year", "--predictors", "nope");
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("'nope'"), missing.err());
  }

  private Path year(String name, int rows, double shift) throws IOException {
    StringBuilder sb = new StringBuilder("stratum;psu;gewicht;gebruik;geslacht\n");
    for (int i = 0; i < rows; i++) {
      double u = ((i * 7919L) % 1000) / 1000.0;
      sb.append("S").append(i % 4).append(";P").append(i % 5).append(';').append(1 + i % 3).append(",5;")
          .append(u < 0.2 + shift + (i % 2) * 0.05 ? "ja" : "nee").append(';').append(i % 2 == 0 ? "V" : "M").append('\n');
    }
    Path p = dir.resolve(name);
    Files.writeString(p, sb.toString());
    return p;
  }

  @Test
  void trendFromFilesPerYearAndFromOneFileAgree() throws IOException {
    Path a = year("a.csv", 400, 0);
    Path b = year("b.csv", 400, 0.1);
    Result split = run("trend", "--survey", "2016=" + a, "--survey", "2020=" + b, "--weight", "gewicht", "--strata",
        "stratum", "--psu", "psu", "--outcome", "gebruik", "--adjust", "geslacht", "--format", "json");
    assertEquals(0, split.code(), split.err());
    StringBuilder one = new StringBuilder("jaar;stratum;psu;gewicht;gebruik;geslacht\n");
    Files.readAllLines(a).stream().skip(1).forEach(l -> one.append("2016;").append(l).append('\n'));
    Files.readAllLines(b).stream().skip(1).forEach(l -> one.append("2020;").append(l).append('\n'));
    Path both = dir.resolve("both.csv");
    Files.writeString(both, one.toString());
    Result stacked = run("trend", "--data", both.toString(), "--year", "jaar", "--weight", "gewicht", "--strata", "stratum",
        "--psu", "psu", "--outcome", "gebruik", "--adjust", "geslacht", "--format", "json");
    assertEquals(0, stacked.code(), stacked.err());
    JsonNode s = new ObjectMapper().readTree(split.out());
    JsonNode t = new ObjectMapper().readTree(stacked.out());
    assertEquals("increase", t.get("direction").asText(), t.toString());
    assertEquals(s.get("perYear").get("estimate").asDouble(), t.get("perYear").get("estimate").asDouble(), 1e-12);
    assertEquals(s.get("perYear").get("se").asDouble(), t.get("perYear").get("se").asDouble(), 1e-12);
    Result table = run("trend", "--data", both.toString(), "--year", "jaar", "--weight", "gewicht", "--outcome", "gebruik");
    assertTrue(table.out().startsWith("Trend gebruik: increase (odds ratio per year"), table.out());
    Result neither = run("trend", "--weight", "gewicht", "--outcome", "gebruik");
    assertEquals(2, neither.code());
    Result noYear = run("trend", "--data", both.toString(), "--weight", "gewicht", "--outcome", "gebruik");
    assertEquals(2, noYear.code());
    assertTrue(noYear.err().contains("--year"), noYear.err());
  }
}
