package io.github.dmstat.core.concentration;

import io.github.dmstat.core.Coded;
import io.github.dmstat.core.Labels;
import io.github.dmstat.core.Checks;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Confidence intervals for a Poisson count {@code x} (events) at level {@code 1 − α}. The bounds
 * below are for the expected count; a rate divides them by the population and multiplies by
 * "per how many".
 */
public enum RateInterval implements Coded {
  /**
   * Exact (Garwood 1936, Biometrika 28:437–442, doi:10.1093/biomet/28.3-4.437): lower
   * {@code = χ²_{α/2}(2x)/2 = Γ⁻¹(α/2; x)} (0 when {@code x = 0}), upper
   * {@code = χ²_{1−α/2}(2x+2)/2 = Γ⁻¹(1−α/2; x+1)}. As R {@code poisson.test(x, T)$conf.int}.
   */
  EXACT("exact"),
  /**
   * Byar's approximation (Rothman &amp; Boice 1979, <i>Epidemiologic analysis with a programmable
   * calculator</i>, NIH 79-1649), with {@code z = Φ⁻¹(1−α/2)}: lower
   * {@code = x (1 − 1/(9x) − z/(3√x))³} (0 when {@code x = 0}), upper
   * {@code = (x+1)(1 − 1/(9(x+1)) + z/(3√(x+1)))³}.
   */
  BYAR("byar");

  private final String label;

  RateInterval(String label) {
    this.label = label;
  }

  /** The name used on the command line and in JSON. */
  @Override
  public String code() {
    return label;
  }

  /**
   * Parses {@code exact} or {@code byar} (any case).
   *
   * @param text the method name; surrounding blanks are ignored
   * @return the interval method
   * @throws IllegalArgumentException when {@code text} names no method
   */
  public static RateInterval parse(String text) {
    return Labels.parse(RateInterval.class, "rate interval", text);
  }

  /**
   * Bounds {@code {lower, upper}} for the expected count given {@code x} observed events.
   *
   * @param x observed events ({@code >= 0})
   * @param level confidence level in (0, 1)
   * @return a new array {@code {lower, upper}}, expected counts with {@code 0 <= lower}
   * @throws IllegalArgumentException when {@code x < 0} or {@code level} is not in (0, 1)
   */
  public double[] countBounds(long x, double level) {
    Checks.level(level);
    if (x < 0) {
      throw Checks.badArgument("events", "must be >= 0", x);
    }
    double alpha = 1 - level;
    if (this == EXACT) {
      double lower = x == 0 ? 0 : gammaLowerQuantile(alpha / 2, x);
      double upper = gammaUpperQuantile(alpha / 2, x + 1.0);
      return new double[] {lower, upper};
    }
    double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - alpha / 2);
    double lower = 0;
    if (x > 0) {
      double c = 1 - 1 / (9.0 * x) - z / (3 * Math.sqrt(x));
      lower = Math.max(0, x * c * c * c);
    }
    double x1 = x + 1.0;
    double c = 1 - 1 / (9 * x1) + z / (3 * Math.sqrt(x1));
    return new double[] {lower, x1 * c * c * c};
  }

  /** {@code q} with {@code P(X <= q) = p} for {@code X ~ Gamma(shape, 1)}, polished by Newton steps. */
  static double gammaLowerQuantile(double p, double shape) {
    GammaDistribution g = GammaDistribution.of(shape, 1);
    double q = g.inverseCumulativeProbability(p);
    for (int it = 0; it < 4 && q > 0; it++) {
      double f = g.density(q);
      if (!(f > 0)) {
        break;
      }
      double step = (g.cumulativeProbability(q) - p) / f;
      q -= step;
      if (Math.abs(step) <= 1e-15 * q) {
        break;
      }
    }
    return q;
  }

  /** {@code q} with {@code P(X > q) = s} for {@code X ~ Gamma(shape, 1)}, polished by Newton steps. */
  static double gammaUpperQuantile(double s, double shape) {
    GammaDistribution g = GammaDistribution.of(shape, 1);
    double q = g.inverseSurvivalProbability(s);
    for (int it = 0; it < 4 && q > 0; it++) {
      double f = g.density(q);
      if (!(f > 0)) {
        break;
      }
      double step = (g.survivalProbability(q) - s) / f;
      q += step;
      if (Math.abs(step) <= 1e-15 * q) {
        break;
      }
    }
    return q;
  }

  @Override
  public String toString() {
    return label;
  }
}
