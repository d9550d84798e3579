package io.github.dmstat.spark;

import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes a Parquet copy of a CSV file (header row, types inferred by Spark), for trying
 * {@link PrevalenceJob} on the kind of file a cluster holds:
 * {@code CsvToParquet survey.csv survey.parquet [local[2]]}. An existing output is replaced.
 */
public final class CsvToParquet {
  private CsvToParquet() {}

  /**
   * Converts {@code args[0]} (CSV) to {@code args[1]} (a Parquet directory); {@code args[2]}, if
   * given, is the Spark master (e.g. {@code local[2]}).
   *
   * @param args input, output and optionally the master
   */
  public static void main(String[] args) {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: CsvToParquet IN.csv OUT.parquet [MASTER]");
      System.exit(2);
    }
    SparkSession.Builder b = SparkSession.builder().appName("dmstat csv to parquet");
    if (args.length == 3) {
      b = b.master(args[2]).config("spark.ui.enabled", "false");
    }
    SparkSession spark = b.getOrCreate();
    try {
      spark.read().option("header", "true").option("inferSchema", "true").csv(args[0]).write().mode(SaveMode.Overwrite)
          .parquet(args[1]);
    } finally {
      spark.stop();
    }
  }
}
