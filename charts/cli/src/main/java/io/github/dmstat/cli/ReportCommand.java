package io.github.dmstat.cli;

import io.github.dmstat.charts.report.DrugMonitorReport;
import io.github.dmstat.charts.report.HtmlReport;
import io.github.dmstat.charts.report.PdfReport;
import io.github.dmstat.charts.report.Progress;
import io.github.dmstat.charts.report.Report;
import io.github.dmstat.charts.report.RenderedFigures;
import io.github.dmstat.charts.report.ReportFiles;
import io.github.dmstat.charts.report.ReportSpec;
import io.github.dmstat.core.area.GeoJson;
import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.io.ColumnType;
import io.github.dmstat.core.io.ReadOptions;
import io.github.dmstat.core.spatial.MultipleTesting;
import java.io.PrintWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dmstat report}: the Drug Monitor report as HTML, PDF, figures and tables. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Writes the Drug Monitor report: DIR/index.html (self-contained, charts inline as SVG), "
        + "DIR/report.pdf (the same content), DIR/figures/ (every chart as PNG and SVG) and DIR/tables/ (CSV of every table).",
        "Your own data, columns, weights and rules: --spec report.yaml (--init report.yaml writes a commented example; "
            + "see the README, \"The report spec\").",
        "Without data options it uses the embedded datasets. Each data option replaces the embedded data of one section "
        + "and uses the embedded datasets' column names: --survey (outcomes <substance>_<period>, e.g. cannabis_last_year; "
        + "an age column), --areas (code, incidents, inhabitants) with --boundaries, --municipalities (code, name, "
        + "inhabitants, drug_crime, youth_crime, lbm, optional *_se), --effects (study, events_treated, total_treated, "
        + "events_control, total_control), --cohorts (time, reoffended, group), --panel (unit, treated, period, rate)."})
final class ReportCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output folder: new, empty, or a previous dmstat report (replaced only with --force).")
  Path out;

  @Option(names = "--spec", paramLabel = "FILE.yaml", description = "A report spec: title, language, credits and, per "
      + "section, your data file and its columns (see the README, \"The report spec\"). Checked whole before any work.")
  Path specFile;

  @Option(names = "--init", paramLabel = "FILE.yaml", description = "Write a commented example spec to FILE.yaml "
      + "(it runs as is on the embedded data) and stop.")
  Path init;

  @Option(names = "--force", description = "Replace a previous dmstat report in --out.")
  boolean force;

  @Option(names = "--local-correction", paramLabel = "METHOD",
      description = "Multiple-testing correction of the local statistics (hot spots, clusters): bh (false discovery "
          + "rate), bonferroni or none (default: the spec's, else bh).")
  String localCorrection;

  /** The file that marks a folder as a dmstat report (so that --force never deletes anything else). */
  static final String MARKER = ".dmstat-report";

  @Option(names = "--lang", paramLabel = "LANG", description = "en or nl (default: the spec's, else en).")
  String lang;

  @Option(names = "--title", paramLabel = "TEXT", description = "Report title (default: the spec's).")
  String title;

  @Option(names = "--survey", paramLabel = "FILE.csv", description = "Your own survey for the prevalence section.")
  Path survey;

  @CommandLine.ArgGroup(exclusive = false, heading = "Design of --survey:%n", order = 10)
  DesignOptions design = new DesignOptions();

  @Option(names = "--age", paramLabel = "COL", defaultValue = "age", description = "Age column of --survey (default: ${DEFAULT-VALUE}).")
  String age;

  @Option(names = "--areas", paramLabel = "FILE.csv", description = "Area counts for the concentration section.")
  Path areas;

  @Option(names = "--boundaries", paramLabel = "FILE.geojson", description = "Polygons of --areas.")
  Path boundaries;

  @Option(names = "--boundary-key", paramLabel = "PROP", description = "Feature property with the area code (default: the feature id).")
  String boundaryKey;

  @Option(names = "--municipalities", paramLabel = "FILE.csv", description = "Indicators for the selection section.")
  Path municipalities;

  @Option(names = "--effects", paramLabel = "FILE.csv", description = "2×2 counts per municipality for the meta-analysis.")
  Path effects;

  @Option(names = "--cohorts", paramLabel = "FILE.csv", description = "Follow-up per person for the survival curves.")
  Path cohorts;

  @Option(names = "--panel", paramLabel = "FILE.csv", description = "Area panel for the difference in differences.")
  Path panel;

  @CommandLine.ArgGroup(exclusive = false, heading = "Reading the files:%n", order = 100)
  ReadingOptions reading = new ReadingOptions();

  @Override
  public Integer call() {
    if (init != null) {
      return writeExample(init);
    }
    if (out == null) {
      throw new IllegalArgumentException("--out DIR is required (or --init FILE.yaml to write an example spec)");
    }
    Path target = out.toAbsolutePath().normalize();
    checkTarget(target, force);
    DrugMonitorReport.Options options;
    if (specFile != null) {
      if (survey != null || areas != null || boundaries != null || municipalities != null || effects != null || cohorts != null
          || panel != null || (design != null && design.given()) || (reading != null && reading.changed())) {
        throw new IllegalArgumentException("--spec names the data; leave out --survey, --areas, --boundaries, "
            + "--municipalities, --effects, --cohorts, --panel and the design and reading options");
      }
      // the whole spec is checked (keys, types, files) before any data is read
      options = ReportSpec.read(specFile).options();
    } else {
      options = fromOptions();
    }
    if (lang != null) {
      options = options.withLocale(Lang.parse(lang));
    }
    if (title != null) {
      options = options.withTitle(title);
    }
    if (localCorrection != null) {
      options = options.withLocalCorrection(MultipleTesting.parse(localCorrection));
    }
    return write(options, target);
  }

  private int writeExample(Path file) {
    if (Files.exists(file) && !force) {
      throw new IllegalArgumentException("--init " + file + " exists; pass --force to replace it");
    }
    try {
      Files.writeString(file, ReportSpec.example());
    } catch (IOException e) {
      throw new UncheckedIOException(DataOptions.fileName(file) + ": " + e.getMessage(), e);
    }
    PrintWriter o = spec.commandLine().getOut();
    o.println(file);
    o.flush();
    return 0;
  }

  /** The options of the per-section data options (the embedded datasets' column names). */
  private DrugMonitorReport.Options fromOptions() {
    ReadOptions read = (reading == null ? new ReadingOptions() : reading).options();
    DesignOptions d = design == null ? new DesignOptions() : design;
    java.util.Locale locale = Lang.parse(lang == null ? "en" : lang);
    DrugMonitorReport.Options options = DrugMonitorReport.Options.defaults().withLocale(locale);
    if (survey != null) {
      if (d.weight == null) {
        throw new IllegalArgumentException("--weight COL is required with --survey");
      }
      options = options.withSurvey(new DrugMonitorReport.UserSurvey(DataOptions.fileName(survey),
          Csv.read(survey, read, DrugMonitorReport.UserSurvey.outcomeTypes()),
          d.spec(Optional.empty()), age));
    } else if (d.given()) {
      throw new IllegalArgumentException("--weight, --strata, --psu and --fpc go with --survey FILE.csv");
    }
    if ((areas == null) != (boundaries == null)) {
      throw new IllegalArgumentException("--areas FILE.csv and --boundaries FILE.geojson go together");
    }
    if (areas != null) {
      options = options.withAreas(new DrugMonitorReport.UserAreas(DataOptions.fileName(areas), Csv.read(areas, read),
          GeoJson.read(boundaries, boundaryKey == null ? GeoJson.FEATURE_ID : boundaryKey)));
    }
    if (municipalities != null) {
      options = options.withMunicipalities(DrugMonitorReport.UserSelection.standard(DataOptions.fileName(municipalities),
          Csv.read(municipalities, read), locale));
    }
    if (effects != null) {
      options = options.withEffects(new DrugMonitorReport.UserEffects(DataOptions.fileName(effects), Csv.read(effects, read)));
    }
    if (cohorts != null) {
      options = options.withCohorts(new DrugMonitorReport.UserCohorts(DataOptions.fileName(cohorts),
          Csv.read(cohorts, read, Map.of("reoffended", ColumnType.FLAG))));
    }
    if (panel != null) {
      options = options.withPanel(new DrugMonitorReport.UserPanel(DataOptions.fileName(panel),
          Csv.read(panel, read, Map.of("treated", ColumnType.FLAG))));
    }
    return options;
  }

  private int write(DrugMonitorReport.Options options, Path target) {
    PrintWriter err = spec.commandLine().getErr();
    // written into a new sibling folder and moved into place at the end: an interrupted run never
    // leaves a half report, and a failing write is found before the work
    Path work = workFolder(target);
    try {
      Progress progress = Progress.console(err, DrugMonitorReport.STEPS + 3);
      // the sections without the user's own data show the embedded example
      Report report = DrugMonitorReport.build(options.withExample(ExampleData.get()), progress);
      progress.step("figures and tables");
      RenderedFigures rendered = RenderedFigures.of(report, Runtime.getRuntime().availableProcessors());
      int files = ReportFiles.write(report, rendered, work);
      progress.step("index.html");
      HtmlReport.write(report, rendered, work);
      progress.step("report.pdf");
      PdfReport.write(report, work);
      Files.writeString(work.resolve(MARKER), "written by dmstat report\n");
      replace(target, work);
      work = null;
      progress.done(report.figures().size() + " figures, " + report.tables().size() + " tables, " + files + " files");
    } catch (IOException e) {
      throw new UncheckedIOException(DataOptions.fileName(target) + ": " + e.getMessage(), e);
    } finally {
      if (work != null) {
        deleteTree(work);
      }
    }
    PrintWriter o = spec.commandLine().getOut();
    o.println(target.resolve("index.html"));
    o.println(target.resolve("report.pdf"));
    o.flush();
    return 0;
  }

  /**
   * Refuses, before any work, an --out that is a file or a folder that is neither empty nor a report (with
   * --force).
   */
  static void checkTarget(Path target, boolean force) {
    if (Files.isRegularFile(target)) {
      throw new IllegalArgumentException("--out " + target + " is a file; give a folder");
    }
    if (Files.isDirectory(target)) {
      boolean empty;
      try (Stream<Path> s = Files.list(target)) {
        empty = s.findAny().isEmpty();
      } catch (IOException e) {
        throw new IllegalArgumentException("--out " + target + " cannot be read: " + e.getMessage());
      }
      if (!empty && !Files.exists(target.resolve(MARKER))) {
        throw new IllegalArgumentException("--out " + target + " is a folder with other files than a dmstat report; "
            + "give a new or empty folder");
      }
      if (!empty && !force) {
        throw new IllegalArgumentException("--out " + target + " holds a previous report; pass --force to replace it");
      }
    }
    Path parent = target.getParent();
    if (parent != null && Files.exists(parent) && !Files.isWritable(parent)) {
      throw new IllegalArgumentException("--out " + target + ": cannot write in " + parent + " (permission denied)");
    }
  }

  private static Path workFolder(Path target) {
    Path parent = target.getParent() == null ? Path.of(".") : target.getParent();
    try {
      Files.createDirectories(parent);
      return Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
    } catch (IOException e) {
      throw new IllegalArgumentException("--out " + target + ": cannot write in " + parent + " ("
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
    }
  }

  /** Moves the finished report into place, replacing a previous report (checked before the work). */
  private static void replace(Path target, Path work) throws IOException {
    if (Files.isDirectory(target)) {
      Path old = target.resolveSibling("." + target.getFileName() + ".old-" + ProcessHandle.current().pid());
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(old);
    } else {
      Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // a file left in a temporary folder is harmless
        }
      });
    } catch (IOException e) {
      // nothing to clean
    }
  }
}
