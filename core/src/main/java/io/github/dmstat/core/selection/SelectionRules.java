package io.github.dmstat.core.selection;

import io.github.dmstat.core.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Who may be selected and how many: a selection of {@code N} areas ({@link #size()}), an
 * optional minimum population for eligibility, and named exceptions with their reasons.
 *
 * <ul>
 *   <li>A <b>named exclusion</b> is never selected ("named exclusion: reason").
 *   <li>A <b>named inclusion</b> is always selected ("named inclusion: reason"), whatever its
 *       population; it takes one of the {@code N} places.
 *   <li>The remaining {@code N − |inclusions|} places go to the eligible areas (population
 *       {@code >=} minimum, all indicators present, not named) with the highest scores; ties at
 *       the cut are resolved by area id and reported.
 * </ul>
 *
 * <p>Example, Preventie met gezag 2023: {@code SelectionRules.top(27).withMinimumPopulation(80_000)
 * .include("GM0356", "national liveability and safety programme")}.
 */
public final class SelectionRules {
  private final int size;
  private final double minimumPopulation;
  private final Map<String, String> inclusions;
  private final Map<String, String> exclusions;

  private SelectionRules(int size, double minimumPopulation, Map<String, String> inclusions,
      Map<String, String> exclusions) {
    if (size < 1) {
      throw Checks.badArgument("selection size", "must be >= 1", size);
    }
    if (!(minimumPopulation >= 0) || Double.isInfinite(minimumPopulation)) {
      throw Checks.badArgument("minimum population", "must be finite and >= 0", minimumPopulation);
    }
    this.size = size;
    this.minimumPopulation = minimumPopulation;
    this.inclusions = Collections.unmodifiableMap(new LinkedHashMap<>(inclusions));
    this.exclusions = Collections.unmodifiableMap(new LinkedHashMap<>(exclusions));
  }

  /**
   * Select {@code n} areas, no minimum population, no named exceptions.
   *
   * @param n number of areas to select, {@code >= 1}
   * @return the rules
   * @throws IllegalArgumentException when {@code n < 1}
   */
  public static SelectionRules top(int n) {
    return new SelectionRules(n, 0, Map.of(), Map.of());
  }

  /**
   * The same with another selection size.
   *
   * @param n number of areas to select, {@code >= 1} (named inclusions included)
   * @return new rules; these are unchanged
   * @throws IllegalArgumentException when {@code n < 1}
   */
  public SelectionRules withSize(int n) {
    return new SelectionRules(n, minimumPopulation, inclusions, exclusions);
  }

  /**
   * Areas with fewer inhabitants than {@code min} are not eligible (named inclusions still go in).
   *
   * @param min minimum population, finite and {@code >= 0} (0: none), e.g. 80,000
   * @return new rules; these are unchanged
   * @throws IllegalArgumentException when {@code min} is negative or not finite
   */
  public SelectionRules withMinimumPopulation(double min) {
    return new SelectionRules(size, min, inclusions, exclusions);
  }

  /**
   * Forces {@code area} into the selection, with the reason shown in its explanation.
   *
   * @param area area id, non-blank
   * @param reason why it is included, non-blank (surrounding blanks are stripped)
   * @return new rules; these are unchanged
   * @throws IllegalArgumentException when {@code area} or {@code reason} is blank, or the area is a named
   *     exclusion
   */
  public SelectionRules include(String area, String reason) {
    check(area, reason, "inclusion");
    if (exclusions.containsKey(area)) {
      throw Checks.badArgument("named inclusion", "must not also be a named exclusion", area);
    }
    Map<String, String> m = new LinkedHashMap<>(inclusions);
    m.put(area, reason.strip());
    return new SelectionRules(size, minimumPopulation, m, exclusions);
  }

  /**
   * Forces {@code area} out of the selection, with the reason shown in its explanation.
   *
   * @param area area id, non-blank
   * @param reason why it is excluded, non-blank (surrounding blanks are stripped)
   * @return new rules; these are unchanged
   * @throws IllegalArgumentException when {@code area} or {@code reason} is blank, or the area is a named
   *     inclusion
   */
  public SelectionRules exclude(String area, String reason) {
    check(area, reason, "exclusion");
    if (inclusions.containsKey(area)) {
      throw Checks.badArgument("named exclusion", "must not also be a named inclusion", area);
    }
    Map<String, String> m = new LinkedHashMap<>(exclusions);
    m.put(area, reason.strip());
    return new SelectionRules(size, minimumPopulation, inclusions, m);
  }

  private static void check(String area, String reason, String what) {
    if (area == null || area.isBlank()) {
      throw Checks.badArgument("named " + what + " area", "must be a non-blank id", area);
    }
    if (reason == null || reason.isBlank()) {
      throw Checks.badArgument("reason for named " + what + " of '" + area + "'", "must be non-blank", reason);
    }
  }

  /**
   * Number of areas to select {@code N} (named inclusions included).
   *
   * @return the selection size, {@code >= 1}
   */
  public int size() {
    return size;
  }

  /**
   * Minimum population for eligibility (0: none).
   *
   * @return the minimum number of inhabitants
   */
  public double minimumPopulation() {
    return minimumPopulation;
  }

  /**
   * Named inclusions: area → reason.
   *
   * @return unmodifiable map in the order the areas were named
   */
  public Map<String, String> inclusions() {
    return inclusions;
  }

  /**
   * Named exclusions: area → reason.
   *
   * @return unmodifiable map in the order the areas were named
   */
  public Map<String, String> exclusions() {
    return exclusions;
  }

  static String inhabitants(double v) {
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%,.1f", v);
  }

  @Override
  public String toString() {
    return "SelectionRules[top " + size + (minimumPopulation > 0 ? ", at least " + inhabitants(minimumPopulation)
        + " inhabitants" : "") + (inclusions.isEmpty() ? "" : ", named inclusions " + inclusions.keySet())
        + (exclusions.isEmpty() ? "" : ", named exclusions " + exclusions.keySet()) + "]";
  }
}
