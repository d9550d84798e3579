package io.github.dmstat.core.io;

/**
 * How a column is read into primitive values, checked cell by cell while the file is parsed, so
 * that an error names the line as an editor shows it.
 */
public enum ColumnType {
  /** Labels (codes, group names), encoded once to dense int codes; missing values get code -1. */
  TEXT,
  /** Numbers (see {@link Numbers}); missing values are {@code NaN} in the array and counted. */
  NUMBER,
  /**
   * Head counts (people, events, dwellings): whole numbers {@code >= 0}; a fraction is an error
   * that says it may be a thousands separator.
   */
  COUNT,
  /** Whole numbers (years, periods), checked for overflow of a {@code long}. */
  INTEGER,
  /** 0/1 outcomes from the true, false and missing values of {@link ReadOptions}; -1 for missing. */
  FLAG,
  /**
   * Numbers when every present cell is a number (whole numbers without a leading zero become
   * integer columns), otherwise text; for reading whole tables.
   */
  AUTO
}
