package io.github.dmstat.cli;

import io.github.dmstat.core.Checks;
import java.util.List;
import java.util.Locale;

/** Output formats of the analysis commands. */
enum Format {
  TABLE, JSON, CSV;

  static Format parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Checks.unknownValue("--format", s, List.of("table", "json", "csv"));
    }
  }
}
