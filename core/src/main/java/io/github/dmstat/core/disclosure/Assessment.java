package io.github.dmstat.core.disclosure;

import java.util.Objects;

/**
 * The outcome of a reliability rule for one estimate: a status and the reason in words
 * (empty for {@link Reliability#OK}).
 *
 * @param status the publication status
 * @param reason why the estimate is unreliable or suppressed; empty, never {@code null}, when OK
 */
public record Assessment(Reliability status, String reason) {
  /**
   * Checks the status and reads a {@code null} reason as empty.
   *
   * @param status the publication status
   * @param reason the reason in words, or {@code null} for none
   * @throws NullPointerException when {@code status} is {@code null}
   */
  public Assessment {
    Objects.requireNonNull(status, "status");
    reason = reason == null ? "" : reason;
  }

  /**
   * An OK assessment.
   *
   * @return status {@link Reliability#OK} with an empty reason
   */
  public static Assessment ok() {
    return new Assessment(Reliability.OK, "");
  }

  /**
   * A suppression with its reason.
   *
   * @param reason why the estimate is suppressed, e.g. {@code n=12 < 30}
   * @return status {@link Reliability#SUPPRESSED} with that reason
   */
  public static Assessment suppressed(String reason) {
    return new Assessment(Reliability.SUPPRESSED, reason);
  }

  /**
   * An unreliable mark with its reason.
   *
   * @param reason why the estimate is unreliable, e.g. {@code n=45 < 60}
   * @return status {@link Reliability#UNRELIABLE} with that reason
   */
  public static Assessment unreliable(String reason) {
    return new Assessment(Reliability.UNRELIABLE, reason);
  }

  /**
   * The stricter of this and {@code other} ({@code SUPPRESSED} over {@code UNRELIABLE} over
   * {@code OK}); this one when both have the same status.
   *
   * @param other another assessment of the same estimate
   * @return this or {@code other}, with its own reason
   */
  public Assessment worst(Assessment other) {
    return other.status.ordinal() > status.ordinal() ? other : this;
  }
}
