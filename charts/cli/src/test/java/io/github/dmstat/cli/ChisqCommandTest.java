package io.github.dmstat.cli;

import static io.github.dmstat.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dmstat.cli.CliRun.Result;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@code dmstat chisq}: the table form, the JSON shape, a domain and bad input. */
class ChisqCommandTest {
  @Test
  void tableJsonAndDomain() throws IOException {
    Result t = run("chisq", "--dataset", "adults", "--row", "sex", "--column", "cannabis_last_year");
    assertEquals(0, t.code(), t.err());
    assertTrue(t.out().contains("Rao-Scott F=") && t.out().contains("on 1 and 233 df"), t.out());
    Result j = run("chisq", "--dataset", "adults", "--row", "agegroup", "--column", "cannabis_last_year", "--domain",
        "sex=M", "--format", "json");
    assertEquals(0, j.code(), j.err());
    JsonNode n = new ObjectMapper().readTree(j.out());
    assertEquals(7, n.get("rowLevels").size());
    assertEquals(4, n.get("tests").size());
    assertEquals("F", n.get("tests").get(0).get("statistic").asText());
    assertTrue(n.get("tests").get(1).get("denominatorDf").isNull());
    double sum = 0;
    for (JsonNode line : n.get("proportions")) {
      for (JsonNode p : line) {
        sum += p.asDouble();
      }
    }
    assertEquals(1, sum, 1e-12);
  }

  @Test
  void badInput() {
    Result one = run("chisq", "--dataset", "adults", "--row", "sex", "--column", "sex", "--domain", "sex=M");
    assertEquals(2, one.code());
    assertTrue(one.err().contains("two levels"), one.err());
    Result bad = run("chisq", "--dataset", "adults", "--row", "sex", "--column", "agegroup", "--domain", "sexM");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("COL=VALUE"), bad.err());
  }

  @Test
  void prevalenceCompareGivesTheDifferenceOfTwoDomains() throws IOException {
    Result r = run("prevalence", "--dataset", "adults", "--outcome", "cannabis_last_year", "--by", "agegroup,sex",
        "--compare", "18-24:F,18-24:M", "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("M", j.get("second").get("sex").asText());
    assertEquals(j.get("secondPrevalence").asDouble() - j.get("firstPrevalence").asDouble(), j.get("difference").asDouble(),
        1e-15);
    assertTrue(j.get("se").asDouble() > 0 && j.get("p").asDouble() < 0.05, j.toString());
    Result bad = run("prevalence", "--dataset", "adults", "--outcome", "cannabis_last_year", "--compare", "F,M");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("--by"), bad.err());
  }

  @Test
  void aSingularWaldTestIsNotAvailableButRaoScottIs() throws IOException {
    Result r = run("chisq", "--dataset", "adults", "--row", "agegroup", "--column", "education", "--domain", "stratum=R01",
        "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode tests = new ObjectMapper().readTree(r.out()).get("tests");
    assertTrue(tests.get(0).get("value").isNumber(), tests.toString());
    assertTrue(tests.get(2).get("value").isNull() && tests.get(2).get("p").isNull(), tests.toString());
  }

  @Test
  void optionsThatWouldBeIgnoredAreRefused() {
    Result mse = run("mean", "--dataset", "adults", "--variable", "age", "--mse");
    assertEquals(2, mse.code());
    assertTrue(mse.err().contains("--replicates"), mse.err());
    Result bounds = run("mean", "--dataset", "adults", "--variable", "age", "--bounds", "0.5,2");
    assertEquals(2, bounds.code());
    assertTrue(bounds.err().contains("--margins"), bounds.err());
    Result seed = run("mean", "--dataset", "adults", "--variable", "age", "--replicates", "jackknife", "--seed", "3");
    assertEquals(2, seed.code());
    assertTrue(seed.err().contains("--replicates bootstrap"), seed.err());
    Result none = run("mean", "--dataset", "adults", "--variable", "age", "--where", "sex=X");
    assertEquals(2, none.code(), none.err());
  }
}
