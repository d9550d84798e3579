package io.github.dmstat.cli;

import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.core.survey.LonelyPsu;
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

  /** Whether any design column was given. */
  boolean given() {
    return weight != null || strata != null || psu != null || fpc != null;
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
    return base.withLonelyPsu(lonely);
  }
}
