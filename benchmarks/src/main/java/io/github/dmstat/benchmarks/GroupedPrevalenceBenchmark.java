package io.github.dmstat.benchmarks;

import static tech.tablesaw.aggregate.AggregateFunctions.sum;

import io.github.dmstat.core.Columns;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.survey.LonelyPsu;
import io.github.dmstat.core.survey.PrevalenceEstimator;
import io.github.dmstat.core.survey.PrevalencePartial;
import io.github.dmstat.core.survey.PrevalenceTable;
import io.github.dmstat.core.survey.SurveyDesign;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.joining.JoinType;

/**
 * Survey-weighted prevalence of a 0/1 outcome in 40 groups with Taylor-linearised standard
 * errors (50 strata × 20 PSUs, PSUs nested in strata), computed by dmstat's single pass and by
 * baselines that compute exactly the same numbers.
 *
 * <p>For group {@code g}: {@code p_g = Σ w y / Σ w} over its rows; PSU totals of the
 * linearisation variable {@code t_ghi = (Σ_{hi} w y − p_g Σ_{hi} w) / W_g} (zero for PSUs without
 * rows of the group); {@code V(p_g) = Σ_h n_h/(n_h − 1) Σ_i (t_ghi − t̄_gh)²} with {@code n_h = 20}
 * PSUs per stratum; {@code se = √V}.
 *
 * <ul>
 *   <li>{@code dmstat}, {@code dmstatParallel}: {@link PrevalenceEstimator} on a design bound once
 *       (the full result: estimate, SE, logit CI, deff, df).</li>
 *   <li>{@code scan}: {@code Σ w[i]·y[i]}, the memory-bandwidth floor of reading the inputs.</li>
 *   <li>{@code streams}: {@code java.util.stream} with nested {@code groupingBy} (boxed).</li>
 *   <li>{@code tablesaw}: {@code summarize(w, wy, sum).by(group, psu)} then Tablesaw column
 *       arithmetic, a join and loops.</li>
 *   <li>{@code duckdb}: one SQL query with CTEs on an in-process DuckDB table (2 threads, as
 *       {@code dmstatParallel}); {@code duckdbOneThread}: the same on 1 thread, as {@code dmstat}.</li>
 * </ul>
 *
 * <p>The design structure (which PSUs belong to which stratum) is known to every method before
 * timing, as dmstat's bound {@link SurveyDesign} is. {@code GroupedPrevalenceBenchmarkTest} checks
 * that all methods agree with dmstat to 1e-9 relative.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
public class GroupedPrevalenceBenchmark {
  /** Number of groups (domains). */
  public static final int GROUPS = 40;
  /** Number of strata. */
  public static final int STRATA = 50;
  /** PSUs per stratum. */
  public static final int PSUS_PER_STRATUM = 20;
  /** Number of PSUs. */
  public static final int PSUS = STRATA * PSUS_PER_STRATUM;

  @Param({"1000000", "10000000"})
  public int rows;

  /** Group code of each row, 0..39. */
  int[] group;
  /** PSU code of each row, 0..999. */
  int[] psu;
  /** Stratum of each row, {@code psu / 20}. */
  int[] stratum;
  /** Positive weights in [0.5, 3.0). */
  double[] weight;
  /** Outcome 0/1. */
  byte[] outcome;

  /** Generates the data with {@code SplittableRandom(42)}. */
  @Setup(Level.Trial)
  public void setup() {
    generate(rows);
  }

  /** Generates {@code n} rows (also used by the test with a small size). */
  public void generate(int n) {
    rows = n;
    SplittableRandom random = new SplittableRandom(42);
    double[] psuEffect = new double[PSUS];
    for (int q = 0; q < PSUS; q++) {
      psuEffect[q] = 0.6 + 0.8 * random.nextDouble();
    }
    group = new int[n];
    psu = new int[n];
    stratum = new int[n];
    weight = new double[n];
    outcome = new byte[n];
    for (int i = 0; i < n; i++) {
      int g = random.nextInt(GROUPS);
      int q = random.nextInt(PSUS);
      group[i] = g;
      psu[i] = q;
      stratum[i] = q / PSUS_PER_STRATUM;
      weight[i] = 0.5 + 2.5 * random.nextDouble();
      double p = (0.06 + 0.08 * g / (GROUPS - 1.0)) * psuEffect[q];
      outcome[i] = random.nextDouble() < p ? (byte) 1 : (byte) 0;
    }
  }

  /** Label of group code {@code g}: {@code g00} … {@code g39}. */
  public static String label(int g) {
    return String.format("g%02d", g);
  }

  /** Prevalence and standard error per group code (the result of the baselines). */
  public record Estimates(double[] prevalence, double[] se) {
  }

  // ---------------------------------------------------------------- dmstat

  /** dmstat's design and group codes, bound once per trial. */
  @State(Scope.Benchmark)
  public static class Dmstat {
    SurveyDesign design;
    Columns.Codes codes;

    @Setup(Level.Trial)
    public void bind(GroupedPrevalenceBenchmark data) {
      design = SurveyDesign.of(data.weight, data.stratum, data.psu, LonelyPsu.FAIL);
      List<List<String>> levels = new ArrayList<>();
      for (int g = 0; g < GROUPS; g++) {
        levels.add(List.of(label(g)));
      }
      codes = new Columns.Codes(data.group, levels, 0);
    }
  }

  /** One partial over all rows (the public, mergeable API that other engines drive). */
  @Benchmark
  public PrevalenceTable dmstat(Dmstat s) {
    return PrevalenceEstimator.withDefaults().with(ReliabilityRule.NONE).partial(s.design, s.codes.levels())
        .add(outcome, s.codes.codes(), 0, s.design.rows()).finish("used", List.of("group"));
  }

  /** A partial per core over its range of rows, merged in range order. */
  @Benchmark
  public PrevalenceTable dmstatParallel(Dmstat s) {
    PrevalenceEstimator e = PrevalenceEstimator.withDefaults().with(ReliabilityRule.NONE);
    int parts = Runtime.getRuntime().availableProcessors();
    int n = s.design.rows();
    return java.util.stream.IntStream.range(0, parts).parallel()
        .mapToObj(k -> e.partial(s.design, s.codes.levels()).add(outcome, s.codes.codes(), (int) ((long) n * k / parts),
            (int) ((long) n * (k + 1) / parts)))
        .reduce(PrevalencePartial::merge).orElseThrow().finish("used", List.of("group"));
  }

  // ---------------------------------------------------------------- scan

  /** The floor: one pass reading weights and outcome. */
  @Benchmark
  public double scan() {
    final double[] w = weight;
    final byte[] y = outcome;
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      s += w[i] * y[i];
    }
    return s;
  }

  // ---------------------------------------------------------------- streams

  /** Σw and Σw·y of one (group, PSU) cell. */
  record Sums(double w, double wy) {
  }

  /** PSUs of each stratum, from the data (the design structure, known before timing). */
  static Map<Integer, List<Integer>> psusByStratum(int[] stratum, int[] psu) {
    return IntStream.range(0, psu.length).boxed()
        .collect(Collectors.groupingBy(i -> stratum[i], TreeMap::new,
            Collectors.collectingAndThen(Collectors.mapping(i -> psu[i], Collectors.toCollection(TreeSet::new)),
                List::copyOf)));
  }

  /** Design structure for the streams baseline. */
  @State(Scope.Benchmark)
  public static class StreamsDesign {
    Map<Integer, List<Integer>> psusByStratum;

    @Setup(Level.Trial)
    public void bind(GroupedPrevalenceBenchmark data) {
      psusByStratum = psusByStratum(data.stratum, data.psu);
    }
  }

  @Benchmark
  public Estimates streams(StreamsDesign d) {
    final int[] g = group;
    final int[] q = psu;
    final double[] w = weight;
    final byte[] y = outcome;
    Map<Integer, Map<Integer, Sums>> cells = IntStream.range(0, g.length).boxed()
        .collect(Collectors.groupingBy(i -> g[i], TreeMap::new,
            Collectors.groupingBy(i -> q[i],
                Collectors.teeing(Collectors.summingDouble(i -> w[i]), Collectors.summingDouble(i -> w[i] * y[i]),
                    Sums::new))));
    List<double[]> perGroup = cells.values().stream()
        .map(byPsu -> streamsEstimate(byPsu, d.psusByStratum))
        .collect(Collectors.toList());
    return new Estimates(perGroup.stream().mapToDouble(e -> e[0]).toArray(),
        perGroup.stream().mapToDouble(e -> e[1]).toArray());
  }

  private static double[] streamsEstimate(Map<Integer, Sums> byPsu, Map<Integer, List<Integer>> psusByStratum) {
    double total = byPsu.values().stream().mapToDouble(Sums::w).sum();
    double p = byPsu.values().stream().mapToDouble(Sums::wy).sum() / total;
    Map<Integer, Double> t = byPsu.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> (e.getValue().wy() - p * e.getValue().w()) / total));
    double variance = psusByStratum.values().stream()
        .mapToDouble(psus -> {
          double mean = psus.stream().mapToDouble(k -> t.getOrDefault(k, 0.0)).average().orElse(0);
          double ss = psus.stream().mapToDouble(k -> t.getOrDefault(k, 0.0) - mean).map(x -> x * x).sum();
          int nh = psus.size();
          return nh / (nh - 1.0) * ss;
        })
        .sum();
    return new double[] {p, Math.sqrt(variance)};
  }

  // ---------------------------------------------------------------- tablesaw

  /**
   * A Tablesaw table of the data, and the design structure. The group column is {@code grp}:
   * Tablesaw 0.44.4 names its internal key column {@code Group} and column names are
   * case-insensitive, so grouping by a column called {@code group} fails.
   */
  @State(Scope.Benchmark)
  public static class Tablesaw {
    Table table;
    int[] psuStratum;
    int[] psusInStratum;

    @Setup(Level.Trial)
    public void build(GroupedPrevalenceBenchmark data) {
      double[] wy = new double[data.rows];
      for (int i = 0; i < wy.length; i++) {
        wy[i] = data.weight[i] * data.outcome[i];
      }
      table = Table.create("survey",
          IntColumn.create("grp", data.group),
          IntColumn.create("psu", data.psu),
          IntColumn.create("stratum", data.stratum),
          DoubleColumn.create("w", data.weight),
          DoubleColumn.create("wy", wy));
      psuStratum = new int[PSUS];
      psusInStratum = new int[STRATA];
      boolean[] seen = new boolean[PSUS];
      for (int i = 0; i < data.rows; i++) {
        int q = data.psu[i];
        if (!seen[q]) {
          seen[q] = true;
          psuStratum[q] = data.stratum[i];
          psusInStratum[data.stratum[i]]++;
        }
      }
    }
  }

  @Benchmark
  public Estimates tablesaw(Tablesaw s) {
    Table cells = s.table.summarize("w", "wy", sum).by("grp", "psu");
    cells.column("Sum [w]").setName("sw");
    cells.column("Sum [wy]").setName("swy");
    Table totals = cells.summarize("sw", "swy", sum).by("grp");
    totals.column("Sum [sw]").setName("W");
    totals.column("Sum [swy]").setName("WY");
    totals.addColumns(totals.doubleColumn("WY").divide(totals.doubleColumn("W")).setName("p"));
    Table joined = cells.joinOn("grp").with(totals).type(JoinType.INNER).join();
    DoubleColumn t = joined.doubleColumn("swy")
        .subtract(joined.doubleColumn("sw").multiply(joined.doubleColumn("p")))
        .divide(joined.doubleColumn("W"));
    IntColumn g = joined.intColumn("grp");
    IntColumn q = joined.intColumn("psu");
    double[][] tByPsu = new double[GROUPS][PSUS];
    for (int r = 0; r < joined.rowCount(); r++) {
      tByPsu[g.getInt(r)][q.getInt(r)] = t.getDouble(r);
    }
    double[] prevalence = new double[GROUPS];
    double[] se = new double[GROUPS];
    IntColumn tg = totals.intColumn("grp");
    DoubleColumn tp = totals.doubleColumn("p");
    for (int r = 0; r < totals.rowCount(); r++) {
      int code = tg.getInt(r);
      prevalence[code] = tp.getDouble(r);
      se[code] = Math.sqrt(variance(tByPsu[code], s.psuStratum, s.psusInStratum));
    }
    return new Estimates(prevalence, se);
  }

  /** {@code Σ_h n_h/(n_h − 1) Σ_i (t_hi − t̄_h)²} over all PSUs (absent PSUs hold 0). */
  static double variance(double[] t, int[] psuStratum, int[] psusInStratum) {
    double[] mean = new double[psusInStratum.length];
    for (int q = 0; q < t.length; q++) {
      mean[psuStratum[q]] += t[q];
    }
    for (int h = 0; h < mean.length; h++) {
      mean[h] /= psusInStratum[h];
    }
    double[] ss = new double[psusInStratum.length];
    for (int q = 0; q < t.length; q++) {
      double dev = t[q] - mean[psuStratum[q]];
      ss[psuStratum[q]] += dev * dev;
    }
    double v = 0;
    for (int h = 0; h < ss.length; h++) {
      int nh = psusInStratum[h];
      v += nh / (nh - 1.0) * ss[h];
    }
    return v;
  }

  // ---------------------------------------------------------------- duckdb

  /** The SQL: per-cell sums, group totals, t over groups × all PSUs, stratum deviations. */
  static final String DUCKDB_QUERY = """
      WITH cell AS (
        SELECT grp, psu, SUM(w) AS sw, SUM(w * y) AS swy
        FROM survey GROUP BY grp, psu
      ), total AS (
        SELECT grp, SUM(sw) AS wt, SUM(swy) / SUM(sw) AS p
        FROM cell GROUP BY grp
      ), t AS (
        SELECT g.grp, d.stratum, d.psu, COALESCE((c.swy - g.p * c.sw) / g.wt, 0) AS t
        FROM total g CROSS JOIN design d
        LEFT JOIN cell c ON c.grp = g.grp AND c.psu = d.psu
      ), dev AS (
        SELECT grp, stratum, t - AVG(t) OVER (PARTITION BY grp, stratum) AS dev,
               COUNT(*) OVER (PARTITION BY grp, stratum) AS nh
        FROM t
      ), stratum_var AS (
        SELECT grp, stratum, MAX(nh) / (MAX(nh) - 1.0) * SUM(dev * dev) AS v
        FROM dev GROUP BY grp, stratum
      )
      SELECT g.grp, g.p, SQRT(SUM(s.v)) AS se
      FROM total g JOIN stratum_var s ON s.grp = g.grp
      GROUP BY g.grp, g.p
      ORDER BY g.grp
      """;

  /** An in-memory DuckDB with the data loaded, 2 threads (as {@code dmstatParallel}). */
  @State(Scope.Benchmark)
  public static class Duckdb {
    /** DuckDB's thread count. */
    protected int threads() {
      return 2;
    }

    Connection connection;
    PreparedStatement query;

    @Setup(Level.Trial)
    public void load(GroupedPrevalenceBenchmark data) throws SQLException {
      connection = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement st = connection.createStatement()) {
        st.execute("SET threads TO " + threads());
        st.execute("CREATE TABLE survey (grp INTEGER, stratum INTEGER, psu INTEGER, w DOUBLE, y TINYINT)");
      }
      try (DuckDBAppender a = connection.unwrap(DuckDBConnection.class).createAppender("survey")) {
        for (int i = 0; i < data.rows; i++) {
          a.beginRow();
          a.append(data.group[i]);
          a.append(data.stratum[i]);
          a.append(data.psu[i]);
          a.append(data.weight[i]);
          a.append(data.outcome[i]);
          a.endRow();
        }
      }
      try (Statement st = connection.createStatement()) {
        st.execute("CREATE TABLE design AS SELECT DISTINCT stratum, psu FROM survey");
      }
      query = connection.prepareStatement(DUCKDB_QUERY);
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
      if (query != null) {
        query.close();
      }
      if (connection != null) {
        connection.close();
      }
    }
  }

  /** The same DuckDB on one thread, the same thread count as {@code dmstat}. */
  @State(Scope.Benchmark)
  public static class DuckdbOneThread extends Duckdb {
    @Override
    protected int threads() {
      return 1;
    }
  }

  /** DuckDB on one thread (compare with {@code dmstat}). */
  @Benchmark
  public Estimates duckdbOneThread(DuckdbOneThread s) throws SQLException {
    return duckdb(s);
  }

  /** DuckDB on two threads (compare with {@code dmstatParallel}). */
  @Benchmark
  public Estimates duckdb(Duckdb s) throws SQLException {
    double[] prevalence = new double[GROUPS];
    double[] se = new double[GROUPS];
    try (ResultSet rs = s.query.executeQuery()) {
      while (rs.next()) {
        int g = rs.getInt(1);
        prevalence[g] = rs.getDouble(2);
        se[g] = rs.getDouble(3);
      }
    }
    return new Estimates(prevalence, se);
  }
}
