package io.github.dmstat.core.io;

import io.github.dmstat.core.concentration.AreaConcentration;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dmstat.core.selection.Contribution;
import io.github.dmstat.core.selection.Explanation;
import io.github.dmstat.core.selection.RankUncertainty;
import io.github.dmstat.core.selection.SelectedArea;
import io.github.dmstat.core.selection.Selection;
import io.github.dmstat.core.spatial.MoranResult;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** JSON of the area commands ({@code concentration}, {@code select}); absent numbers are {@code null}. */
final class AreaJson {
  private AreaJson() {}

  /**
   * {@code {"summary": {"areas", "total", "gini", "giniCorrected", "giniGeneralised", "topShare":
   * {"fraction", "areas", "share"}, "moran": {...} | null, "per", "level", "neighbours"},
   * "areas": [...], "notes": [...]}}.
   */
  static ObjectNode concentration(AreaConcentration c) {
    ObjectNode root = Json.object();
    ObjectNode s = root.putObject("summary");
    s.put("areas", c.counts().size());
    s.put("total", c.counts().totalEvents());
    s.put("population", c.counts().totalPopulation());
    s.put("per", c.per());
    s.put("level", c.rates().level());
    s.put("gini", c.gini().gini());
    s.put("giniCorrected", c.gini().corrected());
    s.put("giniGeneralised", c.gini().generalised());
    ObjectNode t = s.putObject("topShare");
    t.put("fraction", c.top().fraction());
    t.put("areas", c.top().k());
    t.put("share", c.top().share());
    t.put("events", c.top().topEvents());
    if (c.neighbours().isPresent()) {
      s.put("neighbours", c.neighbours().get());
    } else {
      s.putNull("neighbours");
    }
    if (c.moran().isPresent()) {
      MoranResult m = c.moran().get();
      ObjectNode o = s.putObject("moran");
      o.put("i", m.statistic());
      o.put("expected", m.expectation());
      o.put("varianceNormal", m.varianceNormality());
      o.put("zNormal", m.zNormality());
      o.put("varianceRandomisation", m.varianceRandomisation());
      o.put("zRandomisation", m.zRandomisation());
      Json.number(o, "pPermutation", m.permutationP());
      o.put("permutations", m.permutations());
      o.put("n", m.n());
      o.put("islands", m.islands());
    } else {
      s.putNull("moran");
    }
    ArrayNode areas = root.putArray("areas");
    for (AreaConcentration.Row r : c.rows()) {
      ObjectNode a = areas.addObject();
      a.put("area", r.area());
      a.put("count", r.count());
      a.put("population", r.population());
      Json.number(a, "rate", r.rate().map(x -> OptionalDouble.of(x.rate())).orElse(OptionalDouble.empty()));
      Json.number(a, "rateLower", r.rate().map(x -> OptionalDouble.of(x.lower())).orElse(OptionalDouble.empty()));
      Json.number(a, "rateUpper", r.rate().map(x -> OptionalDouble.of(x.upper())).orElse(OptionalDouble.empty()));
      Json.number(a, "ebRate", r.ebRate());
      Json.number(a, "localMoran", r.localMoran());
      text(a, "cluster", r.cluster());
      Json.number(a, "pLocal", r.pLocal());
      Json.number(a, "giStar", r.giStar());
      if (r.neighbours().isPresent()) {
        a.put("neighbours", r.neighbours().getAsInt());
      } else {
        a.putNull("neighbours");
      }
    }
    ArrayNode notes = root.putArray("notes");
    c.notes().forEach(notes::add);
    return root;
  }

  /**
   * {@code {"index", "rules", "size", "selected": [{"rank", "area", "score", "reason"}], "areas":
   * [{"area", "score", "rank", "eligible", "selected", "reason", "contributions": {COL: value}, ...}],
   * "tie"}}.
   */
  static ObjectNode selection(Selection sel, Map<String, String> names, Optional<RankUncertainty> uncertainty) {
    ObjectNode root = Json.object();
    root.put("index", sel.index());
    root.put("rules", sel.rules());
    root.put("size", sel.size());
    ArrayNode selected = root.putArray("selected");
    for (SelectedArea s : sel.selected()) {
      ObjectNode o = selected.addObject();
      o.put("rank", s.rank());
      o.put("area", s.area());
      name(o, names, s.area());
      o.put("score", s.score());
      o.put("reason", s.reason());
    }
    ArrayNode areas = root.putArray("areas");
    for (Explanation e : sel.explanations()) {
      ObjectNode o = areas.addObject();
      o.put("area", e.area());
      name(o, names, e.area());
      Json.number(o, "population", e.population());
      Json.number(o, "score", e.score());
      if (e.rank().isPresent()) {
        o.put("rank", e.rank().getAsInt());
      } else {
        o.putNull("rank");
      }
      if (e.eligibleRank().isPresent()) {
        o.put("eligibleRank", e.eligibleRank().getAsInt());
      } else {
        o.putNull("eligibleRank");
      }
      o.put("eligible", e.eligible());
      o.put("eligibility", e.eligibility());
      o.put("selected", e.selected());
      o.put("reason", e.reason());
      ObjectNode contributions = o.putObject("contributions");
      ObjectNode standardised = o.putObject("standardised");
      ObjectNode values = o.putObject("values");
      for (Contribution c : e.contributions()) {
        Json.number(contributions, c.indicator(), c.contribution());
        Json.number(standardised, c.indicator(), c.standardised());
        Json.number(values, c.indicator(), c.raw());
      }
      if (uncertainty.isPresent()) {
        Optional<RankUncertainty.AreaUncertainty> u = uncertainty.get().find(e.area());
        Json.number(o, "pSelected", u.map(x -> OptionalDouble.of(x.probabilitySelected())).orElse(OptionalDouble.empty()));
        Json.number(o, "rankLower", u.map(x -> OptionalDouble.of(x.rankLower())).orElse(OptionalDouble.empty()));
        Json.number(o, "rankUpper", u.map(x -> OptionalDouble.of(x.rankUpper())).orElse(OptionalDouble.empty()));
      }
    }
    text(root, "tie", sel.tie());
    if (uncertainty.isPresent()) {
      root.put("replicates", uncertainty.get().replicates());
      root.put("seed", uncertainty.get().seed());
    }
    return root;
  }

  private static void name(ObjectNode o, Map<String, String> names, String area) {
    if (!names.isEmpty()) {
      String n = names.get(area);
      if (n == null) {
        o.putNull("name");
      } else {
        o.put("name", n);
      }
    }
  }

  private static void text(ObjectNode o, String field, Optional<String> v) {
    if (v.isPresent()) {
      o.put(field, v.get());
    } else {
      o.putNull(field);
    }
  }
}
