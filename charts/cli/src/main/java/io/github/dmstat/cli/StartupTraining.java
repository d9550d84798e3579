package io.github.dmstat.cli;

import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.datasets.Datasets;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run after which the {@code ./dmstat} launcher saves a class-data-sharing archive
 * ({@code java -XX:DumpLoadedClassList=LIST ... StartupTraining}, then {@code java -Xshare:dump
 * -XX:SharedClassListFile=LIST -XX:SharedArchiveFile=charts/cli/target/dmstat-analysis.jsa}): it runs the
 * common commands once in one JVM, output discarded, so that the classes they load are archived
 * (parsed and verified once) and later runs map them instead of loading them from the jars.
 * With the argument {@code report} the report of the embedded data (the README's main job) runs
 * last, for a second archive that the launcher uses for {@code report} and {@code chart}: its chart,
 * map, SVG and PDF classes save 0.2-0.5 s of its 4 s, but an archive that large costs the analysis
 * commands about 60 ms of start-up, so they keep the smaller one.
 */
final class StartupTraining {
  /** The command lines run, in this order. */
  static final List<List<String>> RUNS = List.of(
      List.of("--help"),
      List.of("--version"),
      List.of("prevalence", "--help"),
      List.of("prevalence", "--bogus"),
      List.of("prevalence", "--dataset", "adults", "--outcome", "cannabis_last_year", "--by", "sex", "--format", "json"),
      List.of("prevalence", "--dataset", "adults", "--outcome", "cannabis_last_year", "--by", "agegroup,sex"),
      List.of("prevalence", "--dataset", "adults", "--outcome", "cannabis_last_year", "--format", "csv"),
      List.of("key-figures"),
      List.of("datasets"));

  private StartupTraining() {}

  /** Runs {@link #RUNS}; exits 1 (so the launcher keeps no archive) when one of them fails unexpectedly. */
  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    System.setProperty("picocli.disable.closures", "true");
    PrintWriter err = new PrintWriter(OutputStream.nullOutputStream(), true);
    List<List<String>> runs = new ArrayList<>();
    Path file = null;
    Path report = null;
    boolean failed = false;
    try {
      // the path of a user's own file: the reader, the frame binding and the JSON writer
      file = Files.createTempFile("dmstat-training-", ".csv");
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        Csv.write(w, Datasets.table("adults"));
      }
      DesignSpec d = Datasets.design("adults").orElseThrow();
      runs.add(List.of("prevalence", "--data", file.toString(), "--outcome", "cannabis_last_year", "--weight", d.weight(),
          "--strata", d.strata().orElseThrow(), "--psu", d.psu().orElseThrow(), "--by", "sex", "--format", "json"));
      runs.add(List.of("prevalence", "--data", file.toString(), "--outcome", "cannabis_last_year", "--weight", d.weight(),
          "--by", "agegroup,sex", "--format", "table", "--thousands", "."));
      runs.addAll(RUNS);
      if (args.length == 1 && args[0].equals("report")) {
        // the report archive: the main job, the report of the embedded data (chart, map, SVG and PDF
        // classes), after the rest
        report = Files.createTempDirectory("dmstat-training-report-");
        runs.add(List.of("report", "--out", report.resolve("out").toString()));
      }
      for (List<String> run : runs) {
        int code = Main.run(OutputStream.nullOutputStream(), err, run.toArray(String[]::new));
        if (code == Failures.FAILED) {
          System.err.println("dmstat: start-up training failed: dmstat " + String.join(" ", run));
          failed = true;
          break;
        }
      }
    } catch (IOException e) {
      System.err.println("dmstat: start-up training failed: " + e.getMessage());
      failed = true;
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // a temporary file left behind is harmless
        }
      }
      if (report != null) {
        ReportCommand.deleteTree(report);
      }
    }
    // after the clean-up above: System.exit inside the try would skip it
    if (failed) {
      System.exit(1);
    }
  }
}
