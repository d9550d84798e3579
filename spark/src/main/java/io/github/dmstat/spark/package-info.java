/**
 * dmstat's survey estimators on Apache Spark, for data that outgrows one JVM: survey-weighted
 * prevalence with Taylor linearisation ({@link io.github.dmstat.spark.SparkPrevalence}) or
 * replicate weights ({@link io.github.dmstat.spark.SparkReplicates}), and the per-area sums
 * behind concentration ({@link io.github.dmstat.spark.SparkConcentration}). Each partition fills
 * one of dmstat-core's mergeable partials, the partials are merged by tree aggregation and the
 * driver finishes with dmstat-core, so the results are the single-JVM results (to the rounding of
 * the order of additions). {@link io.github.dmstat.spark.PrevalenceJob} is a ready Spark
 * application. An optional module: nothing else in dmstat depends on it, and Spark comes in
 * {@code provided} scope.
 */
package io.github.dmstat.spark;
