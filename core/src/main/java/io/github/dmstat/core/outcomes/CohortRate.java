package io.github.dmstat.core.outcomes;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.Columns;
import java.util.Locale;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * Observed re-offending rate of a fixed cohort, {@code rate = x/n} (a proportion in [0, 1]), with a
 * binomial confidence interval ({@link BinomialInterval}).
 *
 * @param events persons with the event (e.g. re-offended within the follow-up)
 * @param n cohort size
 * @param rate {@code events/n}
 * @param ciLower lower limit
 * @param ciUpper upper limit
 * @param level confidence level
 * @param method interval method
 */
public record CohortRate(long events, long n, double rate, double ciLower, double ciUpper, double level,
    BinomialInterval method) {
  /**
   * Checks the components.
   *
   * @param events persons with the event, in [0, n]
   * @param n cohort size, {@code >= 1}
   * @param rate {@code events/n} (not recomputed)
   * @param ciLower lower limit, with {@code 0 <= ciLower <= rate}
   * @param ciUpper upper limit, with {@code rate <= ciUpper <= 1}
   * @param level confidence level, strictly between 0 and 1
   * @param method interval method, not null
   * @throws IllegalArgumentException when a count, the level or the interval is out of range
   */
  public CohortRate {
    Objects.requireNonNull(method, "method");
    if (n < 1) {
      throw Checks.badArgument("n", "must be >= 1", n);
    }
    if (events < 0 || events > n) {
      throw Checks.badArgument("events", "must be in [0, n = " + n + "]", events);
    }
    Checks.level(level);
    if (!(ciLower >= 0 && ciLower <= rate && rate <= ciUpper && ciUpper <= 1)) {
      throw Checks.badArgument("interval", "must satisfy 0 <= lower <= rate <= upper <= 1",
          "[" + ciLower + ", " + ciUpper + "] around " + rate);
    }
  }

  /**
   * Rate and interval for {@code events} of {@code n}.
   *
   * @param events persons with the event, in [0, n]
   * @param n cohort size, {@code >= 1}
   * @param method interval method
   * @param level confidence level, strictly between 0 and 1 (e.g. 0.95)
   * @return the rate {@code events/n} with its interval
   * @throws IllegalArgumentException when {@code events}, {@code n} or {@code level} is out of range
   */
  public static CohortRate of(long events, long n, BinomialInterval method, double level) {
    double[] ci = method.interval(events, n, level);
    return new CohortRate(events, n, (double) events / n, ci[0], ci[1], level, method);
  }

  /**
   * Rate of the 0/1 column {@code outcome} over all rows; a missing or non-0/1 cell is an error naming
   * its row (no rows are dropped).
   *
   * @param table the cohort, one row per person
   * @param outcome name of the 0/1 column (also {@code true/false}, {@code yes/no}, {@code ja/nee})
   * @param method interval method
   * @param level confidence level, strictly between 0 and 1 (e.g. 0.95)
   * @return the rate over all rows with its interval
   * @throws IllegalArgumentException when the column is absent, a cell is missing or not 0/1, the table
   *     has no rows, or {@code level} is out of range
   */
  public static CohortRate of(Table table, String outcome, BinomialInterval method, double level) {
    byte[] y = Columns.flags(table, outcome);
    long x = 0;
    for (int i = 0; i < y.length; i++) {
      if (y[i] < 0) {
        throw Checks.badCell(outcome, i + 1, "must be 0 or 1", null);
      }
      x += y[i];
    }
    return of(x, y.length, method, level);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "CohortRate[%.2f%% (%s%% CI %.2f–%.2f, %s), %d of %d]", 100 * rate,
        Stat.pct(level), 100 * ciLower, 100 * ciUpper, method, events, n);
  }
}
