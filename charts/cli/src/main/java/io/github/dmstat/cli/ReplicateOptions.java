package io.github.dmstat.cli;

import io.github.dmstat.core.calibration.Calibration;
import io.github.dmstat.core.replicate.ReplicateDesign;
import io.github.dmstat.core.replicate.ReplicateType;
import io.github.dmstat.core.survey.DesignSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/**
 * Replicate-weight designs on the command line: supplied replicate weight columns
 * ({@code --replicate-weights REGEX --replicate-type TYPE}), or replicates made from the Taylor
 * design ({@code --replicates jackknife|jk1|jkn|bootstrap}).
 */
final class ReplicateOptions {
  @Option(names = "--replicate-weights", paramLabel = "REGEX",
      description = "Columns of supplied replicate weights (full weights), e.g. 'rep[0-9]+', in file order; --weight is "
          + "the full-sample weight.")
  String columns;

  @Option(names = "--replicate-type", paramLabel = "TYPE", description = "With --replicate-weights: jk1, jkn, brr, fay or bootstrap.")
  String type;

  @Option(names = "--scale", paramLabel = "X", description = "With --replicate-weights: the variance's overall factor "
      + "(default: jk1 (R-1)/R, brr 1/R, bootstrap 1/(R-1)).")
  Double scale;

  @Option(names = "--rscales", paramLabel = "X[,X...]", split = ",", description = "With --replicate-weights: one factor per "
      + "replicate (required for jkn).")
  List<Double> rscales;

  @Option(names = "--rho", paramLabel = "R", description = "With --replicate-type fay: Fay's factor.")
  Double rho;

  @Option(names = "--replicates", paramLabel = "KIND", description = "Make replicates from the design: jackknife (JK1 "
      + "unstratified, JKn stratified), jk1, jkn or bootstrap.")
  String derive;

  @Option(names = "--bootstrap-replicates", paramLabel = "N",
      description = "With --replicates bootstrap: how many (default: 50).")
  Integer bootstrapReplicates;

  @Option(names = "--seed", paramLabel = "S",
      description = "With --replicates bootstrap: the seed; the same as R's set.seed (default: 1).")
  Long seed;

  @Option(names = "--mse", description = "Centre the replicate variance at the full-sample estimate (R mse = TRUE).")
  boolean mse;

  /**
   * Whether a replicate design was asked for; an option of the replicate group without
   * {@code --replicates} or {@code --replicate-weights}, or one that the chosen kind does not use, is
   * an error rather than ignored.
   */
  boolean given() {
    boolean sampleOptions = type != null || scale != null || rscales != null || rho != null;
    boolean bootOptions = bootstrapReplicates != null || seed != null;
    if (columns == null && derive == null) {
      if (sampleOptions || bootOptions || mse) {
        throw new IllegalArgumentException("the replicate options need --replicates KIND or --replicate-weights REGEX");
      }
      return false;
    }
    if (derive != null && sampleOptions) {
      throw new IllegalArgumentException("--replicate-type, --scale, --rscales and --rho go with --replicate-weights, "
          + "not with --replicates");
    }
    if (bootOptions && !"bootstrap".equalsIgnoreCase(derive == null ? "" : derive.strip())) {
      throw new IllegalArgumentException("--seed and --bootstrap-replicates go with --replicates bootstrap");
    }
    if (rho != null && !"fay".equalsIgnoreCase(type == null ? "" : type.strip())) {
      throw new IllegalArgumentException("--rho goes with --replicate-type fay");
    }
    return true;
  }

  /**
   * The replicate design of {@code table} with the design {@code spec}; with {@code --margins} the
   * full sample and every replicate are calibrated (as R calibrates a replicate design).
   */
  ReplicateDesign design(Table table, DesignSpec spec) {
    ReplicateDesign d = uncalibrated(table, spec.withoutCalibration());
    if (spec.calibration().isPresent() && spec.calibration().get() instanceof Calibration c) {
      return d.calibrated(c, table);
    }
    return d;
  }

  private ReplicateDesign uncalibrated(Table table, DesignSpec spec) {
    if (columns != null && derive != null) {
      throw new IllegalArgumentException("give --replicate-weights or --replicates, not both");
    }
    if (derive != null) {
      var taylor = spec.bind(table);
      ReplicateDesign d;
      switch (derive.strip().toLowerCase(Locale.ROOT)) {
        case "jackknife":
          d = ReplicateDesign.jackknife(taylor);
          break;
        case "jk1":
          d = ReplicateDesign.jk1(taylor);
          break;
        case "jkn":
          d = ReplicateDesign.jkn(taylor);
          break;
        case "bootstrap":
          d = ReplicateDesign.bootstrap(taylor, bootstrapReplicates == null ? 50 : bootstrapReplicates,
              seed == null ? 1 : seed);
          break;
        default:
          throw new IllegalArgumentException("--replicates: '" + derive + "' is not one of jackknife, jk1, jkn, bootstrap");
      }
      return d.withMse(mse);
    }
    if (type == null) {
      throw new IllegalArgumentException("--replicate-weights needs --replicate-type jk1|jkn|brr|fay|bootstrap");
    }
    Pattern p = Pattern.compile(columns);
    List<String> cols = new ArrayList<>();
    for (String c : table.columnNames()) {
      if (p.matcher(c).matches()) {
        cols.add(c);
      }
    }
    if (cols.size() < 2) {
      throw new IllegalArgumentException("--replicate-weights '" + columns + "' matches " + cols.size()
          + " columns; the file has " + table.columnNames());
    }
    ReplicateType t = ReplicateType.parse(type);
    if (t == ReplicateType.FAY) {
      if (rho == null) {
        throw new IllegalArgumentException("--replicate-type fay needs --rho");
      }
      return ReplicateDesign.fay(table, spec.weight(), cols, rho, mse);
    }
    double[] rs = rscales == null ? null : rscales.stream().mapToDouble(Double::doubleValue).toArray();
    return ReplicateDesign.supplied(table, spec.weight(), cols, t, scale == null ? Double.NaN : scale, rs, mse);
  }
}
