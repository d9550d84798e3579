package io.github.dmstat.cli;

import io.github.dmstat.core.calibration.Calibration;
import io.github.dmstat.core.calibration.CalibrationMethod;
import io.github.dmstat.core.calibration.Margins;
import io.github.dmstat.core.io.ReadOptions;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.core.survey.LonelyPsu;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The survey design options, the same in every command that estimates from a survey. */
final class DesignOptions {
  @Option(names = "--weight", paramLabel = "COL", description = "Sampling weight column (required with --data).")
  String weight;

  @Option(names = "--strata", paramLabel = "COL", description = "Strata column.")
  String strata;

  @Option(names = "--psu", paramLabel = "COL", description = "Primary sampling unit (cluster) column, nested in strata.")
  String psu;

  @Option(names = "--fpc", paramLabel = "COL", description = "Finite population correction: population PSUs per stratum, or sampling fraction.")
  String fpc;

  @Option(names = "--lonely-psu", paramLabel = "POLICY", defaultValue = "fail",
      description = "Strata with one PSU: fail, adjust, remove, certainty (default: ${DEFAULT-VALUE}).")
  String lonelyPsu = "fail";

  @Option(names = "--margins", paramLabel = "FILE",
      description = "Population margins to calibrate the weights to: CSV with variable,level,total (level empty for a numeric "
          + "variable; a:b for a cross-classification). Every estimate then uses the calibrated weights and variance.")
  Path margins;

  @Option(names = "--calibration", paramLabel = "METHOD",
      description = "With --margins: poststratify, rake, linear, raking or logit (default: rake).")
  String calibration;

  @Option(names = "--bounds", paramLabel = "L,U", description = "With --margins: bounds on the g-weights (linear, raking, logit).")
  String bounds;

  @Option(names = "--weight-bounds", paramLabel = "L,U", description = "With --margins: bounds on the calibrated weights themselves.")
  String weightBounds;

  /** Whether any design column was given. */
  boolean given() {
    return weight != null || strata != null || psu != null || fpc != null || margins != null;
  }

  /**
   * The design: from {@code --weight} and the other columns, or else the embedded dataset's own
   * design with any column given here replacing its own.
   */
  DesignSpec spec(Optional<DesignSpec> embedded) {
    LonelyPsu lonely = LonelyPsu.parse(lonelyPsu);
    DesignSpec base;
    if (weight != null) {
      base = DesignSpec.weights(weight);
    } else {
      base = embedded.orElseThrow(() -> new IllegalArgumentException("--weight COL is required with --data"));
    }
    if (strata != null) {
      base = base.withStrata(strata);
    }
    if (psu != null) {
      base = base.withPsu(psu);
    }
    if (fpc != null) {
      base = base.withFpc(fpc);
    }
    base = base.withLonelyPsu(lonely);
    if (margins == null && (calibration != null || bounds != null || weightBounds != null)) {
      throw new IllegalArgumentException((calibration != null ? "--calibration" : bounds != null ? "--bounds" : "--weight-bounds")
          + " needs --margins FILE (the population totals to calibrate to)");
    }
    return margins == null ? base : base.withCalibration(calibrationStep());
  }

  /** The calibration the options describe (margins read with the default reading options). */
  Calibration calibrationStep() {
    if (margins == null) {
      throw new IllegalArgumentException("--margins FILE is required to calibrate");
    }
    Margins m = Margins.read(margins, ReadOptions.withDefaults());
    CalibrationMethod method = CalibrationMethod.parse(calibration == null ? "rake" : calibration);
    Calibration c;
    switch (method) {
      case POSTSTRATIFY:
        c = Calibration.postStratify(m);
        break;
      case RAKE:
        c = Calibration.rake(m);
        break;
      default:
        c = Calibration.calibrate(m, method);
    }
    if (bounds != null && weightBounds != null) {
      throw new IllegalArgumentException("give --bounds or --weight-bounds, not both");
    }
    if (bounds != null) {
      double[] b = pair("--bounds", bounds);
      c = c.withBounds(b[0], b[1]);
    }
    if (weightBounds != null) {
      double[] b = pair("--weight-bounds", weightBounds);
      c = c.withWeightBounds(b[0], b[1]);
    }
    return c;
  }

  private static double[] pair(String option, String text) {
    String[] parts = text.split(",");
    if (parts.length != 2) {
      throw new IllegalArgumentException(option + ": '" + text + "' is not L,U");
    }
    try {
      return new double[] {Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip())};
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": '" + text + "' is not two numbers L,U");
    }
  }
}
