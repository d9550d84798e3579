package io.github.dmstat.core.outcomes;

import io.github.dmstat.core.Checks;
import java.util.Locale;

/**
 * Power and sample size for comparing two proportions with a two-sided test, as R
 * {@code power.prop.test(..., strict = FALSE)}:
 * {@code power = Φ((√n·|p1 − p2| − z_{1−α/2}·√((p1+p2)(1 − (p1+p2)/2)))
 * / √(p1(1−p1) + p2(1−p2)))},
 * {@code n} persons <em>per group</em> (not rounded; round up for planning). {@link #sampleSize}
 * solves for {@code n} by bisection to 1e-13 relative (R's {@code uniroot}, default tolerance
 * only ~1e-4).
 *
 * @param p1 proportion in group 1, in (0, 1)
 * @param p2 proportion in group 2, in (0, 1), {@code != p1}
 * @param sigLevel two-sided significance level α
 * @param n persons per group
 * @param power probability of rejecting
 * @param solvedFor {@code "power"} or {@code "n"}
 */
public record PowerResult(double p1, double p2, double sigLevel, double n, double power, String solvedFor) {
  /**
   * Checks the components.
   *
   * @param p1 proportion in group 1, strictly between 0 and 1
   * @param p2 proportion in group 2, strictly between 0 and 1, {@code != p1}
   * @param sigLevel two-sided significance level α, strictly between 0 and 1
   * @param n persons per group, finite and {@code > 0}
   * @param power probability of rejecting, strictly between 0 and 1
   * @param solvedFor {@code "power"} or {@code "n"}
   * @throws IllegalArgumentException when a component is out of range
   */
  public PowerResult {
    prob("p1", p1);
    prob("p2", p2);
    if (p1 == p2) {
      throw Checks.badArgument("p2", "must differ from p1", p2);
    }
    prob("sigLevel", sigLevel);
    if (!(n > 0) || Double.isInfinite(n)) {
      throw Checks.badArgument("n", "must be finite and > 0", n);
    }
    prob("power", power);
    if (!"power".equals(solvedFor) && !"n".equals(solvedFor)) {
      throw Checks.unknownValue("solvedFor", solvedFor, java.util.List.of("power", "n"));
    }
  }

  private static void prob(String f, double v) {
    if (!(v > 0 && v < 1)) {
      throw Checks.badArgument(f, "must be strictly between 0 and 1", v);
    }
  }

  /**
   * Power of a two-sided test with {@code n} per group.
   *
   * @param n persons per group, finite and {@code > 0} (need not be whole)
   * @param p1 proportion in group 1, strictly between 0 and 1
   * @param p2 proportion in group 2, strictly between 0 and 1, {@code != p1}
   * @param sigLevel two-sided significance level α, strictly between 0 and 1 (e.g. 0.05)
   * @return the result with {@code solvedFor = "power"}
   * @throws IllegalArgumentException when an argument is out of range, {@code p1 == p2}, or the power
   *     computes as 1 (very large {@code n})
   */
  public static PowerResult power(double n, double p1, double p2, double sigLevel) {
    prob("p1", p1);
    prob("p2", p2);
    prob("sigLevel", sigLevel);
    if (!(n > 0) || Double.isInfinite(n)) {
      throw Checks.badArgument("n", "must be finite and > 0", n);
    }
    return new PowerResult(p1, p2, sigLevel, n, powerOf(n, p1, p2, sigLevel), "power");
  }

  /**
   * Persons per group needed for the given power (two-sided).
   *
   * @param power the power to reach, strictly between 0 and 1 (e.g. 0.8)
   * @param p1 proportion in group 1, strictly between 0 and 1
   * @param p2 proportion in group 2, strictly between 0 and 1, {@code != p1}
   * @param sigLevel two-sided significance level α, strictly between 0 and 1 (e.g. 0.05)
   * @return the result with {@code solvedFor = "n"}; {@code n} is not rounded
   * @throws IllegalArgumentException when an argument is out of range, {@code p1 == p2}, or the power is not
   *     reached with {@code n} up to 1e15
   */
  public static PowerResult sampleSize(double power, double p1, double p2, double sigLevel) {
    prob("p1", p1);
    prob("p2", p2);
    prob("sigLevel", sigLevel);
    prob("power", power);
    if (p1 == p2) {
      throw Checks.badArgument("p2", "must differ from p1", p2);
    }
    double lo = 1e-9;
    double hi = 1;
    while (powerOf(hi, p1, p2, sigLevel) < power) {
      hi *= 2;
      if (hi > 1e15) {
        throw Checks.badArgument("power", "is not reachable", power);
      }
    }
    if (powerOf(lo, p1, p2, sigLevel) >= power) {
      return new PowerResult(p1, p2, sigLevel, lo, power, "n");
    }
    for (int i = 0; i < 400 && hi - lo > 1e-13 * hi; i++) {
      double mid = 0.5 * (lo + hi);
      if (powerOf(mid, p1, p2, sigLevel) < power) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return new PowerResult(p1, p2, sigLevel, 0.5 * (lo + hi), power, "n");
  }

  static double powerOf(double n, double p1, double p2, double sig) {
    double qu = Stat.z(1 - sig / 2);
    double num = Math.sqrt(n) * Math.abs(p1 - p2) - qu * Math.sqrt((p1 + p2) * (1 - (p1 + p2) / 2));
    return Stat.pnorm(num / Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)));
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "PowerResult[%s: n = %.2f per group, power %.4f, p1 %.4f vs p2 %.4f, two-sided α %s]",
        solvedFor.equals("n") ? "sample size" : "power", n, power, p1, p2, Stat.g(sigLevel));
  }
}
