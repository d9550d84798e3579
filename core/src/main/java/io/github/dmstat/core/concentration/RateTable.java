package io.github.dmstat.core.concentration;

import io.github.dmstat.core.TextTable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Rates per area (see {@link Rates#of(AreaCounts)}).
 *
 * @param per rates are per this many inhabitants
 * @param method interval method
 * @param level confidence level
 * @param rates one per area with population {@code > 0}, in input order
 * @param withoutPopulation areas with population 0 (no rate defined)
 * @param excludedByMissingPolicy input rows left out while binding ({@link AreaCounts#excludedCount()})
 */
public record RateTable(double per, RateInterval method, double level, List<AreaRate> rates,
    List<String> withoutPopulation, long excludedByMissingPolicy) {
  /**
   * Copies the lists; throws {@link NullPointerException} when {@code method} is null.
   *
   * @param per rates are per this many inhabitants
   * @param method interval method
   * @param level confidence level
   * @param rates one per area with population {@code > 0}, in input order
   * @param withoutPopulation areas with population 0 (no rate defined)
   * @param excludedByMissingPolicy input rows left out while binding ({@link AreaCounts#excludedCount()})
   */
  public RateTable {
    Objects.requireNonNull(method, "method");
    rates = List.copyOf(rates);
    withoutPopulation = List.copyOf(withoutPopulation);
  }

  /**
   * The rate of one area.
   *
   * @param area area id
   * @param rate its rate
   */
  public record AreaRate(String area, Rate rate) {
    /**
     * Throws {@link NullPointerException} when {@code area} or {@code rate} is null.
     *
     * @param area area id
     * @param rate its rate
     */
    public AreaRate {
      Objects.requireNonNull(area, "area");
      Objects.requireNonNull(rate, "rate");
    }
  }

  /**
   * The rate of {@code area}, if it has one. A linear scan: to look up many areas, index
   * {@link #rates()} once.
   *
   * @param area area id
   * @return the first rate of {@code area}; empty when it is not listed (e.g. population 0)
   */
  public Optional<Rate> find(String area) {
    return rates.stream().filter(r -> r.area().equals(area)).map(AreaRate::rate).findFirst();
  }

  /**
   * Columns {@code area, events, population, rate, lower, upper} (rates per {@link #per()}).
   *
   * @return one row per area with a rate, in input order
   */
  public Table toTable() {
    StringColumn a = StringColumn.create("area");
    LongColumn e = LongColumn.create("events");
    DoubleColumn p = DoubleColumn.create("population");
    DoubleColumn r = DoubleColumn.create("rate");
    DoubleColumn lo = DoubleColumn.create("lower");
    DoubleColumn hi = DoubleColumn.create("upper");
    for (AreaRate ar : rates) {
      a.append(ar.area());
      e.append(ar.rate().events());
      p.append(ar.rate().population());
      r.append(ar.rate().rate());
      lo.append(ar.rate().lower());
      hi.append(ar.rate().upper());
    }
    return Table.create("rates " + Rate.unit(per) + " (" + method.code() + ", " + Rate.levelText(level) + "% CI)")
        .addColumns(a, e, p, r, lo, hi);
  }

  @Override
  public String toString() {
    TextTable tt = new TextTable(List.of("area", "events", "population", "rate " + Rate.unit(per),
        Rate.levelText(level) + "% CI"));
    for (AreaRate ar : rates) {
      Rate r = ar.rate();
      tt.row(List.of(ar.area(), Long.toString(r.events()), String.format(Locale.ROOT, "%.0f", r.population()),
          Rate.fmt(r.rate()), Rate.fmt(r.lower()) + " – " + Rate.fmt(r.upper())));
    }
    return "Rates " + Rate.unit(per) + " inhabitants (" + method.code() + " interval)\n" + tt
        + (withoutPopulation.isEmpty() ? "" : "no rate (population 0): " + withoutPopulation + "\n")
        + (excludedByMissingPolicy > 0 ? "excluded (missing values): " + excludedByMissingPolicy + "\n" : "");
  }
}
