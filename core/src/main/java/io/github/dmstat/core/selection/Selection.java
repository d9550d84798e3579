package io.github.dmstat.core.selection;

import io.github.dmstat.core.internal.TableColumns;
import io.github.dmstat.core.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The result of {@link CompositeIndex#select}: the selected areas in rank order and an
 * {@link Explanation} for every area (selected first in rank order, then the other scored areas by
 * rank, then unscored areas in input order).
 *
 * @param index description of the index (indicators, weights, standardisation)
 * @param rules description of the rules
 * @param size requested selection size {@code N}
 * @param selected the selected areas, highest score first
 * @param explanations one per input area
 * @param tie description of a tie at the cut, if any (resolved by ascending area id)
 * @param unscored areas without a score (missing indicator; {@code EXCLUDE_AREA} policy)
 */
public record Selection(String index, String rules, int size, List<SelectedArea> selected, List<Explanation> explanations,
    Optional<String> tie, int unscored) {
  /**
   * Copies the lists; throws {@link NullPointerException} when {@code index}, {@code rules} or {@code tie}
   * is null.
   *
   * @param index description of the index (indicators, weights, standardisation)
   * @param rules description of the rules
   * @param size requested selection size {@code N}
   * @param selected the selected areas, highest score first
   * @param explanations one per input area
   * @param tie description of a tie at the cut, if any (resolved by ascending area id)
   * @param unscored areas without a score (missing indicator; {@code EXCLUDE_AREA} policy)
   */
  public Selection {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(rules, "rules");
    selected = List.copyOf(selected);
    explanations = List.copyOf(explanations);
    Objects.requireNonNull(tie, "tie");
  }

  static Selection build(CompositeIndex idx, SelectionRules rules, AreaIndicators data, double[][] std, double[] score,
      byte[] status, int[] rank, int[] eligibleRank, boolean[] selected, int[] competing, int slots) {
    List<String> ids = data.areas();
    List<String> names = idx.names();
    double[] w = idx.weights();
    double[][] raw = data.valuesView();
    double[] pop = data.populationView();
    int n = ids.size();
    String topText = rules.inclusions().isEmpty() ? "top " + slots + " of eligible"
        : "top " + slots + " of eligible (" + rules.size() + " places, " + rules.inclusions().size()
            + " named inclusion" + (rules.inclusions().size() == 1 ? "" : "s") + ")";
    Optional<String> tie = Optional.empty();
    boolean[] tied = new boolean[n];
    if (slots > 0 && competing.length > slots && score[competing[slots - 1]] == score[competing[slots]]) {
      double s = score[competing[slots - 1]];
      List<String> in = new ArrayList<>();
      List<String> out = new ArrayList<>();
      for (int i : competing) {
        if (score[i] == s) {
          tied[i] = true;
          (selected[i] ? in : out).add(ids.get(i));
        }
      }
      tie = Optional.of(String.format(Locale.ROOT, "%d areas tie at the cut with score %s; resolved by area id: %s selected, %s not",
          in.size() + out.size(), Double.toString(s), String.join(", ", in), String.join(", ", out)));
    }
    List<Explanation> ex = new ArrayList<>(n);
    int unscored = 0;
    for (int i = 0; i < n; i++) {
      List<Contribution> cs = new ArrayList<>(names.size());
      for (int k = 0; k < names.size(); k++) {
        boolean has = !Double.isNaN(raw[k][i]);
        cs.add(new Contribution(names.get(k), w[k], has ? OptionalDouble.of(raw[k][i]) : OptionalDouble.empty(),
            has ? OptionalDouble.of(std[k][i]) : OptionalDouble.empty(),
            has ? OptionalDouble.of(w[k] * std[k][i]) : OptionalDouble.empty()));
      }
      boolean scored = !Double.isNaN(score[i]);
      if (!scored) {
        unscored++;
      }
      String eligibility = eligibility(i, ids, status, rules, names, raw, pop);
      boolean eligible = status[i] == SelectionKernel.ELIGIBLE;
      String reason;
      if (rules.inclusions().containsKey(ids.get(i))) {
        reason = "named inclusion: " + rules.inclusions().get(ids.get(i));
      } else if (!eligible) {
        reason = eligibility;
      } else if (selected[i]) {
        reason = topText;
      } else {
        reason = "rank " + eligibleRank[i] + " > " + slots
            + (slots == 0 ? " (all " + rules.size() + " places taken by named inclusions)" : "");
      }
      if (tied[i]) {
        reason += " (tie at the cut resolved by area id)";
      }
      ex.add(new Explanation(ids.get(i), Double.isNaN(pop[i]) ? OptionalDouble.empty() : OptionalDouble.of(pop[i]),
          scored ? OptionalDouble.of(score[i]) : OptionalDouble.empty(), cs,
          scored ? OptionalInt.of(rank[i]) : OptionalInt.empty(),
          eligibleRank[i] > 0 ? OptionalInt.of(eligibleRank[i]) : OptionalInt.empty(), eligible, eligibility,
          selected[i], reason));
    }
    List<Explanation> ordered = new ArrayList<>(ex);
    ordered.sort((a, b) -> {
      if (a.selected() != b.selected()) {
        return a.selected() ? -1 : 1;
      }
      if (a.rank().isPresent() != b.rank().isPresent()) {
        return a.rank().isPresent() ? -1 : 1;
      }
      return a.rank().isPresent() ? Integer.compare(a.rank().getAsInt(), b.rank().getAsInt()) : 0;
    });
    List<SelectedArea> sel = new ArrayList<>();
    for (Explanation e : ordered) {
      if (e.selected()) {
        sel.add(new SelectedArea(sel.size() + 1, e.area(), e.score().getAsDouble(), e.reason()));
      }
    }
    return new Selection(idx.toString(), rules.toString(), rules.size(), sel, ordered, tie, unscored);
  }

  private static String eligibility(int i, List<String> ids, byte[] status, SelectionRules rules, List<String> names,
      double[][] raw, double[] pop) {
    switch (status[i]) {
      case SelectionKernel.ELIGIBLE:
        return "eligible";
      case SelectionKernel.EXCLUDED:
        return "named exclusion: " + rules.exclusions().get(ids.get(i));
      case SelectionKernel.UNSCORED: {
        List<String> miss = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
          if (Double.isNaN(raw[k][i])) {
            miss.add("'" + names.get(k) + "'");
          }
        }
        return (miss.size() == 1 ? "missing indicator " : "missing indicators ") + String.join(", ", miss);
      }
      case SelectionKernel.POPULATION_MISSING:
        return "population missing";
      case SelectionKernel.SMALL:
        return "below " + SelectionRules.inhabitants(rules.minimumPopulation()) + " inhabitants (population "
            + SelectionRules.inhabitants(pop[i]) + ")";
      default:
        throw new AssertionError(status[i]);
    }
  }

  /**
   * The explanation of {@code area}.
   *
   * @param area area id
   * @return its explanation; empty when the area was not in the input
   */
  public Optional<Explanation> explain(String area) {
    return explanations.stream().filter(e -> e.area().equals(area)).findFirst();
  }

  /**
   * Ids of the selected areas in rank order.
   *
   * @return the ids, highest score first
   */
  public List<String> selectedAreas() {
    return selected.stream().map(SelectedArea::area).toList();
  }

  /**
   * One row per area: {@code area, population, score, rank, eligibleRank, eligible, eligibility,
   * selected, reason}, then per indicator {@code <name>, <name>_std, <name>_contribution}. Missing
   * numbers are missing cells.
   *
   * @return a table named {@code selection}, rows in the order of {@link #explanations()}
   */
  public Table toTable() {
    StringColumn area = StringColumn.create("area");
    DoubleColumn pop = DoubleColumn.create("population");
    DoubleColumn sc = DoubleColumn.create("score");
    IntColumn rk = IntColumn.create("rank");
    IntColumn erk = IntColumn.create("eligibleRank");
    BooleanColumn el = BooleanColumn.create("eligible");
    StringColumn elw = StringColumn.create("eligibility");
    BooleanColumn se = BooleanColumn.create("selected");
    StringColumn why = StringColumn.create("reason");
    List<String> names = explanations.isEmpty() ? List.of()
        : explanations.get(0).contributions().stream().map(Contribution::indicator).toList();
    List<DoubleColumn> per = new ArrayList<>();
    for (String nm : names) {
      per.add(DoubleColumn.create(nm));
      per.add(DoubleColumn.create(nm + "_std"));
      per.add(DoubleColumn.create(nm + "_contribution"));
    }
    for (Explanation e : explanations) {
      area.append(e.area());
      TableColumns.appendOptional(pop, e.population());
      TableColumns.appendOptional(sc, e.score());
      if (e.rank().isPresent()) {
        rk.append(e.rank().getAsInt());
      } else {
        rk.appendMissing();
      }
      if (e.eligibleRank().isPresent()) {
        erk.append(e.eligibleRank().getAsInt());
      } else {
        erk.appendMissing();
      }
      el.append(e.eligible());
      elw.append(e.eligibility());
      se.append(e.selected());
      why.append(e.reason());
      for (int k = 0; k < names.size(); k++) {
        Contribution c = e.contributions().get(k);
        TableColumns.appendOptional(per.get(3 * k), c.raw());
        TableColumns.appendOptional(per.get(3 * k + 1), c.standardised());
        TableColumns.appendOptional(per.get(3 * k + 2), c.contribution());
      }
    }
    Table t = Table.create("selection").addColumns(area, pop, sc, rk, erk, el, elw, se, why);
    for (DoubleColumn c : per) {
      t.addColumns(c);
    }
    return t;
  }


  @Override
  public String toString() {
    TextTable tt = new TextTable(List.of("rank", "area", "score", "reason"));
    for (SelectedArea s : selected) {
      tt.row(List.of(Integer.toString(s.rank()), s.area(), String.format(Locale.ROOT, "%.3f", s.score()), s.reason()));
    }
    long eligible = explanations.stream().filter(Explanation::eligible).count();
    return "Selection of " + selected.size() + " of " + explanations.size() + " areas (" + eligible + " eligible) by "
        + index + " under " + rules + "\n" + tt + tie.map(t -> "tie: " + t + "\n").orElse("")
        + (unscored > 0 ? unscored + (unscored == 1 ? " area" : " areas") + " without a score (missing indicator)\n" : "");
  }
}
