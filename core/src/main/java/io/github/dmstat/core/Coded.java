package io.github.dmstat.core;

/**
 * An enum constant with a machine token: the word the command line takes, JSON writes and
 * {@link Labels#parse} reads, e.g. {@code clopper-pearson}. Every enum of the library names its
 * token {@code code()}; human words in a language are {@code label(Locale)}.
 */
public interface Coded {
  /**
   * The machine token, e.g. {@code clopper-pearson}.
   *
   * @return the token that {@link Labels#parse} accepts for this constant
   */
  String code();
}
