package io.github.dmstat.charts.report;

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
import io.github.dmstat.core.spatial.Contiguity;
import io.github.dmstat.core.spatial.GetisOrd;
import io.github.dmstat.core.spatial.LocalMoran;
import io.github.dmstat.core.spatial.MoranResult;
import io.github.dmstat.core.spatial.SpatialWeights;
import io.github.dmstat.datasets.SyntheticGeography;
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
        return nl ? " Lokale toetsen (hotspots, clusters) zijn gecorrigeerd voor meervoudig toetsen met Benjamini–Hochberg "
            + "(false discovery rate)." : " Local tests (hot spots, clusters) are corrected for multiple testing by "
            + "Benjamini–Hochberg (false discovery rate).";
      case BONFERRONI:
        return nl ? " Lokale toetsen (hotspots, clusters) zijn gecorrigeerd voor meervoudig toetsen met Bonferroni."
            : " Local tests (hot spots, clusters) are corrected for multiple testing by Bonferroni.";
      default:
        return nl ? " Lokale toetsen (hotspots, clusters) zijn niet gecorrigeerd voor meervoudig toetsen: bij veel gebieden "
            + "zijn enkele toevallig significant." : " Local tests (hot spots, clusters) are not corrected for multiple "
            + "testing: with many areas some are significant by chance.";
    }
  }

  static Report.Section build(Locale locale, List<String[]> methods, Optional<DrugMonitorReport.UserAreas> user,
      MultipleTesting correction, double confidence) {
    boolean nl = "nl".equals(locale.getLanguage());
    SyntheticGeography geo = SyntheticGeography.embedded();
    Table t = user.map(DrugMonitorReport.UserAreas::table).orElseGet(geo::table);
    AreaCounts counts = user.isPresent()
        ? AreaCounts.from(t, user.get().codeColumn(), user.get().countColumn(), user.get().populationColumn(), MissingPolicy.FAIL)
        : AreaCounts.from(t, "code", "incidents", "inhabitants", MissingPolicy.FAIL);
    AreaLevel level = user.map(DrugMonitorReport.UserAreas::level).orElse(AreaLevel.BUURT);
    String areas = level.plural(nl);
    String area = level.singular(nl);
    // what is counted, in words; the embedded data counts drug incidents
    String what = user.isEmpty() ? (nl ? "drugsincidenten" : "drug incidents")
        : user.get().countLabel().isBlank() ? (nl ? "incidenten" : "incidents") : user.get().countLabel();
    Map<String, String> names = user.map(DrugMonitorReport.UserAreas::names).orElse(Map.of());
    Map<String, AreaPolygon> byCode = new HashMap<>();
    for (AreaPolygon p : user.map(DrugMonitorReport.UserAreas::polygons).orElseGet(geo::polygons)) {
      byCode.put(p.code(), p);
    }
    for (String code : counts.areas()) {
      if (!byCode.containsKey(code)) {
        throw new IllegalArgumentException("area '" + code + "' has no polygon in the boundaries");
      }
    }
    java.util.Set<String> planted = user.isPresent() ? java.util.Set.of() : java.util.Set.copyOf(geo.hotSpots());
    List<AreaPolygon> polygons = align(byCode, counts.areas());
    AreaConcentration a = AreaConcentration.analyse(counts,
        rated -> Optional.of(SpatialWeights.contiguity(align(byCode, rated), Contiguity.QUEEN)), "queen contiguity",
        1000, 0.10, confidence, 999, 1L, correction);
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
        .orElse(nl ? "synthetische buurten, seed 20240101" : "synthetic buurten, seed 20240101");
    String intro = user.isPresent()
        ? String.format(locale, nl ? "%s in %d %s (%s). " : "%s in %d %s (%s). ", DrugMonitorReport.capital(what),
            counts.areas().size(), areas, source)
        : String.format(locale, nl ? "Geregistreerde drugsincidenten in %d synthetische buurten (%d gemeenten) met bekende, "
            + "geplante hotspots. " : "Registered drug incidents in %d synthetic buurten (%d municipalities) with known, "
            + "planted hot spots. ", counts.areas().size(), SyntheticGeography.embedded().municipalityTable().rowCount());
    b.add(new Report.Paragraph(intro + String.format(locale, nl
        ? "Concentratie volgens de gebruikelijke maten voor criminaliteit: Lorenzcurve en Gini over aantallen per "
            + "%s, aandeel van de %s in de top 1%% en 10%% van de %s; ruimtelijke samenhang met Moran's I, "
            + "lokale Moran (LISA) en Getis-Ord Gi* op koninginnenbuurschap (gedeelde grens of hoekpunt)."
        : "Concentration by the measures used for crime: Lorenz curve and Gini over counts per %s, the share of "
            + "%s in the top 1%% and 10%% of %s; spatial association by Moran's I, local Moran (LISA) and "
            + "Getis-Ord Gi* on queen contiguity (a shared border or corner).", area, what, areas)
        + correctionText(correction, nl)));
    List<List<Cell>> summary = new ArrayList<>();
    summary.add(row(areas, number(locale, "%d", counts.areas().size())));
    summary.add(row(what, number(locale, "%,d", counts.totalEvents())));
    summary.add(row("Gini", number(locale, "%.3f", gini.gini())));
    summary.add(row(nl ? "Gini gecorrigeerd (n/(n−1))" : "Gini corrected (n/(n−1))", number(locale, "%.3f", gini.corrected())));
    summary.add(row(nl ? "Gini gegeneraliseerd (Bernasco & Steenbeek)" : "Gini generalised (Bernasco & Steenbeek)",
        number(locale, "%.3f", gini.generalised())));
    summary.add(row(String.format(locale, nl ? "aandeel in top 1%% (%d %s)" : "share in top 1%% (%d %s)", top1.k(), areas),
        number(locale, "%.1f%%", 100 * top1.share())));
    summary.add(row(String.format(locale, nl ? "aandeel in top 10%% (%d %s)" : "share in top 10%% (%d %s)", top10.k(), areas),
        number(locale, "%.1f%%", 100 * top10.share())));
    summary.add(row("Hoover", number(locale, "%.3f", Concentration.hoover(counts))));
    // one number a row, so that the CSV's value column is numbers
    summary.add(row("Moran's I", number(locale, "%.3f", moran.statistic())));
    summary.add(row(nl ? "Moran's I: z (randomisatie)" : "Moran's I: z (randomisation)", number(locale, "%.2f",
        moran.zRandomisation())));
    if (moran.permutationP().isPresent()) {
      double p = moran.permutationP().getAsDouble();
      summary.add(row(nl ? "Moran's I: p (permutatietoets)" : "Moran's I: p (permutation)",
          Cell.number(Messages.of(locale).pValue(p).replaceFirst("^p ", "").replaceFirst("^= ", ""), p)));
    }
    summary.add(row(String.format(locale, nl ? "%s zonder buren" : "%s without neighbours", areas),
        number(locale, "%d", queen.islands().size())));
    b.add(new Report.TableBlock("concentration-summary", String.format(locale, nl ? "Concentratie van %s over %s"
        : "Concentration of %s over %s", what, areas), List.of(nl ? "maat" : "measure", nl ? "waarde" : "value"),
        summary, ""));
    b.add(new Report.FigureBlock("lorenz", String.format(locale, nl
        ? "Lorenzcurve van %s over %s, met de Gini-coëfficiënten en het aandeel van de top 10%%."
        : "Lorenz curve of %s over %s, with the Gini coefficients and the share of the top 10%%.", what, areas),
        Figure.of(LorenzChart.of(Concentration.lorenz(counts), gini, Optional.of(top10), what, areas, locale))));
    Map<String, Double> ebRate = new LinkedHashMap<>();
    eb.rates().forEach(r -> ebRate.put(r.area(), r.smoothed()));
    b.add(new Report.FigureBlock("map-eb-rate", String.format(locale, nl
        ? "Empirisch-Bayes-gladgestreken %s per 1.000 inwoners per %s (natuurlijke klassen)."
        : "Empirical Bayes smoothed %s per 1,000 inhabitants by %s (natural breaks).", what, area),
        Maps.choropleth(polygons, ebRate, Classification.NATURAL_BREAKS, 5,
            DrugMonitorReport.capital(what) + (nl ? " per 1.000 inwoners (EB)" : " per 1,000 inhabitants (EB)"),
            nl ? "per 1.000" : "per 1,000", locale)));
    // the map classes (90, 95, 99%) are read from the adjusted p: each area gets the z of its adjusted p
    Map<String, Double> z = new LinkedHashMap<>();
    gi.rows().forEach(r -> {
      if (Double.isFinite(r.gStar())) {
        z.put(r.id(), correction == MultipleTesting.NONE || !(r.pAdjusted() > 0) ? r.gStar()
            : Math.signum(r.gStar()) * STANDARD_NORMAL.inverseSurvivalProbability(Math.min(1, r.pAdjusted()) / 2));
      }
    });
    b.add(new Report.FigureBlock("map-hot-spots", String.format(locale, nl
        ? "Hotspots en koudeplekken volgens Getis-Ord Gi* (binaire buren inclusief de %s zelf)."
        : "Hot and cold spots by Getis-Ord Gi* (binary neighbours including the %s itself).", area),
        Maps.hotSpots(polygons, z, java.util.Set.copyOf(queen.islands()), 0.10, nl ? "Hotspots (Gi*)" : "Hot spots (Gi*)",
            locale)));
    Map<String, String> clusters = new LinkedHashMap<>();
    local.rows().forEach(r -> clusters.put(r.id(), r.cluster().label()));
    b.add(new Report.FigureBlock("map-clusters", nl ? "Lokale Moran-clusters (HH, LL, HL, LH; p < 0,05 met permutatietoets), niet significant in grijs."
        : "Local Moran clusters (HH, LL, HL, LH; p < 0.05 by permutation), not significant in grey.",
        Maps.clusters(polygons, clusters, nl ? "Clusters (lokale Moran)" : "Clusters (local Moran)", locale)));
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
        row.add(Cell.of(planted.contains(r.id()) ? (nl ? "ja" : "yes") : ""));
      }
      rows.add(row);
    }
    if (names.isEmpty()) {
      rows.forEach(row -> row.remove(1));
    }
    List<String> header = new ArrayList<>(List.of(nl ? "gebied" : "area", nl ? "naam" : "name", what,
        nl ? "inwoners" : "inhabitants", String.format(locale, nl ? "per 1.000 (%s%%-BI, exact)" : "per 1,000 (%s%% CI, exact)",
            java.math.BigDecimal.valueOf(100 * confidence).stripTrailingZeros().toPlainString().replace('.', nl ? ',' : '.')), "EB", "Gi* z", "LISA"));
    if (names.isEmpty()) {
      header.remove(1);
    }
    if (user.isEmpty()) {
      header.add(nl ? "geplante hotspot" : "planted hot spot");
    }
    b.add(new Report.TableBlock("hot-spots", nl ? "De 12 gebieden met de hoogste Gi*-score" : "The 12 areas with the highest Gi* score",
        header, rows, user.isPresent() ? "" : nl ? "Geplante hotspots zijn de bekende waarheid van de synthetische data."
            : "Planted hot spots are the known truth of the synthetic data."));
    methods.add(new String[] {nl ? "Concentratie (tabel en Lorenzcurve)" : "Concentration (table and Lorenz curve)",
        nl ? "Gini (ineq), gegeneraliseerde Gini (Bernasco & Steenbeek 2017), topaandeel, Hoover" : "Gini (ineq), generalised Gini "
            + "(Bernasco & Steenbeek 2017), top share, Hoover", "R (2e-14)", source});
    methods.add(new String[] {nl ? "Kaarten en hotspots (tabel)" : "Maps and hot spots (table)", nl ? "exacte Poisson-intervallen, EBest, "
        + "moran.test/moran.mc, localmoran, localG (Gi*), poly2nb queen" : "exact Poisson intervals, EBest, moran.test/moran.mc, "
        + "localmoran, localG (Gi*), poly2nb queen", "R spdep 1.2-7 (3e-13)", source});
    return new Report.Section("concentration", user.isEmpty() ? (nl ? "Concentratie in buurten" : "Neighbourhood concentration")
        : String.format(locale, nl ? "Concentratie over %s" : "Concentration over %s", areas), b);
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

  private static Cell number(Locale locale, String format, double v) {
    return Double.isFinite(v) ? Cell.number(String.format(locale, format, v), v) : Cell.of("–");
  }

  private static Cell number(Locale locale, String format, long v) {
    return Cell.number(String.format(locale, format, v), v);
  }
}
