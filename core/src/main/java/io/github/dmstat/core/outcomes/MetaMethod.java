package io.github.dmstat.core.outcomes;

import io.github.dmstat.core.Checks;
import java.util.List;

/** Estimators of the between-study variance {@code τ²}, named as in R {@code metafor::rma(method = ...)}. */
public enum MetaMethod {
  /** Fixed (equal) effect: {@code τ² = 0}; {@code "FE"} or {@code "EE"}. */
  FE,
  /** DerSimonian–Laird (1986) moment estimator. */
  DL,
  /** Restricted maximum likelihood (Fisher scoring as metafor). */
  REML;

  /**
   * Whether this is a random-effects model.
   *
   * @return true for DL and REML, false for FE
   */
  public boolean isRandom() {
    return this != FE;
  }

  /**
   * Parses {@code FE}, {@code EE}, {@code DL} or {@code REML} (any case).
   *
   * @param text the method name; surrounding blanks are ignored
   * @return the matching method ({@link #FE} for {@code EE})
   * @throws IllegalArgumentException when {@code text} is null or matches no method
   */
  public static MetaMethod parse(String text) {
    String s = text == null ? "" : text.strip();
    if (s.equalsIgnoreCase("EE")) {
      return FE;
    }
    for (MetaMethod m : values()) {
      if (m.name().equalsIgnoreCase(s)) {
        return m;
      }
    }
    throw Checks.unknownValue("meta-analysis method", text, List.of("FE", "EE", "DL", "REML"));
  }
}
