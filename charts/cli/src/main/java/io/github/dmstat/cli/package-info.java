/**
 * The {@code dmstat} command line ({@link io.github.dmstat.cli.Main}): a thin layer over the
 * library that reads options and files, calls the estimators and writes JSON, CSV, tables, charts
 * and the report. Exit codes: 0 success, 2 bad input, 1 any other failure.
 */
package io.github.dmstat.cli;
