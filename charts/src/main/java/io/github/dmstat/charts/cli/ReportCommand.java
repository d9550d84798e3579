package io.github.dmstat.charts.cli;

import io.github.dmstat.charts.report.DrugMonitorReport;
import io.github.dmstat.charts.report.HtmlReport;
import io.github.dmstat.charts.report.PdfReport;
import io.github.dmstat.charts.report.Progress;
import io.github.dmstat.charts.report.Report;
import io.github.dmstat.charts.report.ReportFiles;
import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.survey.DesignSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dmstat report}: the Drug Monitor report as HTML, PDF, figures and tables. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Writes the Drug Monitor report: DIR/index.html (self-contained, charts inline as SVG), "
        + "DIR/report.pdf (the same content), DIR/figures/ (every chart as PNG and SVG) and DIR/tables/ (CSV of every table).",
        "Without data options it uses the embedded datasets; --survey replaces the embedded adult survey in the "
        + "prevalence section (outcome columns named <substance>_<period>, e.g. cannabis_last_year)."})
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

  @Option(names = "--weight", paramLabel = "COL", description = "Weight column of --survey.")
  String weight;

  @Option(names = "--strata", paramLabel = "COL", description = "Strata column of --survey.")
  String strata;

  @Option(names = "--psu", paramLabel = "COL", description = "PSU column of --survey.")
  String psu;

  @Option(names = "--age", paramLabel = "COL", defaultValue = "age", description = "Age column of --survey (default: ${DEFAULT-VALUE}).")
  String age;

  @Override
  public Integer call() {
    Optional<DrugMonitorReport.UserSurvey> user = Optional.empty();
    if (survey != null) {
      if (weight == null) {
        throw new IllegalArgumentException("--weight COL is required with --survey");
      }
      user = Optional.of(new DrugMonitorReport.UserSurvey(survey.toString(), Csv.read(survey),
          DesignSpec.weights(weight).withStrata(strata).withPsu(psu), age));
    } else if (weight != null || strata != null || psu != null) {
      throw new IllegalArgumentException("--weight, --strata and --psu go with --survey FILE.csv");
    }
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = Progress.console(err, DrugMonitorReport.STEPS + 3);
    Report report;
    try {
      report = DrugMonitorReport.build(new DrugMonitorReport.Options(Lang.parse(lang), title, user), progress);
    } catch (IllegalArgumentException e) {
      throw survey == null ? e : new IllegalArgumentException(survey + ": " + e.getMessage(), e);
    }
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
}
