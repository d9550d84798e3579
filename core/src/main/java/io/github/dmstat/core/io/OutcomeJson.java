package io.github.dmstat.core.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dmstat.core.outcomes.Coefficient;
import io.github.dmstat.core.outcomes.DiffInDiff;
import io.github.dmstat.core.outcomes.EffectSize;
import io.github.dmstat.core.outcomes.LogRankTest;
import io.github.dmstat.core.outcomes.Measure;
import io.github.dmstat.core.outcomes.MetaAnalysis;
import io.github.dmstat.core.outcomes.SurvivalCurve;
import io.github.dmstat.core.outcomes.TwoByTwo;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * JSON renderings of the outcome results ({@code effects}, {@code survival}, {@code did}). They
 * render what the library computed; the only arithmetic is {@code exp} back to the ratio scale.
 */
final class OutcomeJson {
  /** Note put on a study whose 2×2 table had a zero cell. */
  static final String ZERO_CELL_NOTE = "0.5 added to every cell of this table (a cell was zero), as metafor::escalc";

  private OutcomeJson() {}

  /**
   * {@code {"studies": [...], "pooled": {...}}}, as {@code dmstat effects} prints it. Analysis scale (log for
   * RR and OR): yi, vi, ciLower, ciUpper, pooled estimate/se/ci/prediction; natural scale:
   * per-study estimate/lower/upper and pooled ratio* (absent for RD). A pooling of given effects
   * ({@link MetaAnalysis#of}, {@link MetaAnalysis#fromEffects}) has {@code "measure": null} and no
   * natural-scale fields.
   */
  static ObjectNode effects(MetaAnalysis m) {
    Optional<Measure> measure = m.measure();
    ObjectNode root = Json.object();
    ArrayNode studies = root.putArray("studies");
    for (int i = 0; i < m.studies().size(); i++) {
      MetaAnalysis.Study s = m.studies().get(i);
      ObjectNode o = studies.addObject();
      o.put("study", s.label());
      o.put("yi", s.yi());
      o.put("vi", s.vi());
      MetaAnalysis.Interval ci = s.interval(m.level());
      o.put("ciLower", ci.lower());
      o.put("ciUpper", ci.upper());
      if (measure.isPresent() && measure.get().isRatio() && s.counts().isPresent()) {
        EffectSize e = EffectSize.of(s.counts().get(), measure.get(), m.level());
        o.put("estimate", e.estimate());
        o.put("lower", e.ciLower());
        o.put("upper", e.ciUpper());
      }
      o.put("weight", s.weight());
      if (s.counts().isPresent()) {
        TwoByTwo c = s.counts().get();
        o.put("eventsTreated", c.eventsTreated());
        o.put("totalTreated", c.totalTreated());
        o.put("eventsControl", c.eventsControl());
        o.put("totalControl", c.totalControl());
      }
      if (s.zeroCellCorrected()) {
        o.put("zeroCellCorrection", ZERO_CELL_NOTE);
      } else {
        o.putNull("zeroCellCorrection");
      }
    }
    ObjectNode p = root.putObject("pooled");
    if (measure.isPresent()) {
      p.put("measure", measure.get().name().toLowerCase(Locale.ROOT));
    } else {
      p.putNull("measure");
    }
    p.put("method", m.method().name().toLowerCase(Locale.ROOT));
    p.put("level", m.level());
    p.put("k", m.studies().size());
    p.put("estimate", m.estimate());
    p.put("se", m.se());
    p.put("z", m.z());
    p.put("p", m.p());
    p.put("ciLower", m.ciLower());
    p.put("ciUpper", m.ciUpper());
    p.put("tau2", m.tau2());
    p.put("i2", m.i2());
    p.put("h2", m.h2());
    p.put("q", m.q());
    p.put("qDf", m.qDf());
    p.put("qp", m.qP());
    Json.number(p, "predictionLower", opt(m.prediction().map(MetaAnalysis.Interval::lower)));
    Json.number(p, "predictionUpper", opt(m.prediction().map(MetaAnalysis.Interval::upper)));
    Optional<MetaAnalysis.Ratio> r = m.ratio();
    if (r.isPresent()) {
      p.put("ratio", r.get().estimate());
      p.put("ratioLower", r.get().ciLower());
      p.put("ratioUpper", r.get().ciUpper());
      Json.number(p, "ratioPredictionLower", opt(r.get().prediction().map(MetaAnalysis.Interval::lower)));
      Json.number(p, "ratioPredictionUpper", opt(r.get().prediction().map(MetaAnalysis.Interval::upper)));
    }
    return root;
  }

  /**
   * {@code {"level", "curves": [{"group", "n", "events", "median", "medianLower", "medianUpper",
   * "points": [...]}], "logRank": {...} or null}}. With {@code times} (not empty) one point per requested time
   * ({@link SurvivalCurve#at}), else one per event time. Limits are null where S = 0 (R: NA).
   */
  static ObjectNode survival(List<SurvivalCurve> curves, Optional<LogRankTest> logRank, double[] times) {
    ObjectNode root = Json.object();
    root.put("level", curves.get(0).level());
    root.put("timesRequested", times.length > 0);
    ArrayNode cs = root.putArray("curves");
    for (SurvivalCurve c : curves) {
      ObjectNode o = cs.addObject();
      o.put("group", c.group());
      o.put("n", c.n());
      o.put("events", c.events());
      Json.number(o, "median", c.median());
      Json.number(o, "medianLower", c.medianLower());
      Json.number(o, "medianUpper", c.medianUpper());
      ArrayNode pts = o.putArray("points");
      if (times.length > 0) {
        for (SurvivalCurve.At a : c.at(times)) {
          point(pts.addObject(), a.time(), a.survival(), a.stdErr(), a.lower(), a.upper(), a.nRisk(), a.nEvent());
        }
      } else {
        for (SurvivalCurve.Point a : c.points()) {
          if (a.nEvent() > 0) {
            point(pts.addObject(), a.time(), a.survival(), a.stdErr(), a.lower(), a.upper(), a.nRisk(), a.nEvent());
          }
        }
      }
    }
    if (logRank.isPresent()) {
      LogRankTest l = logRank.get();
      ObjectNode o = root.putObject("logRank");
      o.put("chisq", l.chisq());
      o.put("df", l.df());
      o.put("p", l.p());
      ArrayNode g = o.putArray("groups");
      for (int i = 0; i < l.groups().size(); i++) {
        ObjectNode x = g.addObject();
        x.put("group", l.groups().get(i));
        x.put("n", l.n().get(i));
        x.put("observed", l.observed().get(i));
        x.put("expected", l.expected().get(i));
      }
    } else {
      root.putNull("logRank");
    }
    return root;
  }

  private static void point(ObjectNode o, double time, double s, double se, double lo, double hi, int risk, int events) {
    o.put("time", time);
    o.put("survival", s);
    o.put("se", se);
    boolean na = s == 0;
    Json.number(o, "lower", na ? OptionalDouble.empty() : OptionalDouble.of(lo));
    Json.number(o, "upper", na ? OptionalDouble.empty() : OptionalDouble.of(hi));
    o.put("atRisk", risk);
    o.put("events", events);
  }

  /**
   * {@code {"estimate", "se", "t", "p", "ciLower", "ciUpper", "level", "units", "observations",
   * "coefficients": [...], "means": [{"treated", "period", "mean", "rows"}], "parallelTrends":
   * {"slopeDifference", "se", "t", "p", "note"} or null, "note"}}.
   */
  static ObjectNode did(DiffInDiff d) {
    ObjectNode root = Json.object();
    Coefficient e = d.effect();
    root.put("estimate", e.estimate());
    root.put("se", e.se());
    root.put("t", e.t());
    root.put("p", e.p());
    root.put("ciLower", d.ciLower());
    root.put("ciUpper", d.ciUpper());
    root.put("level", d.level());
    root.put("units", d.clusters());
    root.put("observations", d.n());
    root.put("seType", "CR1 cluster-robust by unit, t with units - 1 df");
    ArrayNode cs = root.putArray("coefficients");
    for (Coefficient c : d.coefficients()) {
      ObjectNode o = cs.addObject();
      o.put("term", c.term());
      o.put("estimate", c.estimate());
      o.put("se", c.se());
      o.put("t", c.t());
      o.put("p", c.p());
    }
    ArrayNode ms = root.putArray("means");
    for (DiffInDiff.PeriodMean pm : d.means()) {
      ObjectNode o = ms.addObject();
      o.put("treated", pm.treated() ? 1 : 0);
      o.put("period", pm.period());
      o.put("mean", pm.mean());
      o.put("rows", pm.rows());
    }
    if (d.preTrend().isPresent()) {
      Coefficient c = d.preTrend().get();
      ObjectNode o = root.putObject("parallelTrends");
      o.put("slopeDifference", c.estimate());
      o.put("se", c.se());
      o.put("t", c.t());
      o.put("p", c.p());
      o.put("note", d.preTrendNote());
    } else {
      root.putNull("parallelTrends");
    }
    root.put("note", d.preTrendNote());
    return root;
  }

  private static OptionalDouble opt(Optional<Double> v) {
    return v.isPresent() ? OptionalDouble.of(v.get()) : OptionalDouble.empty();
  }
}
