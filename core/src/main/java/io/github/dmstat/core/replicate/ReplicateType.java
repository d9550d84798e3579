package io.github.dmstat.core.replicate;

import io.github.dmstat.core.Coded;
import io.github.dmstat.core.Labels;
import java.util.Locale;

/** The kind of replicate weights, as R {@code svrepdesign(type = ...)}. */
public enum ReplicateType implements Coded {
  /** Delete-one-PSU jackknife over all PSUs (unstratified). */
  JK1,
  /** Delete-one-PSU jackknife within strata. */
  JKN,
  /** Balanced repeated replication (two PSUs per stratum, half-samples from a Hadamard matrix). */
  BRR,
  /** Fay's modified BRR with factor {@code ρ}. */
  FAY,
  /** Bootstrap resampling of PSUs within strata. */
  BOOTSTRAP;

  /**
   * Parses {@code jk1|jkn|brr|fay|bootstrap} (any case; surrounding blanks ignored).
   *
   * @param text the code or enum name
   * @return the type
   * @throws IllegalArgumentException when {@code text} is {@code null} or names no type
   */
  public static ReplicateType parse(String text) {
    return Labels.parse(ReplicateType.class, "replicate type", text);
  }

  /**
   * Lower-case name as used on the command line.
   *
   * @return {@code jk1}, {@code jkn}, {@code brr}, {@code fay} or {@code bootstrap}
   */
  @Override
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
