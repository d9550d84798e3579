package io.github.dmstat.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader converts most cells in the same pass that finds them and leaves the others to the
 * general path (find, trim, then convert). A {@code --where} filter turns the fused pass off, so
 * reading a file with a filter that keeps every row must give the same frame, or the same error,
 * as reading it without: for plain and tricky cells alike (signs, leading zeros, 15 and 16 digits,
 * exponents, thousands marks, quotes, spaces, missing-value codes, CRLF, 7- and 8-byte codes).
 */
class FusedCellsTest {
  /** Numbers, plain and in every form the grammar allows (each valid in a number column). */
  private static final Arbitrary<String> NUMBERS = Arbitraries.oneOf(
      Arbitraries.of("12", "-0", "0", "0.05", "1.50", "007", "5.", ".5", "-.5", "123456789012345", "1234567890123456",
          "0.1234567890123456", "1e5", "+3", " 4", "4 ", "\"5\"", "NA", "", ".", "12345678901234567890",
          "0.00000000000000000000001", "0.0000000000000000000001", "99", "-3.25", "1E-3"),
      Arbitraries.doubles().between(-1e6, 1e6).ofScale(4).map(d -> Double.toString(d)),
      Arbitraries.integers().between(0, 5000).map(String::valueOf));
  /** Whole numbers >= 0 in every form the grammar allows (valid counts and integers). */
  private static final Arbitrary<String> WHOLE = Arbitraries.oneOf(
      Arbitraries.of("0", "-0", "007", "+3", " 4", "1e3", "12.0", "12.", "NA", "", "1234567890123456", "123456789012345",
          "\"8\""),
      Arbitraries.integers().between(0, 100000).map(String::valueOf));
  private static final Arbitrary<String> FLAGS = Arbitraries.of("1", "0", "1", "0", "ja", "nee", "JA", "No", "", "NA",
      " 1", "\"1\"", "true", "0.0", ".", "1.0");
  private static final Arbitrary<String> TEXTS = Arbitraries.oneOf(
      Arbitraries.strings().withChars("abcé ").ofMaxLength(10),
      Arbitraries.of("g1", "g2", "p0001", "s12", "abcdefg", "abcdefgh", "NA", ".", "", "\"q\"", " a", "a "));
  /** Cells that are errors in some columns: not numbers, fractions or negatives in whole-number columns, flag codes. */
  private static final Arbitrary<String> INVALID = Arbitraries.of("x", "1.234.567", "-", "2", "-1", "1.5", "1,5", "1e400");

  private static Arbitrary<String> mostly(Arbitrary<String> valid) {
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(400, valid), net.jqwik.api.Tuple.of(1, INVALID));
  }

  @Provide
  Arbitrary<List<List<String>>> rows() {
    Arbitrary<List<String>> row = Combinators.combine(mostly(NUMBERS), mostly(WHOLE), mostly(WHOLE), mostly(FLAGS),
        TEXTS, TEXTS).as((n, c, w, f, t, x) -> List.of("1", n, c, w, f, t, x));
    return row.list().ofMinSize(1).ofMaxSize(60);
  }

  @Property(tries = 400, seed = "20261201", edgeCases = EdgeCasesMode.NONE)
  void fusedAndGeneralPathsAgree(@ForAll("rows") List<List<String>> rows, @ForAll boolean crlf, @ForAll boolean semicolon)
      throws IOException {
    char delimiter = semicolon ? ';' : ',';
    StringBuilder csv = new StringBuilder("id" + delimiter + "n" + delimiter + "c" + delimiter + "w" + delimiter + "f"
        + delimiter + "t" + delimiter + "x");
    String eol = crlf ? "\r\n" : "\n";
    csv.append(eol);
    for (List<String> r : rows) {
      List<String> cells = new ArrayList<>();
      for (int k = 0; k < r.size(); k++) {
        String v = r.get(k);
        if (semicolon && k >= 1 && k <= 4 && v.matches(".*[0-9].*")) {
          v = v.replace('.', ','); // the decimal comma that goes with ';'
        }
        cells.add(v.indexOf(delimiter) >= 0 ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
      }
      csv.append(String.join(String.valueOf(delimiter), cells)).append(eol);
    }
    Path file = Files.createTempFile("fused-", ".csv");
    try {
      Files.writeString(file, csv, StandardCharsets.UTF_8);
      Map<String, ColumnType> columns = new LinkedHashMap<>();
      columns.put("n", ColumnType.NUMBER);
      columns.put("c", ColumnType.COUNT);
      columns.put("w", ColumnType.INTEGER);
      columns.put("f", ColumnType.FLAG);
      columns.put("t", ColumnType.TEXT);
      ReadOptions plain = ReadOptions.withDefaults().withNaValues(List.of("", "NA", "."));
      ReadOptions filtered = plain.withWhere(List.of(ReadOptions.Where.parse("id=1")));
      String expected = read(file, filtered, columns);
      String kind = expected.replaceAll("^[^:]*:[^:]*: line [0-9]+, ", "").replaceAll("'[^']*'", "Q");
      Statistics.label("outcome").collect(expected.startsWith("error") ? kind.substring(0, Math.min(40, kind.length())) : "read");
      assertEquals(expected, read(file, plain, columns), csv::toString);
    } finally {
      Files.delete(file);
    }
  }

  /** A decimal mark that is also the delimiter ends the cell on both paths ("12,5" is two cells). */
  @Test
  void decimalMarkThatIsTheDelimiter(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("same.csv");
    Files.writeString(file, "id,n,x\n1,12,a\n1,3.5,b\n1,-0,c\n", StandardCharsets.UTF_8);
    Map<String, ColumnType> columns = new LinkedHashMap<>();
    columns.put("n", ColumnType.NUMBER);
    columns.put("x", ColumnType.TEXT);
    ReadOptions plain = ReadOptions.withDefaults().withDelimiter(',').withDecimal(',');
    String fused = read(file, plain, columns);
    assertEquals(read(file, plain.withWhere(List.of(ReadOptions.Where.parse("id=1"))), columns), fused);
    assertEquals("error: same.csv: line 3, column 'n': '3.5' has a decimal point; pass --decimal .", fused);
    Files.writeString(file, "id,n,x\n1,12,a\n1,3,b\n", StandardCharsets.UTF_8);
    Frame f = Csv.frame(file, plain, columns);
    assertEquals(List.of(12.0, 3.0), List.of(f.numbers("n")[0], f.numbers("n")[1]));
  }

  /** The frame's columns as text (numbers by their bits), or the error message. */
  private static String read(Path file, ReadOptions options, Map<String, ColumnType> columns) {
    Frame f;
    try {
      f = Csv.frame(file, options, columns);
    } catch (IllegalArgumentException e) {
      return "error: " + e.getMessage();
    }
    StringBuilder out = new StringBuilder("rows " + f.rows() + "\n");
    for (String name : List.of("n", "c", "w")) {
      double[] v = f.numbers(name);
      long[] bits = new long[f.rows()];
      for (int r = 0; r < bits.length; r++) {
        bits[r] = Double.doubleToRawLongBits(v[r]);
      }
      out.append(name).append(' ').append(Arrays.toString(bits)).append(" missing ").append(f.missing(name))
          .append('\n');
    }
    out.append("f ").append(Arrays.toString(Arrays.copyOf(f.flags("f"), f.rows())))
        .append(" missing ").append(f.missing("f")).append('\n');
    out.append("t ").append(Arrays.toString(Arrays.copyOf(f.codes("t"), f.rows()))).append(' ')
        .append(f.levels("t")).append(" missing ").append(f.missing("t")).append('\n');
    for (int r = 0; r < f.rows(); r++) {
      out.append(f.line(r)).append(' ');
    }
    return out.toString();
  }
}
