package io.github.dmstat.core.disclosure;

import io.github.dmstat.core.Coded;
import io.github.dmstat.core.Labels;
import java.util.Locale;

/**
 * Rules that decide whether a proportion may be published.
 *
 * <ul>
 *   <li>{@link #NONE}: everything is {@link Reliability#OK}.</li>
 *   <li>{@link #NCHS}: US National Center for Health Statistics presentation rule (as used in
 *       <i>Health, United States</i>): sample size {@code n < 30} is suppressed; {@code n < 60} or
 *       relative standard error {@code RSE = se/p >= 30%} is flagged unreliable. An estimate of
 *       exactly zero has no finite RSE and is flagged unreliable.</li>
 *   <li>{@link #NSDUH}: US National Survey on Drug Use and Health suppression rule (SAMHSA, NSDUH
 *       Methodological Summary, "Suppression criteria"): for {@code p < 0.0523} suppress when
 *       {@code RSE(−ln p) = se/(p·|ln p|) > 0.10}; for {@code 0.0523 <= p <= 0.9477} suppress when
 *       the effective sample size {@code n/deff <= 208} (design effect floored at 0.2, taken as 1
 *       when undefined); for {@code p > 0.9477} suppress when
 *       {@code RSE(−ln(1−p)) = se/((1−p)·|ln(1−p)|) > 0.10}.</li>
 * </ul>
 */
public enum ReliabilityRule implements Coded {
  /** No rule: every estimate is {@link Reliability#OK}. */
  NONE,
  /**
   * US NCHS presentation rule: suppressed when {@code n < 30}; unreliable when {@code n < 60} or
   * {@code se/p >= 0.30} (an estimate of 0 included).
   */
  NCHS,
  /**
   * US NSDUH suppression rule: for {@code p < 0.0523} or {@code p > 0.9477} by the relative standard
   * error of {@code −ln p} or {@code −ln(1−p)}, otherwise by the effective sample size
   * {@code n/deff <= 208}; it never marks an estimate unreliable.
   */
  NSDUH;

  /**
   * Assesses one proportion.
   *
   * @param n sample size (rows with an observed outcome)
   * @param p estimated proportion in [0, 1]
   * @param se its standard error
   * @param designEffect the design effect, or {@code NaN} when undefined
   * @return the status and, unless OK, the reason in words
   */
  public Assessment assess(long n, double p, double se, double designEffect) {
    switch (this) {
      case NONE:
        return Assessment.ok();
      case NCHS: {
        if (n < 30) {
          return Assessment.suppressed("n=" + n + " < 30");
        }
        double rse = se / p;
        if (n < 60) {
          return Assessment.unreliable("n=" + n + " < 60");
        }
        if (!(rse < 0.30)) {
          return Assessment.unreliable(p == 0 ? "estimate is 0: no relative standard error"
              : String.format(Locale.ROOT, "relative SE %.1f%% >= 30%%", 100 * rse));
        }
        return Assessment.ok();
      }
      case NSDUH: {
        if (p < 0.0523) {
          double rse = se / (p * Math.abs(Math.log(p)));
          return rse > 0.10 || p == 0
              ? Assessment.suppressed(String.format(Locale.ROOT, "RSE of -ln(p) %s > 10%%", p == 0 ? "undefined" : String.format(Locale.ROOT, "%.1f%%", 100 * rse)))
              : Assessment.ok();
        }
        if (p > 0.9477) {
          double q = 1 - p;
          double rse = se / (q * Math.abs(Math.log(q)));
          return rse > 0.10 || q == 0
              ? Assessment.suppressed(String.format(Locale.ROOT, "RSE of -ln(1-p) %s > 10%%", q == 0 ? "undefined" : String.format(Locale.ROOT, "%.1f%%", 100 * rse)))
              : Assessment.ok();
        }
        double deff = Double.isNaN(designEffect) ? 1.0 : Math.max(0.2, designEffect);
        double effective = n / deff;
        return effective <= 208
            ? Assessment.suppressed(String.format(Locale.ROOT, "effective n %.1f <= 208", effective))
            : Assessment.ok();
      }
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * Assesses a total, mean or ratio of a continuous variable, where a proportion's rules do not
   * apply: {@link #NONE} passes everything; {@link #NCHS} applies the same presentation rule to
   * the relative standard error {@code se/|estimate|} (suppressed when {@code n < 30}, unreliable
   * when {@code n < 60} or {@code RSE >= 30%}, an estimate of 0 included); {@link #NSDUH} applies
   * NSDUH's rule for estimates that are not proportions, such as mean age at first use: suppressed
   * when {@code n < 10} or {@code RSE > 50%}.
   *
   * @param n sample size (rows with the variable observed)
   * @param estimate the total, mean or ratio
   * @param se its standard error
   * @return the status and, unless OK, the reason in words
   */
  public Assessment assessMeasure(long n, double estimate, double se) {
    double rse = se / Math.abs(estimate);
    String rseText = estimate == 0 ? "estimate is 0: no relative standard error"
        : String.format(Locale.ROOT, "relative SE %.1f%%", 100 * rse);
    switch (this) {
      case NONE:
        return Assessment.ok();
      case NCHS:
        if (n < 30) {
          return Assessment.suppressed("n=" + n + " < 30");
        }
        if (n < 60) {
          return Assessment.unreliable("n=" + n + " < 60");
        }
        return rse < 0.30 ? Assessment.ok() : Assessment.unreliable(estimate == 0 ? rseText : rseText + " >= 30%");
      case NSDUH:
        if (n < 10) {
          return Assessment.suppressed("n=" + n + " < 10");
        }
        return rse <= 0.50 ? Assessment.ok() : Assessment.suppressed(estimate == 0 ? rseText : rseText + " > 50%");
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * Parses {@code none|nchs|nsduh} (any case; surrounding blanks ignored).
   *
   * @param text the code or enum name
   * @return the rule
   * @throws IllegalArgumentException when {@code text} is {@code null} or names no rule
   */
  public static ReliabilityRule parse(String text) {
    return Labels.parse(ReliabilityRule.class, "reliability rule", text);
  }

  /**
   * Lower-case name as used on the command line.
   *
   * @return {@code none}, {@code nchs} or {@code nsduh}
   */
  @Override
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
