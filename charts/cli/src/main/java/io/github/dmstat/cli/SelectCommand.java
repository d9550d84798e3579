package io.github.dmstat.cli;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.Columns;
import io.github.dmstat.core.TextTable;
import io.github.dmstat.core.area.AreaCode;
import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.io.Json;
import io.github.dmstat.core.selection.AreaIndicators;
import io.github.dmstat.core.selection.CompositeIndex;
import io.github.dmstat.core.selection.Explanation;
import io.github.dmstat.core.selection.RankUncertainty;
import io.github.dmstat.core.selection.SelectedArea;
import io.github.dmstat.core.selection.Selection;
import io.github.dmstat.core.selection.SelectionRules;
import io.github.dmstat.core.selection.IndicatorScaling;
import io.github.dmstat.core.selection.WeightedIndicator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** {@code dmstat select}: select areas by a weighted composite index, explaining every decision. */
@Command(name = "select", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Select areas (CBS codes GM+4, WK+6, BU+8) by a weighted composite index, as in Preventie met "
        + "gezag: score = sum of weight x standardised indicator (a negative weight for indicators where higher is "
        + "better, such as the Leefbaarometer), eligible areas have at least --min-population inhabitants, named "
        + "inclusions always go in (taking one of the --top places), named exclusions never; every area gets a "
        + "reason.",
        "With --indicator COL:WEIGHT:SECOL and --uncertainty N, a seeded Monte Carlo over the standard errors adds "
            + "per area the probability of being selected and a 95%% rank interval.",
        "Example: dmstat select --dataset buurten "
            + "--area code --population inhabitants --min-population 0 --top 10 --indicator incidents_per_1000:1 "
            + "--indicator lbm:-0.5 --name name"})
class SelectCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.ArgGroup(exclusive = false, multiplicity = "1", heading = "Data:%n")
  DataOptions data = new DataOptions();

  @Option(names = "--area", required = true, paramLabel = "COL", description = "Area code column (CBS codes).")
  String area;

  @Option(names = "--population", required = true, paramLabel = "COL", description = "Inhabitants column.")
  String population;

  @Option(names = "--min-population", paramLabel = "N", defaultValue = "80000",
      description = "Minimum inhabitants to be eligible (default: ${DEFAULT-VALUE}).")
  double minPopulation;

  @Option(names = "--top", paramLabel = "N", defaultValue = "27", description = "Number of areas to select (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--indicator", required = true, paramLabel = "COL:WEIGHT[:SECOL]",
      description = "Indicator column and weight (sign = direction), optionally its standard-error column; repeat.")
  List<String> indicators = new ArrayList<>();

  @Option(names = "--standardise", paramLabel = "METHOD", defaultValue = "z",
      description = "z, minmax or rank (default: ${DEFAULT-VALUE}).")
  String standardise;

  @Option(names = "--include", paramLabel = "CODE[,CODE...]", split = ",", description = "Named inclusions.")
  List<String> include = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "CODE[,CODE...]", split = ",", description = "Named exclusions.")
  List<String> exclude = new ArrayList<>();

  @Option(names = "--name", paramLabel = "COL", description = "Column with display names.")
  String name;

  @Option(names = "--uncertainty", paramLabel = "N", defaultValue = "0",
      description = "Monte Carlo replicates over the indicators' standard errors (0 = none; needs COL:WEIGHT:SECOL).")
  int uncertainty;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the Monte Carlo (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--format", paramLabel = "FMT", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    Format fmt = Format.parse(format);
    Result r = compute();
    Selection selection = r.selection();
    Map<String, String> names = r.names();
    Optional<RankUncertainty> ru = r.uncertainty();
    String text;
    switch (fmt) {
      case JSON:
        text = Json.write(ru.isPresent() ? Json.selection(selection, names, ru.get()) : Json.selection(selection, names)) + "\n";
        break;
      case CSV:
        text = Csv.toString(csv(selection, names, ru));
        break;
      default:
        text = text(selection, names, ru);
    }
    spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** A selection with the display names (code to name, empty without --name) and the Monte Carlo ranks if asked for. */
  record Result(Selection selection, Map<String, String> names, Optional<RankUncertainty> uncertainty) {}

  /**
   * Checks the options, binds the data and selects; binding errors name the file (also used by
   * {@code chart ranking}).
   */
  Result compute() {
    CompositeIndex index = CompositeIndex.of(parseIndicators()).with(IndicatorScaling.parse(standardise));
    if (uncertainty != 0 && (uncertainty < 10 || index.indicators().stream().allMatch(w -> w.seColumn().isEmpty()))) {
      throw Checks.badArgument("--uncertainty", "needs at least 10 replicates and an indicator with a standard-error "
          + "column (--indicator COL:WEIGHT:SECOL)", uncertainty);
    }
    SelectionRules rules = SelectionRules.top(top).withMinimumPopulation(minPopulation);
    for (String a : include) {
      rules = rules.include(a.strip(), "--include");
    }
    for (String a : exclude) {
      rules = rules.exclude(a.strip(), "--exclude");
    }
    Table table = data.load(spec.commandLine().getErr());
    Selection selection;
    Optional<RankUncertainty> ru = Optional.empty();
    Map<String, String> names;
    try {
      checkAreas(table);
      names = names(table);
      AreaIndicators bound = AreaIndicators.from(table, area, population, index);
      selection = index.select(bound, rules);
      if (uncertainty > 0) {
        ru = Optional.of(index.rankUncertainty(bound, rules, uncertainty, seed));
      }
    } catch (IllegalArgumentException e) {
      throw data.where(e);
    }
    return new Result(selection, names, ru);
  }

  private List<WeightedIndicator> parseIndicators() {
    List<WeightedIndicator> out = new ArrayList<>();
    for (String s : indicators) {
      String[] p = s.split(":", -1);
      if (p.length < 2 || p.length > 3 || p[0].isBlank()) {
        throw Checks.badArgument("--indicator", "must be COL:WEIGHT or COL:WEIGHT:SECOL", s);
      }
      double w;
      try {
        w = Double.parseDouble(p[1].strip());
      } catch (NumberFormatException e) {
        throw Checks.badArgument("weight of --indicator " + p[0].strip(), "must be a number", p[1]);
      }
      WeightedIndicator wi = WeightedIndicator.of(p[0].strip(), w);
      if (p.length == 3) {
        if (p[2].isBlank()) {
          throw Checks.badArgument("standard-error column of --indicator " + p[0].strip(), "must be a column name", s);
        }
        wi = wi.withSe(p[2].strip());
      }
      out.add(wi);
    }
    return out;
  }

  /** Area codes must be CBS codes and unique (row named). */
  private void checkAreas(Table table) {
    Column<?> c = Columns.column(table, area);
    Set<String> seen = new HashSet<>();
    for (int r = 0; r < table.rowCount(); r++) {
      if (Columns.isMissing(c, r)) {
        throw Checks.badCell(area, r + 1, "must name an area", null);
      }
      String code = Columns.text(c, r);
      if (!AreaCode.isValid(code)) {
        throw Checks.badCell(area, r + 1, "must be a CBS area code (GM + 4 digits, WK + 6 or BU + 8 characters, "
            + "upper case)", code);
      }
      if (!seen.add(code.strip())) {
        throw Checks.badCell(area, r + 1, "area ids must be unique; duplicate area '" + code.strip() + "'", code);
      }
    }
  }

  private Map<String, String> names(Table table) {
    Map<String, String> m = new LinkedHashMap<>();
    if (name == null) {
      return m;
    }
    Column<?> a = Columns.column(table, area);
    Column<?> n = Columns.column(table, name);
    for (int r = 0; r < table.rowCount(); r++) {
      if (!Columns.isMissing(n, r)) {
        m.put(Columns.text(a, r).strip(), Columns.text(n, r));
      }
    }
    return m;
  }

  private static String label(Map<String, String> names, String area) {
    String n = names.get(area);
    return n == null ? area : area + " " + n;
  }

  private static String text(Selection s, Map<String, String> names, Optional<RankUncertainty> ru) {
    if (names.isEmpty() && ru.isEmpty()) {
      return s.toString();
    }
    List<String> header = new ArrayList<>(List.of("rank", "area", "score", "reason"));
    if (ru.isPresent()) {
      header.addAll(List.of("P(selected)", "95% rank interval"));
    }
    TextTable tt = new TextTable(header);
    for (SelectedArea a : s.selected()) {
      List<String> row = new ArrayList<>(List.of(Integer.toString(a.rank()), label(names, a.area()),
          String.format(Locale.ROOT, "%.3f", a.score()), a.reason()));
      if (ru.isPresent()) {
        Optional<RankUncertainty.AreaUncertainty> u = ru.get().find(a.area());
        row.add(u.map(x -> String.format(Locale.ROOT, "%.3f", x.probabilitySelected())).orElse(""));
        row.add(u.map(x -> num(x.rankLower()) + " – " + num(x.rankUpper())).orElse(""));
      }
      tt.row(row);
    }
    long eligible = s.explanations().stream().filter(Explanation::eligible).count();
    return "Selection of " + s.selected().size() + " of " + s.explanations().size() + " areas (" + eligible
        + " eligible) by " + s.index() + " under " + s.rules() + "\n" + tt
        + s.tie().map(t -> "tie: " + t + "\n").orElse("");
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static Table csv(Selection s, Map<String, String> names, Optional<RankUncertainty> ru) {
    Table t = s.toTable();
    if (!names.isEmpty()) {
      StringColumn n = StringColumn.create("name");
      for (String a : t.stringColumn("area")) {
        n.append(names.getOrDefault(a, ""));
      }
      t.insertColumn(1, n);
    }
    if (ru.isPresent()) {
      DoubleColumn p = DoubleColumn.create("pSelected");
      DoubleColumn lo = DoubleColumn.create("rankLower");
      DoubleColumn hi = DoubleColumn.create("rankUpper");
      for (String a : t.stringColumn("area")) {
        Optional<RankUncertainty.AreaUncertainty> u = ru.get().find(a);
        if (u.isPresent()) {
          p.append(u.get().probabilitySelected());
          lo.append(u.get().rankLower());
          hi.append(u.get().rankUpper());
        } else {
          p.appendMissing();
          lo.appendMissing();
          hi.appendMissing();
        }
      }
      t.addColumns(p, lo, hi);
    }
    return t;
  }
}
