package io.github.dmstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reading options on the command line: the same analysis from a clean file and from its Dutch variants. */
class ReadingOptionsTest {
  @TempDir
  Path dir;

  private Path write(String name, String text, Charset cs) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, text.getBytes(cs));
    return p;
  }

  /** weight (some above 1,000), stratum, psu, used (0/1/empty), region with non-ASCII names. */
  private static List<String[]> rows() {
    String[] regions = {"Fryslân", "Den Haag – Centrum", "Groningen"};
    SplittableRandom r = new SplittableRandom(3);
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      int psu = r.nextInt(30);
      long w4 = (long) ((0.5 + 3 * r.nextDouble()) * (r.nextInt(8) == 0 ? 1000 : 1) * 1e4);
      String w = w4 / 10000 + "." + String.format("%04d", w4 % 10000);
      String used = r.nextInt(40) == 0 ? "" : r.nextDouble() < 0.15 ? "1" : "0";
      out.add(new String[] {w, "S" + psu / 5, "P" + psu, used, regions[r.nextInt(regions.length)]});
    }
    return out;
  }

  private static String grouped(String w) {
    String ip = w.substring(0, w.indexOf('.'));
    String g = ip.length() > 3 ? ip.substring(0, ip.length() - 3) + "." + ip.substring(ip.length() - 3) : ip;
    return g + "," + w.substring(w.indexOf('.') + 1);
  }

  private String[] prevalence(Path file, String... reading) {
    List<String> a = new ArrayList<>(List.of("prevalence", "--data", file.toString(), "--outcome", "used", "--weight", "weight",
        "--strata", "stratum", "--psu", "psu", "--by", "region", "--reliability", "none", "--format", "json"));
    a.addAll(List.of(reading));
    CliRun.Result r = CliRun.run(a.toArray(new String[0]));
    return new String[] {String.valueOf(r.code()), r.out(), r.err()};
  }

  @Test
  void dutchWindowsAndGroupedFilesGiveIdenticalJson() throws IOException {
    List<String[]> rows = rows();
    StringBuilder clean = new StringBuilder("weight,stratum,psu,used,region\n");
    StringBuilder nl = new StringBuilder("\uFEFF\"niveau\";\"weight\";\"stratum\";\"psu\";\"used\";\"region\"\r\n");
    StringBuilder thousands = new StringBuilder("niveau;weight;stratum;psu;used;region\r\n");
    int k = 0;
    for (String[] r : rows) {
      clean.append(String.join(",", r)).append('\n');
      String yes = r[3].isEmpty() ? "9" : r[3].equals("1") ? "ja" : "nee";
      nl.append("\"respondent\";").append(r[0].replace('.', ',')).append(";\"").append(r[1]).append("   \";\"").append(r[2])
          .append("  \";").append(yes).append(";\"").append(r[4]).append("\"\r\n");
      thousands.append("respondent;").append(grouped(r[0])).append(';').append(r[1]).append(';').append(r[2]).append(';')
          .append(r[3]).append(';').append(r[4]).append("\r\n");
      if (++k % 50 == 0) {
        nl.append("\"totaal\";x;\"  \";.;x;\"Nederland\"\r\n");
        thousands.append("totaal;.;;;x;Nederland\r\n");
      }
    }
    String[] expected = prevalence(write("clean.csv", clean.toString(), StandardCharsets.UTF_8));
    assertEquals("0", expected[0], expected[2]);
    assertTrue(expected[1].contains("\"region\" : \"Den Haag – Centrum\""), expected[1]);

    String[] dutch = prevalence(write("nl.csv", nl.toString(), StandardCharsets.UTF_8), "--where", "niveau=respondent",
        "--na-values", "NA,.,9");
    assertEquals(expected[1], dutch[1], dutch[2]);
    assertTrue(dutch[2].contains("nl.csv: --where kept 1500 of 1530 rows"), dutch[2]);

    Path cp1252 = write("win.csv", nl.toString().substring(1), Charset.forName("windows-1252"));
    assertEquals(expected[1], prevalence(cp1252, "--where", "niveau=respondent", "--na-values", "NA,.,9", "--encoding",
        "windows-1252")[1]);
    String[] notUtf8 = prevalence(cp1252, "--where", "niveau=respondent", "--na-values", "NA,.,9");
    assertEquals("2", notUtf8[0]);
    assertTrue(notUtf8[2].contains("win.csv: line ") && notUtf8[2].contains("--encoding windows-1252"), notUtf8[2]);

    Path grouped = write("grouped.csv", thousands.toString(), StandardCharsets.UTF_8);
    assertEquals(expected[1], prevalence(grouped, "--where", "niveau=respondent", "--thousands", ".")[1]);
    String[] undeclared = prevalence(grouped, "--where", "niveau=respondent");
    assertEquals("2", undeclared[0]);
    assertTrue(undeclared[2].matches("dmstat prevalence: grouped\\.csv: line \\d+, column 'weight': '\\d\\.\\d{3},\\d{4}' has a "
        + "thousands separator; pass --thousands \\.\\R"), undeclared[2]);
  }

  @Test
  void aDutchThousandsSeparatorInACommaFileIsExitTwo() throws IOException {
    Path f = write("areas.csv", "code,name,inhabitants,incidents\nGM0014,Groningen,\"243.768\",1240\nGM0034,Almere,\"226.500\",800\n"
        + "GM0363,Amsterdam,\"931.298\",5210\n", StandardCharsets.UTF_8);
    CliRun.Result r = CliRun.run("concentration", "--data", f.toString(), "--area", "code", "--count", "incidents",
        "--population", "inhabitants", "--format", "json");
    assertEquals(2, r.code(), r.out());
    assertTrue(r.err().startsWith("dmstat concentration: areas.csv: line 2, column 'inhabitants': area 'GM0014': must be a whole "
        + "number >= 0"), r.err());
    assertTrue(r.err().contains("--thousands .") && r.err().contains("'243.768'"), r.err());
    CliRun.Result ok = CliRun.run("concentration", "--data", f.toString(), "--area", "code", "--count", "incidents",
        "--population", "inhabitants", "--format", "json", "--thousands", ".");
    assertEquals(0, ok.code(), ok.err());
    assertTrue(ok.out().contains("243768"), ok.out());
  }

  @Test
  void everyCommandThatReadsDataShowsTheReadingOptions() {
    for (String command : new String[] {"prevalence", "key-figures", "concentration", "select", "effects", "survival", "did",
        "report"}) {
      CliRun.Result r = CliRun.run(command, "--help");
      for (String option : new String[] {"--delimiter", "--decimal", "--thousands", "--encoding", "--na-values",
          "--true-values", "--false-values", "--where", "--sheet"}) {
        assertTrue(r.out().contains(option), command + " --help lacks " + option);
      }
    }
    for (String command : new String[] {"prevalence", "key-figures", "report"}) {
      CliRun.Result r = CliRun.run(command, "--help");
      for (String option : new String[] {"--weight", "--strata", "--psu", "--fpc", "--lonely-psu"}) {
        assertTrue(r.out().contains(option), command + " --help lacks " + option);
      }
    }
  }

  @Test
  void outcomeCodesApplyToKeyFiguresAsToPrevalence() throws IOException {
    String csv = CliRun.run("datasets", "adults").out();
    String[] lines = csv.split("\n");
    String[] header = lines[0].split(",");
    StringBuilder coded = new StringBuilder(lines[0]).append('\n');
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split(",", -1);
      for (int c = 0; c < cells.length; c++) {
        if (header[c].endsWith("_last_year") || header[c].endsWith("_lifetime") || header[c].endsWith("_last_month")) {
          cells[c] = cells[c].isEmpty() ? "9" : cells[c].equals("1") ? "1" : "2";
        }
      }
      coded.append(String.join(",", cells)).append('\n');
    }
    Path plain = write("adults.csv", csv, StandardCharsets.UTF_8);
    Path codes = write("adults-129.csv", coded.toString(), StandardCharsets.UTF_8);
    String[] design = {"--weight", "weight", "--strata", "stratum", "--psu", "psu", "--format", "json"};
    CliRun.Result expected = CliRun.run(concat(new String[] {"key-figures", "--data", plain.toString()}, design));
    assertEquals(0, expected.code(), expected.err());
    CliRun.Result recoded = CliRun.run(concat(new String[] {"key-figures", "--data", codes.toString(), "--true-values", "1",
        "--false-values", "2", "--na-values", "NA,.,9"}, design));
    assertEquals(expected.out(), recoded.out(), recoded.err());
    CliRun.Result undeclared = CliRun.run(concat(new String[] {"key-figures", "--data", codes.toString()}, design));
    assertEquals(2, undeclared.code());
    assertTrue(undeclared.err().contains("adults-129.csv: line 2, column 'cannabis_last_year': '2' is not an outcome code"),
        undeclared.err());
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void readingOptionsWithAnEmbeddedDatasetAreAnError() {
    CliRun.Result r = CliRun.run("prevalence", "--dataset", "adults", "--outcome", "cannabis_last_year", "--where", "sex=F");
    assertEquals(2, r.code());
    assertFalse(r.err().contains("\n") && r.err().indexOf('\n') < r.err().length() - 1, r.err());
    assertTrue(r.err().contains("apply to --data files"), r.err());
  }
}
