package io.github.dmstat.charts.cli;

import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.datasets.Datasets;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/** {@code --data FILE.csv} or {@code --dataset NAME}, exactly one. */
final class DataOptions {
  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--data", paramLabel = "FILE.csv", description = "CSV file with a header row.")
    Path data;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Embedded dataset instead of --data (see 'dmstat datasets').")
    String dataset;
  }

  /** Name used in messages: the file name or {@code dataset NAME}. */
  String label() {
    return source.data != null ? source.data.toString() : "dataset '" + source.dataset + "'";
  }

  Table load() {
    return source.data != null ? Csv.read(source.data) : Datasets.table(source.dataset);
  }

  /** The embedded dataset's own design, when a dataset is used. */
  Optional<DesignSpec> defaultDesign() {
    return source.dataset != null ? Datasets.design(source.dataset) : Optional.empty();
  }

  /** Prefixes a binding message with the file it came from (once). */
  IllegalArgumentException where(IllegalArgumentException e) {
    String m = e.getMessage();
    String label = label();
    return m != null && m.startsWith(label) ? e : new IllegalArgumentException(label + ": " + m, e);
  }
}
