package io.github.dmstat.core.selection;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Why an area was or was not selected.
 *
 * @param area area id
 * @param population inhabitants (empty when not given)
 * @param score composite score {@code Σ_k w_k s_k} (empty when an indicator is missing)
 * @param contributions per indicator: raw value, standardised value, weight × standardised
 * @param rank rank of the score among all scored areas (1 = highest; ties by area id)
 * @param eligibleRank rank among the eligible areas competing for the places (eligible and not
 *     named); empty for other areas
 * @param eligible whether the area passes the rules (population, indicators present, not excluded)
 * @param eligibility {@code "eligible"} or why not, e.g. {@code "below 80,000 inhabitants (population 66,120)"}
 * @param selected whether it is in the selection
 * @param reason why it is (not) selected, e.g. {@code "top 27 of eligible"}, {@code "rank 31 > 27"},
 *     {@code "named inclusion: …"}, {@code "named exclusion: …"}
 */
public record Explanation(String area, OptionalDouble population, OptionalDouble score, List<Contribution> contributions,
    OptionalInt rank, OptionalInt eligibleRank, boolean eligible, String eligibility, boolean selected, String reason) {
  /**
   * Copies {@code contributions}; throws {@link IllegalArgumentException} when only one of {@code score} and
   * {@code rank} is present, {@link NullPointerException} when an object component is null.
   *
   * @param area area id
   * @param population inhabitants (empty when not given)
   * @param score composite score {@code Σ_k w_k s_k} (empty when an indicator is missing)
   * @param contributions per indicator: raw value, standardised value, weight × standardised
   * @param rank rank of the score among all scored areas (1 = highest; ties by area id)
   * @param eligibleRank rank among the eligible areas competing for the places; empty for other areas
   * @param eligible whether the area passes the rules (population, indicators present, not excluded)
   * @param eligibility {@code "eligible"} or why not
   * @param selected whether it is in the selection
   * @param reason why it is (not) selected
   */
  public Explanation {
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(population, "population");
    Objects.requireNonNull(score, "score");
    contributions = List.copyOf(contributions);
    Objects.requireNonNull(rank, "rank");
    Objects.requireNonNull(eligibleRank, "eligibleRank");
    Objects.requireNonNull(eligibility, "eligibility");
    Objects.requireNonNull(reason, "reason");
    if (score.isPresent() != rank.isPresent()) {
      throw new IllegalArgumentException("area '" + area + "': a rank needs a score and vice versa");
    }
  }

  /**
   * The contribution of {@code indicator}.
   *
   * @param indicator indicator name
   * @return its contribution to this area's score
   * @throws IllegalArgumentException when the index has no such indicator
   */
  public Contribution contribution(String indicator) {
    return contributions.stream().filter(c -> c.indicator().equals(indicator)).findFirst()
        .orElseThrow(() -> io.github.dmstat.core.Checks.unknownValue("indicator", indicator,
            contributions.stream().map(Contribution::indicator).toList()));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(area).append(": ").append(selected ? "selected" : "not selected")
        .append(" (").append(reason).append(')');
    if (score.isPresent()) {
      sb.append(String.format(Locale.ROOT, "; score %.3f, rank %d", score.getAsDouble(), rank.getAsInt()));
    }
    if (!eligible && !reason.equals(eligibility)) {
      sb.append("; not eligible: ").append(eligibility);
    }
    if (!contributions.isEmpty()) {
      sb.append("; ");
      for (int i = 0; i < contributions.size(); i++) {
        sb.append(i > 0 ? "; " : "").append(contributions.get(i));
      }
    }
    return sb.toString();
  }
}
