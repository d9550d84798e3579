package io.github.dmstat.charts.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.dmstat.core.area.AreaPolygon;
import io.github.dmstat.core.area.GeoJson;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.io.ColumnType;
import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.io.Numbers;
import io.github.dmstat.core.io.ReadOptions;
import io.github.dmstat.core.outcomes.CountColumns;
import io.github.dmstat.core.selection.SelectionRules;
import io.github.dmstat.core.spatial.MultipleTesting;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.core.survey.LonelyPsu;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import tech.tablesaw.api.Table;

/**
 * A report spec: what {@code dmstat report --spec report.yaml} makes the report of. A YAML file
 * (read with Jackson's YAML data format) names the title, language, credits and, for each section
 * (each optional; a section left out uses the embedded example data), the data file with its
 * reading options and a column for every role. The reference of every key is in the README
 * ("The report spec") and in {@link #example()}, which runs as is on the embedded data.
 *
 * <p>{@link #read(Path)} checks the whole spec before any data is read: an unknown key, a value
 * of the wrong type or a file that does not exist is an {@link IllegalArgumentException} naming
 * the key path, e.g. {@code sections.selection.indicators[1].weight: expected a number, got
 * 'hoog'}. {@link #options()} then reads the files (relative paths are relative to the spec's
 * folder) and gives the report's {@link DrugMonitorReport.Options}.
 */
public final class ReportSpec {
  private final Path base;
  private final String source;
  private final JsonNode root;
  private final Locale locale;
  private final ReadOptions reading;

  private ReportSpec(Path base, String source, JsonNode root, Locale locale, ReadOptions reading) {
    this.base = base;
    this.source = source;
    this.root = root;
    this.locale = locale;
    this.reading = reading;
  }

  /**
   * Reads and checks {@code file}; no data file is read yet.
   *
   * @param file the spec, YAML in UTF-8; data files in it are relative to its folder
   * @return the checked spec
   * @throws IllegalArgumentException when the file does not exist or cannot be read, is not valid YAML, or
   *     the spec is wrong (the message names the file and the key path)
   */
  public static ReportSpec read(Path file) {
    String name = String.valueOf(file.getFileName());
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(name + ": no such file");
    } catch (IOException e) {
      throw new IllegalArgumentException(name + ": cannot be read as UTF-8 text (" + e.getMessage() + ")");
    }
    Path base = file.toAbsolutePath().getParent();
    return parse(text, name, base == null ? Path.of(".") : base);
  }

  /**
   * Parses and checks the text of a spec; files are relative to {@code base}.
   *
   * @param text the YAML text (a leading byte-order mark is ignored)
   * @param name what the messages call the spec, e.g. its file name
   * @param base the folder that relative data file paths are resolved against
   * @return the checked spec
   * @throws IllegalArgumentException when the text is empty or not valid YAML, or the spec is wrong (the
   *     message names {@code name} and the key path)
   */
  public static ReportSpec parse(String text, String name, Path base) {
    JsonNode root;
    try {
      root = tree(text.startsWith("\uFEFF") ? text.substring(1) : text, name);
    } catch (IOException e) {
      if (!(e instanceof JsonProcessingException)) {
        throw new UncheckedIOException(e);
      }
      JsonLocation at = ((JsonProcessingException) e).getLocation();
      // the parser's message spans lines (with a picture of the place): its sentences only
      List<String> said = new ArrayList<>();
      for (String line : String.valueOf(((JsonProcessingException) e).getOriginalMessage()).split("\\R")) {
        if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
          said.add(line.strip());
        }
      }
      throw new IllegalArgumentException(name + (at == null ? "" : ": line " + at.getLineNr()) + ": not valid YAML: "
          + String.join("; ", said));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new IllegalArgumentException(name + ": the spec is empty");
    }
    Node r = new Node(name, "", root);
    r.object(Set.of("title", "subtitle", "author", "language", "sources", "local-correction", "confidence", "reliability",
        "reading", "sections"));
    Locale locale = r.optionalText("language").map(l -> {
      switch (l) {
        case "en": return Locale.forLanguageTag("en-GB");
        case "nl": return Locale.forLanguageTag("nl-NL");
        default: throw r.child("language").fail("expected en or nl, got '" + l + "'");
      }
    }).orElse(Locale.forLanguageTag("en-GB"));
    r.optionalText("title");
    r.optionalText("subtitle");
    r.optionalText("author");
    r.texts("sources");
    r.optionalText("local-correction").ifPresent(c -> r.child("local-correction").convert(c, MultipleTesting::parse));
    if (r.has("confidence")) {
      double level = r.number("confidence");
      if (!(level >= 0.5 && level < 1)) {
        throw r.child("confidence").fail("must be at least 0.5 and below 1 (0.95 for 95%), got " + r.child("confidence").node.asText());
      }
    }
    r.optionalText("reliability").ifPresent(c -> r.child("reliability").convert(c, ReliabilityRule::parse));
    ReadOptions reading = r.has("reading") ? readOptions(r.child("reading"), ReadOptions.withDefaults()) : ReadOptions.withDefaults();
    ReportSpec spec = new ReportSpec(base, name, root, locale, reading);
    if (r.has("sections")) {
      Node s = r.child("sections");
      s.object(Set.of("prevalence", "concentration", "selection", "outcomes"));
      // a dry run of every section: checks keys, types, columns named and files present
      spec.sections(s, false);
    }
    return spec;
  }

  /**
   * The YAML as a tree whose scalars are the text as written: YAML would read {@code 0363} as the
   * octal number 243, {@code yes} as true and {@code 1e3} as 1000.0, so area codes, filter values and
   * outcome codes are kept as text and only {@code number()} and {@code integer()} read numbers. A
   * key given twice is an error.
   */
  private static JsonNode tree(String text, String name) throws IOException {
    try (com.fasterxml.jackson.core.JsonParser p = new YAMLFactory().createParser(text)) {
      com.fasterxml.jackson.core.JsonToken t = p.nextToken();
      return t == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node(p, t, name, "");
    }
  }

  private static JsonNode node(com.fasterxml.jackson.core.JsonParser p, com.fasterxml.jackson.core.JsonToken t, String name,
      String path) throws IOException {
    var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
    switch (t) {
      case START_OBJECT: {
        var o = f.objectNode();
        while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
          String k = p.currentName();
          String at = path.isEmpty() ? k : path + "." + k;
          if (o.has(k)) {
            throw new IllegalArgumentException(name + ": " + at + ": given twice (line " + p.currentLocation().getLineNr()
                + ")");
          }
          o.set(k, node(p, p.nextToken(), name, at));
        }
        return o;
      }
      case START_ARRAY: {
        var a = f.arrayNode();
        int i = 0;
        for (com.fasterxml.jackson.core.JsonToken e = p.nextToken(); e != com.fasterxml.jackson.core.JsonToken.END_ARRAY;
            e = p.nextToken()) {
          a.add(node(p, e, name, path + "[" + (++i) + "]"));
        }
        return a;
      }
      case VALUE_NULL:
        return f.nullNode();
      default:
        return f.textNode(p.getText());
    }
  }

  /**
   * The report's options: reads every data file the spec names.
   *
   * @return the options for {@link DrugMonitorReport#build}; sections the spec leaves out have no data of
   *     their own
   * @throws IllegalArgumentException when a data file cannot be read or lacks a column the spec names
   */
  public DrugMonitorReport.Options options() {
    Node r = new Node(source, "", root);
    DrugMonitorReport.Options o = DrugMonitorReport.Options.defaults().withLocale(locale)
        .withTitle(r.optionalText("title").orElse(""))
        .withCredits(r.optionalText("subtitle").orElse(""), r.optionalText("author").orElse(""), r.texts("sources"));
    if (r.has("local-correction")) {
      o = o.withLocalCorrection(MultipleTesting.parse(r.optionalText("local-correction").orElseThrow()));
    }
    o = o.withRules(r.has("confidence") ? r.number("confidence") : o.level(),
        r.optionalText("reliability").map(ReliabilityRule::parse).orElse(o.reliability()));
    if (r.has("sections")) {
      Sections s = sections(r.child("sections"), true);
      if (s.survey != null) {
        o = o.withSurvey(s.survey);
      }
      if (s.areas != null) {
        o = o.withAreas(s.areas);
      }
      if (s.selection != null) {
        o = o.withMunicipalities(s.selection);
      }
      if (s.effects != null) {
        o = o.withEffects(s.effects);
      }
      if (s.cohorts != null) {
        o = o.withCohorts(s.cohorts);
      }
      if (s.panel != null) {
        o = o.withPanel(s.panel);
      }
    }
    return o;
  }

  /**
   * The report's language.
   *
   * @return {@code en-GB} or {@code nl-NL} (key {@code language}: {@code en} or {@code nl}); {@code en-GB}
   *     when not given
   */
  public Locale locale() {
    return locale;
  }

  private static final class Sections {
    DrugMonitorReport.UserSurvey survey;
    DrugMonitorReport.UserAreas areas;
    DrugMonitorReport.UserSelection selection;
    DrugMonitorReport.UserEffects effects;
    DrugMonitorReport.UserCohorts cohorts;
    DrugMonitorReport.UserPanel panel;
  }

  private static final Set<String> DATA_KEYS = Set.of("data", "reading", "where");

  /** Checks the sections and, with {@code load}, reads their data. */
  private Sections sections(Node s, boolean load) {
    Sections out = new Sections();
    for (String section : List.of("prevalence", "concentration", "selection", "outcomes")) {
      if (s.node.has(section) && s.node.get(section).isNull()) {
        throw s.child(section).fail("is empty: give its data and columns, or leave the section out");
      }
    }
    if (s.has("prevalence")) {
      Node p = s.child("prevalence");
      p.object(with(DATA_KEYS, "weight", "strata", "psu", "fpc", "lonely-psu", "age", "trend", "outcomes", "age-group",
          "sex", "region"));
      // the user's outcome columns under the names the report knows (cannabis_last_year ...)
      Map<String, String> renames = new LinkedHashMap<>();
      if (p.has("outcomes")) {
        Node oc = p.child("outcomes");
        oc.object(null);
        for (Iterator<String> it = oc.node.fieldNames(); it.hasNext(); ) {
          String column = it.next();
          String indicator = oc.text(column);
          if (!knownIndicators().contains(indicator)) {
            throw oc.child(column).fail("expected an indicator like cannabis_last_year (substance_period), got '"
                + indicator + "'");
          }
          renames.put(column, indicator);
        }
      }
      Map<String, String> domains = new LinkedHashMap<>();
      for (String role : DrugMonitorReport.UserSurvey.DOMAINS) {
        p.optionalText(role).ifPresent(c -> domains.put(role, c));
      }
      String weight = p.text("weight");
      DesignSpec design = DesignSpec.weights(weight);
      if (p.has("strata")) {
        design = design.withStrata(p.text("strata"));
      }
      if (p.has("psu")) {
        design = design.withPsu(p.text("psu"));
      }
      if (p.has("fpc")) {
        design = design.withFpc(p.text("fpc"));
      }
      if (p.has("lonely-psu")) {
        design = design.withLonelyPsu(p.child("lonely-psu").convert(p.text("lonely-psu"), LonelyPsu::parse));
      }
      String age = p.optionalText("age").orElse("age");
      Path file = file(p);
      ReadOptions ro = options(p);
      // the trend: one file with a year column, or one file per year
      Optional<String> yearColumn = Optional.empty();
      List<Node> yearFiles = List.of();
      if (p.has("trend")) {
        Node t = p.child("trend");
        t.object(Set.of("year-column", "files"));
        yearColumn = t.optionalText("year-column");
        yearFiles = t.list("files");
        if (yearColumn.isPresent() == !yearFiles.isEmpty()) {
          throw t.fail("give either year-column (one file with a year column) or files (a list of {year, data})");
        }
        Set<Integer> years = new java.util.HashSet<>();
        for (Node f : yearFiles) {
          f.object(Set.of("year", "data", "reading"));
          if (!years.add(f.integer("year"))) {
            throw f.child("year").fail(f.integer("year") + " is given twice");
          }
          f.file(base, "data");
        }
      }
      if (load) {
        Map<String, ColumnType> outcomes = DrugMonitorReport.UserSurvey.outcomeTypes();
        renames.keySet().forEach(c -> outcomes.put(c, ColumnType.FLAG));
        Table survey = rename(Csv.read(file, ro, outcomes), renames, name(file));
        columns(p, survey, name(file), "weight", "strata", "psu", "fpc", "age", "age-group", "sex", "region");
        if (yearColumn.isPresent()) {
          columns(p.child("trend"), survey, name(file), "year-column");
        }
        List<DrugMonitorReport.SurveyYear> trend = new ArrayList<>();
        if (yearColumn.isPresent()) {
          trend = byYear(survey, yearColumn.get(), name(file));
          // the tables of the report are of the latest year; the trend shows every year
          survey = trend.get(trend.size() - 1).table();
        }
        for (Node f : yearFiles) {
          Path yf = f.file(base, "data");
          ReadOptions yo = f.has("reading") ? readOptions(f.child("reading"), ro) : ro;
          trend.add(new DrugMonitorReport.SurveyYear(f.integer("year"), name(yf), rename(Csv.read(yf, yo, outcomes), renames,
              name(yf))));
        }
        out.survey = new DrugMonitorReport.UserSurvey(name(file), survey, design, age, trend, domains);
      }
    }
    if (s.has("concentration")) {
      Node c = s.child("concentration");
      c.object(with(DATA_KEYS, "level", "code", "name", "count", "count-label", "population", "boundaries", "boundary-code",
          "boundary-name"));
      ReportAreaLevel level = c.child("level").convert(c.text("level"), ReportAreaLevel::parse);
      String code = c.text("code");
      Optional<String> nameColumn = c.optionalText("name");
      String count = c.text("count");
      String population = c.text("population");
      String label = c.optionalText("count-label").orElse("");
      Path file = file(c);
      Path boundaries = c.file(base, "boundaries");
      Optional<String> boundaryCode = c.optionalText("boundary-code");
      Optional<String> boundaryName = c.optionalText("boundary-name");
      ReadOptions ro = options(c);
      if (load) {
        Table t = Csv.read(file, ro);
        columns(c, t, name(file), "code", "name", "count", "population");
        List<AreaPolygon> polygons = boundaryName.isPresent()
            ? GeoJson.read(boundaries, boundaryCode.orElse(GeoJson.FEATURE_ID), boundaryName.get())
            : GeoJson.read(boundaries, boundaryCode.orElse(GeoJson.FEATURE_ID));
        Map<String, String> names = new LinkedHashMap<>();
        if (boundaryName.isPresent()) {
          polygons.forEach(pg -> pg.name().ifPresent(n -> names.put(pg.code(), n)));
        }
        nameColumn.ifPresent(n -> names.putAll(columnMap(t, code, n)));
        out.areas = new DrugMonitorReport.UserAreas(name(file), t, polygons, code, count, population, level, label, names);
      }
    }
    if (s.has("selection")) {
      Node c = s.child("selection");
      c.object(with(DATA_KEYS, "level", "code", "name", "population", "indicators", "eligibility"));
      ReportAreaLevel level = c.has("level") ? c.child("level").convert(c.text("level"), ReportAreaLevel::parse) : ReportAreaLevel.GEMEENTE;
      String code = c.text("code");
      Optional<String> nameColumn = c.optionalText("name");
      String population = c.text("population");
      List<DrugMonitorReport.IndexIndicator> indicators = new ArrayList<>();
      List<Node> items = c.list("indicators");
      if (items.isEmpty()) {
        throw c.child("indicators").fail("needs at least one indicator");
      }
      for (Node i : items) {
        i.object(Set.of("column", "label", "weight", "direction", "se"));
        String column = i.text("column");
        double weight = i.number("weight");
        if (!(weight > 0)) {
          throw i.child("weight").fail("must be a number > 0 (the direction says whether higher values raise or lower the score), got "
              + i.child("weight").node.asText());
        }
        String direction = i.optionalText("direction").orElse("higher");
        if (!direction.equals("higher") && !direction.equals("lower")) {
          throw i.child("direction").fail("expected higher (higher values raise the score) or lower, got '" + direction + "'");
        }
        String label = i.optionalText("label").orElse(column);
        // the ranking chart names its series by these labels, and its dots "score"
        if (label.equalsIgnoreCase("score") || indicators.stream().anyMatch(x -> x.label().equals(label))) {
          throw i.child(i.has("label") ? "label" : "column").fail("'" + label + "' is the label of another indicator or "
              + "of the score: give each indicator its own label");
        }
        indicators.add(new DrugMonitorReport.IndexIndicator(column, label, direction.equals("lower") ? -weight : weight,
            i.optionalText("se")));
      }
      SelectionRules rules = SelectionRules.top(1);
      Node e = c.child("eligibility");
      e.object(Set.of("top", "minimum-population", "include", "exclude"));
      int top = e.integer("top");
      if (top < 1) {
        throw e.child("top").fail("must be at least 1, got " + top);
      }
      rules = rules.withSize(top);
      if (e.has("minimum-population")) {
        double min = e.number("minimum-population");
        if (min < 0) {
          throw e.child("minimum-population").fail("must be >= 0, got " + e.child("minimum-population").node.asText());
        }
        rules = rules.withMinimumPopulation(min);
      }
      for (Node i : e.list("include")) {
        i.object(Set.of("code", "reason"));
        rules = rules.include(i.text("code"), i.text("reason"));
      }
      for (Node i : e.list("exclude")) {
        i.object(Set.of("code", "reason"));
        rules = rules.exclude(i.text("code"), i.text("reason"));
      }
      Path file = file(c);
      ReadOptions ro = options(c);
      if (load) {
        Table t = Csv.read(file, ro);
        columns(c, t, name(file), "code", "name", "population");
        for (Node i : items) {
          columns(i, t, name(file), "column", "se");
        }
        out.selection = new DrugMonitorReport.UserSelection(name(file), t, code, nameColumn, population, indicators, rules,
            level);
      }
    }
    if (s.has("outcomes")) {
      Node o = s.child("outcomes");
      o.object(Set.of("effects", "cohorts", "panel"));
      if (o.has("effects")) {
        Node e = o.child("effects");
        e.object(with(DATA_KEYS, "study", "events-treated", "total-treated", "events-control", "total-control"));
        String[] cols = {e.text("study"), e.text("events-treated"), e.text("total-treated"), e.text("events-control"),
            e.text("total-control")};
        Path file = file(e);
        ReadOptions ro = options(e);
        if (load) {
          Table t = Csv.read(file, ro);
          columns(e, t, name(file), "study", "events-treated", "total-treated", "events-control", "total-control");
          out.effects = new DrugMonitorReport.UserEffects(name(file), t,
              CountColumns.study(cols[0]).treated(cols[1], cols[2]).control(cols[3], cols[4]));
        }
      }
      if (o.has("cohorts")) {
        Node e = o.child("cohorts");
        e.object(with(DATA_KEYS, "time", "event", "group"));
        String time = e.text("time");
        String event = e.text("event");
        String group = e.text("group");
        Path file = file(e);
        ReadOptions ro = options(e);
        if (load) {
          Table t = Csv.read(file, ro, Map.of(event, ColumnType.FLAG));
          columns(e, t, name(file), "time", "event", "group");
          out.cohorts = new DrugMonitorReport.UserCohorts(name(file), t, time, event, group);
        }
      }
      if (o.has("panel")) {
        Node e = o.child("panel");
        e.object(with(DATA_KEYS, "unit", "treated", "period", "outcome", "outcome-label"));
        String unit = e.text("unit");
        String treated = e.text("treated");
        String period = e.text("period");
        String outcome = e.text("outcome");
        String label = e.optionalText("outcome-label").orElse("");
        Path file = file(e);
        ReadOptions ro = options(e);
        if (load) {
          Table t = Csv.read(file, ro, Map.of(treated, ColumnType.FLAG));
          columns(e, t, name(file), "unit", "treated", "period", "outcome");
          out.panel = new DrugMonitorReport.UserPanel(name(file), t, unit, treated, period, outcome, label);
        }
      }
    }
    return out;
  }

  /** Every column that {@code keys} of the section name is in the file; else an error with the key path. */
  private static void columns(Node section, Table t, String file, String... keys) {
    for (String key : keys) {
      if (section.has(key)) {
        String column = section.text(key);
        if (!t.columnNames().contains(column)) {
          throw section.child(key).fail("no column '" + column + "' in " + file + "; its columns: " + t.columnNames());
        }
      }
    }
  }

  /** Every indicator column name the report knows: {@code <substance>_<period>}. */
  private static Set<String> knownIndicators() {
    return DrugMonitorReport.UserSurvey.outcomeTypes().keySet();
  }

  /** The table with columns renamed ({@code from -> to}); a missing column is an error naming the file. */
  private static Table rename(Table t, Map<String, String> renames, String file) {
    for (Map.Entry<String, String> e : renames.entrySet()) {
      if (!t.columnNames().contains(e.getKey())) {
        throw new IllegalArgumentException(file + ": no column '" + e.getKey() + "' (sections.prevalence.outcomes); columns: "
            + t.columnNames());
      }
      if (!e.getKey().equals(e.getValue()) && t.columnNames().contains(e.getValue())) {
        throw new IllegalArgumentException(file + ": column '" + e.getValue() + "' exists and '" + e.getKey()
            + "' would be renamed to it (sections.prevalence.outcomes)");
      }
      t.column(e.getKey()).setName(e.getValue());
    }
    return t;
  }

  /** The rows of each year (a whole number in {@code column}), in year order. */
  private static List<DrugMonitorReport.SurveyYear> byYear(Table t, String column, String file) {
    var col = io.github.dmstat.core.Columns.column(t, column);
    java.util.TreeMap<Integer, List<Integer>> rows = new java.util.TreeMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      String v = io.github.dmstat.core.Columns.text(col, i).strip();
      int year;
      try {
        year = Integer.parseInt(v.endsWith(".0") ? v.substring(0, v.length() - 2) : v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(file + ": row " + (i + 1) + ", column '" + column + "': '" + v
            + "' is not a year (trend.year-column)");
      }
      rows.computeIfAbsent(year, y -> new ArrayList<>()).add(i);
    }
    List<DrugMonitorReport.SurveyYear> out = new ArrayList<>();
    rows.forEach((year, r) -> out.add(new DrugMonitorReport.SurveyYear(year, file + " (" + year + ")",
        t.rows(r.stream().mapToInt(Integer::intValue).toArray()))));
    if (out.isEmpty()) {
      throw new IllegalArgumentException(file + ": no rows for the trend");
    }
    return out;
  }

  private Path file(Node section) {
    return section.file(base, "data");
  }

  /** The spec's reading options, then the section's own, then its row filters. */
  private ReadOptions options(Node section) {
    ReadOptions o = section.has("reading") ? readOptions(section.child("reading"), reading) : reading;
    if (section.has("where")) {
      Node w = section.child("where");
      w.object(null);
      List<ReadOptions.Where> filters = new ArrayList<>(o.where());
      for (Iterator<String> it = w.node.fieldNames(); it.hasNext(); ) {
        String column = it.next();
        List<String> values = w.texts(column);
        if (values.isEmpty()) {
          throw w.child(column).fail("expected a value or a list of values");
        }
        filters.add(new ReadOptions.Where(column, values));
      }
      o = o.withWhere(filters);
    }
    return o;
  }

  private static ReadOptions readOptions(Node n, ReadOptions start) {
    try {
      return readOptionsOf(n, start);
    } catch (IllegalArgumentException e) {
      // options that clash (the same mark for decimals and thousands, a code both true and false)
      throw e.getMessage() != null && e.getMessage().startsWith(n.source + ":") ? e : n.fail(e.getMessage());
    }
  }

  private static ReadOptions readOptionsOf(Node n, ReadOptions start) {
    n.object(Set.of("delimiter", "decimal", "thousands", "encoding", "na-values", "true-values", "false-values", "sheet"));
    ReadOptions o = start;
    if (n.has("delimiter")) {
      // as written: a tab or a space is the value itself
      char d = n.child("delimiter").convert(n.raw("delimiter"), ReadOptions::parseDelimiter);
      o = o.withDelimiter(d);
    }
    if (n.has("decimal")) {
      String d = n.text("decimal");
      if (!d.equals(".") && !d.equals(",")) {
        throw n.child("decimal").fail("expected . or , got '" + d + "'");
      }
      o = o.withDecimal(d.charAt(0));
    }
    if (n.has("thousands")) {
      o = o.withThousands(n.child("thousands").convert(n.raw("thousands"), ReadOptions::parseThousands));
    }
    if (n.has("encoding")) {
      ReadOptions before = o;
      o = n.child("encoding").convert(n.text("encoding"), before::withEncoding);
    }
    if (n.has("na-values")) {
      List<String> na = new ArrayList<>(List.of(""));
      na.addAll(n.texts("na-values"));
      o = o.withNaValues(na);
    }
    if (n.has("true-values")) {
      o = o.withTrueValues(n.texts("true-values"));
    }
    if (n.has("false-values")) {
      o = o.withFalseValues(n.texts("false-values"));
    }
    if (n.has("sheet")) {
      o = o.withSheet(n.text("sheet"));
    }
    return o;
  }

  private static Set<String> with(Set<String> common, String... keys) {
    Set<String> s = new TreeSet<>(common);
    s.addAll(List.of(keys));
    return s;
  }

  private static String name(Path file) {
    return String.valueOf(file.getFileName());
  }

  private static Map<String, String> columnMap(Table t, String key, String value) {
    Map<String, String> out = new LinkedHashMap<>();
    var k = io.github.dmstat.core.Columns.column(t, key);
    var v = io.github.dmstat.core.Columns.column(t, value);
    for (int i = 0; i < t.rowCount(); i++) {
      String name = io.github.dmstat.core.Columns.text(v, i);
      if (!name.isBlank()) {
        out.put(io.github.dmstat.core.Columns.text(k, i), name.strip());
      }
    }
    return out;
  }

  /** A node of the spec with its key path, for messages. */
  private static final class Node {
    final String source;
    final String path;
    final JsonNode node;

    Node(String source, String path, JsonNode node) {
      this.source = source;
      this.path = path;
      this.node = node;
    }

    IllegalArgumentException fail(String problem) {
      return new IllegalArgumentException(source + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
    }

    /** An object with only the keys {@code known} (null: any key). */
    void object(Set<String> known) {
      if (!node.isObject()) {
        throw fail("expected keys and values, got " + describe(node));
      }
      if (known != null) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
          String k = it.next();
          if (!known.contains(k)) {
            throw child(k).fail("unknown key (known here: " + String.join(", ", new TreeSet<>(known)) + ")");
          }
        }
      }
    }

    boolean has(String key) {
      return node.has(key) && !node.get(key).isNull();
    }

    Node child(String key) {
      return new Node(source, path.isEmpty() ? key : path + "." + key, node.path(key));
    }

    String text(String key) {
      Node c = child(key);
      if (!has(key)) {
        throw c.fail("is required");
      }
      if (!c.node.isValueNode()) {
        throw c.fail("expected a text, got " + describe(c.node));
      }
      String v = c.node.asText().strip();
      if (v.isEmpty()) {
        throw c.fail("must not be empty");
      }
      return v;
    }

    /** A value exactly as written (not trimmed: a tab or a space may be the value). */
    String raw(String key) {
      Node c = child(key);
      if (!has(key) || !c.node.isValueNode()) {
        throw c.fail("expected a text, got " + describe(c.node));
      }
      return c.node.asText();
    }

    Optional<String> optionalText(String key) {
      return has(key) ? Optional.of(text(key)) : Optional.empty();
    }

    double number(String key) {
      Node c = child(key);
      if (!has(key)) {
        throw c.fail("is required");
      }
      double v = c.node.isValueNode() ? Numbers.parse(c.node.asText().strip()) : Double.NaN;
      if (!Double.isFinite(v)) {
        throw c.fail("expected a number, got " + describe(c.node));
      }
      return v;
    }

    int integer(String key) {
      Node c = child(key);
      if (!has(key)) {
        throw c.fail("is required");
      }
      try {
        return Integer.parseInt(c.node.isValueNode() ? c.node.asText().strip() : "");
      } catch (NumberFormatException e) {
        throw c.fail("expected a whole number, got " + describe(c.node));
      }
    }

    /** A list of objects (or nothing: empty). */
    List<Node> list(String key) {
      List<Node> out = new ArrayList<>();
      if (!has(key)) {
        return out;
      }
      Node c = child(key);
      if (!c.node.isArray()) {
        throw c.fail("expected a list, got " + describe(c.node));
      }
      for (int i = 0; i < c.node.size(); i++) {
        out.add(new Node(source, c.path + "[" + (i + 1) + "]", c.node.get(i)));
      }
      return out;
    }

    /** One text or a list of texts (or nothing: empty). */
    List<String> texts(String key) {
      List<String> out = new ArrayList<>();
      if (!has(key)) {
        return out;
      }
      Node c = child(key);
      if (c.node.isValueNode()) {
        out.add(c.node.asText().strip());
        return out;
      }
      if (!c.node.isArray()) {
        throw c.fail("expected a text or a list of texts, got " + describe(c.node));
      }
      for (int i = 0; i < c.node.size(); i++) {
        JsonNode v = c.node.get(i);
        if (!v.isValueNode() || v.isNull()) {
          throw new Node(source, c.path + "[" + (i + 1) + "]", v).fail("expected a text, got " + describe(v));
        }
        out.add(v.asText().strip());
      }
      return out;
    }

    /** A path relative to {@code base}; the file must exist. */
    Path file(Path base, String key) {
      String f = text(key);
      Path p = base.resolve(f).normalize();
      if (!Files.isRegularFile(p)) {
        throw child(key).fail("no such file: " + f);
      }
      return p;
    }

    <T> T convert(String value, Function<String, T> f) {
      try {
        return f.apply(value);
      } catch (IllegalArgumentException e) {
        throw fail(e.getMessage());
      }
    }

    private static String describe(JsonNode n) {
      if (n.isMissingNode() || n.isNull()) {
        return "nothing";
      }
      if (n.isObject()) {
        return "keys and values";
      }
      if (n.isArray()) {
        return "a list";
      }
      String t = n.asText();
      return "'" + (t.length() > 60 ? t.substring(0, 57) + "..." : t) + "'";
    }
  }

  /**
   * A commented example spec that runs as is: every section is commented out, so the report is
   * the embedded example; uncomment a section and point it at your own file.
   *
   * @return the YAML text of the example spec
   */
  public static String example() {
    try (InputStream in = ReportSpec.class.getResourceAsStream("report-example.yaml")) {
      if (in == null) {
        throw new IllegalStateException("report-example.yaml is missing from the dmstat-charts jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
