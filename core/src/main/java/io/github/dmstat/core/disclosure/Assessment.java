package io.github.dmstat.core.disclosure;

import java.util.Objects;

/**
 * The outcome of a reliability rule for one estimate: a status and the reason in words
 * (empty for {@link Reliability#OK}).
 */
public record Assessment(Reliability status, String reason) {
  public Assessment {
    Objects.requireNonNull(status, "status");
    reason = reason == null ? "" : reason;
  }

  /** An OK assessment. */
  public static Assessment ok() {
    return new Assessment(Reliability.OK, "");
  }

  /** A suppression with its reason. */
  public static Assessment suppressed(String reason) {
    return new Assessment(Reliability.SUPPRESSED, reason);
  }

  /** An unreliable mark with its reason. */
  public static Assessment unreliable(String reason) {
    return new Assessment(Reliability.UNRELIABLE, reason);
  }

  /** The stricter of this and {@code other}. */
  public Assessment worst(Assessment other) {
    return other.status.ordinal() > status.ordinal() ? other : this;
  }
}
