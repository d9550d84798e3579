package io.github.dmstat.core.calibration;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.Columns;
import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.io.ReadOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Population totals to calibrate to: per margin either the population count of each level of a
 * categorical variable (a cross-classification {@code a:b} has levels {@code a-level:b-level}, e.g.
 * CBS population by age × sex), or the population total of a numeric variable.
 *
 * <p>As a CSV: columns {@code variable,level,total} and optionally {@code margin} (the order, for
 * raking; without it, the order of first appearance); {@code level} is empty for a numeric variable.
 * <pre>
 * variable,level,total
 * agegroup,18-24,1627000
 * agegroup,25-34,3102000
 * sex,F,6978000
 * sex,M,5022000
 * </pre>
 *
 * @param margins the margins in order
 */
public record Margins(List<Margin> margins) {
  /**
   * One margin.
   *
   * @param variable the column, or {@code a:b} for a cross-classification
   * @param levels level → population count (categorical; empty for a numeric variable)
   * @param total the population total of a numeric variable ({@code NaN} for a categorical one)
   */
  public record Margin(String variable, Map<String, Double> levels, double total) {
    /**
     * Checks and copies.
     *
     * @param variable the column or cross-classification
     * @param levels level → count (insertion order kept)
     * @param total the numeric total, or {@code NaN}
     * @throws IllegalArgumentException when a count is negative or not finite, or a margin has
     *     neither levels nor a total
     */
    public Margin {
      Objects.requireNonNull(variable, "variable");
      levels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(levels));
      for (Map.Entry<String, Double> e : levels.entrySet()) {
        if (!(e.getValue() >= 0) || Double.isInfinite(e.getValue())) {
          throw new IllegalArgumentException("margin '" + variable + "', level '" + e.getKey()
              + "': the population count must be finite and >= 0 but was " + e.getValue());
        }
      }
      if (levels.isEmpty() == Double.isNaN(total)) {
        throw new IllegalArgumentException("margin '" + variable + "' needs either level counts or one numeric total");
      }
    }

    /**
     * Whether the margin is categorical.
     *
     * @return {@code true} when it has levels
     */
    public boolean categorical() {
      return !levels.isEmpty();
    }

    /**
     * The columns of the variable: one, or the parts of a cross-classification.
     *
     * @return the column names
     */
    public List<String> columns() {
      return List.of(variable.split(":"));
    }

    /**
     * The population size the margin implies: the sum of its counts.
     *
     * @return the sum of the level counts ({@code NaN} for a numeric margin)
     */
    public double populationSize() {
      return categorical() ? levels.values().stream().mapToDouble(Double::doubleValue).sum() : Double.NaN;
    }
  }

  /**
   * Copies the list.
   *
   * @param margins the margins, at least one
   * @throws IllegalArgumentException when there are none or a variable appears twice
   */
  public Margins {
    margins = List.copyOf(margins);
    if (margins.isEmpty()) {
      throw new IllegalArgumentException("no margins given");
    }
    if (margins.stream().map(Margin::variable).distinct().count() != margins.size()) {
      throw new IllegalArgumentException("a variable appears in two margins: " + margins.stream().map(Margin::variable).toList());
    }
  }

  /**
   * Reads margins from a CSV file (see the class description); the reading options apply.
   *
   * @param file the CSV
   * @param options how to read it (separator, decimal mark, encoding)
   * @return the margins
   * @throws IllegalArgumentException when a column is missing, a total is not a number, or a
   *     level appears twice in a margin; the message starts with the file's name
   */
  public static Margins read(Path file, ReadOptions options) {
    try {
      return of(Csv.read(file, options));
    } catch (IllegalArgumentException e) {
      String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
      String m = e.getMessage() == null ? "" : e.getMessage();
      throw m.startsWith(name) ? e : new IllegalArgumentException(name + ": " + m, e);
    }
  }

  /**
   * Margins from a table with columns {@code variable,level,total} and optionally {@code margin}.
   *
   * @param table the table
   * @return the margins
   * @throws IllegalArgumentException when a column is missing, a total is not a number, or a
   *     level appears twice in a margin
   */
  public static Margins of(Table table) {
    Column<?> variable = Columns.column(table, "variable");
    Column<?> level = Columns.column(table, "level");
    Column<?> total = Columns.column(table, "total");
    Column<?> order = table.columnNames().contains("margin") ? table.column("margin") : null;
    Map<String, Map<String, Double>> levels = new LinkedHashMap<>();
    Map<String, Double> totals = new LinkedHashMap<>();
    Map<String, Double> rank = new LinkedHashMap<>();
    for (int i = 0; i < table.rowCount(); i++) {
      if (Columns.isMissing(variable, i)) {
        throw Checks.badCell("variable", i + 1, "a margin needs a variable", null);
      }
      String v = Columns.text(variable, i).strip();
      double t = Columns.number(total, i);
      if (Double.isNaN(t)) {
        throw Checks.badCell("total", i + 1, "a margin needs a population total", null);
      }
      rank.putIfAbsent(v, order == null ? rank.size() : Columns.number(order, i));
      if (Columns.isMissing(level, i) || Columns.text(level, i).isBlank()) {
        if (totals.containsKey(v) || levels.containsKey(v)) {
          throw Checks.badCell("variable", i + 1, "numeric margin '" + v + "' is given twice", v);
        }
        totals.put(v, t);
      } else {
        String l = Columns.text(level, i).strip();
        Map<String, Double> m = levels.computeIfAbsent(v, k -> new LinkedHashMap<>());
        if (m.put(l, t) != null) {
          throw Checks.badCell("level", i + 1, "level '" + l + "' of margin '" + v + "' is given twice", l);
        }
      }
    }
    List<String> names = new ArrayList<>(rank.keySet());
    names.sort(java.util.Comparator.comparingDouble(rank::get));
    List<Margin> out = new ArrayList<>();
    for (String n : names) {
      if (levels.containsKey(n) && totals.containsKey(n)) {
        throw new IllegalArgumentException("margin '" + n + "' has both levels and a numeric total");
      }
      out.add(levels.containsKey(n) ? new Margin(n, levels.get(n), Double.NaN) : new Margin(n, Map.of(), totals.get(n)));
    }
    return new Margins(out);
  }
}
