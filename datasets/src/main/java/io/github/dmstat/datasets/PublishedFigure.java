package io.github.dmstat.datasets;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.model.RecallPeriod;
import io.github.dmstat.core.model.Substance;
import io.github.dmstat.core.model.TargetGroup;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One published national figure, as stated by its source (see {@link NdmFigures}).
 *
 * <p>A figure with unit {@code "proportion"} is a prevalence in [0, 1] (7.8% is {@code 0.078});
 * with unit {@code "deaths"} it is a whole count. The qualifier says how the source states the
 * number: {@code "="} as given, {@code "≈"} approximately (e.g. "about 1 in 4" is {@code ≈ 0.25}),
 * {@code "<"} an upper bound (e.g. "under 1%" is {@code < 0.01}).
 *
 * @param indicator what is measured, in words (e.g. "drug use prevalence", "drug-related deaths")
 * @param substance the substance, if the figure is about one
 * @param period the recall period, if any
 * @param group the target group, if any (empty: whole population)
 * @param year the reference year of the data
 * @param value the number, a proportion in [0, 1] or a count
 * @param unit {@code "proportion"} or {@code "deaths"}
 * @param qualifier {@code "="}, {@code "≈"} or {@code "<"}
 * @param source publisher and publication
 * @param note remarks such as a trend break (empty for none)
 */
public record PublishedFigure(String indicator, Optional<Substance> substance, Optional<RecallPeriod> period,
    Optional<TargetGroup> group, int year, double value, String unit, String qualifier, String source,
    String note) {

  /** Unit of a prevalence in [0, 1]. */
  public static final String PROPORTION = "proportion";
  /** Unit of a count of deaths. */
  public static final String DEATHS = "deaths";
  /** The qualifiers: exact, approximate, upper bound. */
  public static final Set<String> QUALIFIERS = Set.of("=", "≈", "<");

  /**
   * Validates every field; {@code note} may be null (becomes empty).
   *
   * @param indicator what is measured, in words; not blank
   * @param substance the substance, or {@code Optional.empty()}; not {@code null}
   * @param period the recall period, or {@code Optional.empty()}; not {@code null}
   * @param group the target group, or {@code Optional.empty()}; not {@code null}
   * @param year the reference year, 1900 to 2100
   * @param value a proportion in [0, 1] for unit {@code "proportion"}; a whole number {@code >= 0} for
   *     {@code "deaths"}
   * @param unit {@link #PROPORTION} or {@link #DEATHS}
   * @param qualifier one of {@link #QUALIFIERS}
   * @param source publisher and publication; not blank
   * @param note remarks, or {@code null} or empty for none
   * @throws IllegalArgumentException if a field breaks its rule
   * @throws NullPointerException if {@code substance}, {@code period} or {@code group} is {@code null}
   */
  public PublishedFigure {
    if (indicator == null || indicator.isBlank()) {
      throw Checks.badArgument("indicator", "must not be blank", indicator);
    }
    Objects.requireNonNull(substance, "substance (use Optional.empty())");
    Objects.requireNonNull(period, "period (use Optional.empty())");
    Objects.requireNonNull(group, "group (use Optional.empty())");
    if (year < 1900 || year > 2100) {
      throw Checks.badArgument("year", "must be between 1900 and 2100", year);
    }
    if (PROPORTION.equals(unit)) {
      if (!(value >= 0 && value <= 1)) {
        throw Checks.badArgument("value", "must be a proportion in [0, 1]", value);
      }
    } else if (DEATHS.equals(unit)) {
      if (!(value >= 0) || value != Math.rint(value) || Double.isInfinite(value)) {
        throw Checks.badArgument("value", "must be a whole count >= 0", value);
      }
    } else {
      throw Checks.unknownValue("unit", unit, java.util.List.of(PROPORTION, DEATHS));
    }
    if (!QUALIFIERS.contains(qualifier)) {
      throw Checks.unknownValue("qualifier", qualifier, java.util.List.of("=", "≈", "<"));
    }
    if (source == null || source.isBlank()) {
      throw Checks.badArgument("source", "must not be blank", source);
    }
    note = note == null ? "" : note;
  }

  /** A prevalence figure. */
  static PublishedFigure prevalence(Substance s, RecallPeriod p, TargetGroup g, int year, double value,
      String qualifier, String source, String note) {
    return new PublishedFigure("drug use prevalence", Optional.of(s), Optional.of(p), Optional.of(g), year,
        value, PROPORTION, qualifier, source, note);
  }

  /**
   * The value as text: {@code "7.80%"}, {@code "< 1.00%"}, {@code "252 deaths"}.
   *
   * @return a proportion as a percentage with two decimals, a count with {@code " deaths"}; preceded by
   *     the qualifier and a space unless the qualifier is {@code "="}
   */
  public String formattedValue() {
    String q = "=".equals(qualifier) ? "" : qualifier + " ";
    return PROPORTION.equals(unit)
        ? q + String.format(Locale.ROOT, "%.2f%%", 100 * value)
        : q + String.format(Locale.ROOT, "%d deaths", (long) value);
  }

  /** One line, e.g. {@code PublishedFigure[2022, adults 18+, cannabis, last year: 7.80% (source)]}. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("PublishedFigure[").append(year).append(", ");
    group.ifPresent(g -> b.append(g).append(", "));
    b.append(substance.map(Substance::toString).orElse(indicator));
    period.ifPresent(p -> b.append(", ").append(p));
    b.append(": ").append(formattedValue()).append(" (").append(source).append(")");
    if (!note.isEmpty()) {
      b.append("; ").append(note);
    }
    return b.append("]").toString();
  }
}
