package io.github.dmstat.core.selection;

import io.github.dmstat.core.Checks;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One indicator of a {@link CompositeIndex}: its column, its weight (the sign is the direction:
 * a liveability score, where higher is better, enters with a negative weight) and optionally a
 * column with its standard error (for {@link RankUncertainty}).
 *
 * @param column indicator column (also its name in results)
 * @param weight finite, non-zero weight {@code w_k}
 * @param seColumn column with the standard error of the indicator value, if any
 */
public record WeightedIndicator(String column, double weight, Optional<String> seColumn) {
  /**
   * Throws {@link IllegalArgumentException} when {@code column} is null or blank or {@code weight} is 0 or
   * not finite, {@link NullPointerException} when {@code seColumn} is null.
   *
   * @param column indicator column (also its name in results)
   * @param weight finite, non-zero weight {@code w_k}
   * @param seColumn column with the standard error of the indicator value, if any
   */
  public WeightedIndicator {
    if (column == null || column.isBlank()) {
      throw Checks.badArgument("indicator column", "must be a non-blank name", column);
    }
    if (!Double.isFinite(weight) || weight == 0) {
      throw Checks.badArgument("weight of indicator '" + column + "'", "must be finite and non-zero", weight);
    }
    Objects.requireNonNull(seColumn, "seColumn");
  }

  /**
   * Indicator {@code column} with {@code weight}, no standard error.
   *
   * @param column indicator column, non-blank
   * @param weight finite, non-zero weight; negative where a higher value is better
   * @return the indicator
   * @throws IllegalArgumentException when {@code column} is blank or {@code weight} is 0 or not finite
   */
  public static WeightedIndicator of(String column, double weight) {
    return new WeightedIndicator(column, weight, Optional.empty());
  }

  /**
   * The same with a standard-error column.
   *
   * @param column column with the standard error of the indicator value
   * @return a new indicator; this one is unchanged
   */
  public WeightedIndicator withSe(String column) {
    return new WeightedIndicator(this.column, weight, Optional.of(column));
  }

  /**
   * The same with another weight.
   *
   * @param w the new weight, finite and non-zero
   * @return a new indicator; this one is unchanged
   * @throws IllegalArgumentException when {@code w} is 0 or not finite
   */
  public WeightedIndicator withWeight(double w) {
    return new WeightedIndicator(column, w, seColumn);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s×%s%s", Double.toString(weight), column, seColumn.map(s -> " (se " + s + ")").orElse(""));
  }
}
