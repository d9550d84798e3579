package io.github.dmstat.charts.cli;

import io.github.dmstat.core.TextTable;
import io.github.dmstat.core.concentration.AreaCounts;
import io.github.dmstat.core.concentration.EbRates;
import io.github.dmstat.core.concentration.Gini;
import io.github.dmstat.core.concentration.Rate;
import io.github.dmstat.core.concentration.RateTable;
import io.github.dmstat.core.concentration.TopShare;
import io.github.dmstat.core.spatial.GetisOrd;
import io.github.dmstat.core.spatial.LocalMoran;
import io.github.dmstat.core.spatial.MoranResult;
import io.github.dmstat.core.spatial.SpatialWeights;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Everything {@code dmstat concentration} reports: counts, rates with intervals, empirical Bayes
 * rates, Gini, top share and (when neighbours are given) global Moran's I, local Moran and
 * Getis–Ord Gi* on the rates per {@code per} inhabitants.
 *
 * @param per rates per this many inhabitants
 * @param counts the bound counts, input order
 * @param rates rates with exact Poisson intervals
 * @param eb empirical Bayes rates
 * @param gini Gini variants
 * @param top share in the top fraction of areas
 * @param neighbours how the neighbours were made (empty: none)
 * @param weights the binary links among the areas with a rate (empty: no neighbour option)
 * @param moran global Moran's I (row-standardised)
 * @param local local Moran (row-standardised)
 * @param getisOrd Gi* (binary, self included)
 * @param notes remarks for the reader (why something is missing, islands, areas left out)
 */
record AreaConcentration(double per, AreaCounts counts, RateTable rates, EbRates eb, Gini gini, TopShare top,
    Optional<String> neighbours, Optional<SpatialWeights> weights, Optional<MoranResult> moran,
    Optional<LocalMoran> local, Optional<GetisOrd> getisOrd, List<String> notes) {
  AreaConcentration {
    Objects.requireNonNull(counts, "counts");
    notes = List.copyOf(notes);
  }

  /** One output row. */
  record Row(String area, long count, double population, Optional<Rate> rate, OptionalDouble ebRate,
      OptionalDouble localMoran, Optional<String> cluster, OptionalDouble pLocal, OptionalDouble giStar,
      OptionalInt neighbours) {}

  /** One row per area in input order. */
  List<Row> rows() {
    List<String> ids = counts.areas();
    long[] e = counts.events();
    double[] p = counts.population();
    List<Row> out = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      Optional<LocalMoran.Row> lm = local.flatMap(l -> l.find(id));
      Optional<GetisOrd.Row> g = getisOrd.flatMap(x -> x.find(id));
      OptionalInt nb = OptionalInt.empty();
      if (weights.isPresent()) {
        OptionalInt k = weights.get().indexOf(id);
        if (k.isPresent()) {
          nb = OptionalInt.of(weights.get().cardinality(k.getAsInt()));
        }
      }
      out.add(new Row(id, e[i], p[i], rates.find(id),
          eb.find(id).map(r -> OptionalDouble.of(r.smoothed())).orElse(OptionalDouble.empty()),
          lm.map(r -> OptionalDouble.of(r.statistic())).orElse(OptionalDouble.empty()),
          lm.map(r -> r.cluster().label()),
          lm.map(r -> r.pAdjusted().isPresent() ? r.pAdjusted() : r.p()).orElse(OptionalDouble.empty()),
          g.map(r -> OptionalDouble.of(r.gStar())).orElse(OptionalDouble.empty()), nb));
    }
    return out;
  }

  /** Columns area, count, population, rate, rateLower, rateUpper, ebRate, localMoran, cluster, pLocal, giStar, neighbours. */
  Table toTable() {
    StringColumn area = StringColumn.create("area");
    LongColumn count = LongColumn.create("count");
    DoubleColumn pop = DoubleColumn.create("population");
    DoubleColumn rate = DoubleColumn.create("rate");
    DoubleColumn lo = DoubleColumn.create("rateLower");
    DoubleColumn hi = DoubleColumn.create("rateUpper");
    DoubleColumn ebr = DoubleColumn.create("ebRate");
    DoubleColumn li = DoubleColumn.create("localMoran");
    StringColumn cl = StringColumn.create("cluster");
    DoubleColumn pl = DoubleColumn.create("pLocal");
    DoubleColumn gs = DoubleColumn.create("giStar");
    IntColumn nb = IntColumn.create("neighbours");
    for (Row r : rows()) {
      area.append(r.area());
      count.append(r.count());
      pop.append(r.population());
      append(rate, r.rate().map(x -> OptionalDouble.of(x.rate())).orElse(OptionalDouble.empty()));
      append(lo, r.rate().map(x -> OptionalDouble.of(x.lower())).orElse(OptionalDouble.empty()));
      append(hi, r.rate().map(x -> OptionalDouble.of(x.upper())).orElse(OptionalDouble.empty()));
      append(ebr, r.ebRate());
      append(li, r.localMoran());
      if (r.cluster().isPresent()) {
        cl.append(r.cluster().get());
      } else {
        cl.appendMissing();
      }
      append(pl, r.pLocal());
      append(gs, r.giStar());
      if (r.neighbours().isPresent()) {
        nb.append(r.neighbours().getAsInt());
      } else {
        nb.appendMissing();
      }
    }
    return Table.create("concentration").addColumns(area, count, pop, rate, lo, hi, ebr, li, cl, pl, gs, nb);
  }

  private static void append(DoubleColumn c, OptionalDouble v) {
    if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
      c.append(v.getAsDouble());
    } else {
      c.appendMissing();
    }
  }

  /** "per 1,000" etc. */
  String unit() {
    return per == Math.rint(per) ? String.format(Locale.ROOT, "per %,d", (long) per) : "per " + per;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Concentration of %,d events over %d areas (%,.0f inhabitants); rates %s "
        + "inhabitants, %s%% %s intervals%n", counts.totalEvents(), counts.size(), counts.totalPopulation(), unit(),
        pct(rates.level()), rates.method().label()));
    sb.append(gini).append('\n').append(top).append('\n');
    sb.append(String.format(Locale.ROOT, "Empirical Bayes: overall rate %s %s, between-area variance a = %.4g per inhabitant²%n",
        fmt(eb.b() * per, "%.4g"), unit(), eb.a()));
    if (moran.isPresent()) {
      sb.append("Neighbours: ").append(neighbours.orElse("")).append('\n');
      sb.append("Global Moran's I (row-standardised, rates ").append(unit()).append("): ").append(moran.get()).append('\n');
      local.ifPresent(l -> sb.append(l).append('\n'));
      getisOrd.ifPresent(g -> sb.append(g).append('\n'));
    }
    for (String n : notes) {
      sb.append("Note: ").append(n).append('\n');
    }
    TextTable tt = new TextTable(List.of("area", "count", "population", "rate " + unit(), pct(rates.level()) + "% CI", "EB rate", "local I", "cluster", "p", "Gi*", "neighbours"));
    for (Row r : rows()) {
      tt.row(List.of(r.area(), Long.toString(r.count()), fmt(r.population(), "%.0f"),
          r.rate().map(x -> fmt(x.rate(), "%.2f")).orElse(""),
          r.rate().map(x -> fmt(x.lower(), "%.2f") + " – " + fmt(x.upper(), "%.2f")).orElse(""),
          opt(r.ebRate(), "%.2f"), opt(r.localMoran(), "%.3f"), r.cluster().orElse(""), opt(r.pLocal(), "%.3f"),
          opt(r.giStar(), "%.3f"), r.neighbours().isPresent() ? Integer.toString(r.neighbours().getAsInt()) : ""));
    }
    return sb.append(tt).toString();
  }

  private static String pct(double level) {
    double p = 100 * level;
    return p == Math.rint(p) ? Long.toString((long) p) : String.format(Locale.ROOT, "%.1f", p);
  }

  private static String opt(OptionalDouble v, String f) {
    return v.isPresent() && Double.isFinite(v.getAsDouble()) ? fmt(v.getAsDouble(), f) : "";
  }

  private static String fmt(double v, String f) {
    return String.format(Locale.ROOT, f, v);
  }
}
