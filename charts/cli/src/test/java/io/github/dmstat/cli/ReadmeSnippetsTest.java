package io.github.dmstat.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.datasets.Datasets;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Every Java snippet and the JShell session of README.md, taken from the file and run as written
 * in a JShell with {@code dmstat shell}'s startup script, line by line as if pasted at its prompt,
 * so the README cannot drift from the code. The snippets' relative files ({@code Path.of("survey.csv")}) are in a folder of this
 * test's own, which the test fills with the files the README says it gives.
 */
class ReadmeSnippetsTest {
  private static final Pattern JAVA = Pattern.compile("```java\\n(.*?)\\n```", Pattern.DOTALL);
  private static final Pattern BLOCK = Pattern.compile("```\\n(.*?)\\n```", Pattern.DOTALL);
  private static final Pattern RELATIVE_PATH = Pattern.compile("Path\\.of\\(\"([^\"/]+)\"\\)");

  @TempDir
  Path dir;

  static String readme() throws IOException {
    Path root = Path.of(System.getProperty("dmstat.root", "../.."));
    return Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
  }

  /**
   * The README's Java snippets, in order, but for those of the Spark module (they use a
   * {@code SparkSession}, which needs Spark on the class path: the spark module's
   * {@code PrevalenceJob} does what that snippet does, and {@code .ci/run} runs it).
   */
  static List<String> javaSnippets(String readme) {
    List<String> out = new ArrayList<>();
    for (Matcher m = JAVA.matcher(readme); m.find(); ) {
      if (!m.group(1).contains("SparkSession")) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  /** What the README's JShell session types after {@code jshell> }. */
  static List<String> sessionLines(String readme) {
    List<String> out = new ArrayList<>();
    for (Matcher m = BLOCK.matcher(readme); m.find(); ) {
      for (String line : m.group(1).split("\n")) {
        if (line.startsWith("jshell> ")) {
          out.add(line.substring("jshell> ".length()));
        }
      }
    }
    return out;
  }

  /** The snippet with its relative files in this test's folder. */
  private String here(String snippet) {
    Matcher m = RELATIVE_PATH.matcher(snippet);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String file = dir.resolve(m.group(1)).toString().replace("\\", "\\\\");
      m.appendReplacement(b, Matcher.quoteReplacement("Path.of(\"" + file + "\")"));
    }
    return m.appendTail(b).toString();
  }

  /** survey.csv: the embedded adult survey as a plain CSV file. */
  private void surveyFile() throws IOException {
    try (Writer w = Files.newBufferedWriter(dir.resolve("survey.csv"), StandardCharsets.UTF_8)) {
      io.github.dmstat.core.io.Csv.write(w, Datasets.adults().table());
    }
  }

  /**
   * enquete.csv: the same survey as Dutch Excel writes it, with Dutch column names ({@code gewicht},
   * {@code stratum}, {@code psu}, {@code cannabis}, {@code regio}), {@code ;}, a decimal comma,
   * and {@code 9} for a missing answer.
   */
  private void dutchFile() throws IOException {
    Table t = Datasets.adults().table();
    StringBuilder b = new StringBuilder("gewicht;stratum;psu;cannabis;regio\r\n");
    for (int i = 0; i < t.rowCount(); i++) {
      String used = t.column("cannabis_last_year").isMissing(i) ? "9"
          : String.valueOf(((Number) t.column("cannabis_last_year").get(i)).intValue());
      b.append(String.format(Locale.ROOT, "%.4f", t.numberColumn("weight").getDouble(i)).replace('.', ','))
          .append(';').append(t.getString(i, "stratum")).append(';').append(t.getString(i, "psu")).append(';')
          .append(used).append(';').append(t.getString(i, "stratum")).append("\r\n");
    }
    Files.writeString(dir.resolve("enquete.csv"), b.toString(), StandardCharsets.UTF_8);
  }

  @Test
  void everyJavaSnippetRunsAsWritten() throws IOException {
    surveyFile();
    dutchFile();
    List<String> snippets = javaSnippets(readme());
    assertTrue(snippets.size() >= 4, "Java snippets in README.md: " + snippets.size());
    try (Shell shell = new Shell()) {
      for (String snippet : snippets) {
        shell.paste(here(snippet));
      }
    }
    // the files the snippets write
    for (String snippet : snippets) {
      for (Matcher m = RELATIVE_PATH.matcher(snippet); m.find(); ) {
        Path f = dir.resolve(m.group(1));
        assertTrue(Files.isRegularFile(f) && Files.size(f) > 0, "README snippet file " + f);
      }
    }
  }

  @Test
  void theJShellSessionRuns() throws IOException {
    List<String> lines = sessionLines(readme());
    assertTrue(lines.size() >= 3, "JShell session lines in README.md: " + lines);
    try (Shell shell = new Shell()) {
      for (String line : lines) {
        shell.paste(line);
      }
    }
  }
}
