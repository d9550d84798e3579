package io.github.dmstat.cli;

import static io.github.dmstat.cli.CliRun.run;
import io.github.dmstat.cli.CliRun.Result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.outcomes.CountColumns;
import io.github.dmstat.core.outcomes.EffectSize;
import io.github.dmstat.core.outcomes.Measure;
import io.github.dmstat.core.outcomes.MetaAnalysis;
import io.github.dmstat.core.outcomes.MetaMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EffectsCommandTest {
  @TempDir
  Path dir;


  static final String COUNTS = "municipality,a,n1,c,n2\nAlmere,12,100,20,100\nDelft,0,40,5,42\nVenlo,30,150,33,140\n"
      + "Breda,8,60,15,70\n";

  private Path csv(String text) throws IOException {
    Path p = dir.resolve("counts.csv");
    Files.writeString(p, text);
    return p;
  }

  private static String[] args(Path f, String... extra) {
    List<String> a = new ArrayList<>(List.of("effects", "--data", f.toString(), "--study", "municipality",
        "--events-treated", "a", "--total-treated", "n1", "--events-control", "c", "--total-control", "n2"));
    a.addAll(List.of(extra));
    return a.toArray(new String[0]);
  }

  private static void assertClose(double expected, JsonNode actual, String what) {
    assertTrue(actual.isNumber(), what + " is " + actual);
    assertEquals(expected, actual.asDouble(), 1e-12 * Math.max(1, Math.abs(expected)), what);
  }

  @Test
  void jsonMatchesTheLibraryOnBothScales() throws IOException {
    Path f = csv(COUNTS);
    Result r = run(args(f, "--format", "json"));
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    MetaAnalysis m = MetaAnalysis.fromCounts(Csv.read(f), CountColumns.study("municipality").treated("a", "n1").control("c", "n2"), Measure.RR,
        MetaMethod.REML, 0.95);
    JsonNode p = j.get("pooled");
    assertEquals("rr", p.get("measure").asText());
    assertEquals("reml", p.get("method").asText());
    assertClose(m.estimate(), p.get("estimate"), "estimate");
    assertClose(m.se(), p.get("se"), "se");
    assertClose(m.ciLower(), p.get("ciLower"), "ciLower");
    assertClose(m.ciUpper(), p.get("ciUpper"), "ciUpper");
    assertClose(m.tau2(), p.get("tau2"), "tau2");
    assertClose(m.i2(), p.get("i2"), "i2");
    assertTrue(p.get("i2").asDouble() >= 0 && p.get("i2").asDouble() <= 100, "i2 in percent");
    assertClose(m.q(), p.get("q"), "q");
    assertClose(m.qP(), p.get("qp"), "qp");
    assertClose(m.prediction().get().lower(), p.get("predictionLower"), "predictionLower");
    assertClose(m.prediction().get().upper(), p.get("predictionUpper"), "predictionUpper");
    assertClose(Math.exp(m.estimate()), p.get("ratio"), "ratio");
    assertClose(Math.exp(m.ciLower()), p.get("ratioLower"), "ratioLower");
    assertClose(Math.exp(m.ciUpper()), p.get("ratioUpper"), "ratioUpper");
    JsonNode studies = j.get("studies");
    assertEquals(4, studies.size());
    for (int i = 0; i < 4; i++) {
      JsonNode s = studies.get(i);
      MetaAnalysis.Study st = m.studies().get(i);
      assertEquals(st.label(), s.get("study").asText());
      assertClose(st.yi(), s.get("yi"), "yi");
      assertClose(st.vi(), s.get("vi"), "vi");
      double z = 1.959963984540054;
      assertEquals(st.yi() - z * Math.sqrt(st.vi()), s.get("ciLower").asDouble(), 1e-9);
      assertEquals(st.yi() + z * Math.sqrt(st.vi()), s.get("ciUpper").asDouble(), 1e-9);
      EffectSize e = EffectSize.of(st.counts().get(), Measure.RR, 0.95);
      assertClose(e.estimate(), s.get("estimate"), "estimate");
      assertClose(Math.exp(st.yi()), s.get("estimate"), "exp(yi)");
      assertClose(e.ciLower(), s.get("lower"), "lower");
      assertClose(e.ciUpper(), s.get("upper"), "upper");
    }
    assertTrue(studies.get(1).get("zeroCellCorrection").asText().contains("0.5"));
    assertTrue(studies.get(0).get("zeroCellCorrection").isNull());
  }

  @Test
  void fixedEffectHasNoPredictionIntervalAndRiskDifferenceNoRatio() throws IOException {
    Path f = csv(COUNTS);
    JsonNode fe = new ObjectMapper().readTree(run(args(f, "--method", "fe", "--format", "json")).out());
    assertTrue(fe.at("/pooled/predictionLower").isNull() && fe.at("/pooled/predictionUpper").isNull());
    assertEquals(0.0, fe.at("/pooled/tau2").asDouble());
    Result r = run(args(f, "--measure", "rd", "--method", "dl", "--level", "0.9", "--format", "json"));
    assertEquals(0, r.code(), r.err());
    JsonNode rd = new ObjectMapper().readTree(r.out());
    MetaAnalysis m = MetaAnalysis.fromCounts(Csv.read(f), CountColumns.study("municipality").treated("a", "n1").control("c", "n2"), Measure.RD,
        MetaMethod.DL, 0.9);
    assertClose(m.estimate(), rd.at("/pooled/estimate"), "rd estimate");
    assertClose(m.ciLower(), rd.at("/pooled/ciLower"), "rd ciLower");
    assertEquals("rd", rd.at("/pooled/measure").asText());
    assertFalse(rd.get("pooled").has("ratio"));
    assertFalse(rd.at("/studies/0").has("estimate"));
  }

  @Test
  void tableAndCsvFormats() throws IOException {
    Path f = csv(COUNTS);
    Result t = run(args(f, "--measure", "or"));
    assertEquals(0, t.code(), t.err());
    assertTrue(t.out().contains("MetaAnalysis[REML") && t.out().contains("Almere"), t.out());
    Result c = run(args(f, "--format", "csv"));
    assertEquals(0, c.code(), c.err());
    assertTrue(c.out().startsWith("study,yi,vi,weight,ciLower,ciUpper,zeroCellCorrected"), c.out());
    assertTrue(c.out().contains("pooled (reml)"), c.out());
  }

  @Test
  void embeddedDatasetRuns() {
    Result r = run("effects", "--dataset", "effects", "--study", "study", "--events-treated", "events_treated",
        "--total-treated", "total_treated", "--events-control", "events_control", "--total-control", "total_control",
        "--format", "json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Vlaardingen"));
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
    assertBad(run(args(csv("municipality,a,n1,c,n2\nA,12,10,2,10\nB,1,10,2,10\n"))), "counts.csv", "'a'", "line 2", "12");
    assertBad(run(args(csv("municipality,a,n1,c,n2\nA,1,10,2,10\nB,1,10,-3,10\n"))), "'c'", "line 3", "-3");
    assertBad(run(args(csv("municipality,a,n1,c,n2\nA,1,10,2,10\n"))), "at least 2", "random-effects");
    assertEquals(0, run(args(csv("municipality,a,n1,c,n2\nA,1,10,2,10\n"), "--method", "fe")).code());
    assertBad(run("effects", "--data", csv(COUNTS).toString(), "--study", "study", "--events-treated", "a",
        "--total-treated", "n1", "--events-control", "c", "--total-control", "n2"), "'study' not found",
        "available: [municipality, a, n1, c, n2]");
    assertBad(run(args(csv(COUNTS), "--measure", "hr")), "--measure", "'hr'", "[rr, or, rd]");
    assertBad(run(args(csv(COUNTS), "--method", "pm")), "--method", "'pm'", "[fe, dl, reml]");
    assertBad(run(args(csv(COUNTS), "--level", "95")), "--level", "95");
    assertBad(run("effects", "--data", csv(COUNTS).toString()), "--study");
  }
}
