package io.github.dmstat.charts.report;

import io.github.dmstat.charts.Words;
import io.github.dmstat.charts.Messages;
import io.github.dmstat.charts.Figure;
import io.github.dmstat.charts.LorenzChart;
import io.github.dmstat.charts.map.Classification;
import io.github.dmstat.charts.map.Maps;
import io.github.dmstat.charts.report.Report.Cell;
import io.github.dmstat.core.spatial.MultipleTesting;
import io.github.dmstat.core.area.AreaPolygon;
import io.github.dmstat.core.concentration.AreaConcentration;
import io.github.dmstat.core.concentration.AreaCounts;
import io.github.dmstat.core.concentration.Concentration;
import io.github.dmstat.core.concentration.EbRates;
import io.github.dmstat.core.concentration.Gini;
import io.github.dmstat.core.concentration.MissingPolicy;
import io.github.dmstat.core.concentration.Rate;
import io.github.dmstat.core.concentration.RateTable;
import io.github.dmstat.core.concentration.TopShare;
import io.github.dmstat.core.spatial.Cluster;
import io.github.dmstat.core.spatial.Contiguity;
import io.github.dmstat.core.spatial.GetisOrd;
import io.github.dmstat.core.spatial.LocalMoran;
import io.github.dmstat.core.spatial.MoranResult;
import io.github.dmstat.core.spatial.SpatialWeights;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.statistics.distribution.NormalDistribution;
import tech.tablesaw.api.Table;

/**
 * The neighbourhood-concentration section: rates with exact intervals and empirical Bayes
 * smoothing per buurt, Lorenz curve, Gini and top shares, global and local Moran's I and Gi* on
 * queen contiguity, with a choropleth, a hot-spot map and a cluster map.
 */
final class ConcentrationSection {
  private ConcentrationSection() {}

  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  /** The sentence that says how the local tests were corrected. */
  static String correctionText(MultipleTesting c, boolean nl) {
    switch (c) {
      case BENJAMINI_HOCHBERG:
        return Words.of(nl).get("concentrationSection.local.tests.hot.spots.clusters.are.corrected.for");
      case BONFERRONI:
        return Words.of(nl).get("concentrationSection.local.tests.hot.spots.clusters.are.corrected.for.2");
      default:
        return Words.of(nl).get("concentrationSection.local.tests.hot.spots.clusters.are.not.corrected");
    }
  }

  /** The most permutations the report runs for its local tests. */
  static final int MAX_LOCAL_PERMUTATIONS = 9_999;

  /**
   * Permutations for the report's local tests. A permutation p is at least {@code 1/(n + 1)}, and a
   * correction over {@code areas} tests asks the smallest p to be at most {@code alpha/areas}
   * (Bonferroni, and the first step of Benjamini–Hochberg), so 999 permutations leave every area
   * of a map of more than 50 areas not significant (the cluster map in grey). The report runs
   * {@code 999}, or the first of 9,999 ... that reaches {@code alpha/areas}, at most
   * {@link #MAX_LOCAL_PERMUTATIONS}; the caption says when that is still too few.
   */
  static int localPermutations(int areas, double alpha, MultipleTesting correction) {
    int n = 999;
    if (correction != MultipleTesting.NONE) {
      while ((n + 1.0) * alpha < areas && n < MAX_LOCAL_PERMUTATIONS) {
        n = n * 10 + 9;
      }
    }
    return n;
  }

  /**
   * The caption of the cluster map: the level, the correction and the permutations the clusters
   * were judged by; and, when the smallest permutation p cannot pass the correction on its own,
   * how many areas must reach it before any does.
   */
  static String clusterCaption(Locale locale, double alpha, MultipleTesting correction, int permutations, int tested) {
    boolean nl = "nl".equals(locale.getLanguage());
    Words w = Words.of(nl);
    String how = correction == MultipleTesting.BENJAMINI_HOCHBERG ? w.get("concentrationSection.clusters.after.bh")
        : correction == MultipleTesting.BONFERRONI ? w.get("concentrationSection.clusters.after.bonferroni") : "";
    String caption = String.format(locale, w.get("concentrationSection.local.moran.clusters.hh.ll.hl.lh.p.0.05.by.permu"),
        Messages.plain(Math.round(alpha * 1e6) / 1e6, nl), how, permutations);
    if (correction != MultipleTesting.NONE && tested > 0 && (permutations + 1.0) * alpha < tested) {
      // the smallest p, 1/(n + 1), passes the k-th step (k alpha / m) of Benjamini–Hochberg only
      // when k areas reach it; Bonferroni never
      int k = (int) Math.ceil(tested / (alpha * (permutations + 1.0)));
      caption += correction == MultipleTesting.BONFERRONI
          ? String.format(locale, w.get("concentrationSection.clusters.none.can.pass"), permutations + 1, tested)
          : String.format(locale, w.get("concentrationSection.clusters.only.if.k.reach"), k, permutations + 1);
    }
    return caption;
  }

  static Report.Section build(Locale locale, List<String[]> methods, Optional<DrugMonitorReport.UserAreas> user,
      ReportExample example, MultipleTesting correction, double confidence) {
    boolean nl = "nl".equals(locale.getLanguage());
    Table t = user.map(DrugMonitorReport.UserAreas::table).orElseGet(example::areas);
    AreaCounts counts = user.isPresent()
        ? AreaCounts.from(t, user.get().codeColumn(), user.get().countColumn(), user.get().populationColumn(), MissingPolicy.FAIL)
        : AreaCounts.from(t, "code", "incidents", "inhabitants", MissingPolicy.FAIL);
    ReportAreaLevel level = user.map(DrugMonitorReport.UserAreas::level).orElse(ReportAreaLevel.BUURT);
    String areas = level.plural(nl);
    String area = level.singular(nl);
    // what is counted, in words; the embedded data counts drug incidents
    String what = user.isEmpty() ? (Words.of(nl).get("concentrationSection.drug.incidents"))
        : user.get().countLabel().isBlank() ? (Words.of(nl).get("concentrationSection.incidents")) : user.get().countLabel();
    Map<String, String> names = user.map(DrugMonitorReport.UserAreas::names).orElse(Map.of());
    Map<String, AreaPolygon> byCode = new HashMap<>();
    for (AreaPolygon p : user.map(DrugMonitorReport.UserAreas::polygons).orElseGet(example::areaPolygons)) {
      byCode.put(p.code(), p);
    }
    for (String code : counts.areas()) {
      if (!byCode.containsKey(code)) {
        throw new IllegalArgumentException("area '" + code + "' has no polygon in the boundaries");
      }
    }
    java.util.Set<String> planted = user.isPresent() ? java.util.Set.of() : java.util.Set.copyOf(example.plantedHotSpots());
    List<AreaPolygon> polygons = align(byCode, counts.areas());
    int permutations = localPermutations(counts.areas().size(), 1 - confidence, correction);
    AreaConcentration a = AreaConcentration.analyse(counts,
        rated -> Optional.of(SpatialWeights.contiguity(align(byCode, rated), Contiguity.QUEEN)), "queen contiguity",
        1000, 0.10, confidence, permutations, 1L, correction);
    RateTable rates = a.rates();
    EbRates eb = a.eb();
    Gini gini = a.gini();
    TopShare top1 = Concentration.topShare(counts, 0.01);
    TopShare top10 = a.top();
    SpatialWeights queen = a.weights().orElseThrow();
    MoranResult moran = a.moran().orElseThrow();
    LocalMoran local = a.local().orElseThrow();
    GetisOrd gi = a.getisOrd().orElseThrow();
    List<Report.Block> b = new ArrayList<>();
    String source = user.map(DrugMonitorReport.UserAreas::name)
        .orElse(Words.of(nl).get("concentrationSection.synthetic.buurten.seed.20240101"));
    String intro = user.isPresent()
        ? String.format(locale, Words.of(nl).get("concentrationSection.s.in.d.s.s"), DrugMonitorReport.capital(what),
            counts.areas().size(), areas, source)
        : String.format(locale, Words.of(nl).get("concentrationSection.registered.drug.incidents.in.d.synthetic.buurten"), counts.areas().size(), example.areaMunicipalities());
    b.add(new Report.Paragraph(intro + String.format(locale, Words.of(nl).get("concentrationSection.concentration.by.the.measures.used.for.crime.lor"), area, what, areas)
        + correctionText(correction, nl)));
    List<List<Cell>> summary = new ArrayList<>();
    summary.add(row(areas, number(locale, "%d", counts.areas().size())));
    summary.add(row(what, number(locale, "%,d", counts.totalEvents())));
    summary.add(row("Gini", number(locale, "%.3f", gini.gini())));
    summary.add(row(Words.of(nl).get("concentrationSection.gini.corrected.n.n.1"), number(locale, "%.3f", gini.corrected())));
    summary.add(row(Words.of(nl).get("concentrationSection.gini.generalised.bernasco.steenbeek"),
        number(locale, "%.3f", gini.generalised())));
    summary.add(row(String.format(locale, Words.of(nl).get("concentrationSection.share.in.top.1.d.s"), top1.k(), areas),
        number(locale, "%.1f%%", 100 * top1.share())));
    summary.add(row(String.format(locale, Words.of(nl).get("concentrationSection.share.in.top.10.d.s"), top10.k(), areas),
        number(locale, "%.1f%%", 100 * top10.share())));
    summary.add(row("Hoover", number(locale, "%.3f", Concentration.hoover(counts))));
    // one number a row, so that the CSV's value column is numbers
    summary.add(row("Moran's I", number(locale, "%.3f", moran.statistic())));
    summary.add(row(Words.of(nl).get("concentrationSection.moran.s.i.z.randomisation"), number(locale, "%.2f",
        moran.zRandomisation())));
    if (moran.permutationP().isPresent()) {
      double p = moran.permutationP().getAsDouble();
      summary.add(row(Words.of(nl).get("concentrationSection.moran.s.i.p.permutation"),
          Cell.number(Messages.of(locale).pValueNumber(p), p)));
    }
    summary.add(row(String.format(locale, Words.of(nl).get("concentrationSection.s.without.neighbours"), areas),
        number(locale, "%d", queen.islands().size())));
    b.add(new Report.TableBlock("concentration-summary", String.format(locale, Words.of(nl).get("concentrationSection.concentration.of.s.over.s"), what, areas), List.of(Words.of(nl).get("concentrationSection.measure"), Words.of(nl).get("concentrationSection.value")),
        summary, ""));
    b.add(new Report.FigureBlock("lorenz", String.format(locale, Words.of(nl).get("concentrationSection.lorenz.curve.of.s.over.s.with.the.gini.coefficie"), what, areas),
        Figure.of(LorenzChart.of(Concentration.lorenz(counts), gini, top10, what, areas, locale))));
    Map<String, Double> ebRate = new LinkedHashMap<>();
    eb.rates().forEach(r -> ebRate.put(r.area(), r.smoothed()));
    b.add(new Report.FigureBlock("map-eb-rate", String.format(locale, Words.of(nl).get("concentrationSection.empirical.bayes.smoothed.s.per.1.000.inhabitants"), what, area),
        Maps.choropleth(polygons, ebRate, Classification.NATURAL_BREAKS, 5,
            DrugMonitorReport.capital(what) + (Words.of(nl).get("concentrationSection.per.1.000.inhabitants.eb")),
            Words.of(nl).get("concentrationSection.per.1.000"), locale)));
    // the map classes (90, 95, 99%) are read from the adjusted p: each area gets the z of its adjusted p
    Map<String, Double> z = new LinkedHashMap<>();
    gi.rows().forEach(r -> {
      if (Double.isFinite(r.gStar())) {
        z.put(r.id(), correction == MultipleTesting.NONE || !(r.pAdjusted() > 0) ? r.gStar()
            : Math.signum(r.gStar()) * STANDARD_NORMAL.inverseSurvivalProbability(Math.min(1, r.pAdjusted()) / 2));
      }
    });
    b.add(new Report.FigureBlock("map-hot-spots", String.format(locale, Words.of(nl).get("concentrationSection.hot.and.cold.spots.by.getis.ord.gi.binary.neighb"), area),
        Maps.hotSpots(polygons, z, java.util.Set.copyOf(queen.islands()), 0.10, Words.of(nl).get("concentrationSection.hot.spots.gi"),
            locale)));
    Map<String, String> clusters = new LinkedHashMap<>();
    local.rows().forEach(r -> clusters.put(r.id(), r.cluster().code()));
    b.add(new Report.FigureBlock("map-clusters", clusterCaption(locale, 1 - confidence, correction, permutations,
        local.rows().size() - local.counts().get(Cluster.NO_NEIGHBOURS)),
        Maps.clusters(polygons, clusters, Words.of(nl).get("concentrationSection.clusters.local.moran"), locale)));
    List<GetisOrd.Row> hottest = new ArrayList<>(gi.rows());
    // an area without neighbours has a Gi* of itself alone: it is no hot spot
    java.util.Set<String> alone = java.util.Set.copyOf(queen.islands());
    hottest.removeIf(r -> !Double.isFinite(r.gStar()) || alone.contains(r.id()));
    hottest.sort(Comparator.comparingDouble(GetisOrd.Row::gStar).reversed());
    List<List<Cell>> rows = new ArrayList<>();
    for (GetisOrd.Row r : hottest.subList(0, Math.min(12, hottest.size()))) {
      int i = counts.areas().indexOf(r.id());
      Rate rate = rates.find(r.id()).orElseThrow();
      List<Cell> row = new ArrayList<>(List.of(Cell.of(r.id()), Cell.of(names.getOrDefault(r.id(), "")),
          Cell.number(String.format(locale, "%,d", counts.events()[i]), counts.events()[i]),
          Cell.number(String.format(locale, "%,.0f", counts.population()[i]), counts.population()[i]),
          Cell.estimate(String.format(locale, "%.1f (%.1f–%.1f)", rate.rate(), rate.lower(), rate.upper()), rate.rate(),
              rate.lower(), rate.upper()),
          number(locale, "%.1f", ebRate.getOrDefault(r.id(), Double.NaN)),
          number(locale, "%.2f", r.gStar()),
          Cell.of(local.find(r.id()).map(l -> Maps.clusterLabel(l.cluster(), locale)).orElse(""))));
      if (user.isEmpty()) {
        row.add(Cell.of(planted.contains(r.id()) ? (Words.of(nl).get("concentrationSection.yes")) : ""));
      }
      rows.add(row);
    }
    if (names.isEmpty()) {
      rows.forEach(row -> row.remove(1));
    }
    List<String> header = new ArrayList<>(List.of(Words.of(nl).get("concentrationSection.area"), Words.of(nl).get("concentrationSection.name"), what,
        Words.of(nl).get("concentrationSection.inhabitants"), String.format(locale, Words.of(nl).get("concentrationSection.per.1.000.s.ci.exact"),
            Messages.of(locale).levelPercent(confidence)), "EB", "Gi* z", "LISA"));
    if (names.isEmpty()) {
      header.remove(1);
    }
    if (user.isEmpty()) {
      header.add(Words.of(nl).get("concentrationSection.planted.hot.spot"));
    }
    b.add(new Report.TableBlock("hot-spots", Words.of(nl).get("concentrationSection.the.12.areas.with.the.highest.gi.score"),
        header, rows, user.isPresent() ? "" : Words.of(nl).get("concentrationSection.planted.hot.spots.are.the.known.truth.of.the.syn")));
    methods.add(new String[] {Words.of(nl).get("concentrationSection.concentration.table.and.lorenz.curve"),
        Words.of(nl).get("concentrationSection.gini.ineq.generalised.gini.bernasco.steenbeek.20"), "R (2e-14)", source});
    methods.add(new String[] {Words.of(nl).get("concentrationSection.maps.and.hot.spots.table"), Words.of(nl).get("concentrationSection.exact.poisson.intervals.ebest.moran.test.moran.m"), "R spdep 1.2-7 (3e-13)", source});
    return new Report.Section("concentration", user.isEmpty() ? (Words.of(nl).get("concentrationSection.neighbourhood.concentration"))
        : String.format(locale, Words.of(nl).get("concentrationSection.concentration.over.s"), areas), b);
  }


  private static List<AreaPolygon> align(Map<String, AreaPolygon> byCode, List<String> areas) {
    List<AreaPolygon> out = new ArrayList<>(areas.size());
    for (String area : areas) {
      out.add(byCode.get(area));
    }
    return out;
  }

  private static List<Cell> row(String name, String value) {
    return List.of(Cell.of(name), Cell.of(value));
  }

  private static List<Cell> row(String name, Cell value) {
    return List.of(Cell.of(name), value);
  }

  /** A number shown with {@code format}, carrying the number itself; "–" when it is not finite. */
  static Cell number(Locale locale, String format, double v) {
    return Double.isFinite(v) ? Cell.number(String.format(locale, format, v), v) : Cell.of("–");
  }

  private static Cell number(Locale locale, String format, long v) {
    return Cell.number(String.format(locale, format, v), v);
  }
}
