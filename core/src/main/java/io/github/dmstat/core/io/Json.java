package io.github.dmstat.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.github.dmstat.core.Coded;
import io.github.dmstat.core.Group;
import io.github.dmstat.core.concentration.AreaConcentration;
import io.github.dmstat.core.outcomes.DiffInDiff;
import io.github.dmstat.core.outcomes.LogRankTest;
import io.github.dmstat.core.outcomes.MetaAnalysis;
import io.github.dmstat.core.outcomes.SurvivalCurve;
import io.github.dmstat.core.selection.RankUncertainty;
import io.github.dmstat.core.selection.Selection;
import io.github.dmstat.core.survey.DesignSummary;
import io.github.dmstat.core.survey.KeyFigures;
import io.github.dmstat.core.survey.PrevalenceDifference;
import io.github.dmstat.core.survey.PrevalenceEstimate;
import io.github.dmstat.core.survey.PrevalenceTable;
import io.github.dmstat.core.survey.PrevalenceValue;
import io.github.dmstat.core.crosstab.TableTest;
import io.github.dmstat.core.crosstab.TestStatistic;
import io.github.dmstat.core.regression.GlmFamily;
import io.github.dmstat.core.regression.GlmFit;
import io.github.dmstat.core.regression.SurveyTrend;
import io.github.dmstat.core.regression.TermTest;
import io.github.dmstat.core.survey.QuantileEstimate;
import io.github.dmstat.core.survey.QuantileTable;
import io.github.dmstat.core.survey.QuantileValue;
import io.github.dmstat.core.survey.StatisticEstimate;
import io.github.dmstat.core.survey.StatisticTable;
import io.github.dmstat.core.survey.StatisticValue;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * JSON renderings of results (Jackson). Renderers compute nothing new; a suppressed estimate's
 * value fields are {@code null}, never a number.
 */
public final class Json {
  private Json() {}

  /** The mapper is made only when asked for: building one costs a short-lived command a fifth of a second. */
  private static final class Holder {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .registerModule(optionals());
  }

  /**
   * {@code Optional}, {@code OptionalDouble}, {@code OptionalInt} and {@code OptionalLong} as their
   * value or {@code null} (without this Jackson writes them as beans: {@code {"present": true}}).
   */
  private static SimpleModule optionals() {
    SimpleModule m = new SimpleModule("dmstat-optionals");
    optional(m, OptionalDouble.class, v -> v.isPresent() && Double.isFinite(v.getAsDouble()),
        (v, g, p) -> g.writeNumber(v.getAsDouble()));
    // a number that is not finite is written as null, as the command line's shapes do (never "NaN")
    optional(m, Double.class, Double::isFinite, (v, g, p) -> g.writeNumber(v));
    optional(m, Double.TYPE, Double::isFinite, (v, g, p) -> g.writeNumber(v));
    // an enum's machine token, as the command line writes it (logit, nchs), not its constant name
    optional(m, Coded.class, v -> true, (v, g, p) -> g.writeString(v.code()));
    optional(m, OptionalInt.class, OptionalInt::isPresent, (v, g, p) -> g.writeNumber(v.getAsInt()));
    optional(m, OptionalLong.class, OptionalLong::isPresent, (v, g, p) -> g.writeNumber(v.getAsLong()));
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<Optional<?>> type = (Class) Optional.class;
    optional(m, type, Optional::isPresent, (v, g, p) -> p.defaultSerializeValue(v.get(), g));
    return m;
  }

  /** Writes a present value. */
  @FunctionalInterface
  private interface ValueWriter<T> {
    void write(T value, JsonGenerator g, SerializerProvider p) throws IOException;
  }

  /** A serializer of {@code type} that writes {@code null} for an empty value. */
  private static <T> void optional(SimpleModule m, Class<T> type, java.util.function.Predicate<T> present,
      ValueWriter<T> value) {
    m.addSerializer(type, new StdSerializer<T>(type) {
      @Override
      public void serialize(T v, JsonGenerator g, SerializerProvider p) throws IOException {
        if (present.test(v)) {
          value.write(v, g, p);
        } else {
          g.writeNull();
        }
      }
    });
  }

  /**
   * Any result as JSON: the results that a command of the command line prints in the shape it
   * prints them ({@link PrevalenceTable}, {@link StatisticTable}, {@link QuantileTable}, {@link GlmFit}, {@link SurveyTrend}, {@link TableTest}, {@link PrevalenceDifference}, {@link KeyFigures}, {@link AreaConcentration},
   * {@link Selection}, {@link MetaAnalysis}, {@link DiffInDiff}, a list of {@link SurvivalCurve}s),
   * a {@link JsonNode} as it is, and every other result (records such as {@code Rate},
   * {@code EffectSize}, {@code MoranResult}, {@code PrevalenceChange}) through Jackson, with
   * optional values as their value or {@code null}.
   *
   * @param result the result to render, not {@code null}
   * @return the JSON tree ({@code result} itself when it is a {@link JsonNode})
   * @throws NullPointerException when {@code result} is {@code null}
   */
  public static JsonNode tree(Object result) {
    Objects.requireNonNull(result, "result");
    if (result instanceof JsonNode n) {
      return n;
    }
    if (result instanceof PrevalenceTable t) {
      return prevalence(t);
    }
    if (result instanceof StatisticTable t) {
      return statistics(t);
    }
    if (result instanceof GlmFit g) {
      return glm(g);
    }
    if (result instanceof SurveyTrend t) {
      return trend(t);
    }
    if (result instanceof TableTest t) {
      return tableTest(t);
    }
    if (result instanceof QuantileTable q) {
      return quantiles(q);
    }
    if (result instanceof PrevalenceDifference d) {
      return difference(d);
    }
    if (result instanceof KeyFigures k) {
      return keyFigures(k);
    }
    if (result instanceof AreaConcentration c) {
      return concentration(c);
    }
    if (result instanceof Selection sel) {
      return selection(sel);
    }
    if (result instanceof MetaAnalysis m) {
      return effects(m);
    }
    if (result instanceof DiffInDiff d) {
      return did(d);
    }
    if (result instanceof SurvivalCurve c) {
      return survival(List.of(c));
    }
    if (result instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(SurvivalCurve.class::isInstance)) {
      return survival(l.stream().map(SurvivalCurve.class::cast).toList());
    }
    return Holder.MAPPER.valueToTree(result);
  }

  /**
   * {@link #tree(Object) Any result} as pretty-printed JSON text: what the command line prints for it.
   *
   * @param result the result to render, not {@code null}
   * @return the JSON text, indented, without a final line break
   * @throws NullPointerException when {@code result} is {@code null}
   */
  public static String write(Object result) {
    return write(tree(result));
  }

  /**
   * {@code dmstat concentration --format json}: rates, EB rates, Gini, top share, Moran's I, local
   * statistics per area.
   *
   * @param c the concentration analysis
   * @return {@code {"summary": {...}, "areas": [...], "notes": [...]}}; absent numbers are {@code null}
   */
  public static ObjectNode concentration(AreaConcentration c) {
    return AreaJson.concentration(c);
  }

  /**
   * {@code dmstat select --format json} without area names or rank uncertainty.
   *
   * @param s the selection
   * @return {@code {"index", "rules", "size", "selected": [...], "areas": [...], "tie"}}
   */
  public static ObjectNode selection(Selection s) {
    return AreaJson.selection(s, Map.of(), Optional.empty());
  }

  /**
   * {@code dmstat select --format json}: with area names (code to name; may be empty) and the rank
   * uncertainty.
   *
   * @param s the selection
   * @param names area code to area name; when not empty every area gets a {@code "name"} ({@code null}
   *     for a code not in it)
   * @param uncertainty the bootstrap rank uncertainty of {@code s}: adds {@code "pSelected"},
   *     {@code "rankLower"} and {@code "rankUpper"} per area and {@code "replicates"} and {@code "seed"}
   * @return the selection as {@link #selection(Selection)} gives it, with the names and the uncertainty
   */
  public static ObjectNode selection(Selection s, Map<String, String> names, RankUncertainty uncertainty) {
    return AreaJson.selection(s, names, Optional.of(uncertainty));
  }

  /**
   * {@code dmstat select --format json} with area names (code to name; may be empty).
   *
   * @param s the selection
   * @param names area code to area name; when not empty every area gets a {@code "name"} ({@code null}
   *     for a code not in it)
   * @return the selection as {@link #selection(Selection)} gives it, with the names
   */
  public static ObjectNode selection(Selection s, Map<String, String> names) {
    return AreaJson.selection(s, names, Optional.empty());
  }

  /**
   * {@code dmstat effects --format json}: the studies and the pooled estimate ({@code i2} in percent).
   * Log-scale values for RR and OR, with the ratio-scale estimate and limits beside them.
   *
   * @param m a meta-analysis of studies from 2×2 counts (one with a {@link MetaAnalysis#measure()})
   * @return {@code {"studies": [...], "pooled": {...}}}
   * @throws java.util.NoSuchElementException when {@code m} has no measure
   */
  public static ObjectNode effects(MetaAnalysis m) {
    return OutcomeJson.effects(m);
  }

  /**
   * {@code dmstat survival --format json} without a log-rank test: one point per event time, or per
   * time in {@code times}.
   *
   * @param curves the Kaplan–Meier curves, one per group, not empty; the first curve's level is reported
   * @param times times to report survival at, as R {@code summary(survfit, times = ...)}; none: every
   *     event time
   * @return {@code {"level", "timesRequested", "curves": [...], "logRank": null}}; limits are {@code null}
   *     where S = 0 (R: NA)
   */
  public static ObjectNode survival(List<SurvivalCurve> curves, double... times) {
    return OutcomeJson.survival(curves, Optional.empty(), times);
  }

  /**
   * {@code dmstat survival --format json} with the log-rank test of the groups.
   *
   * @param curves the Kaplan–Meier curves, one per group, not empty; the first curve's level is reported
   * @param logRank the log-rank test of the same groups
   * @param times times to report survival at, as R {@code summary(survfit, times = ...)}; none: every
   *     event time
   * @return {@code {"level", "timesRequested", "curves": [...], "logRank": {"chisq", "df", "p",
   *     "groups": [...]}}}
   */
  public static ObjectNode survival(List<SurvivalCurve> curves, LogRankTest logRank, double... times) {
    return OutcomeJson.survival(curves, Optional.of(logRank), times);
  }

  /**
   * {@code dmstat did --format json}: the coefficients, the effect and the pre-trend check.
   *
   * @param d the difference-in-differences fit
   * @return {@code {"estimate", "se", "t", "p", "ciLower", "ciUpper", "level", "units", "observations",
   *     "seType", "coefficients": [...], "means": [...], "parallelTrends": {...} or null, "note"}}
   */
  public static ObjectNode did(DiffInDiff d) {
    return OutcomeJson.did(d);
  }

  private static final JsonFactory FACTORY = new JsonFactory();

  /**
   * The shared mapper (pretty printing).
   *
   * @return the mapper used for results without their own renderer: indented output, and
   *     {@code Optional}, {@code OptionalDouble}, {@code OptionalInt}, {@code OptionalLong} as their
   *     value or {@code null}
   */
  public static ObjectMapper mapper() {
    return Holder.MAPPER;
  }

  /**
   * Pretty-printed JSON text, exactly as the mapper's {@code INDENT_OUTPUT} writes it; trees of
   * plain nodes (objects, arrays, text, numbers, booleans, null) are walked with a bare
   * generator, without the mapper's serializer machinery.
   *
   * @param node the tree to write
   * @return the JSON text, indented, without a final line break
   */
  public static String write(JsonNode node) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      if (!writeTree(g, node)) {
        return writeWithMapper(node);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String writeWithMapper(JsonNode node) {
    try {
      return Holder.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code node}; false when it holds a node kind that needs the mapper (POJO, binary). */
  private static boolean writeTree(JsonGenerator g, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT: {
        g.writeStartObject();
        for (var e : node.properties()) {
          g.writeFieldName(e.getKey());
          if (!writeTree(g, e.getValue())) {
            return false;
          }
        }
        g.writeEndObject();
        return true;
      }
      case ARRAY:
        g.writeStartArray();
        for (JsonNode n : node) {
          if (!writeTree(g, n)) {
            return false;
          }
        }
        g.writeEndArray();
        return true;
      case STRING:
        g.writeString(node.textValue());
        return true;
      case BOOLEAN:
        g.writeBoolean(node.booleanValue());
        return true;
      case NULL:
      case MISSING:
        g.writeNull();
        return true;
      case NUMBER:
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
          g.writeNull(); // never "NaN" or "Infinity"
          return true;
        }
        switch (node.numberType()) {
          case INT: g.writeNumber(node.intValue()); return true;
          case LONG: g.writeNumber(node.longValue()); return true;
          case DOUBLE: g.writeNumber(node.doubleValue()); return true;
          case FLOAT: g.writeNumber(node.floatValue()); return true;
          case BIG_INTEGER: g.writeNumber(node.bigIntegerValue()); return true;
          default: g.writeNumber(node.decimalValue()); return true;
        }
      default:
        return false;
    }
  }

  /**
   * A new empty object.
   *
   * @return an empty {@link ObjectNode}
   */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /**
   * {@code {"outcome", "by", "design": {...}, "ciMethod", "level", "reliabilityRule",
   * "estimates": [...]}}.
   *
   * @param t the prevalence table
   * @return the table; each estimate as {@link #estimate(PrevalenceEstimate)} gives it
   */
  public static ObjectNode prevalence(PrevalenceTable t) {
    ObjectNode root = object();
    root.put("outcome", t.outcome());
    ArrayNode by = root.putArray("by");
    t.by().forEach(by::add);
    root.set("design", design(t.design()));
    root.put("ciMethod", t.method().code());
    root.put("level", t.level());
    root.put("reliabilityRule", t.rule().code());
    ArrayNode est = root.putArray("estimates");
    for (PrevalenceEstimate e : t.estimates()) {
      est.add(estimate(e));
    }
    return root;
  }

  /**
   * A table of totals, means or ratios ({@code dmstat total}, {@code mean}, {@code ratio}).
   *
   * @param t the table
   * @return {@code {"statistic", "variable", "denominator" (null unless a ratio), "by", "design",
   *     "interval" ("normal" or "t"), "level", "reliabilityRule", "estimates"}}; each estimate as
   *     {@link #estimate(StatisticEstimate)} gives it
   */
  public static ObjectNode statistics(StatisticTable t) {
    ObjectNode root = object();
    root.put("statistic", t.statistic().code());
    root.put("variable", t.variable());
    if (t.denominator().isPresent()) {
      root.put("denominator", t.denominator().get());
    } else {
      root.putNull("denominator");
    }
    ArrayNode by = root.putArray("by");
    t.by().forEach(by::add);
    root.set("design", design(t.design()));
    root.put("interval", t.studentT() ? "t" : "normal");
    root.put("level", t.level());
    root.put("reliabilityRule", t.rule().code());
    ArrayNode est = root.putArray("estimates");
    for (StatisticEstimate e : t.estimates()) {
      est.add(estimate(e));
    }
    return root;
  }

  /**
   * Quantiles by domain ({@code dmstat quantile}).
   *
   * @param t the table
   * @return {@code {"variable", "by", "design", "rule", "interval", "level", "reliabilityRule",
   *     "estimates": [{"group", "probability", "n", "estimate", "ciLower", "ciUpper", "se",
   *     "degreesOfFreedom", "reliability", "note"}]}}; a bound beyond the data, and the se with it,
   *     is {@code null}, as is every value of a suppressed estimate
   */
  public static ObjectNode quantiles(QuantileTable t) {
    ObjectNode root = object();
    root.put("variable", t.variable());
    ArrayNode by = root.putArray("by");
    t.by().forEach(by::add);
    root.set("design", design(t.design()));
    root.put("rule", t.rule().code());
    root.put("interval", t.interval().code());
    root.put("level", t.level());
    root.put("reliabilityRule", t.reliabilityRule().code());
    ArrayNode est = root.putArray("estimates");
    for (QuantileEstimate e : t.estimates()) {
      ObjectNode o = est.addObject();
      o.set("group", group(e.group()));
      o.put("probability", e.probability());
      o.put("n", e.n());
      QuantileValue v = e.value().orElse(null);
      number(o, "estimate", v == null ? OptionalDouble.empty() : OptionalDouble.of(v.estimate()));
      number(o, "ciLower", v == null ? OptionalDouble.empty() : v.ciLower());
      number(o, "ciUpper", v == null ? OptionalDouble.empty() : v.ciUpper());
      number(o, "se", v == null ? OptionalDouble.empty() : v.se());
      o.put("degreesOfFreedom", e.degreesOfFreedom());
      o.put("reliability", e.reliability().name());
      o.put("note", e.note());
    }
    return root;
  }

  /**
   * One total, mean or ratio; value fields null when suppressed.
   *
   * @param e the estimate
   * @return {@code {"group", "n", "weightSum", "estimate", "se", "ciLower", "ciUpper", "designEffect",
   *     "degreesOfFreedom", "reliability", "note"}}; the value fields are {@code null} when suppressed
   *     (and {@code designEffect} for a ratio or where undefined)
   */
  public static ObjectNode estimate(StatisticEstimate e) {
    ObjectNode o = object();
    o.set("group", group(e.group()));
    o.put("n", e.n());
    o.put("weightSum", e.weightSum());
    StatisticValue v = e.value().orElse(null);
    number(o, "estimate", v == null ? OptionalDouble.empty() : OptionalDouble.of(v.estimate()));
    number(o, "se", v == null ? OptionalDouble.empty() : OptionalDouble.of(v.se()));
    number(o, "ciLower", v == null ? OptionalDouble.empty() : OptionalDouble.of(v.ciLower()));
    number(o, "ciUpper", v == null ? OptionalDouble.empty() : OptionalDouble.of(v.ciUpper()));
    number(o, "designEffect", v == null ? OptionalDouble.empty() : v.designEffect());
    o.put("degreesOfFreedom", e.degreesOfFreedom());
    o.put("reliability", e.reliability().name());
    o.put("note", e.note());
    return o;
  }

  /**
   * A design-based regression ({@code dmstat logistic}, {@code linear}).
   *
   * @param g the fit
   * @return {@code {"family", "outcome", "predictors", "n", "degreesOfFreedom", "level", "design",
   *     "coefficients": [{"term", "estimate", "se", "t", "p", "ciLower", "ciUpper"} plus, for logistic
   *     regression, "oddsRatio", "orLower", "orUpper" (null for the intercept)], "termTests":
   *     [{"predictor", "terms", "f", "numeratorDf", "denominatorDf", "p"}]}}
   */
  public static ObjectNode glm(GlmFit g) {
    ObjectNode root = object();
    root.put("family", g.family().code());
    root.put("outcome", g.outcome());
    ArrayNode pr = root.putArray("predictors");
    g.predictors().forEach(pr::add);
    root.put("n", g.n());
    root.put("degreesOfFreedom", g.degreesOfFreedom());
    root.put("level", g.level());
    root.set("design", design(g.design()));
    ArrayNode cs = root.putArray("coefficients");
    boolean logistic = g.family() == GlmFamily.QUASIBINOMIAL;
    for (io.github.dmstat.core.outcomes.Coefficient c : g.coefficients()) {
      ObjectNode o = cs.addObject();
      o.put("term", c.term());
      o.put("estimate", c.estimate());
      o.put("se", c.se());
      o.put("t", c.t());
      o.put("p", c.p());
      double[] ci = g.confidenceInterval(c.term());
      o.put("ciLower", ci[0]);
      o.put("ciUpper", ci[1]);
      if (logistic) {
        boolean intercept = c.term().equals(io.github.dmstat.core.regression.SurveyGlm.INTERCEPT);
        number(o, "oddsRatio", intercept ? OptionalDouble.empty() : OptionalDouble.of(Math.exp(c.estimate())));
        number(o, "orLower", intercept ? OptionalDouble.empty() : OptionalDouble.of(Math.exp(ci[0])));
        number(o, "orUpper", intercept ? OptionalDouble.empty() : OptionalDouble.of(Math.exp(ci[1])));
      }
    }
    ArrayNode tests = root.putArray("termTests");
    for (String p : g.predictors()) {
      TermTest t = g.termTest(p);
      ObjectNode o = tests.addObject();
      o.put("predictor", t.predictor());
      ArrayNode terms = o.putArray("terms");
      t.terms().forEach(terms::add);
      o.put("f", t.f());
      o.put("numeratorDf", t.numeratorDf());
      o.put("denominatorDf", t.denominatorDf());
      o.put("p", t.pValue());
    }
    return root;
  }

  /**
   * The difference of two domains' prevalences ({@code dmstat prevalence --compare}).
   *
   * @param d the difference
   * @return {@code {"first": {col: value}, "second": {..}, "firstPrevalence", "secondPrevalence",
   *     "difference", "covariance", "se", "ciLower", "ciUpper", "z", "p", "level"}}
   */
  public static ObjectNode difference(PrevalenceDifference d) {
    ObjectNode o = object();
    o.set("first", group(d.first()));
    o.set("second", group(d.second()));
    o.put("firstPrevalence", d.firstPrevalence());
    o.put("secondPrevalence", d.secondPrevalence());
    o.put("difference", d.difference());
    o.put("covariance", d.covariance());
    o.put("se", d.se());
    o.put("ciLower", d.ciLower());
    o.put("ciUpper", d.ciUpper());
    o.put("z", d.z());
    o.put("p", d.pValue());
    o.put("level", d.level());
    return o;
  }

  /**
   * The tests of independence of a two-way table ({@code dmstat chisq}).
   *
   * @param t the tests
   * @return {@code {"row", "column", "rowLevels", "columnLevels", "proportions": [[..]] (null for a cell
   *     of a row or column level with fewer than "minimumCount" rows), "rowCounts", "columnCounts",
   *     "minimumCount", "n", "excluded", "designDf",
   *     "pearson", "meanDesignEffect", "tests": [{"statistic", "value", "numeratorDf", "denominatorDf"
   *     (null for a chi-square reference), "p"}]}} with the tests F, Chisq, Wald, adjWald; a test that
   *     is not available has null value and p
   */
  public static ObjectNode tableTest(TableTest t) {
    ObjectNode root = object();
    root.put("row", t.row());
    root.put("column", t.column());
    ArrayNode rl = root.putArray("rowLevels");
    t.rowLevels().forEach(rl::add);
    ArrayNode cl = root.putArray("columnLevels");
    t.columnLevels().forEach(cl::add);
    ArrayNode props = root.putArray("proportions");
    for (List<OptionalDouble> line : t.publishedProportions()) {
      ArrayNode a = props.addArray();
      for (OptionalDouble p : line) {
        if (p.isPresent()) {
          a.add(p.getAsDouble());
        } else {
          a.addNull();
        }
      }
    }
    ArrayNode rc = root.putArray("rowCounts");
    t.rowCounts().forEach(rc::add);
    ArrayNode cc = root.putArray("columnCounts");
    t.columnCounts().forEach(cc::add);
    root.put("minimumCount", t.minimumCount());
    root.put("n", t.n());
    root.put("excluded", t.excluded());
    root.put("designDf", t.designDf());
    root.put("pearson", t.pearson());
    root.put("meanDesignEffect", t.meanDesignEffect());
    ArrayNode tests = root.putArray("tests");
    for (TestStatistic s : List.of(t.f(), t.chisq(), t.wald(), t.adjustedWald())) {
      ObjectNode o = tests.addObject();
      o.put("statistic", s.name());
      number(o, "value", s.available() ? OptionalDouble.of(s.value()) : OptionalDouble.empty());
      o.put("numeratorDf", s.numeratorDf());
      number(o, "denominatorDf", Double.isFinite(s.denominatorDf()) ? OptionalDouble.of(s.denominatorDf())
          : OptionalDouble.empty());
      number(o, "p", Double.isFinite(s.pValue()) ? OptionalDouble.of(s.pValue()) : OptionalDouble.empty());
    }
    return root;
  }

  /**
   * A trend test across survey years ({@code dmstat trend}).
   *
   * @param t the trend
   * @return {@code {"outcome", "year", "adjustedFor", "direction", "sentence", "perYear": {"estimate",
   *     "se", "t", "p", "oddsRatio", "orLower", "orUpper"}, "alpha", "model": the fit as {@link #glm(GlmFit)}}}
   */
  public static ObjectNode trend(SurveyTrend t) {
    ObjectNode root = object();
    root.put("outcome", t.outcome());
    root.put("year", t.year());
    ArrayNode adj = root.putArray("adjustedFor");
    t.adjustedFor().forEach(adj::add);
    root.put("direction", t.direction());
    root.put("sentence", t.sentence());
    ObjectNode y = root.putObject("perYear");
    y.put("estimate", t.perYear().estimate());
    y.put("se", t.perYear().se());
    y.put("t", t.perYear().t());
    y.put("p", t.perYear().p());
    y.put("oddsRatio", t.oddsRatioPerYear().ratio());
    y.put("orLower", t.oddsRatioPerYear().lower());
    y.put("orUpper", t.oddsRatioPerYear().upper());
    root.put("alpha", t.alpha());
    root.set("model", glm(t.fit()));
    return root;
  }

  /**
   * The design summary.
   *
   * @param d the design summary
   * @return {@code {"rows", "excluded", "exclusions": {reason: rows}, "strata", "psus", "degreesOfFreedom"}}
   */
  public static ObjectNode design(DesignSummary d) {
    ObjectNode o = object();
    o.put("rows", d.rows());
    o.put("excluded", d.excluded());
    ObjectNode why = o.putObject("exclusions");
    for (Map.Entry<String, Long> e : d.exclusions().entrySet()) {
      why.put(e.getKey(), e.getValue());
    }
    o.put("strata", d.strata());
    o.put("psus", d.psus());
    o.put("degreesOfFreedom", d.degreesOfFreedom());
    return o;
  }

  /**
   * One estimate; value fields null when suppressed.
   *
   * @param e the estimate
   * @return {@code {"group", "n", "weightSum", "prevalence", "se", "ciLower", "ciUpper", "designEffect",
   *     "effectiveN", "degreesOfFreedom", "reliability", "note"}}; the value fields are {@code null} when
   *     suppressed or not finite
   */
  public static ObjectNode estimate(PrevalenceEstimate e) {
    ObjectNode o = object();
    o.set("group", group(e.group()));
    o.put("n", e.n());
    o.put("weightSum", e.weightSum());
    PrevalenceValue v = e.value().orElse(null);
    number(o, "prevalence", v == null ? OptionalDouble.empty() : OptionalDouble.of(v.prevalence()));
    number(o, "se", v == null ? OptionalDouble.empty() : OptionalDouble.of(v.se()));
    number(o, "ciLower", v == null ? OptionalDouble.empty() : OptionalDouble.of(v.ciLower()));
    number(o, "ciUpper", v == null ? OptionalDouble.empty() : OptionalDouble.of(v.ciUpper()));
    number(o, "designEffect", v == null ? OptionalDouble.empty() : v.designEffect());
    number(o, "effectiveN", v == null ? OptionalDouble.empty() : v.effectiveN());
    o.put("degreesOfFreedom", e.degreesOfFreedom());
    o.put("reliability", e.reliability().name());
    o.put("note", e.note());
    return o;
  }

  /**
   * {@code {column: value}} in column order.
   *
   * @param g the group
   * @return one text field per grouping column
   */
  public static ObjectNode group(Group g) {
    ObjectNode o = object();
    g.asMap().forEach(o::put);
    return o;
  }

  /**
   * Puts a number or null.
   *
   * @param o the object to put the field in
   * @param field the field name
   * @param v the value; empty, {@code NaN} or infinite is written as {@code null}
   */
  public static void number(ObjectNode o, String field, OptionalDouble v) {
    if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
      o.put(field, v.getAsDouble());
    } else {
      o.putNull(field);
    }
  }

  /**
   * Key figures: {@code {"period", "ciMethod", "level", "cells": [{"substance", "targetGroup", ...estimate}]}};
   * the interval method and level are those of the first cell.
   *
   * @param k the key figures, with at least one cell
   * @return the key figures; each cell as {@link #estimate(PrevalenceEstimate)} gives it, without its group
   */
  public static ObjectNode keyFigures(KeyFigures k) {
    ObjectNode root = object();
    root.put("period", k.period().code());
    PrevalenceEstimate first = k.cells().get(0).estimate();
    root.put("ciMethod", first.method().code());
    root.put("level", first.level());
    ArrayNode cells = root.putArray("cells");
    for (KeyFigures.Cell c : k.cells()) {
      ObjectNode o = estimate(c.estimate());
      o.remove("group");
      ObjectNode head = object();
      head.put("substance", c.indicator().substance().code());
      head.put("targetGroup", c.indicator().group().code());
      head.setAll(o);
      cells.add(head);
    }
    return root;
  }
}
