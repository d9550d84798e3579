package io.github.dmstat.core.selection;

import io.github.dmstat.core.Checks;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Which areas enter or leave the selection when one weight moves: for each indicator {@code k}
 * and each direction, {@code w_k → w_k · (1 ± change)} with the other weights fixed; the
 * selection is recomputed and compared with the observed one.
 *
 * @param change relative change, e.g. 0.10 for ±10%
 * @param baseline the observed selection (ids in rank order)
 * @param changes one row per indicator and direction
 */
public record WeightSensitivity(double change, List<String> baseline, List<WeightChange> changes) {
  /**
   * Copies the lists.
   *
   * @param change relative change, e.g. 0.10 for ±10%
   * @param baseline the observed selection (ids in rank order)
   * @param changes one row per indicator and direction
   */
  public WeightSensitivity {
    baseline = List.copyOf(baseline);
    changes = List.copyOf(changes);
  }

  /**
   * One moved weight.
   *
   * @param indicator indicator name
   * @param weight original weight
   * @param newWeight moved weight
   * @param entered areas selected only with the moved weight (sorted by id)
   * @param left areas selected only with the original weight (sorted by id)
   */
  public record WeightChange(String indicator, double weight, double newWeight, List<String> entered, List<String> left) {
    /**
     * Copies the lists; throws {@link NullPointerException} when {@code indicator} is null.
     *
     * @param indicator indicator name
     * @param weight original weight
     * @param newWeight moved weight
     * @param entered areas selected only with the moved weight (sorted by id)
     * @param left areas selected only with the original weight (sorted by id)
     */
    public WeightChange {
      Objects.requireNonNull(indicator, "indicator");
      entered = List.copyOf(entered);
      left = List.copyOf(left);
    }

    /**
     * Whether the selection is unchanged.
     *
     * @return {@code true} when no area enters or leaves
     */
    public boolean stable() {
      return entered.isEmpty() && left.isEmpty();
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s weight %s → %s: %s", indicator, Double.toString(weight),
          Double.toString(newWeight), stable() ? "selection unchanged" : "enter " + entered + ", leave " + left);
    }
  }

  static WeightSensitivity compute(CompositeIndex idx, AreaIndicators data, SelectionRules rules, double change) {
    if (!(change > 0 && change < 1)) {
      throw Checks.badArgument("weight change", "must be strictly between 0 and 1", change);
    }
    List<String> base = idx.select(data, rules).selectedAreas();
    List<WeightChange> out = new ArrayList<>();
    for (WeightedIndicator wi : idx.indicators()) {
      for (double f : new double[] {1 - change, 1 + change}) {
        double nw = wi.weight() * f;
        List<String> now = idx.withWeight(wi.column(), nw).select(data, rules).selectedAreas();
        Set<String> entered = new LinkedHashSet<>(now);
        entered.removeAll(base);
        Set<String> left = new LinkedHashSet<>(base);
        left.removeAll(now);
        out.add(new WeightChange(wi.column(), wi.weight(), nw, entered.stream().sorted().toList(),
            left.stream().sorted().toList()));
      }
    }
    return new WeightSensitivity(change, base, out);
  }

  /**
   * Columns {@code indicator, weight, newWeight, entered, left} (ids joined by {@code ;}).
   *
   * @return one row per indicator and direction ({@code w_k · (1 − change)} first)
   */
  public Table toTable() {
    StringColumn ind = StringColumn.create("indicator");
    DoubleColumn w = DoubleColumn.create("weight");
    DoubleColumn nw = DoubleColumn.create("newWeight");
    StringColumn en = StringColumn.create("entered");
    StringColumn le = StringColumn.create("left");
    for (WeightChange c : changes) {
      ind.append(c.indicator());
      w.append(c.weight());
      nw.append(c.newWeight());
      en.append(String.join(";", c.entered()));
      le.append(String.join(";", c.left()));
    }
    return Table.create("weight sensitivity ±" + pct(change)).addColumns(ind, w, nw, en, le);
  }

  private static String pct(double c) {
    double p = 100 * c;
    return (p == Math.rint(p) ? Long.toString((long) p) : String.format(Locale.ROOT, "%.1f", p)) + "%";
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Weight sensitivity (each weight ±" + pct(change) + ")\n");
    for (WeightChange c : changes) {
      sb.append("  ").append(c).append('\n');
    }
    return sb.toString();
  }
}
