package io.github.dmstat.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SurveyFiles} writes the described file, the same for the same seed, and the SQL of
 * {@link DuckDbEndToEnd} gives the prevalence and standard error computed here from the file by
 * the formulas in its header.
 */
class SurveyFilesTest {
  private static final int ROWS = 20_000;
  private static final int GROUPS = GroupedPrevalenceBenchmark.GROUPS;
  private static final int PSUS = GroupedPrevalenceBenchmark.PSUS;

  @Test
  void writesTheDescribedFileTheSameForTheSameSeed(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    SurveyFiles.write(ROWS, a, 42);
    SurveyFiles.write(ROWS, b, 42);
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));

    List<String> lines = Files.readAllLines(a);
    assertEquals("weight,stratum,psu,used,group", lines.get(0));
    assertEquals(ROWS + 1, lines.size());
    int missing = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      assertEquals(5, f.length, line);
      double w = Double.parseDouble(f[0]);
      assertTrue(w >= 0.5 && w < 3.0 && f[0].length() == 6, line);
      int psu = Integer.parseInt(f[2].substring(1));
      assertEquals(String.format("s%02d", psu / GroupedPrevalenceBenchmark.PSUS_PER_STRATUM), f[1], line);
      assertTrue(f[4].matches("g[0-3][0-9]"), line);
      assertTrue(f[3].isEmpty() || f[3].equals("0") || f[3].equals("1"), line);
      missing += f[3].isEmpty() ? 1 : 0;
    }
    assertTrue(missing > ROWS * 0.005 && missing < ROWS * 0.015, "missing outcomes: " + missing);
  }

  @Test
  void duckDbQueryGivesTheDesignBasedEstimates(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("survey.csv");
    SurveyFiles.write(ROWS, file, 7);

    // direct computation: sums per group × PSU over rows with the outcome present
    double[] sw = new double[GROUPS * PSUS];
    double[] swy = new double[GROUPS * PSUS];
    long[] n = new long[GROUPS];
    for (String line : Files.readAllLines(file).subList(1, ROWS + 1)) {
      String[] f = line.split(",", -1);
      if (f[3].isEmpty()) {
        continue;
      }
      int g = Integer.parseInt(f[4].substring(1));
      int cell = g * PSUS + Integer.parseInt(f[2].substring(1));
      double w = Double.parseDouble(f[0]);
      sw[cell] += w;
      swy[cell] += w * Integer.parseInt(f[3]);
      n[g]++;
    }

    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(DuckDbEndToEnd.query(file))) {
      int groups = 0;
      while (rs.next()) {
        int g = Integer.parseInt(rs.getString("group").substring(1));
        double wt = 0;
        double wyt = 0;
        for (int q = 0; q < PSUS; q++) {
          wt += sw[g * PSUS + q];
          wyt += swy[g * PSUS + q];
        }
        double p = wyt / wt;
        double v = 0;
        int per = GroupedPrevalenceBenchmark.PSUS_PER_STRATUM;
        for (int h = 0; h < GroupedPrevalenceBenchmark.STRATA; h++) {
          double[] z = new double[per];
          double mean = 0;
          for (int i = 0; i < per; i++) {
            int cell = g * PSUS + h * per + i;
            z[i] = (swy[cell] - p * sw[cell]) / wt;
            mean += z[i] / per;
          }
          double ss = 0;
          for (double zi : z) {
            ss += (zi - mean) * (zi - mean);
          }
          v += per / (per - 1.0) * ss;
        }
        assertEquals(n[g], rs.getLong("n"), "n of group " + g);
        assertEquals(p, rs.getDouble("p"), 1e-12 * p, "p of group " + g);
        assertEquals(Math.sqrt(v), rs.getDouble("se"), 1e-9 * Math.sqrt(v), "se of group " + g);
        groups++;
      }
      assertEquals(GROUPS, groups);
    }
  }
}
