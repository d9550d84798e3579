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
}
