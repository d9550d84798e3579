package io.github.dmstat.cli;

import picocli.CommandLine;

/** A survey command that can also estimate on a replicate-weight design ({@link ReplicateOptions}). */
abstract class ReplicableCommand extends SurveyCommand {
  @CommandLine.ArgGroup(exclusive = false, heading = "Replicate weights (instead of Taylor linearisation):%n", order = 20)
  ReplicateOptions replicates;

  /** Whether a replicate design was asked for. */
  boolean replicated() {
    return replicates != null && replicates.given();
  }
}
