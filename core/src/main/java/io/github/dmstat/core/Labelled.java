package io.github.dmstat.core;

/** A method family member with the label used on the command line and in JSON. */
public interface Labelled {
  /** The label, e.g. {@code clopper-pearson}. */
  String label();
}
