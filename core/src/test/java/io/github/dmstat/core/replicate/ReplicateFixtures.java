package io.github.dmstat.core.replicate;

import static io.github.dmstat.core.Reference.num;

import io.github.dmstat.core.Reference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The supplied replicate designs of a fixture folder: the data with its replicate weight columns
 * ({@code w_full}, {@code rep1..}) and the design as R's {@code svrepdesign(combined.weights = TRUE)}
 * builds it from {@code designs_reference.csv} and {@code rscales_reference.csv}.
 */
final class ReplicateFixtures {
  private final String dir;
  private final Map<String, Table> tables = new HashMap<>();
  private final Map<String, Table> withReps = new HashMap<>();
  private final Map<String, ReplicateDesign> designs = new HashMap<>();

  ReplicateFixtures(String dir) {
    this.dir = dir;
  }

  Table data(String file) {
    return tables.computeIfAbsent(file, f -> Reference.table(ReplicateFixtures.class, dir + f));
  }

  /** The {@code svrepdesign} row of {@code design} with this mse. */
  Map<String, String> row(String design, String mse) {
    return Reference.rows(ReplicateFixtures.class, dir + "designs_reference.csv").stream()
        .filter(r -> r.get("design").equals(design) && r.get("mse").equals(mse) && r.get("origin").equals("svrepdesign"))
        .findFirst().orElseThrow(() -> new AssertionError("no design " + design));
  }

  /** The data of {@code design} with its replicate weight columns. */
  Table table(String design) {
    Map<String, String> d = row(design, "FALSE");
    return withReps.computeIfAbsent(design, k -> {
      Table t = data(d.get("data")).copy();
      Table reps = data(d.get("repweights_file"));
      for (String c : reps.columnNames()) {
        if (c.equals("w") || c.startsWith("rep")) {
          DoubleColumn col = DoubleColumn.create(c.equals("w") ? "w_full" : c);
          for (int i = 0; i < reps.rowCount(); i++) {
            col.append(Double.parseDouble(reps.stringColumn(c).get(i)));
          }
          t.addColumns(col);
        }
      }
      return t;
    });
  }

  ReplicateDesign design(String design, String mse) {
    return designs.computeIfAbsent(design + "|" + mse, k -> {
      Map<String, String> d = row(design, mse);
      int reps = (int) num(d, "replicates");
      List<String> cols = new ArrayList<>();
      for (int r = 1; r <= reps; r++) {
        cols.add("rep" + r);
      }
      ReplicateType type = ReplicateType.parse(d.get("type"));
      double[] rs = type == ReplicateType.JKN ? Reference.rows(ReplicateFixtures.class, dir + "rscales_reference.csv")
          .stream().filter(r -> r.get("case").equals(d.get("case"))).mapToDouble(r -> num(r, "rscale")).toArray() : null;
      return ReplicateDesign.supplied(table(design), "w_full", cols, type, num(d, "scale"), rs, mse.equals("TRUE"));
    });
  }
}
