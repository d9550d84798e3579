package io.github.dmstat.cli;

import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.survey.IntervalMethod;
import io.github.dmstat.core.survey.PrevalenceEstimator;
import picocli.CommandLine.Option;

/** {@code --ci}, {@code --level} and {@code --reliability}: the settings of a prevalence estimator. */
final class EstimatorOptions {
  @Option(names = "--ci", paramLabel = "METHOD", defaultValue = "logit",
      description = "Interval: logit, beta, mean, wilson, clopper-pearson, jeffreys (default: ${DEFAULT-VALUE}).")
  String ci = "logit";

  @Option(names = "--level", paramLabel = "P", defaultValue = "0.95", description = "Confidence level (default: ${DEFAULT-VALUE}).")
  double level = 0.95;

  @Option(names = "--reliability", paramLabel = "RULE", defaultValue = "nchs",
      description = "Reliability rule: none, nchs, nsduh (default: ${DEFAULT-VALUE}).")
  String reliability = "nchs";

  /** The estimator these options describe (unknown values: an error listing the valid ones). */
  PrevalenceEstimator estimator() {
    return PrevalenceEstimator.withDefaults().with(IntervalMethod.parse(ci)).with(ReliabilityRule.parse(reliability))
        .withLevel(level);
  }
}
