package io.github.dmstat.core.survey;

import io.github.dmstat.core.Coded;
import io.github.dmstat.core.Labels;
import java.util.Locale;

/**
 * What to do with a stratum that holds a single primary sampling unit (PSU), whose
 * between-PSU variance cannot be estimated. Mirrors R {@code survey}'s
 * {@code options(survey.lonely.psu=...)} for a one-stage design (Lumley 2010, <i>Complex
 * Surveys</i>, §2.2; {@code survey:::onestrat}).
 *
 * <p>A single PSU that is its whole stratum (a finite population correction that says every PSU
 * was sampled: population 1, or sampling fraction 1) is not lonely: it was taken with certainty
 * and contributes no variance under every policy, {@code FAIL} included, as in R.
 */
public enum LonelyPsu implements Coded {
  /** Refuse the design; the message names the stratum (the default, as in R). */
  FAIL,
  /**
   * Centre the single PSU's total at the grand mean (zero for a linearised mean) instead of the
   * stratum mean: contributes {@code f_h · t_h²}. Conservative.
   */
  ADJUST,
  /** Ignore the stratum in the variance: contributes zero. */
  REMOVE,
  /** Treat the PSU as sampled with certainty: contributes zero. */
  CERTAINTY;

  /**
   * Parses {@code fail|adjust|remove|certainty} (any case; surrounding blanks ignored).
   *
   * @param text the code or enum name
   * @return the policy
   * @throws IllegalArgumentException when {@code text} is {@code null} or names no policy
   */
  public static LonelyPsu parse(String text) {
    return Labels.parse(LonelyPsu.class, "lonely PSU policy", text);
  }

  /**
   * Lower-case name as used on the command line.
   *
   * @return {@code fail}, {@code adjust}, {@code remove} or {@code certainty}
   */
  @Override
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
