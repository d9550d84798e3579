package io.github.dmstat.spark;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/** What the Spark estimators share: finding a column by name, and the error behind a failed job. */
final class SparkSupport {
  private SparkSupport() {}

  /** The column {@code name} of a dataset with columns {@code names}; an error naming its role if there is none. */
  static Column column(List<String> names, String name, String role) {
    if (name == null || !names.contains(name)) {
      throw new IllegalArgumentException("no " + role + " column '" + name + "'; columns: " + names);
    }
    return functions.col("`" + name.replace("`", "``") + "`");
  }

  /**
   * The first {@link IllegalArgumentException} behind a failed Spark job (a bad row, thrown on an
   * executor), or the failure itself; a job fails with a {@code SparkException}, checked in Java
   * and thrown undeclared from Scala.
   */
  static RuntimeException unwrap(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException) {
        return (IllegalArgumentException) t;
      }
    }
    return e instanceof RuntimeException ? (RuntimeException) e : new IllegalStateException("the Spark job failed: "
        + e.getMessage(), e);
  }

  /** {@code 0, 1, ..., n-1}: the map that keeps every index where it is. */
  static int[] identity(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }

  /**
   * The 0/1 outcome column {@code name} of {@code data} as a double (booleans become 0/1); a text
   * column is refused here rather than cast to nulls.
   */
  static Column outcome(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> data, String name) {
    Column c = column(java.util.Arrays.asList(data.columns()), name, "outcome");
    for (org.apache.spark.sql.types.StructField f : data.schema().fields()) {
      if (f.name().equals(name) && f.dataType().equals(org.apache.spark.sql.types.DataTypes.StringType)) {
        throw new IllegalArgumentException("outcome column '" + name + "' is text; give a 0/1 number or a boolean "
            + "column (e.g. when(col(\"" + name + "\").equalTo(\"ja\"), 1).when(col(\"" + name + "\").equalTo(\"nee\"), 0))");
      }
    }
    return c.cast(org.apache.spark.sql.types.DataTypes.DoubleType);
  }
}
