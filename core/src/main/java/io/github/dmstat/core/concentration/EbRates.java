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
 * Empirical Bayes smoothed rates (see {@link EmpiricalBayes}).
 *
 * @param per rates are per this many inhabitants
 * @param a between-area variance of the rates (per inhabitant², truncated at 0)
 * @param b overall rate {@code E/P} (per inhabitant)
 * @param rates one per area with population {@code > 0}, input order
 * @param withoutPopulation areas with population 0 (no rate)
 * @param excludedByMissingPolicy input rows left out while binding
 */
public record EbRates(double per, double a, double b, List<EbRate> rates, List<String> withoutPopulation,
    long excludedByMissingPolicy) {
  /**
   * Copies the lists; throws {@link IllegalArgumentException} when {@code a} or {@code b} is negative,
   * {@code NaN} or infinite.
   *
   * @param per rates are per this many inhabitants
   * @param a between-area variance of the rates (per inhabitant², truncated at 0)
   * @param b overall rate {@code E/P} (per inhabitant)
   * @param rates one per area with population {@code > 0}, input order
   * @param withoutPopulation areas with population 0 (no rate)
   * @param excludedByMissingPolicy input rows left out while binding
   */
  public EbRates {
    rates = List.copyOf(rates);
    withoutPopulation = List.copyOf(withoutPopulation);
    if (!(a >= 0) || !(b >= 0) || Double.isInfinite(a) || Double.isInfinite(b)) {
      throw new IllegalArgumentException("EB parameters must be finite and >= 0 but were a=" + a + ", b=" + b);
    }
  }

  /**
   * One area.
   *
   * @param area area id
   * @param events events
   * @param population inhabitants ({@code > 0})
   * @param raw raw rate per {@link EbRates#per()}
   * @param smoothed empirical Bayes rate per {@link EbRates#per()}
   */
  public record EbRate(String area, long events, double population, double raw, double smoothed) {
    /**
     * Throws {@link NullPointerException} when {@code area} is null, {@link IllegalArgumentException}
     * when {@code raw} or {@code smoothed} is negative or {@code NaN}.
     *
     * @param area area id
     * @param events events
     * @param population inhabitants ({@code > 0})
     * @param raw raw rate per {@link EbRates#per()}
     * @param smoothed empirical Bayes rate per {@link EbRates#per()}
     */
    public EbRate {
      Objects.requireNonNull(area, "area");
      if (!(raw >= 0) || !(smoothed >= 0)) {
        throw new IllegalArgumentException("rates must be >= 0 but were raw=" + raw + ", smoothed=" + smoothed);
      }
    }
  }

  /**
   * The smoothed rate of {@code area}, if it has one. A linear scan: to look up many areas, index
   * {@link #rates()} once.
   *
   * @param area area id
   * @return the first rate of {@code area}; empty when it is not listed (e.g. population 0)
   */
  public Optional<EbRate> find(String area) {
    return rates.stream().filter(r -> r.area().equals(area)).findFirst();
  }

  /**
   * Columns {@code area, events, population, rawRate, ebRate} (per {@link #per()}).
   *
   * @return one row per area with a rate, in input order
   */
  public Table toTable() {
    StringColumn ar = StringColumn.create("area");
    LongColumn e = LongColumn.create("events");
    DoubleColumn p = DoubleColumn.create("population");
    DoubleColumn r = DoubleColumn.create("rawRate");
    DoubleColumn s = DoubleColumn.create("ebRate");
    for (EbRate x : rates) {
      ar.append(x.area());
      e.append(x.events());
      p.append(x.population());
      r.append(x.raw());
      s.append(x.smoothed());
    }
    return Table.create("empirical Bayes rates " + Rate.unit(per)).addColumns(ar, e, p, r, s);
  }

  @Override
  public String toString() {
    TextTable tt = new TextTable(List.of("area", "events", "population", "raw " + Rate.unit(per), "EB " + Rate.unit(per)));
    for (EbRate x : rates) {
      tt.row(List.of(x.area(), Long.toString(x.events()), String.format(Locale.ROOT, "%.0f", x.population()),
          Rate.fmt(x.raw()), Rate.fmt(x.smoothed())));
    }
    return String.format(Locale.ROOT, "Empirical Bayes rates %s inhabitants (overall %s, between-area variance a=%.4g per inhabitant²)%n",
        Rate.unit(per), Rate.fmt(per * b), a) + tt
        + (withoutPopulation.isEmpty() ? "" : "no rate (population 0): " + withoutPopulation + "\n");
  }
}
