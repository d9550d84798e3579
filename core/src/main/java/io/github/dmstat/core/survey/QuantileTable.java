package io.github.dmstat.core.survey;

import io.github.dmstat.core.internal.TableColumns;
import io.github.dmstat.core.TextTable;
import io.github.dmstat.core.disclosure.Reliability;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Quantiles of one variable for every domain ({@link SurveyQuantiles}). Prints as a readable
 * table; {@link #toTable()} gives a Tablesaw table (suppressed and undefined cells missing).
 *
 * @param variable the variable
 * @param by the grouping columns (empty for overall)
 * @param design what was read and excluded
 * @param rule the quantile rule
 * @param interval the interval type
 * @param level confidence level
 * @param reliabilityRule reliability rule applied
 * @param estimates one per domain and probability, domains in sorted order
 */
public record QuantileTable(String variable, List<String> by, DesignSummary design, QuantileRule rule,
    QuantileInterval interval, double level, ReliabilityRule reliabilityRule, List<QuantileEstimate> estimates) {
  /**
   * Copies the lists.
   *
   * @param variable the variable
   * @param by the grouping columns
   * @param design what was read and excluded
   * @param rule the quantile rule
   * @param interval the interval type
   * @param level confidence level
   * @param reliabilityRule reliability rule applied
   * @param estimates the estimates
   * @throws NullPointerException when a component is {@code null}
   */
  public QuantileTable {
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(design, "design");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(reliabilityRule, "reliabilityRule");
    by = List.copyOf(by);
    estimates = List.copyOf(estimates);
  }

  /**
   * The estimate at {@code probability} of the domain with these values.
   *
   * @param probability the quantile's probability
   * @param values one value per grouping column; none for overall
   * @return the estimate, or empty when there is none
   */
  public Optional<QuantileEstimate> find(double probability, String... values) {
    List<String> v = List.of(values);
    return estimates.stream().filter(e -> e.probability() == probability && e.group().values().equals(v)).findFirst();
  }

  /**
   * As a Tablesaw table, one row per domain and probability.
   *
   * @return grouping columns, then {@code probability, n, estimate, ciLower, ciUpper, se,
   *     degreesOfFreedom, reliability, note}; suppressed and undefined values are missing cells
   */
  public Table toTable() {
    Table t = PrevalenceTable.groupColumns("quantiles of " + variable, by, estimates.stream().map(QuantileEstimate::group).toList());
    DoubleColumn p = DoubleColumn.create("probability");
    LongColumn n = LongColumn.create("n");
    DoubleColumn est = DoubleColumn.create("estimate");
    DoubleColumn lo = DoubleColumn.create("ciLower");
    DoubleColumn hi = DoubleColumn.create("ciUpper");
    DoubleColumn se = DoubleColumn.create("se");
    IntColumn df = IntColumn.create("degreesOfFreedom");
    StringColumn rel = StringColumn.create("reliability");
    StringColumn note = StringColumn.create("note");
    for (QuantileEstimate e : estimates) {
      p.append(e.probability());
      n.append(e.n());
      df.append(e.degreesOfFreedom());
      rel.append(e.reliability().name());
      note.append(e.note());
      QuantileValue v = e.value().orElse(null);
      TableColumns.appendOptional(est, v == null ? OptionalDouble.empty() : OptionalDouble.of(v.estimate()));
      TableColumns.appendOptional(lo, v == null ? OptionalDouble.empty() : v.ciLower());
      TableColumns.appendOptional(hi, v == null ? OptionalDouble.empty() : v.ciUpper());
      TableColumns.appendOptional(se, v == null ? OptionalDouble.empty() : v.se());
    }
    return t.addColumns(p, n, est, lo, hi, se, df, rel, note);
  }


  @Override
  public String toString() {
    List<String> header = new ArrayList<>(by);
    if (header.isEmpty()) {
      header.add("group");
    }
    header.addAll(List.of("p", "n", "quantile", PrevalenceEstimate.levelText(level) + "% CI", "se", "status"));
    TextTable tt = new TextTable(header);
    boolean anyUnreliable = false;
    for (QuantileEstimate e : estimates) {
      List<String> row = new ArrayList<>(e.group().isAll() ? List.of("all") : e.group().values());
      row.add(StatisticTable.number(e.probability()));
      row.add(Long.toString(e.n()));
      if (e.value().isPresent()) {
        QuantileValue v = e.value().get();
        boolean unreliable = e.reliability() == Reliability.UNRELIABLE;
        anyUnreliable |= unreliable;
        row.add(StatisticTable.number(v.estimate()) + (unreliable ? "*" : ""));
        row.add(QuantileEstimate.bound(v.ciLower()) + " – " + QuantileEstimate.bound(v.ciUpper()));
        row.add(v.se().isPresent() ? StatisticTable.number(v.se().getAsDouble()) : "");
        row.add(unreliable ? "unreliable: " + e.note() : "");
      } else {
        row.addAll(List.of("", "", ""));
        row.add("suppressed: " + e.note());
      }
      tt.row(row);
    }
    return "Quantiles of " + variable + (by.isEmpty() ? "" : " by " + String.join(" × ", by)) + " (rule "
        + rule.code() + ", " + interval.code() + " interval, reliability rule " + reliabilityRule.code() + ")\n" + tt
        + design + (anyUnreliable ? "\n* unreliable (see status); ? = bound outside the data" : "") + "\n";
  }
}
