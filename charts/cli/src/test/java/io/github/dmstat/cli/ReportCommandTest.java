package io.github.dmstat.cli;

import static io.github.dmstat.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.cli.CliRun.Result;
import io.github.dmstat.core.io.Csv;
import io.github.dmstat.datasets.Datasets;
import io.github.dmstat.datasets.SyntheticGeography;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dmstat report} from a user's own files, one per section, and its bad-input errors. */
class ReportCommandTest {
  @TempDir
  Path dir;

  private Path write(String dataset) throws IOException {
    Path p = dir.resolve(dataset + ".csv");
    try (Writer w = Files.newBufferedWriter(p)) {
      Csv.write(w, Datasets.table(dataset));
    }
    return p;
  }

  @Test
  void everySectionCanUseTheUsersOwnFiles() throws IOException {
    Path boundaries = Files.writeString(dir.resolve("buurten.geojson"), SyntheticGeography.embedded().geoJson());
    Path out = dir.resolve("out");
    Result r = run("report", "--out", out.toString(), "--lang", "nl",
        "--survey", write("adults").toString(), "--weight", "weight", "--strata", "stratum", "--psu", "psu",
        "--areas", write("buurten").toString(), "--boundaries", boundaries.toString(),
        "--municipalities", write("municipalities").toString(), "--effects", write("effects").toString(),
        "--cohorts", write("cohorts").toString(), "--panel", write("panel").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("[8/8]"), "progress on stderr: " + r.err());
    String html = Files.readString(out.resolve("index.html"));
    for (String name : new String[] {"adults.csv", "buurten.csv", "municipalities.csv", "effects.csv", "cohorts.csv",
        "panel.csv"}) {
      assertTrue(html.contains(name), name + " named in the report");
    }
    assertTrue(Files.size(out.resolve("report.pdf")) > 10_000);
  }

  @Test
  void initWritesAnExampleSpecThatRunsAsIs() throws IOException {
    Path spec = dir.resolve("report.yaml");
    Result init = run("report", "--init", spec.toString());
    assertEquals(0, init.code(), init.err());
    assertTrue(Files.readString(spec).contains("sections:"));
    assertEquals(2, run("report", "--init", spec.toString()).code(), "an existing file is kept without --force");
    Path out = dir.resolve("from-spec");
    Result r = run("report", "--spec", spec.toString(), "--out", out.toString(), "--lang", "nl");
    assertEquals(0, r.code(), r.err());
    String html = Files.readString(out.resolve("index.html"));
    assertTrue(html.contains("<html lang=\"nl\">") && html.contains("Bron: CBS, Kerncijfers wijken en buurten 2024"));
    Result both = run("report", "--spec", spec.toString(), "--out", dir.resolve("x").toString(), "--survey",
        write("adults").toString());
    assertEquals(2, both.code());
    assertTrue(both.err().contains("--spec names the data"), both.err());
    Files.writeString(spec, "title: x\nsections:\n  selection:\n    data: nowhere.csv\n");
    Result bad = run("report", "--spec", spec.toString(), "--out", dir.resolve("y").toString());
    assertEquals(2, bad.code());
    assertEquals("dmstat report: report.yaml: sections.selection.code: is required", bad.err().strip());
    assertTrue(Files.notExists(dir.resolve("y")), "no work before the spec is checked");
    assertEquals(2, run("report").code(), "--out or --init is needed");
  }

  @Test
  void badUserDataExitsWithTwoNamingTheFile() throws IOException {
    Path out = dir.resolve("bad");
    Result half = run("report", "--out", out.toString(), "--areas", write("buurten").toString());
    assertEquals(2, half.code());
    assertTrue(half.err().contains("--boundaries"), half.err());
    Path effects = Files.writeString(dir.resolve("my-effects.csv"), "study,events\nA,3\n");
    Result col = run("report", "--out", out.toString(), "--effects", effects.toString());
    assertEquals(2, col.code(), col.err());
    assertTrue(col.err().contains("my-effects.csv") && col.err().contains("available: [study, events]"), col.err());
    assertEquals(1, col.err().strip().lines().filter(l -> !l.startsWith("[")).count(), col.err());
  }

  @Test
  void outputFolderIsCheckedBeforeTheWorkAndReplacedWhole() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Result r = run("report", "--out", file.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("is a file"), r.err());

    Path other = Files.createDirectories(dir.resolve("other"));
    Files.writeString(other.resolve("notes.txt"), "mine");
    Result o = run("report", "--out", other.toString(), "--force");
    assertEquals(2, o.code());
    assertTrue(o.err().contains("other files than a dmstat report"), o.err());
    assertEquals("mine", Files.readString(other.resolve("notes.txt")));

    Path out = dir.resolve("rep");
    assertEquals(0, run("report", "--out", out.toString()).code());
    assertTrue(Files.exists(out.resolve(ReportCommand.MARKER)) && Files.size(out.resolve("report.pdf")) > 10_000);
    Result again = run("report", "--out", out.toString());
    assertEquals(2, again.code());
    assertTrue(again.err().contains("pass --force"), again.err());
    Files.writeString(out.resolve("figures/stale.png"), "old");
    assertEquals(0, run("report", "--out", out.toString(), "--force").code());
    assertTrue(Files.notExists(out.resolve("figures/stale.png")), "the previous report is replaced whole");
    try (var s = Files.list(dir)) {
      assertEquals(0, s.filter(p -> p.getFileName().toString().startsWith(".")).count(), "no temporary folders left");
    }
  }
}
