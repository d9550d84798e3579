package io.github.dmstat.core.survey;

import io.github.dmstat.core.internal.TableColumns;
import io.github.dmstat.core.Group;
import io.github.dmstat.core.TextTable;
import io.github.dmstat.core.disclosure.Reliability;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Prevalence estimates for every domain of one outcome, with the design they came from.
 * Prints as a readable table; {@link #toTable()} gives a Tablesaw table (suppressed cells
 * missing).
 *
 * @param outcome the outcome column
 * @param by the grouping columns (empty for overall)
 * @param design what was read and excluded
 * @param method interval method
 * @param level confidence level
 * @param rule reliability rule applied
 * @param estimates one per domain, in sorted group order
 */
public record PrevalenceTable(String outcome, List<String> by, DesignSummary design, IntervalMethod method,
    double level, ReliabilityRule rule, List<PrevalenceEstimate> estimates) {
  /**
   * Copies {@code by} and {@code estimates} into unmodifiable lists.
   *
   * @param outcome the outcome column
   * @param by the grouping columns (empty for overall)
   * @param design what was read and excluded
   * @param method interval method
   * @param level confidence level
   * @param rule reliability rule applied
   * @param estimates one per domain, in sorted group order
   * @throws NullPointerException when {@code by}, {@code estimates} or an element of them is
   *     {@code null}
   */
  public PrevalenceTable {
    by = List.copyOf(by);
    estimates = List.copyOf(estimates);
  }

  /**
   * The estimate of the domain with these values (in {@link #by()} order).
   *
   * @param values one value per grouping column, in order; none for the overall estimate
   * @return the estimate, or empty when no domain has exactly these values
   */
  public Optional<PrevalenceEstimate> find(String... values) {
    List<String> v = List.of(values);
    return estimates.stream().filter(e -> e.group().values().equals(v)).findFirst();
  }

  /**
   * As a Tablesaw table: one row per domain; suppressed values are missing cells.
   *
   * @return a table named {@code prevalence of <outcome>}: one text column per grouping column,
   *     then {@code n, weightSum, prevalence, se, ciLower, ciUpper, designEffect, effectiveN,
   *     degreesOfFreedom, reliability, note}
   */
  public Table toTable() {
    Table t = groupColumns("prevalence of " + outcome, by, groups());
    return t.addColumns(valueColumns(estimates).columnArray());
  }

  /** A table named {@code name} with one text column per grouping column, the values of each group in turn. */
  static Table groupColumns(String name, List<String> by, List<Group> groups) {
    Table t = Table.create(name);
    for (int c = 0; c < by.size(); c++) {
      StringColumn col = StringColumn.create(by.get(c));
      for (Group g : groups) {
        col.append(g.values().get(c));
      }
      t.addColumns(col);
    }
    return t;
  }

  /**
   * The value columns of {@code estimates} (n, weightSum, prevalence, se, ciLower, ciUpper,
   * designEffect, effectiveN, degreesOfFreedom, reliability, note), one row each; suppressed
   * values are missing cells.
   */
  static Table valueColumns(List<PrevalenceEstimate> estimates) {
    LongColumn n = LongColumn.create("n");
    DoubleColumn ws = DoubleColumn.create("weightSum");
    DoubleColumn p = DoubleColumn.create("prevalence");
    DoubleColumn se = DoubleColumn.create("se");
    DoubleColumn lo = DoubleColumn.create("ciLower");
    DoubleColumn hi = DoubleColumn.create("ciUpper");
    DoubleColumn deff = DoubleColumn.create("designEffect");
    DoubleColumn neff = DoubleColumn.create("effectiveN");
    IntColumn df = IntColumn.create("degreesOfFreedom");
    StringColumn rel = StringColumn.create("reliability");
    StringColumn note = StringColumn.create("note");
    for (PrevalenceEstimate e : estimates) {
      n.append(e.n());
      ws.append(e.weightSum());
      df.append(e.degreesOfFreedom());
      rel.append(e.reliability().name());
      note.append(e.note());
      if (e.value().isPresent()) {
        PrevalenceValue v = e.value().get();
        p.append(v.prevalence());
        se.append(v.se());
        lo.append(v.ciLower());
        hi.append(v.ciUpper());
        TableColumns.appendOptional(deff, v.designEffect());
        TableColumns.appendOptional(neff, v.effectiveN());
      } else {
        p.appendMissing();
        se.appendMissing();
        lo.appendMissing();
        hi.appendMissing();
        deff.appendMissing();
        neff.appendMissing();
      }
    }
    return Table.create("estimates").addColumns(n, ws, p, se, lo, hi, deff, neff, df, rel, note);
  }


  @Override
  public String toString() {
    List<String> header = new ArrayList<>(by);
    if (header.isEmpty()) {
      header.add("group");
    }
    header.addAll(List.of("n", "prevalence", PrevalenceEstimate.levelText(level) + "% CI", "se", "deff", "status"));
    TextTable tt = new TextTable(header);
    boolean anyUnreliable = false;
    for (PrevalenceEstimate e : estimates) {
      List<String> row = new ArrayList<>(e.group().isAll() ? List.of("all") : e.group().values());
      row.add(Long.toString(e.n()));
      if (e.value().isPresent()) {
        PrevalenceValue v = e.value().get();
        boolean unreliable = e.reliability() == Reliability.UNRELIABLE;
        anyUnreliable |= unreliable;
        row.add(pct(v.prevalence()) + (unreliable ? "*" : ""));
        row.add(pct(v.ciLower()) + " – " + pct(v.ciUpper()));
        row.add(pct(v.se()));
        row.add(v.designEffect().isPresent() ? String.format(Locale.ROOT, "%.2f", v.designEffect().getAsDouble()) : "");
        row.add(unreliable ? "unreliable: " + e.note() : "");
      } else {
        row.addAll(List.of("", "", "", ""));
        row.add("suppressed: " + e.note());
      }
      tt.row(row);
    }
    return "Prevalence of '" + outcome + "'" + (by.isEmpty() ? "" : " by " + String.join(" × ", by))
        + " (" + method.code() + " interval, reliability rule " + rule.code() + ")\n"
        + tt + design + (anyUnreliable ? "\n* unreliable (see status)" : "") + "\n";
  }

  static String pct(double p) {
    return String.format(Locale.ROOT, "%.2f%%", 100 * p);
  }

  /**
   * The domain keys, in order.
   *
   * @return the group of each estimate, in the order of {@link #estimates()}
   */
  public List<Group> groups() {
    return estimates.stream().map(PrevalenceEstimate::group).toList();
  }
}
