package io.github.dmstat.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.core.survey.PrevalenceEstimator;
import io.github.dmstat.core.survey.PrevalenceTable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The same survey written as a clean comma file and as CBS and Dutch Excel write it must give the
 * same estimates to the bit; misreads must be errors that name line, column and value.
 */
class ReadingVariantsTest {
  private static final Charset CP1252 = Charset.forName("windows-1252");
  private static final String[] REGIONS = {"Fryslân", "Den Haag – Centrum", "Súdwest-Fryslân", "Groningen", "Café Zuid"};
  private static final DesignSpec SPEC = DesignSpec.weights("weight").withStrata("stratum").withPsu("psu");

  @TempDir
  Path dir;

  /** One respondent: weight with 4 decimals (some above 1,000), labels, a 0/1/missing outcome. */
  private record Row(double weight, String stratum, String psu, int used, String region) {}

  private static List<Row> survey(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int psu = r.nextInt(60);
      double w = Math.round((0.5 + 3 * r.nextDouble()) * (r.nextInt(10) == 0 ? 1000 : 1) * 1e4) / 1e4;
      int used = r.nextInt(50) == 0 ? -1 : r.nextDouble() < 0.12 ? 1 : 0;
      rows.add(new Row(w, "S" + psu / 6, "P" + psu, used, REGIONS[r.nextInt(REGIONS.length)]));
    }
    return rows;
  }

  private static String plain(double w) {
    return new java.math.BigDecimal(Double.toString(w)).setScale(4, java.math.RoundingMode.UNNECESSARY).toPlainString();
  }

  /** 1234.5678 as 1.234,5678 */
  private static String dutchGrouped(double w) {
    String p = plain(w);
    String intPart = p.substring(0, p.indexOf('.'));
    String frac = p.substring(p.indexOf('.') + 1);
    StringBuilder g = new StringBuilder();
    for (int i = 0; i < intPart.length(); i++) {
      if (i > 0 && (intPart.length() - i) % 3 == 0) {
        g.append('.');
      }
      g.append(intPart.charAt(i));
    }
    return g + "," + frac;
  }

  private Path write(String name, String text, Charset cs, boolean bom) throws IOException {
    Path p = dir.resolve(name);
    byte[] body = text.getBytes(cs);
    if (bom) {
      byte[] b = new byte[body.length + 3];
      b[0] = (byte) 0xEF;
      b[1] = (byte) 0xBB;
      b[2] = (byte) 0xBF;
      System.arraycopy(body, 0, b, 3, body.length);
      body = b;
    }
    Files.write(p, body);
    return p;
  }

  private static String clean(List<Row> rows) {
    StringBuilder b = new StringBuilder("weight,stratum,psu,used,region\n");
    for (Row r : rows) {
      b.append(plain(r.weight())).append(',').append(r.stratum()).append(',').append(r.psu()).append(',')
          .append(r.used() < 0 ? "" : String.valueOf(r.used())).append(',').append(r.region()).append('\n');
    }
    return b.toString();
  }

  /** As CBS and Dutch Excel: ';', decimal comma, CRLF, quoted codes padded with spaces, '.'/'x' in total rows. */
  private static String dutch(List<Row> rows, boolean grouped, String yes, String no, String unknown) {
    StringBuilder b = new StringBuilder("\"soort\";\"weight\";\"stratum\";\"psu\";\"used\";\"region\"\r\n");
    int k = 0;
    for (Row r : rows) {
      String w = grouped ? dutchGrouped(r.weight()) : plain(r.weight()).replace('.', ',');
      b.append("\"respondent\";").append(w).append(";\"").append(r.stratum()).append("    \";\"  ")
          .append(r.psu()).append("\";").append(r.used() < 0 ? unknown : r.used() == 1 ? yes : no).append(";\"")
          .append(r.region()).append("\"\r\n");
      if (++k % 97 == 0) {
        b.append("\"totaal\";x;\"  \";.;x;\"Nederland\"\r\n");
      }
    }
    return b.toString();
  }

  private static PrevalenceTable estimate(Path file, ReadOptions o) {
    Frame f = Csv.frame(file, o, PrevalenceEstimator.columns(SPEC, "used", List.of("region")));
    return PrevalenceEstimator.withDefaults().with(ReliabilityRule.NONE).estimate(f, SPEC, "used", List.of("region"));
  }

  private static String json(PrevalenceTable t) {
    return Json.write(Json.prevalence(t));
  }

  @Test
  void dutchWindowsAndGroupedVariantsGiveIdenticalResults() throws IOException {
    List<Row> rows = survey(3000, 7);
    String expected = json(estimate(write("clean.csv", clean(rows), StandardCharsets.UTF_8, false), ReadOptions.withDefaults()));
    assertTrue(expected.contains("Den Haag – Centrum"), expected);
    ReadOptions cbs = ReadOptions.withDefaults().where("soort", List.of("respondent"));

    Path nl = write("nl.csv", dutch(rows, false, "1", "0", ""), StandardCharsets.UTF_8, true);
    assertEquals(expected, json(estimate(nl, cbs)));

    Path win = write("win.csv", dutch(rows, false, "1", "0", ""), CP1252, false);
    assertEquals(expected, json(estimate(win, cbs.withEncoding("windows-1252"))));

    Path grouped = write("grouped.csv", dutch(rows, true, "1", "0", ""), StandardCharsets.UTF_8, true);
    assertEquals(expected, json(estimate(grouped, cbs.withThousands('.'))));

    // the same through a whole typed table (what Java and JShell users get from Csv.read)
    Table t = Csv.read(grouped, cbs.withThousands('.'));
    assertEquals(expected, json(PrevalenceEstimator.withDefaults().with(ReliabilityRule.NONE)
        .estimate(t, SPEC, "used", List.of("region"))));
  }

  @Test
  void jaNeeAndNineForDontKnowGiveTheResultsOfZeroOneAndEmpty() throws IOException {
    List<Row> rows = survey(2000, 11);
    String expected = json(estimate(write("clean.csv", clean(rows), StandardCharsets.UTF_8, false), ReadOptions.withDefaults()));
    ReadOptions o = ReadOptions.withDefaults().where("soort", List.of("respondent")).withNaValues(List.of("", "NA", ".", "9"));
    assertEquals(expected, json(estimate(write("janee.csv", dutch(rows, false, "ja", "nee", "9"), StandardCharsets.UTF_8, false), o)));
    ReadOptions codes = o.withTrueValues(List.of("1")).withFalseValues(List.of("2"));
    assertEquals(expected, json(estimate(write("12.csv", dutch(rows, false, "1", "2", "9"), StandardCharsets.UTF_8, false), codes)));
    // without declaring 9, it is an error naming line, column and value
    DataException e = assertThrows(DataException.class,
        () -> estimate(write("undeclared.csv", dutch(rows, false, "1", "2", "9"), StandardCharsets.UTF_8, false),
            ReadOptions.withDefaults().where("soort", List.of("respondent"))));
    assertTrue(e.getMessage().startsWith("undeclared.csv: line "), e.getMessage());
    assertTrue(e.getMessage().contains("column 'used': '2' is not an outcome code"), e.getMessage());
  }

  @Test
  void aThousandsSeparatorIsNeverReadAsADecimal() throws IOException {
    Path groningen = write("areas.csv", "code,name,inhabitants,incidents\nGM0014,Groningen,\"243.768\",1240\n"
        + "GM0034,Almere,\"226.500\",800\n", StandardCharsets.UTF_8, false);
    DataException e = assertThrows(DataException.class, () -> Csv.frame(groningen, ReadOptions.withDefaults(),
        Map.of("code", ColumnType.TEXT, "inhabitants", ColumnType.COUNT)));
    assertEquals("areas.csv: line 2, column 'inhabitants': '243.768' is not a whole number; counts are head counts: "
        + "if '.' separates thousands, pass --thousands .", e.getMessage());
    assertEquals(2, e.line().getAsLong());
    assertEquals("inhabitants", e.column().get());
    assertEquals("243.768", e.value().get());
    Frame ok = Csv.frame(groningen, ReadOptions.withDefaults().withThousands('.'),
        Map.of("code", ColumnType.TEXT, "inhabitants", ColumnType.COUNT));
    assertEquals(243_768.0, ok.numbers("inhabitants")[0]);

    List<Row> rows = survey(300, 3);
    String text = dutch(rows, true, "1", "0", "");
    Path undeclared = write("survey.csv", text, StandardCharsets.UTF_8, false);
    DataException d = assertThrows(DataException.class, () -> estimate(undeclared, ReadOptions.withDefaults()
        .where("soort", List.of("respondent"))));
    int line = 1 + firstGroupedLine(text);
    assertTrue(d.getMessage().startsWith("survey.csv: line " + line + ", column 'weight': '"), d.getMessage());
    assertTrue(d.getMessage().endsWith("has a thousands separator; pass --thousands ."), d.getMessage());
  }

  private static int firstGroupedLine(String text) {
    String[] lines = text.split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      String w = lines[i].split(";")[1];
      if (w.indexOf('.') >= 0 && lines[i].startsWith("\"respondent\"")) {
        return i;
      }
    }
    throw new AssertionError("no grouped weight");
  }

  @Test
  void invalidUtf8SuggestsTheWindowsEncoding() throws IOException {
    Path p = write("l1.csv", "naam,n\nCafé,1\n", CP1252, false);
    DataException e = assertThrows(DataException.class, () -> Csv.read(p));
    assertTrue(e.getMessage().startsWith("l1.csv: line 2, column 'naam': "), e.getMessage());
    assertTrue(e.getMessage().contains("pass --encoding windows-1252"), e.getMessage());
    assertEquals("Café", Csv.read(p, ReadOptions.withDefaults().withEncoding("windows-1252")).stringColumn("naam").get(0));
  }

  @Test
  void geoJsonHonoursTheByteOrderMarkAndNamesTheFileOfBadText() throws IOException {
    String gj = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"GM0014\","
        + "\"properties\":{\"statcode\":\"GM0014\",\"statnaam\":\"Súdwest\"},\"geometry\":{\"type\":\"Polygon\","
        + "\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}}]}\n";
    Path bom = write("bom.geojson", gj, StandardCharsets.UTF_8, true);
    assertEquals("Súdwest", io.github.dmstat.core.area.GeoJson.read(bom, "statcode").get(0).name().orElseThrow());
    Path latin = write("latin.geojson", gj, StandardCharsets.ISO_8859_1, false);
    DataException e = assertThrows(DataException.class, () -> io.github.dmstat.core.area.GeoJson.read(latin, "statcode"));
    assertTrue(e.getMessage().startsWith("latin.geojson: line 1: is not valid UTF-8 text"), e.getMessage());
    Path bad = write("bad.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{]}", StandardCharsets.UTF_8, false);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> io.github.dmstat.core.area.GeoJson.read(bad, "statcode"))
        .getMessage().startsWith("bad.geojson: "));
  }

  @Test
  void numbersAreDataNotJava() throws IOException {
    for (String bad : new String[] {"2f", "2.0d", "0x1p1", "Infinity", "NaN", "1e", "--1", "1.2.3"}) {
      Path p = write("n.csv", "x\n" + bad + "\n", StandardCharsets.UTF_8, false);
      DataException e = assertThrows(DataException.class, () -> Csv.frame(p, ReadOptions.withDefaults(), Map.of("x", ColumnType.NUMBER)), bad);
      assertTrue(e.getMessage().startsWith("n.csv: line 2, column 'x': '" + bad + "' "), e.getMessage());
    }
    Path huge = write("h.csv", "x\n1e400\n", StandardCharsets.UTF_8, false);
    assertTrue(assertThrows(DataException.class, () -> Csv.frame(huge, ReadOptions.withDefaults(), Map.of("x", ColumnType.COUNT)))
        .getMessage().contains("too large"));
    Path big = write("p.csv", "period\n123456789012345678901234567890\n", StandardCharsets.UTF_8, false);
    DataException e = assertThrows(DataException.class, () -> Csv.frame(big, ReadOptions.withDefaults(), Map.of("period", ColumnType.INTEGER)));
    assertTrue(e.getMessage().contains("too large"), e.getMessage());
    // every accepted spelling is the correctly rounded double of its text
    String[] good = {"0.1", "1e-7", "-3.25E+2", "123456789.123456789", "9007199254740993", "1e300", "4.9e-324", ".5", "5."};
    for (String g : good) {
      Path p = write("g.csv", "x\n" + g + "\n", StandardCharsets.UTF_8, false);
      assertEquals(Double.parseDouble(g), Csv.frame(p, ReadOptions.withDefaults(), Map.of("x", ColumnType.NUMBER)).numbers("x")[0], g);
    }
  }

  @Test
  void messagesAreOneLineWithLongValuesCut() throws IOException {
    String huge = "a\nb\u001b[31m" + "x".repeat(3_000_000);
    Path p = write("h.csv", "x\n\"" + huge + "\"\n", StandardCharsets.UTF_8, false);
    DataException e = assertThrows(DataException.class, () -> Csv.frame(p, ReadOptions.withDefaults(), Map.of("x", ColumnType.NUMBER)));
    assertFalse(e.getMessage().contains("\n"), "one line");
    assertFalse(e.getMessage().contains("\u001b"), "no escape codes");
    assertTrue(e.getMessage().length() < 300, e.getMessage());
    assertTrue(e.getMessage().startsWith("h.csv: line 2, column 'x': 'a\\nb\\u001B[31mxxx"), e.getMessage());
  }

  @Test
  void delimiterIsDetectedAndCellsTrimmed() throws IOException {
    for (String sep : new String[] {",", ";", "\t", "|"}) {
      Path p = write("d.csv", String.join(sep, "code", "n") + "\n" + String.join(sep, "\"GM0014    \"", " 12 ") + "\n",
          StandardCharsets.UTF_8, false);
      Table t = Csv.read(p);
      assertEquals("GM0014", t.stringColumn("code").get(0), sep);
      assertEquals(12, t.intColumn("n").get(0), sep);
    }
  }

  @Test
  void largeFilesAreSplitIntoBlocksWithTheSameResult() throws IOException {
    // more than one 4 MiB block, with quoted cells that hold newlines and delimiters
    StringBuilder b = new StringBuilder("id,note,w\n");
    SplittableRandom r = new SplittableRandom(5);
    int n = 300_000;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double w = r.nextInt(10_000) / 100.0;
      sum += w;
      b.append(i).append(',').append(i % 1000 == 0 ? "\"line one\nline \"\"two\"\", three\"" : "plain note " + (i % 7))
          .append(',').append(w).append('\n');
    }
    Path p = write("big.csv", b.toString(), StandardCharsets.UTF_8, false);
    for (int threads : new int[] {1, 2, 3}) {
      Frame f = Csv.frame(p, ReadOptions.withDefaults().withThreads(threads), null);
      assertEquals(n, f.rows());
      double s = 0;
      for (double w : f.numbers("w")) {
        s += w;
      }
      assertEquals(sum, s, 1e-6 * sum);
      assertEquals(8, f.levels("note").size());
      assertEquals("line one\nline \"two\", three", f.levels("note").get(0));
      // lines count the newlines inside quoted cells
      assertEquals(1005, f.line(1001), "row 1001 comes after two two-line cells (ids 0 and 1000)");
      assertEquals(n - 1, (int) f.numbers("id")[n - 1]);
    }
  }

  @Test
  void columnsGrowWhenLaterLinesAreShorterThanTheFirst() throws IOException {
    // the first blocks have long lines, so the rows expected from their bytes per line are far too
    // few for the short lines after them: the block's arrays and the columns must grow
    StringBuilder b = new StringBuilder("id,note,w\n");
    int n = 600_000;
    long sum = 0;
    for (int i = 0; i < n; i++) {
      String note = i < 5_000 ? "x".repeat(200) : "y";
      b.append(i).append(',').append(note).append(',').append(i % 10).append('\n');
      sum += i % 10;
    }
    Path p = write("shorter.csv", b.toString(), StandardCharsets.UTF_8, false);
    for (int threads : new int[] {1, 2}) {
      Frame f = Csv.frame(p, ReadOptions.withDefaults().withThreads(threads),
          Map.of("id", ColumnType.NUMBER, "note", ColumnType.TEXT, "w", ColumnType.COUNT));
      assertEquals(n, f.rows());
      assertEquals(n, f.numbers("id").length);
      assertEquals(n, f.codes("note").length);
      long s = 0;
      for (double w : f.numbers("w")) {
        s += (long) w;
      }
      assertEquals(sum, s);
      assertEquals(n - 1, (int) f.numbers("id")[n - 1]);
      assertEquals(n + 1, f.line(n - 1));
      assertEquals(List.of("x".repeat(200), "y"), f.levels("note"));
    }
  }

  @Test
  void blocksThatEndInsideQuotedCellsAreReadAgainByQuoteParity() throws IOException {
    // every record spans five lines, four of its newlines inside a quoted cell, so most blocks
    // cut at their last newline end inside a quoted cell
    StringBuilder b = new StringBuilder("id,note,w\n");
    int n = 400_000;
    for (int i = 0; i < n; i++) {
      b.append(i).append(",\"first line\n\n\n\nsecond, line ").append(i % 5).append("\",").append(i % 10).append('\n');
    }
    Path p = write("multiline.csv", b.toString(), StandardCharsets.UTF_8, false);
    for (int threads : new int[] {1, 2}) {
      Frame f = Csv.frame(p, ReadOptions.withDefaults().withThreads(threads), null);
      assertEquals(n, f.rows());
      assertEquals(5, f.levels("note").size());
      assertEquals(2 + 5L * (n - 1), f.line(n - 1));
      assertEquals(n - 1, (int) f.numbers("id")[n - 1]);
    }
  }

  @Test
  void excelUnicodeTextIsReadLikeTheCommaFile() throws IOException {
    List<Row> rows = survey(1500, 13);
    String csv = clean(rows);
    String expected = json(estimate(write("clean.csv", csv, StandardCharsets.UTF_8, false), ReadOptions.withDefaults()));
    // Excel's "Unicode text": UTF-16 little endian with a byte-order mark, tab separated, CRLF
    byte[] body = csv.replace(',', '\t').replace("\n", "\r\n").getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[body.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(body, 0, withBom, 2, body.length);
    Path p = dir.resolve("unicode.txt");
    Files.write(p, withBom);
    assertEquals(expected, json(estimate(p, ReadOptions.withDefaults())));
  }

  @Test
  void unknownColumnsAndWhereWithoutMatchesAreErrors() throws IOException {
    Path p = write("u.csv", "a,b\n1,2\n", StandardCharsets.UTF_8, false);
    assertEquals("u.csv: column 'c' not found; available: [a, b]", assertThrows(DataException.class,
        () -> Csv.frame(p, ReadOptions.withDefaults(), Map.of("c", ColumnType.NUMBER))).getMessage());
    assertTrue(assertThrows(DataException.class, () -> Csv.read(p, ReadOptions.withDefaults().where("a", List.of("9"))))
        .getMessage().contains("no row matches --where"));
    assertEquals("u.csv".toLowerCase(Locale.ROOT), "u.csv");
  }
}
