package io.github.dmstat.core.survey;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.Columns;
import io.github.dmstat.core.internal.DomainSums;
import java.util.List;
import java.util.Objects;

/**
 * A mergeable partial of grouped prevalence over the rows of one bound {@link SurveyDesign}: the
 * sums per domain and PSU (per stratum under element sampling) from which
 * {@link PrevalenceEstimator} computes every estimate, standard error and interval. Partials of
 * disjoint row ranges, filled on other threads, machines or engines, {@link #merge merge} by
 * addition in any order; {@link #finish} gives the same {@link PrevalenceTable} as
 * {@link PrevalenceEstimator#estimate(tech.tablesaw.api.Table, DesignSpec, String, List)} on the
 * same rows (up to the rounding of the order of additions).
 *
 * <pre>{@code
 * SurveyDesign design = spec.bind(table);                       // rows 0..n-1
 * byte[] y = Columns.flags(table, "used");                      // 0, 1 or Columns.MISSING
 * Columns.Codes g = Columns.codes(table, List.of("group"));     // domain of each row, -1 when missing
 * PrevalencePartial a = estimator.partial(design, g.levels()).add(y, g.codes(), 0, n / 2);
 * PrevalencePartial b = estimator.partial(design, g.levels()).add(y, g.codes(), n / 2, n);
 * PrevalenceTable t = a.merge(b).finish("used", List.of("group"));
 * }</pre>
 *
 * <p>A partial is not thread-safe: fill each on one thread, then merge. Memory is
 * {@code domains × PSUs} doubles (× 2 under element sampling), independent of the rows.
 */
public final class PrevalencePartial {
  private final PrevalenceEstimator estimator;
  private final SurveyDesign design;
  private final List<List<String>> levels;
  private final DomainSums sums;

  PrevalencePartial(PrevalenceEstimator estimator, SurveyDesign design, List<List<String>> levels) {
    this.estimator = Objects.requireNonNull(estimator, "estimator");
    this.design = Objects.requireNonNull(design, "design");
    this.levels = List.copyOf(levels);
    if (this.levels.isEmpty()) {
      throw Checks.badArgument("levels", "must name at least one domain (one empty list for the overall prevalence)", 0);
    }
    this.sums = PrevalenceEstimator.empty(design, this.levels.size());
  }

  /**
   * Adds rows {@code [from, to)} of the design. {@code y} and {@code domain} are indexed as the
   * design's rows: {@code y[i]} is 0, 1 or {@link Columns#MISSING}; {@code domain[i]} the index of
   * the row's domain in the levels, or a negative value when its grouping value is missing
   * (counted and reported, never estimated). Returns this partial.
   *
   * @param y the outcome of each design row: 0, 1 or {@link Columns#MISSING}
   * @param domain the domain code of each design row (index into {@link #levels()}), negative when
   *     the grouping value is missing
   * @param from first row to add, inclusive
   * @param to end of the rows to add, exclusive
   * @return this partial
   * @throws IndexOutOfBoundsException when {@code [from, to)} is not a range of the design's rows
   * @throws IllegalArgumentException when {@code y} or {@code domain} is shorter than {@code to}, or a
   *     row in the range has an outcome other than 0, 1 or missing or a domain code beyond the levels
   */
  public PrevalencePartial add(byte[] y, int[] domain, int from, int to) {
    if (from < 0 || to > design.rows() || from > to) {
      throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of a design of " + design.rows());
    }
    if (y.length < to || domain.length < to) {
      throw Checks.badArgument("y", "and domain must cover rows up to " + to + " (y has " + y.length + ", domain "
          + domain.length + ")", y.length);
    }
    for (int i = from; i < to; i++) {
      if (domain[i] >= levels.size()) {
        throw Checks.badCell("domain", i + 1, "is not a domain of the " + levels.size() + " levels", domain[i]);
      }
      if (y[i] != 0 && y[i] != 1 && y[i] != Columns.MISSING) {
        throw Checks.badCell("y", i + 1, "must be 0, 1 or Columns.MISSING", y[i]);
      }
    }
    PrevalenceEstimator.add(design, sums, y, domain, from, to);
    return this;
  }

  /**
   * Adds {@code other}, a partial of the same estimator, design and levels over other rows, into
   * this one and returns this.
   *
   * @param other a partial of the same design object and levels; it is not changed
   * @return this partial
   * @throws IllegalArgumentException when {@code other} has another design or other levels
   */
  public PrevalencePartial merge(PrevalencePartial other) {
    if (other == this) {
      throw new IllegalArgumentException("cannot merge a partial into itself (its sums would count twice)");
    }
    if (other.design != design || !other.levels.equals(levels)) {
      throw new IllegalArgumentException("cannot merge partials of different designs or domains");
    }
    if (!other.estimator.sameSettings(estimator)) {
      throw new IllegalArgumentException("cannot merge partials of estimators with different settings: " + other.estimator
          + " into " + estimator);
    }
    sums.merge(other.sums);
    return this;
  }

  /**
   * The prevalence of {@code outcome} in each domain, named by the {@code by} columns.
   *
   * @param outcome the outcome's name, for the table and its messages
   * @param by the grouping column names, one per value in each level (empty for the overall level)
   * @return the table, as {@link PrevalenceEstimator#estimate(tech.tablesaw.api.Table, DesignSpec,
   *     String, List)} gives it; rows with a negative domain code are reported as excluded
   * @throws IllegalArgumentException when {@code by} does not match the size of the levels
   */
  public PrevalenceTable finish(String outcome, List<String> by) {
    Objects.requireNonNull(outcome, "outcome");
    return estimator.table(design, sums, levels, sums.outside, outcome, by, null, null);
  }

  /**
   * The domains, in the order of the domain codes.
   *
   * @return an unmodifiable list, each element the grouping values of one domain
   */
  public List<List<String>> levels() {
    return levels;
  }

  /**
   * The design whose rows this partial sums.
   *
   * @return the bound design
   */
  public SurveyDesign design() {
    return design;
  }

  @Override
  public String toString() {
    return "PrevalencePartial[" + levels.size() + " domains over a design of " + design.rows() + " rows]";
  }
}
