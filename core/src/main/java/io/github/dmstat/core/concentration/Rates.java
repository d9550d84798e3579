package io.github.dmstat.core.concentration;

import io.github.dmstat.core.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settings for event rates per N inhabitants: "per how many" (explicit, e.g. 1,000), the
 * {@link RateInterval interval method} (default {@link RateInterval#EXACT}) and the confidence
 * level (default 0.95). Immutable; {@code with…} returns a new instance.
 *
 * <pre>{@code
 * Rate r = Rates.perThousand().of(12, 3400);            // 3.53 per 1,000 (1.82–6.17)
 * RateTable t = Rates.per(10_000).with(RateInterval.BYAR).of(counts);
 * }</pre>
 */
public final class Rates {
  private final double per;
  private final RateInterval method;
  private final double level;

  private Rates(double per, RateInterval method, double level) {
    if (!(per > 0) || Double.isInfinite(per)) {
      throw Checks.badArgument("per", "must be finite and > 0", per);
    }
    this.per = per;
    this.method = Objects.requireNonNull(method, "method");
    this.level = Checks.level(level);
  }

  /**
   * Rates per {@code per} inhabitants, exact interval, 95%.
   *
   * @param per rates per this many inhabitants, finite and {@code > 0} (e.g. 1,000)
   * @return the settings
   * @throws IllegalArgumentException when {@code per} is not finite and {@code > 0}
   */
  public static Rates per(double per) {
    return new Rates(per, RateInterval.EXACT, 0.95);
  }

  /**
   * Rates per 1,000 inhabitants, exact interval, 95%.
   *
   * @return the settings
   */
  public static Rates perThousand() {
    return per(1000);
  }

  /**
   * The same with another interval method.
   *
   * @param m the interval method
   * @return new settings; this instance is unchanged
   */
  public Rates with(RateInterval m) {
    return new Rates(per, m, level);
  }

  /**
   * The same with another confidence level in (0, 1).
   *
   * @param l the confidence level, e.g. 0.95
   * @return new settings; this instance is unchanged
   * @throws IllegalArgumentException when {@code l} is not in (0, 1)
   */
  public Rates withLevel(double l) {
    return new Rates(per, method, l);
  }

  /**
   * Per how many inhabitants.
   *
   * @return the number of inhabitants a rate is per (e.g. 1,000)
   */
  public double per() {
    return per;
  }

  /**
   * Interval method.
   *
   * @return the interval method
   */
  public RateInterval method() {
    return method;
  }

  /**
   * Confidence level.
   *
   * @return the confidence level, in (0, 1)
   */
  public double level() {
    return level;
  }

  /**
   * The rate of {@code events} in {@code population} ({@code > 0}) inhabitants.
   *
   * @param events observed events ({@code >= 0})
   * @param population inhabitants, finite and {@code > 0}
   * @return the rate per {@link #per()} with its interval
   * @throws IllegalArgumentException when {@code events < 0} or {@code population} is not finite and {@code > 0}
   */
  public Rate of(long events, double population) {
    if (events < 0) {
      throw Checks.badArgument("events", "must be >= 0", events);
    }
    if (!(population > 0) || Double.isInfinite(population)) {
      throw Checks.badArgument("population", "must be finite and > 0", population);
    }
    double[] b = method.countBounds(events, level);
    double rate = per * events / population;
    double lo = Math.min(rate, per * b[0] / population);
    double hi = Math.max(rate, per * b[1] / population);
    return new Rate(events, population, per, rate, lo, hi, method, level);
  }

  /**
   * One rate per area. Areas with population 0 (and therefore 0 events) have no rate; they are
   * listed in {@link RateTable#withoutPopulation()}.
   *
   * @param counts the bound counts
   * @return one rate per area with population {@code > 0}, in input order
   */
  public RateTable of(AreaCounts counts) {
    long[] e = counts.eventsView();
    double[] p = counts.populationView();
    List<RateTable.AreaRate> rows = new ArrayList<>();
    List<String> none = new ArrayList<>();
    for (int i = 0; i < e.length; i++) {
      if (p[i] > 0) {
        rows.add(new RateTable.AreaRate(counts.areas().get(i), of(e[i], p[i])));
      } else {
        none.add(counts.areas().get(i));
      }
    }
    return new RateTable(per, method, level, rows, none, counts.excludedCount());
  }

  @Override
  public String toString() {
    return "Rates[" + Rate.unit(per) + ", " + method.code() + ", level=" + level + "]";
  }
}
