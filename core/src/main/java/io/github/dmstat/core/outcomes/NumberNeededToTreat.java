package io.github.dmstat.core.outcomes;

import io.github.dmstat.core.Checks;
import java.util.Locale;

/**
 * Number needed to treat, {@code NNT = 1/|RD|}, with the interval obtained by inverting the risk
 * difference limits (Altman 1998, BMJ 317:1309–1312, doi:10.1136/bmj.317.7168.1309).
 *
 * <p>{@code RD = p_treated − p_control}. For a harmful outcome such as re-offending a negative RD
 * is a benefit ({@code NNT (benefit)}, NNTB), a positive RD a harm ({@code NNT (harm)}, NNTH); for a
 * desirable outcome the other way round. When the RD interval excludes 0 the NNT interval is
 * {@code 1/|limit|} of both limits. When it contains 0 the NNT interval has two pieces and is
 * worded as Altman proposes: {@code "NNT (benefit) a to ∞ to NNT (harm) b"}, with {@code a} the
 * inverse of the benefit-side limit and {@code b} of the harm-side limit. An RD of exactly 0 gives
 * {@code NNT = ∞}.
 *
 * @param riskDifference {@code RD}
 * @param rdLower lower limit of the RD interval
 * @param rdUpper upper limit of the RD interval
 * @param level confidence level
 * @param harmfulOutcome whether the outcome is undesirable (then a lower risk is a benefit)
 */
public record NumberNeededToTreat(double riskDifference, double rdLower, double rdUpper, double level,
    boolean harmfulOutcome) {
  /**
   * Checks the components.
   *
   * @param riskDifference {@code RD}, in [−1, 1] and within the interval
   * @param rdLower lower limit of the RD interval, in [−1, 1]
   * @param rdUpper upper limit of the RD interval, in [−1, 1]
   * @param level confidence level, strictly between 0 and 1
   * @param harmfulOutcome whether the outcome is undesirable
   * @throws IllegalArgumentException when a component is out of range
   */
  public NumberNeededToTreat {
    checkRd("riskDifference", riskDifference);
    checkRd("rdLower", rdLower);
    checkRd("rdUpper", rdUpper);
    Checks.level(level);
    if (!(rdLower <= riskDifference && riskDifference <= rdUpper)) {
      throw Checks.badArgument("riskDifference", "must lie within [rdLower, rdUpper] = [" + rdLower + ", "
          + rdUpper + "]", riskDifference);
    }
  }

  private static void checkRd(String field, double v) {
    if (!(v >= -1 && v <= 1)) {
      throw Checks.badArgument(field, "must be a finite risk difference in [-1, 1]", v);
    }
  }

  /**
   * From an RD effect size.
   *
   * @param rd an effect size of measure {@link Measure#RD}
   * @param harmfulOutcome whether the outcome is undesirable (e.g. re-offending), so that a lower risk is a benefit
   * @return the NNT with the interval inverted from the RD limits
   * @throws IllegalArgumentException when the measure is not RD, or a limit lies outside [−1, 1]
   */
  public static NumberNeededToTreat of(EffectSize rd, boolean harmfulOutcome) {
    return rd.numberNeededToTreat(harmfulOutcome);
  }

  /** Direction of the point estimate. */
  public enum Direction {
    /** The intervention lowers a harmful (raises a desirable) outcome. */
    BENEFIT,
    /** The intervention raises a harmful (lowers a desirable) outcome. */
    HARM,
    /** RD = 0. */
    NONE
  }

  private double benefitSign() {
    return harmfulOutcome ? -1 : 1;
  }

  /**
   * {@code 1/|RD|}; {@code +∞} when RD = 0.
   *
   * @return persons treated per event avoided (benefit) or caused (harm), {@code >= 1}, or {@code +∞}
   */
  public double nnt() {
    return riskDifference == 0 ? Double.POSITIVE_INFINITY : 1 / Math.abs(riskDifference);
  }

  /**
   * Whether the estimate is a benefit, a harm or neither.
   *
   * @return {@link Direction#NONE} when RD = 0, otherwise benefit or harm as set by {@link #harmfulOutcome()}
   */
  public Direction direction() {
    if (riskDifference == 0) {
      return Direction.NONE;
    }
    return riskDifference * benefitSign() > 0 ? Direction.BENEFIT : Direction.HARM;
  }

  /**
   * Whether the RD interval contains 0 (the NNT interval then passes through infinity).
   *
   * @return true when {@code rdLower <= 0 <= rdUpper}
   */
  public boolean intervalCrossesZero() {
    return rdLower <= 0 && rdUpper >= 0;
  }

  /**
   * The NNT limit from the benefit side of the RD interval ({@code +∞} when that side is 0).
   *
   * @return {@code 1/|rdLower|} for a harmful outcome, {@code 1/|rdUpper|} for a desirable one
   */
  public double benefitLimit() {
    double side = harmfulOutcome ? rdLower : rdUpper;
    return side == 0 ? Double.POSITIVE_INFINITY : 1 / Math.abs(side);
  }

  /**
   * The NNT limit from the harm side of the RD interval ({@code +∞} when that side is 0).
   *
   * @return {@code 1/|rdUpper|} for a harmful outcome, {@code 1/|rdLower|} for a desirable one
   */
  public double harmLimit() {
    double side = harmfulOutcome ? rdUpper : rdLower;
    return side == 0 ? Double.POSITIVE_INFINITY : 1 / Math.abs(side);
  }

  /**
   * Altman's wording of the estimate and interval, e.g.
   * {@code NNT (benefit) 8.3 (95% CI: NNT (benefit) 4.2 to ∞ to NNT (harm) 31.7)}.
   *
   * @return the wording, NNTs rounded to one decimal
   */
  public String wording() {
    String pct = Stat.pct(level);
    String head = switch (direction()) {
      case BENEFIT -> "NNT (benefit) " + f(nnt());
      case HARM -> "NNT (harm) " + f(nnt());
      case NONE -> "NNT ∞ (no difference)";
    };
    String ci;
    if (intervalCrossesZero()) {
      ci = "NNT (benefit) " + f(benefitLimit()) + " to ∞ to NNT (harm) " + f(harmLimit());
    } else {
      double a = 1 / Math.abs(rdLower);
      double b = 1 / Math.abs(rdUpper);
      ci = (direction() == Direction.BENEFIT ? "NNT (benefit) " : "NNT (harm) ") + f(Math.min(a, b)) + " to "
          + f(Math.max(a, b));
    }
    return head + " (" + pct + "% CI: " + ci + ")";
  }

  private static String f(double v) {
    return Double.isInfinite(v) ? "∞" : String.format(Locale.ROOT, "%.1f", v);
  }

  @Override
  public String toString() {
    return "NumberNeededToTreat[" + wording() + String.format(Locale.ROOT, ", RD %.4f (%s to %s)]", riskDifference,
        Stat.g(rdLower), Stat.g(rdUpper));
  }
}
