package io.github.dmstat.core.survey;

import io.github.dmstat.core.Coded;
import io.github.dmstat.core.Labels;
import io.github.dmstat.core.Checks;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Confidence interval methods for a design-based proportion {@code p} with linearised variance
 * {@code v}, design degrees of freedom {@code df} and confidence level {@code 1 − α}.
 *
 * <p>The first three follow R {@code survey::svyciprop} (Lumley 2010, §2.3.1) and agree with it
 * to 1e-8 relative; the other three apply the classical binomial intervals to the effective
 * sample size {@code n* = p(1−p)/v} (Kish 1965; Dean &amp; Pagano 2015, J. Surv. Stat. Methodol.
 * 3:484–503, doi:10.1093/jssam/smv024), with {@code x* = p·n*} and {@code z = Φ⁻¹(1−α/2)}. When
 * {@code v = 0} (p is 0 or 1) {@code n*} is the observed sample size {@code n}.
 *
 * <p>Edge cases: the logit interval is undefined at {@code p ∈ {0, 1}}; there the
 * {@link #BETA} interval (with {@code n* = n}) is used instead. Methods using {@code t_df} give no
 * interval when {@code df < 1}.
 */
public enum IntervalMethod implements Coded {
  /**
   * Logit (default): {@code expit(logit p ± t_{df,1−α/2} · √v / (p(1−p)))}, R
   * {@code svyciprop(method="logit")} (equal to {@code "xlogit"}).
   */
  LOGIT("logit"),
  /**
   * Korn &amp; Graubard (1998, Survey Methodology 24:193–201) beta interval:
   * {@code n* = p(1−p)/v · (t_{N−1,α/2} / t_{df,α/2})²} with {@code N} the number of domain rows;
   * lower {@code = B⁻¹(α/2; n*p, n*(1−p)+1)}, upper {@code = B⁻¹(1−α/2; n*p+1, n*(1−p))}. R
   * {@code svyciprop(method="beta")}.
   */
  BETA("beta"),
  /** Wald: {@code p ± t_{df,1−α/2} · √v}, R {@code svyciprop(method="mean")}; may leave [0, 1]. */
  MEAN("mean"),
  /**
   * Wilson score interval on the effective sample size:
   * {@code (x* + z²/2)/(n* + z²) ± z·√n* / (n* + z²) · √(p(1−p) + z²/(4n*))}.
   */
  WILSON("wilson"),
  /**
   * Clopper–Pearson on the effective sample size: lower {@code B⁻¹(α/2; x*, n*−x*+1)} (0 when
   * {@code x* = 0}), upper {@code B⁻¹(1−α/2; x*+1, n*−x*)} (1 when {@code x* = n*}).
   */
  CLOPPER_PEARSON("clopper-pearson"),
  /**
   * Jeffreys: the {@code α/2} and {@code 1−α/2} quantiles of {@code Beta(x*+½, n*−x*+½)}, with
   * lower 0 when {@code p = 0} and upper 1 when {@code p = 1} (Brown, Cai &amp; DasGupta 2001,
   * Statist. Sci. 16:101–133).
   */
  JEFFREYS("jeffreys");

  private final String label;

  IntervalMethod(String label) {
    this.label = label;
  }

  /**
   * The name used on the command line and in JSON.
   *
   * @return the label, e.g. {@code logit} or {@code clopper-pearson}
   */
  @Override
  public String code() {
    return label;
  }

  /**
   * Parses a label such as {@code logit} or {@code clopper-pearson}, or an enum name (any case;
   * surrounding blanks ignored).
   *
   * @param text the label or enum name
   * @return the method
   * @throws IllegalArgumentException when {@code text} is {@code null} or names no method
   */
  public static IntervalMethod parse(String text) {
    return Labels.parse(IntervalMethod.class, "interval method", text);
  }

  /**
   * Whether the method needs design degrees of freedom (a t quantile).
   *
   * @return {@code true} for {@link #LOGIT}, {@link #BETA} and {@link #MEAN}
   */
  public boolean usesDegreesOfFreedom() {
    return this == LOGIT || this == BETA || this == MEAN;
  }

  /**
   * The interval, or empty when it is undefined ({@code df < 1} for t-based methods; fewer than two
   * domain rows for {@link #BETA}, and so for {@link #LOGIT} at {@code p ∈ {0, 1}}).
   *
   * @param p proportion in [0, 1]
   * @param variance its linearised variance
   * @param n observed rows in the domain
   * @param domainRows all rows in the domain (observed or not; {@code N} of {@link #BETA})
   * @param df design degrees of freedom of the domain
   * @param level confidence level in (0, 1)
   * @return {@code {lower, upper}} as proportions ({@link #MEAN} may leave [0, 1]), or empty
   * @throws IllegalArgumentException when {@code level} is not strictly between 0 and 1
   */
  public Optional<double[]> interval(double p, double variance, long n, long domainRows, int df, double level) {
    Checks.level(level);
    double alpha = 1 - level;
    if (usesDegreesOfFreedom() && df < 1) {
      return Optional.empty();
    }
    switch (this) {
      case LOGIT: {
        if (p <= 0 || p >= 1) {
          return BETA.interval(p, variance, n, domainRows, df, level);
        }
        double t = tQuantile(1 - alpha / 2, df);
        double eta = Math.log(p / (1 - p));
        double half = t * Math.sqrt(variance) / (p * (1 - p));
        return Optional.of(new double[] {expit(eta - half), expit(eta + half)});
      }
      case BETA: {
        if (domainRows < 2) {
          return Optional.empty();
        }
        double nEff = effectiveSize(p, variance, n);
        double ratio = tQuantile(alpha / 2, domainRows - 1) / tQuantile(alpha / 2, df);
        nEff *= ratio * ratio;
        double lower = p <= 0 ? 0 : betaQuantile(alpha / 2, nEff * p, nEff * (1 - p) + 1);
        double upper = p >= 1 ? 1 : betaQuantile(1 - alpha / 2, nEff * p + 1, nEff * (1 - p));
        return Optional.of(new double[] {lower, upper});
      }
      case MEAN: {
        double half = tQuantile(1 - alpha / 2, df) * Math.sqrt(variance);
        return Optional.of(new double[] {p - half, p + half});
      }
      case WILSON: {
        double nEff = effectiveSize(p, variance, n);
        double z = zQuantile(1 - alpha / 2);
        double z2 = z * z;
        double centre = (p * nEff + z2 / 2) / (nEff + z2);
        double half = z * Math.sqrt(nEff) / (nEff + z2) * Math.sqrt(p * (1 - p) + z2 / (4 * nEff));
        // at p = 0 (or 1) the bound is exactly 0 (or 1); rounding would leave ±4e-19
        double lower = p <= 0 ? 0 : Math.min(p, Math.max(0, centre - half));
        double upper = p >= 1 ? 1 : Math.max(p, Math.min(1, centre + half));
        return Optional.of(new double[] {lower, upper});
      }
      case CLOPPER_PEARSON: {
        double nEff = effectiveSize(p, variance, n);
        double x = p * nEff;
        double lower = p <= 0 ? 0 : betaQuantile(alpha / 2, x, nEff - x + 1);
        double upper = p >= 1 ? 1 : betaQuantile(1 - alpha / 2, x + 1, nEff - x);
        return Optional.of(new double[] {lower, upper});
      }
      case JEFFREYS: {
        double nEff = effectiveSize(p, variance, n);
        double x = p * nEff;
        double lower = p <= 0 ? 0 : betaQuantile(alpha / 2, x + 0.5, nEff - x + 0.5);
        double upper = p >= 1 ? 1 : betaQuantile(1 - alpha / 2, x + 0.5, nEff - x + 0.5);
        return Optional.of(new double[] {lower, upper});
      }
      default:
        throw new AssertionError(this);
    }
  }

  /** {@code p(1−p)/v}, or {@code n} when {@code v = 0}. */
  static double effectiveSize(double p, double variance, long n) {
    return variance > 0 ? p * (1 - p) / variance : n;
  }

  static double expit(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** t quantiles by (probability, df): domains of one table mostly share their df. Bounded. */
  private static final java.util.Map<java.util.List<Double>, Double> T_QUANTILES = new java.util.concurrent.ConcurrentHashMap<>();

  static double tQuantile(double q, double df) {
    java.util.List<Double> key = java.util.List.of(q, df);
    Double cached = T_QUANTILES.get(key);
    if (cached != null) {
      return cached;
    }
    double v = TDistribution.of(df).inverseCumulativeProbability(q);
    if (T_QUANTILES.size() > 4096) {
      T_QUANTILES.clear();
    }
    T_QUANTILES.put(key, v);
    return v;
  }

  static double zQuantile(double q) {
    return NormalDistribution.of(0, 1).inverseCumulativeProbability(q);
  }

  static double betaQuantile(double q, double a, double b) {
    return BetaDistribution.of(a, b).inverseCumulativeProbability(q);
  }

  @Override
  public String toString() {
    return label.toLowerCase(Locale.ROOT);
  }
}
