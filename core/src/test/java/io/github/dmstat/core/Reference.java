package io.github.dmstat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.io.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;

/** Reads reference fixtures (CSV with leading {@code #} comment lines) from the test class path. */
public final class Reference {
  private Reference() {}

  /** The text of a class-path resource. */
  public static String text(Class<?> anchor, String resource) {
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource + " next to " + anchor.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A CSV resource (comment lines dropped) as a table of text columns. */
  public static Table table(Class<?> anchor, String resource) {
    String body = text(anchor, resource).lines().filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n"));
    try {
      return Csv.read(new StringReader(body), resource, resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A CSV resource as rows of column → text. */
  public static List<Map<String, String>> rows(Class<?> anchor, String resource) {
    Table t = table(anchor, resource);
    List<Map<String, String>> out = new ArrayList<>();
    for (int r = 0; r < t.rowCount(); r++) {
      Map<String, String> m = new LinkedHashMap<>();
      for (String c : t.columnNames()) {
        m.put(c, t.stringColumn(c).get(r));
      }
      out.add(m);
    }
    return out;
  }

  /** Asserts {@code |actual − expected| <= tol · max(|expected|, tiny)} with a readable message. */
  public static void close(double expected, double actual, double tol, String what) {
    double scale = Math.max(Math.abs(expected), 1e-300);
    double rel = Math.abs(actual - expected) / scale;
    assertTrue(rel <= tol || actual == expected,
        () -> what + ": expected " + expected + " but was " + actual + " (relative difference " + rel + " > " + tol + ")");
  }

  /** Parses a number cell. */
  public static double num(Map<String, String> row, String col) {
    String s = row.get(col);
    assertTrue(s != null && !s.isEmpty(), "reference column " + col + " empty in " + row);
    return Double.parseDouble(s);
  }

  /** Asserts integer equality with context. */
  public static void same(long expected, long actual, String what) {
    assertEquals(expected, actual, what);
  }

  /**
   * A design-based table test against one row of an R fixture ({@code n_rows}, {@code design_df},
   * {@code pearson_x2} and the statistic named in {@code statistic}: value, df, p), at 1e-8.
   */
  public static void assertTableTest(Map<String, String> r, io.github.dmstat.core.crosstab.TableTest t, String what) {
    assertEquals((long) num(r, "n_rows"), t.n(), what + " n");
    assertEquals((int) num(r, "design_df"), t.designDf(), what + " df");
    close(num(r, "pearson_x2"), t.pearson(), 1e-8, what + " X2");
    io.github.dmstat.core.crosstab.TestStatistic s = switch (r.get("statistic")) {
      case "F" -> t.f();
      case "Chisq" -> t.chisq();
      case "Wald" -> t.wald();
      default -> t.adjustedWald();
    };
    close(num(r, "value"), s.value(), 1e-8, what + " value");
    close(num(r, "df_num"), s.numeratorDf(), 1e-8, what + " df_num");
    if (!r.get("df_den").isEmpty()) {
      close(num(r, "df_den"), s.denominatorDf(), 1e-8, what + " df_den");
    }
    close(num(r, "p"), s.pValue(), 1e-8, what + " p");
  }
}
