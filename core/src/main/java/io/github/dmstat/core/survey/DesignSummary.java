package io.github.dmstat.core.survey;

import java.util.Map;
import java.util.TreeMap;

/**
 * What an estimate was computed from: rows read, rows excluded (and why), strata, PSUs and
 * design degrees of freedom of the full design.
 *
 * @param rows rows in the input
 * @param excluded rows left out of every estimate
 * @param exclusions reason → number of rows
 * @param strata number of strata
 * @param psus number of PSUs
 * @param degreesOfFreedom {@code psus − strata}
 */
public record DesignSummary(int rows, long excluded, Map<String, Long> exclusions, int strata, int psus,
    int degreesOfFreedom) {
  /**
   * Copies {@code exclusions} into an unmodifiable map sorted by reason.
   *
   * @param rows rows in the input
   * @param excluded rows left out of every estimate
   * @param exclusions reason → number of rows
   * @param strata number of strata
   * @param psus number of PSUs
   * @param degreesOfFreedom {@code psus − strata}
   * @throws NullPointerException when {@code exclusions} is {@code null}
   */
  public DesignSummary {
    exclusions = java.util.Collections.unmodifiableMap(new TreeMap<>(exclusions));
  }

  @Override
  public String toString() {
    return "design: rows=" + rows + ", excluded=" + excluded + (exclusions.isEmpty() ? "" : " " + exclusions)
        + ", strata=" + strata + ", psus=" + psus + ", df=" + degreesOfFreedom;
  }
}
