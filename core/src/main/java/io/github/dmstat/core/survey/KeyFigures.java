package io.github.dmstat.core.survey;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.Columns;
import io.github.dmstat.core.TextTable;
import io.github.dmstat.core.model.Indicator;
import io.github.dmstat.core.model.RecallPeriod;
import io.github.dmstat.core.model.Substance;
import io.github.dmstat.core.model.TargetGroup;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A key-figures table (the NDM <i>kerncijfertabel</i>): prevalence of every substance in one
 * recall period for every target group whose age range the survey covers.
 *
 * <p>Target groups overlap (adults 18+ contains young adults 18–24), so each is its own domain:
 * rows outside the group's age range stay in the design with zero scores, exactly as for
 * {@link PrevalenceEstimator} domains. Outcome columns follow {@link Indicator#column} naming
 * ({@code cannabis_last_year}); substances without a column are skipped. A target group is
 * included only when it is defined by age alone and the survey's ages cover its whole range (an
 * adult survey of ages 15–79 does not estimate pupils 12–16; open-ended groups need ages to 65 or
 * more).
 *
 * @param period the recall period
 * @param groups target groups, in enum order
 * @param substances substances with an outcome column, in enum order
 * @param cells one per (substance, target group), substance-major
 */
public record KeyFigures(RecallPeriod period, List<TargetGroup> groups, List<Substance> substances,
    List<Cell> cells) {
  /**
   * Copies the lists into unmodifiable lists.
   *
   * @param period the recall period
   * @param groups target groups, in enum order
   * @param substances substances with an outcome column, in enum order
   * @param cells one per (substance, target group), substance-major
   * @throws NullPointerException when {@code period}, a list or a list element is {@code null}
   */
  public KeyFigures {
    Objects.requireNonNull(period, "period");
    groups = List.copyOf(groups);
    substances = List.copyOf(substances);
    cells = List.copyOf(cells);
  }

  /**
   * One indicator's estimate.
   *
   * @param indicator the substance, recall period and target group of the cell
   * @param estimate the prevalence of the indicator, in the target group's domain
   */
  public record Cell(Indicator indicator, PrevalenceEstimate estimate) {}

  /**
   * Computes the table from a survey with an integer {@code ageColumn}.
   *
   * <p>A target group is included when it comes from a probability sample, is defined by age
   * alone, its age range lies within the survey's ages (an open-ended group needs a highest age of
   * 65 or more) and at least one row falls in it.
   *
   * @param table the survey, one row per respondent
   * @param spec the design columns of {@code table}
   * @param ageColumn column of ages in whole years {@code >= 0}, no empty cells
   * @param period the recall period; outcome columns are named {@code <substance>_<period>}
   * @param estimator interval method, level and reliability rule to use
   * @return the key figures
   * @throws IllegalArgumentException when a column is missing, an age is empty, fractional or
   *     negative, no substance has an outcome column for {@code period}, or a design or outcome cell
   *     is invalid
   */
  public static KeyFigures of(Table table, DesignSpec spec, String ageColumn, RecallPeriod period,
      PrevalenceEstimator estimator) {
    SurveyDesign design = spec.bind(table);
    Column<?> ageCol = Columns.column(table, ageColumn);
    int n = table.rowCount();
    int[] age = new int[n];
    for (int i = 0; i < n; i++) {
      double a = Columns.number(ageCol, i);
      if (Double.isNaN(a) || a != Math.rint(a) || a < 0) {
        throw Checks.badCell(ageColumn, i + 1, "age must be a whole number of years >= 0", Columns.text(ageCol, i));
      }
      age[i] = (int) a;
    }
    int minAge = Integer.MAX_VALUE;
    int maxAge = Integer.MIN_VALUE;
    for (int a : age) {
      minAge = Math.min(minAge, a);
      maxAge = Math.max(maxAge, a);
    }
    List<TargetGroup> groups = new ArrayList<>();
    List<int[]> domains = new ArrayList<>();
    for (TargetGroup g : TargetGroup.values()) {
      boolean covered = g.minAge() >= minAge && (g.maxAge() <= maxAge || g.maxAge() >= 200 && maxAge >= 65);
      if (!g.probabilitySample() || !g.ageDefined() || !covered) {
        continue;
      }
      int[] codes = new int[n];
      boolean any = false;
      for (int i = 0; i < n; i++) {
        boolean in = g.contains(age[i]);
        codes[i] = in ? 0 : -1;
        any |= in;
      }
      if (any) {
        groups.add(g);
        domains.add(codes);
      }
    }
    Set<String> names = new LinkedHashSet<>(table.columnNames());
    List<Substance> substances = new ArrayList<>();
    List<Cell> cells = new ArrayList<>();
    for (Substance s : Substance.values()) {
      String col = Indicator.column(s, period);
      if (!names.contains(col)) {
        continue;
      }
      substances.add(s);
      byte[] y = Columns.flags(table, col);
      for (int k = 0; k < groups.size(); k++) {
        Columns.Codes codes = new Columns.Codes(domains.get(k), List.of(List.of(groups.get(k).code())), 0);
        PrevalenceTable t = estimator.estimate(design, y, codes, col, List.of("targetGroup"));
        cells.add(new Cell(new Indicator(s, period, groups.get(k)), t.estimates().get(0)));
      }
    }
    if (substances.isEmpty()) {
      throw new IllegalArgumentException("no outcome column for recall period '" + period.code()
          + "' (expected names like " + Indicator.column(Substance.CANNABIS, period) + "); available: " + names);
    }
    return new KeyFigures(period, groups, substances, cells);
  }

  /**
   * The cell of a substance and target group.
   *
   * @param s the substance
   * @param g the target group
   * @return the cell's estimate
   * @throws IllegalArgumentException when the table has no cell for {@code s} and {@code g}
   */
  public PrevalenceEstimate get(Substance s, TargetGroup g) {
    return cells.stream().filter(c -> c.indicator().substance() == s && c.indicator().group() == g)
        .map(Cell::estimate).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no cell for " + s + " × " + g));
  }

  /**
   * Long format: one row per cell (suppressed values missing).
   *
   * @return a table named {@code key figures <period>}: columns {@code substance} and
   *     {@code targetGroup} (codes), then the value columns of {@link PrevalenceTable#toTable()}
   */
  public Table toTable() {
    StringColumn substance = StringColumn.create("substance");
    StringColumn group = StringColumn.create("targetGroup");
    for (Cell c : cells) {
      substance.append(c.indicator().substance().code());
      group.append(c.indicator().group().code());
    }
    Table values = PrevalenceTable.valueColumns(cells.stream().map(Cell::estimate).toList());
    return Table.create("key figures " + period.code()).addColumns(substance, group).addColumns(values.columnArray());
  }


  /**
   * Wide text table: substances down, target groups across, in the given locale.
   *
   * @param locale language of the labels (Dutch for {@code nl}, English otherwise) and of the
   *     number format
   * @return a title line, then percentages with one decimal and their interval; {@code *} marks an
   *     unreliable cell and {@code .} a suppressed one, each with a footnote when present
   */
  public String format(Locale locale) {
    List<String> header = new ArrayList<>();
    header.add("nl".equals(locale.getLanguage()) ? "middel" : "substance");
    for (TargetGroup g : groups) {
      header.add(g.label(locale));
    }
    TextTable tt = new TextTable(header);
    boolean unreliable = false;
    boolean suppressed = false;
    for (Substance s : substances) {
      List<String> row = new ArrayList<>();
      row.add(s.label(locale));
      for (TargetGroup g : groups) {
        PrevalenceEstimate e = get(s, g);
        if (e.value().isEmpty()) {
          row.add(".");
          suppressed = true;
        } else {
          PrevalenceValue v = e.value().get();
          boolean u = e.reliability() == io.github.dmstat.core.disclosure.Reliability.UNRELIABLE;
          unreliable |= u;
          row.add(String.format(locale, "%.1f (%.1f–%.1f)%s", 100 * v.prevalence(), 100 * v.ciLower(),
              100 * v.ciUpper(), u ? "*" : ""));
        }
      }
      tt.row(row);
    }
    PrevalenceEstimate any = cells.get(0).estimate();
    StringBuilder sb = new StringBuilder();
    sb.append("nl".equals(locale.getLanguage())
        ? "Prevalentie (%) " + period.label(locale) + " naar doelgroep, " + PrevalenceEstimate.levelText(any.level()) + "%-BI (" + any.method().code() + ")\n"
        : "Prevalence (%) " + period.label(locale) + " by target group, " + PrevalenceEstimate.levelText(any.level()) + "% CI (" + any.method().code() + ")\n");
    sb.append(tt);
    if (unreliable) {
      sb.append("nl".equals(locale.getLanguage()) ? "* onbetrouwbaar\n" : "* unreliable\n");
    }
    if (suppressed) {
      sb.append("nl".equals(locale.getLanguage()) ? ". onderdrukt (te weinig waarnemingen)\n" : ". suppressed (too few observations)\n");
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return format(Locale.ENGLISH);
  }
}
