package io.github.dmstat.cli;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.io.Json;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import tech.tablesaw.api.Table;

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

  /**
   * {@code result} in this format: its JSON ({@link Json#write(Object)}) with a newline, the CSV
   * of {@code table}, or its {@code toString()} table.
   */
  String render(Object result, Supplier<Table> table) {
    switch (this) {
      case JSON:
        return Json.write(result) + "\n";
      case CSV:
        return Csv.toString(table.get());
      default:
        return result.toString();
    }
  }
}
