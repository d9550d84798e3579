package io.github.dmstat.charts.report;

import io.github.dmstat.core.model.RecallPeriod;
import io.github.dmstat.core.model.Substance;
import io.github.dmstat.core.model.TargetGroup;
import java.util.Objects;

/**
 * A published prevalence, shown in the report next to the survey's own estimate of the same
 * substance, period and target group.
 *
 * @param substance the substance
 * @param period the recall period
 * @param group the target group
 * @param qualifier how the source states the value: {@code "="} as given, {@code "≈"} approximately,
 *     {@code "<"} an upper bound
 * @param value the published proportion, in [0, 1]
 * @param source where it was published
 */
public record PublishedValue(Substance substance, RecallPeriod period, TargetGroup group, String qualifier, double value,
    String source) {
  /**
   * Checks that no component is null and that {@code value} is a proportion.
   *
   * @param substance the substance
   * @param period the recall period
   * @param group the target group
   * @param qualifier how the source states the value: {@code "="}, {@code "≈"} or {@code "<"}
   * @param value the published proportion, in [0, 1]
   * @param source where it was published
   * @throws IllegalArgumentException when {@code value} is not in [0, 1] (NaN included)
   */
  public PublishedValue {
    Objects.requireNonNull(substance, "substance");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(qualifier, "qualifier");
    Objects.requireNonNull(source, "source");
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException("published value must be a proportion in [0, 1], got " + value);
    }
  }
}
