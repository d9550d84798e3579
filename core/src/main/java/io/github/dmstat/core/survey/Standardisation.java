package io.github.dmstat.core.survey;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.Columns;
import io.github.dmstat.core.Group;
import io.github.dmstat.core.disclosure.Assessment;
import io.github.dmstat.core.disclosure.Reliability;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.statistics.distribution.NormalDistribution;
import tech.tablesaw.api.Table;

/**
 * Direct standardisation of a prevalence to a reference population (e.g. the 2024 Dutch age
 * structure), so that groups or years with different age make-up can be compared.
 *
 * <p>With standard categories {@code a} (age bands) and reference population counts
 * {@code N_a}, shares {@code c_a = N_a / Σ N_a}, the standardised prevalence is
 * {@code p_std = Σ_a c_a p_a}, where {@code p_a} are the design-based domain prevalences (within
 * each level of the optional {@code over} columns). Its variance is the linearised variance of
 * that linear combination, computed from the combined influence values over the full design, so
 * covariances between the {@code p_a} are included (Lumley 2010, §3.3; R
 * {@code svycontrast(svyby(..., covmat=TRUE), c)} and {@code svystandardize}). The interval is
 * Wald with the normal quantile, as R {@code confint} of {@code svycontrast}. References:
 * Breslow &amp; Day (1987), <i>Statistical Methods in Cancer Research II</i>, IARC, ch. 2;
 * Eurostat (2013) revision of the European Standard Population.
 */
public final class Standardisation {
  private final double level;
  private final ReliabilityRule rule;

  private Standardisation(double level, ReliabilityRule rule) {
    this.level = Checks.level(level);
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  /**
   * 95% level, NCHS reliability rule.
   *
   * @return a standardisation with these settings
   */
  public static Standardisation withDefaults() {
    return new Standardisation(0.95, ReliabilityRule.NCHS);
  }

  /**
   * The same settings with another confidence level.
   *
   * @param l the confidence level, strictly between 0 and 1 (e.g. 0.95)
   * @return a new standardisation; this one is unchanged
   * @throws IllegalArgumentException when {@code l} is not strictly between 0 and 1
   */
  public Standardisation withLevel(double l) {
    return new Standardisation(l, rule);
  }

  /**
   * The same settings with another reliability rule.
   *
   * @param r the rule applied to each standardised estimate (it sees no design effect)
   * @return a new standardisation; this one is unchanged
   * @throws NullPointerException when {@code r} is {@code null}
   */
  public Standardisation with(ReliabilityRule r) {
    return new Standardisation(level, r);
  }

  /**
   * A standardised estimate for one level of the {@code over} columns.
   *
   * @param group the level of the {@code over} columns (the overall domain when there are none)
   * @param n rows of the group with an observed outcome, over all its categories
   * @param degreesOfFreedom design degrees of freedom of the categories with a positive reference
   *     population in this group
   * @param level confidence level
   * @param reliability publication status under the reliability rule
   * @param note why it is unreliable or suppressed (empty when OK)
   * @param value {@code {estimate, se, ciLower, ciUpper}} as proportions, absent when suppressed
   */
  public record Standardised(Group group, long n, int degreesOfFreedom, double level, Reliability reliability,
      String note, Optional<double[]> value) {
    /**
     * Checks the components and copies the value array.
     *
     * @param group the level of the {@code over} columns
     * @param n rows of the group with an observed outcome
     * @param degreesOfFreedom design degrees of freedom
     * @param level confidence level
     * @param reliability publication status
     * @param note why it is unreliable or suppressed
     * @param value {@code {estimate, se, ciLower, ciUpper}}, absent exactly when suppressed
     * @throws NullPointerException when {@code group} or {@code value} is {@code null}
     * @throws IllegalArgumentException when a suppressed estimate has a value or another has none
     */
    public Standardised {
      Objects.requireNonNull(group, "group");
      value = value.map(double[]::clone);
      if ((reliability == Reliability.SUPPRESSED) == value.isPresent()) {
        throw new IllegalArgumentException("a value is present exactly when the estimate is not suppressed");
      }
    }

    /**
     * {@code {estimate, se, ciLower, ciUpper}} when published.
     *
     * @return a copy of the four numbers as proportions, or empty when suppressed
     */
    @Override
    public Optional<double[]> value() {
      return value.map(double[]::clone);
    }

    @Override
    public String toString() {
      String where = group.isAll() ? "" : group + ": ";
      return value.map(v -> String.format(java.util.Locale.ROOT,
              "Standardised[%s%.2f%% (%s%% CI %.2f–%.2f), se=%.2f%%, n=%d%s]", where, 100 * v[0],
              PrevalenceEstimate.levelText(level), 100 * v[2], 100 * v[3], 100 * v[1], n,
              reliability == Reliability.UNRELIABLE ? ", unreliable: " + note : ""))
          .orElse("Standardised[" + where + "suppressed (" + note + "), n=" + n + "]");
    }
  }

  /**
   * Directly standardised prevalence of {@code outcome} over the categories of
   * {@code standardColumn}, weighted by {@code population} (category → count), within each level
   * of {@code over} (none: overall). Every category present in the data must have a population
   * count and every category with a positive population count must have observed rows in each group.
   * The interval is {@code estimate ± z·se}; the reliability rule is applied without a design
   * effect.
   *
   * @param table the survey, one row per respondent; not modified
   * @param spec the design columns of {@code table}
   * @param outcome a 0/1 outcome column; empty cells are left out
   * @param standardColumn the column of standard categories, e.g. age bands
   * @param population category → reference population count, each finite and {@code >= 0}, with a
   *     positive total; categories with count 0 get no weight
   * @param over columns within whose levels to standardise (empty: overall)
   * @return one estimate per level of {@code over}, in order of first appearance in the table
   * @throws IllegalArgumentException when a column is missing, a cell is invalid, a population count
   *     is negative or not finite, the total is not positive, a category in the data has no
   *     population count, or a category with a positive count has no observed rows in a group
   */
  public List<Standardised> direct(Table table, DesignSpec spec, String outcome, String standardColumn,
      Map<String, Double> population, List<String> over) {
    Objects.requireNonNull(population, "population");
    double total = 0;
    for (Map.Entry<String, Double> e : population.entrySet()) {
      Checks.finiteNonNegative("population of '" + e.getKey() + "'", e.getValue());
      total += e.getValue();
    }
    if (!(total > 0)) {
      throw Checks.badArgument("reference population", "must have a positive total", total);
    }
    List<String> cols = new ArrayList<>(over);
    cols.add(standardColumn);
    SurveyDesign design = spec.bind(table);
    byte[] y = Columns.flags(table, outcome);
    Columns.Codes codes = Columns.codes(table, cols);
    DomainMoments m = new DomainMoments(design, PrevalenceEstimator.withDefaults()
        .sums(design, y, codes.codes(), codes.size()), y, codes.codes());
    Map<List<String>, List<Integer>> byOver = new LinkedHashMap<>();
    for (int g = 0; g < codes.size(); g++) {
      List<String> key = codes.levels().get(g);
      String category = key.get(key.size() - 1);
      if (!population.containsKey(category)) {
        throw new IllegalArgumentException("column '" + standardColumn + "': category '" + category
            + "' has no reference population; given: " + population.keySet());
      }
      byOver.computeIfAbsent(key.subList(0, key.size() - 1), k -> new ArrayList<>()).add(g);
    }
    List<Standardised> out = new ArrayList<>();
    double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - level) / 2);
    for (Map.Entry<List<String>, List<Integer>> e : byOver.entrySet()) {
      Group group = new Group(over, e.getKey());
      double[] coef = new double[codes.size()];
      long n = 0;
      Map<String, Integer> present = new LinkedHashMap<>();
      for (int g : e.getValue()) {
        String category = codes.levels().get(g).get(codes.levels().get(g).size() - 1);
        present.put(category, g);
        n += m.observed(g);
      }
      for (Map.Entry<String, Double> pop : population.entrySet()) {
        if (pop.getValue() == 0) {
          continue;
        }
        Integer g = present.get(pop.getKey());
        if (g == null || !(m.weightSum(g) > 0)) {
          throw new IllegalArgumentException("column '" + standardColumn + "': category '" + pop.getKey()
              + "' has a reference population but no observed rows" + (group.isAll() ? "" : " in " + group));
        }
        coef[g] = pop.getValue() / total;
      }
      double est = 0;
      for (int g = 0; g < coef.length; g++) {
        if (coef[g] != 0) {
          est += coef[g] * m.proportion(g);
        }
      }
      double se = Math.sqrt(m.variance(coef));
      int df = m.degreesOfFreedom(coef);
      Assessment a = rule.assess(n, est, se, Double.NaN);
      if (a.status() == Reliability.SUPPRESSED) {
        out.add(new Standardised(group, n, df, level, a.status(), a.reason(), Optional.empty()));
      } else {
        out.add(new Standardised(group, n, df, level, a.status(), a.reason(),
            Optional.of(new double[] {est, se, est - z * se, est + z * se})));
      }
    }
    return out;
  }
}
