package io.github.dmstat.core.survey;

import io.github.dmstat.core.internal.TableColumns;
import io.github.dmstat.core.Group;
import io.github.dmstat.core.TextTable;
import io.github.dmstat.core.disclosure.Reliability;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Objects;
import java.util.Optional;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Totals, means or ratios of one variable for every domain, with the design they came from. Prints
 * as a readable table; {@link #toTable()} gives a Tablesaw table (suppressed cells missing).
 *
 * @param statistic what was estimated
 * @param variable the variable (the numerator of a ratio)
 * @param denominator the denominator of a ratio; empty for a total or mean
 * @param by the grouping columns (empty for overall)
 * @param design what was read and excluded
 * @param level confidence level
 * @param studentT whether intervals use t quantiles on the domain's degrees of freedom (else normal)
 * @param rule reliability rule applied
 * @param estimates one per domain, in sorted group order
 */
public record StatisticTable(Statistic statistic, String variable, Optional<String> denominator, List<String> by,
    DesignSummary design, double level, boolean studentT, ReliabilityRule rule, List<StatisticEstimate> estimates) {
  /**
   * Copies {@code by} and {@code estimates} into unmodifiable lists.
   *
   * @param statistic what was estimated
   * @param variable the variable (the numerator of a ratio)
   * @param denominator the denominator of a ratio; empty for a total or mean
   * @param by the grouping columns (empty for overall)
   * @param design what was read and excluded
   * @param level confidence level
   * @param studentT whether intervals use t quantiles
   * @param rule reliability rule applied
   * @param estimates one per domain, in sorted group order
   * @throws NullPointerException when a component, or an element of {@code by} or {@code estimates}, is {@code null}
   */
  public StatisticTable {
    Objects.requireNonNull(statistic, "statistic");
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(denominator, "denominator");
    Objects.requireNonNull(design, "design");
    Objects.requireNonNull(rule, "rule");
    by = List.copyOf(by);
    estimates = List.copyOf(estimates);
  }

  /**
   * The estimate of the domain with these values (in {@link #by()} order).
   *
   * @param values one value per grouping column, in order; none for the overall estimate
   * @return the estimate, or empty when no domain has exactly these values
   */
  public Optional<StatisticEstimate> find(String... values) {
    List<String> v = List.of(values);
    return estimates.stream().filter(e -> e.group().values().equals(v)).findFirst();
  }

  /**
   * The domain keys, in order.
   *
   * @return the group of each estimate, in the order of {@link #estimates()}
   */
  public List<Group> groups() {
    return estimates.stream().map(StatisticEstimate::group).toList();
  }

  /**
   * What was estimated, in words: {@code total of amount}, {@code ratio of amount to days}.
   *
   * @return the statistic and its variables
   */
  public String title() {
    return statistic.code() + " of " + variable + denominator.map(d -> " to " + d).orElse("");
  }

  /**
   * As a Tablesaw table: one row per domain; suppressed values are missing cells.
   *
   * @return a table named by {@link #title()}: one text column per grouping column, then
   *     {@code n, weightSum, estimate, se, ciLower, ciUpper, designEffect, degreesOfFreedom,
   *     reliability, note}
   */
  public Table toTable() {
    Table t = PrevalenceTable.groupColumns(title(), by, estimates.stream().map(StatisticEstimate::group).toList());
    LongColumn n = LongColumn.create("n");
    DoubleColumn ws = DoubleColumn.create("weightSum");
    DoubleColumn est = DoubleColumn.create("estimate");
    DoubleColumn se = DoubleColumn.create("se");
    DoubleColumn lo = DoubleColumn.create("ciLower");
    DoubleColumn hi = DoubleColumn.create("ciUpper");
    DoubleColumn deff = DoubleColumn.create("designEffect");
    IntColumn df = IntColumn.create("degreesOfFreedom");
    StringColumn rel = StringColumn.create("reliability");
    StringColumn note = StringColumn.create("note");
    for (StatisticEstimate e : estimates) {
      n.append(e.n());
      ws.append(e.weightSum());
      df.append(e.degreesOfFreedom());
      rel.append(e.reliability().name());
      note.append(e.note());
      StatisticValue v = e.value().orElse(null);
      TableColumns.appendOptional(est, v == null ? OptionalDouble.empty() : OptionalDouble.of(v.estimate()));
      TableColumns.appendOptional(se, v == null ? OptionalDouble.empty() : OptionalDouble.of(v.se()));
      TableColumns.appendOptional(lo, v == null ? OptionalDouble.empty() : OptionalDouble.of(v.ciLower()));
      TableColumns.appendOptional(hi, v == null ? OptionalDouble.empty() : OptionalDouble.of(v.ciUpper()));
      TableColumns.appendOptional(deff, v == null ? OptionalDouble.empty() : v.designEffect());
    }
    return t.addColumns(n, ws, est, se, lo, hi, deff, df, rel, note);
  }

  @Override
  public String toString() {
    List<String> header = new ArrayList<>(by);
    if (header.isEmpty()) {
      header.add("group");
    }
    header.addAll(List.of("n", statistic.code(), PrevalenceEstimate.levelText(level) + "% CI", "se", "deff", "status"));
    TextTable tt = new TextTable(header);
    boolean anyUnreliable = false;
    for (StatisticEstimate e : estimates) {
      List<String> row = new ArrayList<>(e.group().isAll() ? List.of("all") : e.group().values());
      row.add(Long.toString(e.n()));
      if (e.value().isPresent()) {
        StatisticValue v = e.value().get();
        boolean unreliable = e.reliability() == Reliability.UNRELIABLE;
        anyUnreliable |= unreliable;
        row.add(number(v.estimate()) + (unreliable ? "*" : ""));
        row.add(number(v.ciLower()) + " – " + number(v.ciUpper()));
        row.add(number(v.se()));
        row.add(v.designEffect().isPresent() ? String.format(java.util.Locale.ROOT, "%.2f", v.designEffect().getAsDouble())
            : "");
        row.add(unreliable ? "unreliable: " + e.note() : "");
      } else {
        row.addAll(List.of("", "", "", ""));
        row.add("suppressed: " + e.note());
      }
      tt.row(row);
    }
    String title = title();
    return Character.toUpperCase(title.charAt(0)) + title.substring(1) + (by.isEmpty() ? "" : " by " + String.join(" × ", by))
        + " (" + (studentT ? "t" : "normal") + " interval, reliability rule " + rule.code() + ")\n"
        + tt + design + (anyUnreliable ? "\n* unreliable (see status)" : "") + "\n";
  }

  /** {@code v} to 6 significant digits, without exponent: {@code 4102210}, {@code 0.0123457}. */
  static String number(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }
}
