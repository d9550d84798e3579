package io.github.dmstat.charts.cli;

import io.github.dmstat.charts.report.DrugMonitorReport;
import io.github.dmstat.charts.report.HtmlReport;
import io.github.dmstat.charts.report.PdfReport;
import io.github.dmstat.charts.report.Progress;
import io.github.dmstat.charts.report.Report;
import io.github.dmstat.charts.report.ReportFiles;
import io.github.dmstat.core.area.GeoJson;
import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.io.ColumnType;
import io.github.dmstat.core.io.ReadOptions;
import io.github.dmstat.core.model.Indicator;
import io.github.dmstat.core.model.RecallPeriod;
import io.github.dmstat.core.model.Substance;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
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
        "Without data options it uses the embedded datasets. Each data option replaces the embedded data of one section "
        + "and uses the embedded datasets' column names: --survey (outcomes <substance>_<period>, e.g. cannabis_last_year; "
        + "an age column), --areas (code, incidents, inhabitants) with --boundaries, --municipalities (code, name, "
        + "inhabitants, drug_crime, youth_crime, lbm, optional *_se), --effects (study, events_treated, total_treated, "
        + "events_control, total_control), --cohorts (time, reoffended, group), --panel (unit, treated, period, rate)."})
final class ReportCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if needed).")
  Path out;

  @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en", description = "en or nl (default: ${DEFAULT-VALUE}).")
  String lang;

  @Option(names = "--title", paramLabel = "TEXT", defaultValue = "", description = "Report title.")
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
    ReadOptions read = (reading == null ? new ReadingOptions() : reading).options();
    DesignOptions d = design == null ? new DesignOptions() : design;
    DrugMonitorReport.Options options = DrugMonitorReport.Options.defaults().withLocale(Lang.parse(lang)).withTitle(title);
    if (survey != null) {
      if (d.weight == null) {
        throw new IllegalArgumentException("--weight COL is required with --survey");
      }
      Map<String, ColumnType> outcomes = new HashMap<>();
      for (Substance sub : Substance.values()) {
        for (RecallPeriod period : RecallPeriod.values()) {
          outcomes.put(Indicator.column(sub, period), ColumnType.FLAG);
        }
      }
      options = options.withSurvey(new DrugMonitorReport.UserSurvey(DataOptions.fileName(survey), Csv.read(survey, read, outcomes),
          d.spec(Optional.empty()), age));
    } else if (d.given()) {
      throw new IllegalArgumentException("--weight, --strata, --psu and --fpc go with --survey FILE.csv");
    }
    if ((areas == null) != (boundaries == null)) {
      throw new IllegalArgumentException("--areas FILE.csv and --boundaries FILE.geojson go together");
    }
    if (areas != null) {
      options = options.withAreas(new DrugMonitorReport.UserAreas(DataOptions.fileName(areas), Csv.read(areas, read),
          GeoJson.read(boundaries, boundaryKey)));
    }
    if (municipalities != null) {
      options = options.withMunicipalities(table(municipalities, read));
    }
    if (effects != null) {
      options = options.withEffects(table(effects, read));
    }
    if (cohorts != null) {
      options = options.withCohorts(new DrugMonitorReport.UserTable(DataOptions.fileName(cohorts),
          Csv.read(cohorts, read, Map.of("reoffended", ColumnType.FLAG))));
    }
    if (panel != null) {
      options = options.withPanel(new DrugMonitorReport.UserTable(DataOptions.fileName(panel),
          Csv.read(panel, read, Map.of("treated", ColumnType.FLAG))));
    }
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = Progress.console(err, DrugMonitorReport.STEPS + 3);
    Report report = DrugMonitorReport.build(options, progress);
    progress.step("figures and tables");
    int files = ReportFiles.write(report, out);
    progress.step("index.html");
    Path html = HtmlReport.write(report, out);
    progress.step("report.pdf");
    Path pdf = PdfReport.write(report, out);
    progress.done(report.figures().size() + " figures, " + report.tables().size() + " tables, " + files + " files");
    PrintWriter o = spec.commandLine().getOut();
    o.println(html.toAbsolutePath());
    o.println(pdf.toAbsolutePath());
    o.flush();
    return 0;
  }

  private static DrugMonitorReport.UserTable table(Path file, ReadOptions read) {
    return new DrugMonitorReport.UserTable(DataOptions.fileName(file), Csv.read(file, read));
  }
}
