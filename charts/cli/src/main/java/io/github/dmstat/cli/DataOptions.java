package io.github.dmstat.cli;

import io.github.dmstat.core.io.ColumnType;
import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.io.Frame;
import io.github.dmstat.core.io.ReadOptions;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.datasets.Datasets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/**
 * {@code --data FILE} or {@code --dataset NAME}, exactly one, and how to read the file
 * ({@link ReadingOptions}). Binding errors are placed at the file's line through the {@link Frame}
 * the file was read into.
 */
final class DataOptions {
  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @ArgGroup(exclusive = false, heading = "Reading the file (--data):%n", order = 100)
  ReadingOptions reading = new ReadingOptions();

  private Frame frame;

  static final class Source {
    @Option(names = "--data", paramLabel = "FILE", description = "CSV (or .xlsx) file with a header row.")
    Path data;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Embedded dataset instead of --data (see 'dmstat datasets').")
    String dataset;
  }

  /** An embedded dataset by name (for commands whose data is optional). */
  static DataOptions dataset(String name) {
    DataOptions d = new DataOptions();
    d.source = new Source();
    d.source.dataset = name;
    return d;
  }

  static DataOptions file(java.nio.file.Path path) {
    DataOptions d = new DataOptions();
    d.source = new Source();
    d.source.data = path;
    return d;
  }

  /** Name used in messages: the file name or {@code dataset NAME}. */
  String label() {
    return source.data != null ? fileName(source.data) : "dataset '" + source.dataset + "'";
  }

  /** Whether the data is a file (not an embedded dataset). */
  boolean isFile() {
    return source.data != null;
  }

  /** The read options of the file. */
  ReadOptions readOptions() {
    return reading == null ? new ReadingOptions().options() : reading.options();
  }

  /** The whole table, numbers typed; rows left out by {@code --where} are reported on {@code err}. */
  Table load(PrintWriter err) {
    return load(err, List.of());
  }

  /**
   * The whole table, with {@code flagColumns} (where the file has them) read as 0/1 outcomes, so
   * that {@code --true-values}, {@code --false-values} and {@code --na-values} apply to them.
   */
  Table load(PrintWriter err, Collection<String> flagColumns) {
    if (source.data == null) {
      refuseReadingOptions();
      return Datasets.table(source.dataset);
    }
    Map<String, ColumnType> types = new HashMap<>();
    for (String f : flagColumns) {
      if (f != null) {
        types.put(f, ColumnType.FLAG);
      }
    }
    frame = Csv.frame(source.data, readOptions(), types, ColumnType.AUTO);
    report(err);
    return frame.toTable();
  }

  /** Only the named columns of the file, each checked as its type while the file is read. */
  Frame frame(Map<String, ColumnType> columns, PrintWriter err) {
    frame = Csv.frame(source.data, readOptions(), columns);
    report(err);
    return frame;
  }

  private void report(PrintWriter err) {
    if (frame.filtered() > 0 && err != null) {
      err.println("dmstat: " + label() + ": --where kept " + frame.rows() + " of " + (frame.rows() + frame.filtered()) + " rows");
      err.flush();
    }
  }

  private void refuseReadingOptions() {
    if (reading != null && reading.changed()) {
      throw new IllegalArgumentException("the reading options (--delimiter, --where, ...) apply to --data files, not to --dataset "
          + source.dataset);
    }
  }

  /** The embedded dataset's own design, when a dataset is used. */
  Optional<DesignSpec> defaultDesign() {
    return source.dataset != null ? Datasets.design(source.dataset) : Optional.empty();
  }

  /** Places a binding message at the file and line it came from. */
  IllegalArgumentException where(IllegalArgumentException e) {
    if (frame != null) {
      return frame.locate(e);
    }
    String m = e.getMessage();
    String label = label();
    return m != null && m.startsWith(label) ? e : new IllegalArgumentException(label + ": " + m, e);
  }

  static String fileName(Path p) {
    return p.getFileName() == null ? p.toString() : p.getFileName().toString();
  }
}
