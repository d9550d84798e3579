package io.github.dmstat.core.concentration;

import io.github.dmstat.core.Checks;
import java.util.Locale;
import java.util.Objects;

/**
 * An event rate per {@link #per()} inhabitants with its confidence interval:
 * {@code rate = per · x / population}, bounds {@code per · bound(x) / population} with the count
 * bounds of {@link RateInterval}.
 *
 * <p>Create rates through {@link Rates}, e.g. {@code Rate.perThousand().of(12, 3400)} gives
 * {@code Rate[3.53 per 1,000 (95% CI 1.82–6.17, exact), 12 events / 3,400 inhabitants]}.
 *
 * @param events observed events {@code x}
 * @param population inhabitants ({@code > 0})
 * @param per the rate is per this many inhabitants (e.g. 1,000)
 * @param rate {@code per · x / population}
 * @param lower lower confidence bound (same units)
 * @param upper upper confidence bound (same units)
 * @param method interval method
 * @param level confidence level
 */
public record Rate(long events, double population, double per, double rate, double lower, double upper,
    RateInterval method, double level) {
  /**
   * Throws {@link IllegalArgumentException} when {@code events < 0}, {@code population} or {@code per} is
   * not finite and {@code > 0}, {@code level} is not in (0, 1), or not {@code 0 <= lower <= rate <= upper}
   * with {@code upper} finite; {@link NullPointerException} when {@code method} is null.
   *
   * @param events observed events {@code x}
   * @param population inhabitants ({@code > 0})
   * @param per the rate is per this many inhabitants (e.g. 1,000)
   * @param rate {@code per · x / population}
   * @param lower lower confidence bound (same units)
   * @param upper upper confidence bound (same units)
   * @param method interval method
   * @param level confidence level
   */
  public Rate {
    if (events < 0) {
      throw Checks.badArgument("events", "must be >= 0", events);
    }
    if (!(population > 0) || Double.isInfinite(population)) {
      throw Checks.badArgument("population", "must be finite and > 0", population);
    }
    if (!(per > 0) || Double.isInfinite(per)) {
      throw Checks.badArgument("per", "must be finite and > 0", per);
    }
    Objects.requireNonNull(method, "method");
    Checks.level(level);
    if (!(lower >= 0 && lower <= rate && rate <= upper) || Double.isInfinite(upper)) {
      throw new IllegalArgumentException("rate interval must satisfy 0 <= lower <= rate <= upper but was "
          + lower + " <= " + rate + " <= " + upper);
    }
  }

  /**
   * Rates per 1,000 inhabitants, exact interval, 95%.
   *
   * @return the settings, as {@link Rates#perThousand()}
   */
  public static Rates perThousand() {
    return Rates.perThousand();
  }

  /**
   * Rates per 100,000 inhabitants, exact interval, 95%.
   *
   * @return the settings, as {@code Rates.per(100_000)}
   */
  public static Rates perHundredThousand() {
    return Rates.per(100_000);
  }

  /**
   * Rates per {@code per} inhabitants, exact interval, 95%.
   *
   * @param per rates per this many inhabitants, finite and {@code > 0}
   * @return the settings, as {@link Rates#per(double)}
   * @throws IllegalArgumentException when {@code per} is not finite and {@code > 0}
   */
  public static Rates per(double per) {
    return Rates.per(per);
  }

  /**
   * "per 1,000" style text.
   *
   * @return e.g. {@code "per 1,000"}; {@code "per 0.5"} when {@link #per()} is not whole
   */
  public String unit() {
    return unit(per);
  }

  static String unit(double per) {
    if (per == Math.rint(per) && per < 1e15) {
      return String.format(Locale.ROOT, "per %,d", (long) per).replace('\u00a0', ',');
    }
    return "per " + per;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Rate[%s %s (%s%% CI %s–%s, %s), %d events / %s inhabitants]", fmt(rate), unit(),
        levelText(level), fmt(lower), fmt(upper), method.code(), events, population == Math.rint(population)
            ? String.format(Locale.ROOT, "%,d", (long) population) : Double.toString(population));
  }

  static String fmt(double v) {
    return v == 0 ? "0" : v >= 100 ? String.format(Locale.ROOT, "%.1f", v)
        : v >= 0.01 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.3g", v);
  }

  static String levelText(double level) {
    double pct = 100 * level;
    return pct == Math.rint(pct) ? Integer.toString((int) pct) : String.format(Locale.ROOT, "%.1f", pct);
  }
}
