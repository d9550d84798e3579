package io.github.dmstat.core.concentration;

import io.github.dmstat.core.TextTable;
import io.github.dmstat.core.Checks;
import io.github.dmstat.core.spatial.GetisOrd;
import io.github.dmstat.core.spatial.LocalMoran;
import io.github.dmstat.core.spatial.LocalSettings;
import io.github.dmstat.core.spatial.MultipleTesting;
import io.github.dmstat.core.spatial.Moran;
import io.github.dmstat.core.spatial.MoranResult;
import io.github.dmstat.core.spatial.SpatialWeights;
import java.util.function.Function;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * A full concentration analysis of event counts over areas: rates with intervals, empirical Bayes
 * rates, Gini, top share and (when neighbours are given) global Moran's I, local Moran and
 * Getis–Ord Gi* on the rates per {@code per} inhabitants. What {@code dmstat concentration} and
 * the report show; {@link #analyse} composes the estimators of this package and
 * {@code io.github.dmstat.core.spatial}, each tested against R on its own.
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
public record AreaConcentration(double per, AreaCounts counts, RateTable rates, EbRates eb, Gini gini, TopShare top,
    Optional<String> neighbours, Optional<SpatialWeights> weights, Optional<MoranResult> moran,
    Optional<LocalMoran> local, Optional<GetisOrd> getisOrd, List<String> notes) {
  /**
   * Copies {@code notes}; throws {@link NullPointerException} when {@code counts} is null.
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
  public AreaConcentration {
    Objects.requireNonNull(counts, "counts");
    notes = List.copyOf(notes);
  }

  /**
   * Analyses {@code counts}. {@code links} gives the binary neighbour links among the areas that
   * have a rate (population > 0), in that order, or empty for no spatial statistics; {@code how}
   * describes where the links came from (or, without links, why there are none). Moran's I and
   * local Moran use row-standardised weights, Gi* binary weights with the area itself; local
   * significance at {@code 1 − level}; permutation tests seeded by {@code seed}. No
   * multiple-testing correction ({@link MultipleTesting#NONE}).
   *
   * @param counts the bound counts (at least 2 areas, total events {@code > 0})
   * @param links given the ids of the areas with a rate, in input order, their binary links in that order;
   *     empty for no spatial statistics
   * @param how where the links came from, or why there are none; starts the neighbours text or the note
   * @param per rates per this many inhabitants, finite and {@code > 0} (e.g. 1,000)
   * @param top fraction of areas for the top share, in (0, 1] (e.g. 0.10 for the top 10%)
   * @param level confidence level of the rate intervals, in (0, 1)
   * @param permutations random permutations for Moran's I, local Moran and Gi* ({@code >= 0}; 0 = none)
   * @param seed seed of the permutations
   * @return the analysis; the spatial statistics are empty when {@code links} gives no weights
   * @throws IllegalArgumentException when an argument is out of range, or the links do not cover the areas
   *     with a rate in order
   */
  public static AreaConcentration analyse(AreaCounts counts, Function<List<String>, Optional<SpatialWeights>> links,
      String how, double per, double top, double level, int permutations, long seed) {
    return analyse(counts, links, how, per, top, level, permutations, seed, MultipleTesting.NONE);
  }

  /**
   * As {@link #analyse(AreaCounts, Function, String, double, double, double, int, long)}, with the
   * local statistics (local Moran clusters, Gi* spots) judged on p-values adjusted by
   * {@code correction} over the areas with neighbours.
   *
   * @param counts the bound counts (at least 2 areas, total events {@code > 0})
   * @param links given the ids of the areas with a rate, in input order, their binary links in that order;
   *     empty for no spatial statistics
   * @param how where the links came from, or why there are none; starts the neighbours text or the note
   * @param per rates per this many inhabitants, finite and {@code > 0} (e.g. 1,000)
   * @param top fraction of areas for the top share, in (0, 1] (e.g. 0.10 for the top 10%)
   * @param level confidence level of the rate intervals, in (0, 1)
   * @param permutations random permutations for Moran's I, local Moran and Gi* ({@code >= 0}; 0 = none)
   * @param seed seed of the permutations
   * @param correction multiple-testing correction of the local p-values
   * @return the analysis; the spatial statistics are empty when {@code links} gives no weights
   * @throws IllegalArgumentException when an argument is out of range, or the links do not cover the areas
   *     with a rate in order
   */
  public static AreaConcentration analyse(AreaCounts counts, Function<List<String>, Optional<SpatialWeights>> links,
      String how, double per, double top, double level, int permutations, long seed, MultipleTesting correction) {
    if (!(per > 0) || Double.isInfinite(per)) {
      throw Checks.badArgument("per", "must be finite and > 0", per);
    }
    if (!(top > 0 && top <= 1)) {
      throw Checks.badArgument("top", "must be in (0, 1]", top);
    }
    Checks.level(level);
    if (permutations < 0) {
      throw Checks.badArgument("permutations", "must be >= 0", permutations);
    }
    RateTable rates = Rates.per(per).withLevel(level).of(counts);
    EbRates eb = EmpiricalBayes.estimate(counts, per);
    List<String> notes = new ArrayList<>();
    if (!rates.withoutPopulation().isEmpty()) {
      notes.add(rates.withoutPopulation().size() + " area(s) with population 0 have no rate and are left out of the "
          + "EB rates and spatial statistics: " + shortList(rates.withoutPopulation()));
    }
    List<String> rated = rates.rates().stream().map(RateTable.AreaRate::area).toList();
    Optional<SpatialWeights> w = links.apply(rated);
    Gini gini = Concentration.gini(counts);
    TopShare share = Concentration.topShare(counts, top);
    if (w.isEmpty()) {
      notes.add(how + ": Moran's I, local Moran and Gi* are not computed");
      return new AreaConcentration(per, counts, rates, eb, gini, share, Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), notes);
    }
    SpatialWeights binary = w.get();
    if (!binary.ids().equals(rated)) {
      throw new IllegalArgumentException("neighbour links must cover the " + rated.size()
          + " areas with a rate, in order, but cover " + binary.size());
    }
    double[] x = new double[rated.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = rates.rates().get(i).rate().rate();
    }
    List<String> islands = binary.islands();
    if (!islands.isEmpty()) {
      notes.add(islands.size() + " area(s) without neighbours (kept, as spdep zero.policy = TRUE; cluster 'no "
          + "neighbours', no local p): " + shortList(islands));
    }
    SpatialWeights row = binary.rowStandardised();
    MoranResult moran = Moran.global(x, row, permutations, seed);
    LocalSettings settings = LocalSettings.withDefaults().withAlpha(1 - level).withPermutations(permutations, seed)
        .with(correction);
    LocalMoran local = Moran.local(x, row, settings);
    GetisOrd gi = GetisOrd.of(x, binary.binary(), settings);
    String described = String.format(Locale.ROOT, "%s: %d areas, %d links, %d without neighbours", how, binary.size(),
        binary.links(), islands.size());
    return new AreaConcentration(per, counts, rates, eb, gini, share, Optional.of(described), Optional.of(binary),
        Optional.of(moran), Optional.of(local), Optional.of(gi), notes);
  }

  private static String shortList(List<String> ids) {
    return ids.size() <= 10 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 10)) + ", ...";
  }

  /**
   * One output row. Values that do not apply are empty: an area with population 0 has only its
   * id, count and population; without neighbour links there are no spatial values.
   *
   * @param area area id
   * @param count events
   * @param population inhabitants
   * @param rate rate per {@link AreaConcentration#per()} with its interval; empty for population 0
   * @param ebRate empirical Bayes rate per {@link AreaConcentration#per()}; empty for population 0
   * @param localMoran local Moran's {@code I_i}
   * @param cluster local Moran cluster code: HH, LL, HL, LH, {@code not significant} or {@code no neighbours}
   * @param pLocal the local Moran p-value the cluster was judged on (adjusted when a correction was made);
   *     empty for an area without neighbours
   * @param giStar Getis–Ord {@code G*_i} z-score
   * @param neighbours number of neighbours in the binary links
   */
  public record Row(String area, long count, double population, Optional<Rate> rate, OptionalDouble ebRate,
      OptionalDouble localMoran, Optional<String> cluster, OptionalDouble pLocal, OptionalDouble giStar,
      OptionalInt neighbours) {}

  /**
   * One row per area in input order. Linear in the number of areas: the rates, EB rates, local
   * Moran and Gi* rows are indexed by area id once, not searched per area.
   *
   * @return one row per bound area, in input order
   */
  public List<Row> rows() {
    List<String> ids = counts.areas();
    long[] e = counts.eventsView();
    double[] p = counts.populationView();
    Map<String, RateTable.AreaRate> rate = byArea(rates.rates(), RateTable.AreaRate::area);
    Map<String, EbRates.EbRate> ebRate = byArea(eb.rates(), EbRates.EbRate::area);
    Map<String, LocalMoran.Row> lisa = local.map(l -> byArea(l.rows(), LocalMoran.Row::id)).orElse(Map.of());
    Map<String, GetisOrd.Row> gi = getisOrd.map(x -> byArea(x.rows(), GetisOrd.Row::id)).orElse(Map.of());
    List<Row> out = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      Optional<LocalMoran.Row> lm = Optional.ofNullable(lisa.get(id));
      Optional<GetisOrd.Row> g = Optional.ofNullable(gi.get(id));
      OptionalInt nb = OptionalInt.empty();
      if (weights.isPresent()) {
        OptionalInt k = weights.get().indexOf(id);
        if (k.isPresent()) {
          nb = OptionalInt.of(weights.get().cardinality(k.getAsInt()));
        }
      }
      out.add(new Row(id, e[i], p[i], Optional.ofNullable(rate.get(id)).map(RateTable.AreaRate::rate),
          Optional.ofNullable(ebRate.get(id)).map(r -> OptionalDouble.of(r.smoothed())).orElse(OptionalDouble.empty()),
          lm.map(r -> OptionalDouble.of(r.statistic())).orElse(OptionalDouble.empty()),
          lm.map(r -> r.cluster().code()),
          lm.map(r -> r.pAdjusted().isPresent() ? r.pAdjusted() : r.p()).orElse(OptionalDouble.empty()),
          g.map(r -> OptionalDouble.of(r.gStar())).orElse(OptionalDouble.empty()), nb));
    }
    return out;
  }

  /** Area id → row; the first row of an id wins, as the linear {@code find} methods do. */
  private static <T> Map<String, T> byArea(List<T> rows, Function<T, String> id) {
    Map<String, T> m = new HashMap<>(2 * rows.size());
    for (T r : rows) {
      m.putIfAbsent(id.apply(r), r);
    }
    return m;
  }

  /**
   * Columns area, count, population, rate, rateLower, rateUpper, ebRate, localMoran, cluster,
   * pLocal, giStar, neighbours.
   *
   * @return a table named {@code concentration}, one row per {@link #rows()} entry; a missing cell where a
   *     value is empty or not finite
   */
  public Table toTable() {
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

  /**
   * The rate unit as text.
   *
   * @return {@code "per 1,000"} style text ({@code "per 0.5"} when {@link #per()} is not whole)
   */
  public String unit() {
    return per == Math.rint(per) ? String.format(Locale.ROOT, "per %,d", (long) per) : "per " + per;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Concentration of %,d events over %d areas (%,.0f inhabitants); rates %s "
        + "inhabitants, %s%% %s intervals%n", counts.totalEvents(), counts.size(), counts.totalPopulation(), unit(),
        pct(rates.level()), rates.method().code()));
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
