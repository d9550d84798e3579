package io.github.dmstat.cli;

import io.github.dmstat.core.io.Csv;
import io.github.dmstat.datasets.Datasets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dmstat datasets}: list embedded datasets, or write one as CSV. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
    description = "Lists the embedded datasets; with a NAME, writes that dataset as CSV to standard output.")
final class DatasetsCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "Dataset to write as CSV.")
  String name;

  @Option(names = "--head", paramLabel = "N", description = "Only the first N rows.")
  Integer head;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    if (name == null) {
      for (String n : Datasets.names()) {
        out.println(n + "\t" + Datasets.describe(n));
      }
    } else {
      var t = Datasets.table(name);
      out.print(Csv.toString(head == null ? t : t.first(head)));
    }
    out.flush();
    return 0;
  }
}
