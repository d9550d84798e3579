package io.github.dmstat.core.disclosure;

/** Publication status of an estimate after a reliability rule. */
public enum Reliability {
  /** Meets the rule: show it. */
  OK,
  /** Shown, but marked and footnoted as statistically unreliable. */
  UNRELIABLE,
  /** Not shown: the estimate carries no value in any output. */
  SUPPRESSED
}
