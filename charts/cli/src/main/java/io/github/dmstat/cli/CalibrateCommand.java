package io.github.dmstat.cli;

import io.github.dmstat.core.calibration.Calibration;
import io.github.dmstat.core.calibration.CalibrationReport;
import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.survey.DesignSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** {@code dmstat calibrate}: calibrates the weights to population margins and reports the g-weights. */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Calibrates the survey weights to population margins (--margins, e.g. CBS population by age x sex): "
        + "post-stratification, raking, or calibration with a linear, raking or logit distance (R survey's postStratify, "
        + "rake, calibrate), and reports the g-weights (calibrated / design weight): range and rows at a bound. "
        + "--out writes the data with the calibrated weight as a new column.",
        "Every estimating command takes the same --margins and --calibration options and then uses the calibrated "
            + "weights and variances directly."})
class CalibrateCommand extends SurveyCommand {
  @Option(names = "--out", paramLabel = "FILE", description = "Write the data with the calibrated weights to this CSV file.")
  Path out;

  @Option(names = "--name", paramLabel = "COL", defaultValue = "calibrated_weight",
      description = "Name of the calibrated weight column in --out (default: ${DEFAULT-VALUE}).")
  String name;

  @Option(names = "--force", description = "Overwrite --out if it exists.")
  boolean force;

  @Option(names = "--format", paramLabel = "FMT", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    Format fmt = Format.parse(format);
    if (designOptions == null || designOptions.margins == null) {
      throw new IllegalArgumentException("--margins FILE is required: the population totals to calibrate to");
    }
    Calibration c = designOptions.calibrationStep();
    DesignSpec plain = design().withoutCalibration();
    Table table = data.load(spec.commandLine().getErr());
    CalibrationReport report;
    double[] w;
    try {
      report = c.report(table, plain);
      w = c.weights(table, plain);
    } catch (IllegalArgumentException e) {
      throw data.where(e);
    }
    if (out != null) {
      if (Files.exists(out) && !force) {
        throw new IllegalArgumentException(out + " exists; pass --force to overwrite it");
      }
      if (table.columnNames().contains(name)) {
        throw new IllegalArgumentException("the data already has a column '" + name + "'; choose another with --name");
      }
      Table written = table.copy().addColumns(DoubleColumn.create(name, w));
      try {
        Files.writeString(out, Csv.toString(written));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    print(fmt.render(report, () -> Table.create("calibration", DoubleColumn.create("minG", report.minG()),
        DoubleColumn.create("maxG", report.maxG()), DoubleColumn.create("atLower", report.atLower()),
        DoubleColumn.create("atUpper", report.atUpper()), DoubleColumn.create("sumBefore", report.sumBefore()),
        DoubleColumn.create("sumAfter", report.sumAfter()))) + (fmt == Format.TABLE ? "\n" : "")
        + (fmt == Format.TABLE && out != null ? "wrote " + out + "\n" : ""));
    return 0;
  }
}
