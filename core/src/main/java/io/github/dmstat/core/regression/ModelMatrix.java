package io.github.dmstat.core.regression;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.Columns;
import io.github.dmstat.core.io.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The model matrix of an intercept and predictors, as R's {@code model.matrix} with treatment
 * contrasts: a numeric predictor is one column; a categorical one (text, or named as a factor) one
 * 0/1 column per level but the first, levels sorted as text, named {@code column + level} (e.g.
 * {@code sexM}). Rows with a missing predictor are not kept.
 */
final class ModelMatrix {
  final List<String> terms;
  /** Indexes into {@link #terms} of each predictor's columns. */
  final Map<String, List<Integer>> columnsOf;
  /** {@code x[i]}: the row's values, one per term ({@code x[i][0] = 1}). */
  final double[][] x;
  /** Whether every predictor of the row is present. */
  final boolean[] complete;
  /** Rows with a missing predictor. */
  final long incomplete;

  private ModelMatrix(List<String> terms, Map<String, List<Integer>> columnsOf, double[][] x, boolean[] complete,
      long incomplete) {
    this.terms = terms;
    this.columnsOf = columnsOf;
    this.x = x;
    this.complete = complete;
    this.incomplete = incomplete;
  }

  static ModelMatrix of(Table table, List<String> predictors, Set<String> factors) {
    boolean[] all = new boolean[table.rowCount()];
    java.util.Arrays.fill(all, true);
    return of(table, predictors, factors, all);
  }

  /**
   * The model matrix; a categorical predictor's levels are those of the rows that enter the fit
   * ({@code usable} and every predictor present), as R drops unused factor levels.
   */
  static ModelMatrix of(Table table, List<String> predictors, Set<String> factors, boolean[] usable) {
    int n = table.rowCount();
    boolean[] complete = new boolean[n];
    java.util.Arrays.fill(complete, true);
    List<Column<?>> cols = new ArrayList<>();
    List<Boolean> numeric = new ArrayList<>();
    for (String name : predictors) {
      Column<?> col = Columns.column(table, name);
      cols.add(col);
      boolean num = !factors.contains(name) && numeric(col);
      numeric.add(num);
      for (int i = 0; i < n; i++) {
        if (Columns.isMissing(col, i) || (num && Double.isNaN(Columns.number(col, i)))) {
          complete[i] = false;
        }
      }
    }
    List<String> terms = new ArrayList<>(List.of(SurveyGlm.INTERCEPT));
    Map<String, List<Integer>> columnsOf = new LinkedHashMap<>();
    List<double[]> columns = new ArrayList<>();
    for (int c = 0; c < predictors.size(); c++) {
      String name = predictors.get(c);
      Column<?> col = cols.get(c);
      List<Integer> idx = new ArrayList<>();
      if (numeric.get(c)) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
          v[i] = complete[i] ? Columns.number(col, i) : 0;
          if (Double.isInfinite(v[i])) {
            throw Checks.badCell(name, i + 1, "must be a finite number", Columns.text(col, i));
          }
        }
        idx.add(terms.size());
        terms.add(name);
        columns.add(v);
      } else {
        String[] text = new String[n];
        TreeSet<String> levels = new TreeSet<>();
        for (int i = 0; i < n; i++) {
          if (complete[i]) {
            text[i] = Columns.text(col, i).strip();
            if (usable[i]) {
              levels.add(text[i]);
            }
          }
        }
        if (levels.size() < 2) {
          throw new IllegalArgumentException("column '" + name + "': a categorical predictor needs two levels or more among "
              + "the rows used, found " + levels);
        }
        List<String> rest = new ArrayList<>(levels).subList(1, levels.size());
        for (String level : rest) {
          double[] v = new double[n];
          for (int i = 0; i < n; i++) {
            v[i] = level.equals(text[i]) ? 1 : 0;
          }
          idx.add(terms.size());
          terms.add(name + level);
          columns.add(v);
        }
      }
      columnsOf.put(name, List.copyOf(idx));
    }
    int p = terms.size();
    double[][] x = new double[n][p];
    long incomplete = 0;
    for (int i = 0; i < n; i++) {
      x[i][0] = 1;
      for (int j = 1; j < p; j++) {
        x[i][j] = columns.get(j - 1)[i];
      }
      incomplete += complete[i] ? 0 : 1;
    }
    return new ModelMatrix(List.copyOf(terms), columnsOf, x, complete, incomplete);
  }

  /** A numeric column, or a text column whose present cells are all plain numbers. */
  private static boolean numeric(Column<?> col) {
    if (col instanceof tech.tablesaw.api.NumericColumn) {
      return true;
    }
    boolean any = false;
    for (int i = 0; i < col.size(); i++) {
      if (Columns.isMissing(col, i)) {
        continue;
      }
      if (Double.isNaN(Numbers.parse(Columns.text(col, i).strip()))) {
        return false;
      }
      any = true;
    }
    return any;
  }
}
