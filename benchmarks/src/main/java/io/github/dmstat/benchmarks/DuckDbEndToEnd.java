package io.github.dmstat.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The DuckDB side of the end-to-end comparison (see {@code benchmarks/README.md}, "End to end, as
 * a user runs it"): one SQL query ({@code e2e-prevalence.sql}) that reads a survey CSV written by
 * {@link SurveyFiles} with {@code read_csv} (auto-detect) and returns, per group, {@code n} (rows
 * with the outcome present), the weighted prevalence {@code p} and its Taylor-linearised standard
 * error {@code se} (PSUs nested in strata, all PSUs of a stratum counted).
 *
 * <p>Prints {@code group,n,p,se} (full precision) to standard output and two times to standard
 * error: the query from before {@code executeQuery} to after the last row is fetched, and the
 * JVM from its start ({@code RuntimeMXBean.getStartTime()}, a few ms after the process starts) to
 * the end of {@code main}; time the whole process from outside.
 * The in-memory database and {@code SET threads} are set up before the query clock starts.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.dmstat.benchmarks.DuckDbEndToEnd FILE.csv [THREADS]</pre>
 */
public final class DuckDbEndToEnd {
  /** Name of the SQL resource next to this class. */
  public static final String SQL_RESOURCE = "e2e-prevalence.sql";

  private DuckDbEndToEnd() {
  }

  /**
   * The query for {@code file}: the resource with {@code ${file}} replaced by a SQL literal.
   *
   * @param file the CSV file
   * @return the SQL text
   * @throws IOException if the resource cannot be read
   */
  public static String query(Path file) throws IOException {
    try (InputStream in = DuckDbEndToEnd.class.getResourceAsStream(SQL_RESOURCE)) {
      if (in == null) {
        throw new IOException("resource " + SQL_RESOURCE + " not found next to "
            + DuckDbEndToEnd.class.getName());
      }
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String literal = "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
      return sql.replace("${file}", literal);
    }
  }

  /**
   * Command line: {@code FILE.csv [THREADS]} (default 2 threads).
   *
   * @param args the CSV file and optionally DuckDB's thread count
   * @throws Exception if the file is missing or the query fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: DuckDbEndToEnd FILE.csv [THREADS]");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("file '" + file + "' not found");
    }
    int threads = args.length == 2 ? Integer.parseInt(args[1]) : 2;
    String sql = query(file);
    StringBuilder out = new StringBuilder("group,n,p,se\n");
    long queryNanos;
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = connection.createStatement()) {
      st.execute("SET threads TO " + threads);
      long start = System.nanoTime();
      try (ResultSet rs = st.executeQuery(sql)) {
        while (rs.next()) {
          out.append(rs.getString(1)).append(',').append(rs.getLong(2)).append(',')
              .append(rs.getDouble(3)).append(',').append(rs.getDouble(4)).append('\n');
        }
      }
      queryNanos = System.nanoTime() - start;
    } catch (SQLException e) {
      throw new SQLException("DuckDB query on '" + file + "' failed: " + e.getMessage(), e);
    }
    PrintStream stdout = System.out;
    stdout.print(out);
    stdout.flush();
    long jvmMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.err.printf("duckdb-jdbc: threads=%d query_ms=%.1f jvm_start_to_end_ms=%d%n",
        threads, queryNanos / 1e6, jvmMillis);
  }
}
