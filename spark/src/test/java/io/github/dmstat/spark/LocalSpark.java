package io.github.dmstat.spark;

import org.apache.spark.sql.SparkSession;

/** The local Spark session of the tests and the benchmark: two executor threads, no web UI, loopback only. */
final class LocalSpark {
  private LocalSpark() {}

  /** A builder for {@code local[2]} named {@code app}, to add settings to before {@code getOrCreate()}. */
  static SparkSession.Builder builder(String app) {
    return SparkSession.builder().master("local[2]").appName(app).config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1");
  }

  /** The session named {@code app}. */
  static SparkSession session(String app) {
    return builder(app).getOrCreate();
  }
}
