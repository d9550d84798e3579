package io.github.dmstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/** The JShell startup script loads, and the README's example session prints a prevalence table. */
class ShellStartupTest {
  private static String startup() throws IOException {
    try (InputStream in = ShellCommand.class.getResourceAsStream(ShellCommand.STARTUP)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> run(JShell shell, String source) {
    List<String> values = new ArrayList<>();
    String rest = source;
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(rest);
      for (SnippetEvent e : shell.eval(info.source())) {
        assertTrue(e.status() == Snippet.Status.VALID, () -> "snippet failed: " + e.snippet().source() + " "
            + shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).toList() + " " + e.exception());
        if (e.exception() != null) {
          throw new AssertionError(e.snippet().source(), e.exception());
        }
        values.add(e.value());
      }
      rest = info.remaining();
    }
    return values;
  }

  @Test
  void startupScriptLoadsAndTheExampleSessionWorks() throws IOException {
    try (JShell shell = JShell.builder().executionEngine("local").build()) {
      for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
        shell.addToClasspath(entry);
      }
      run(shell, startup());
      List<String> v = run(shell, "var adults = Datasets.table(\"adults\");\n"
          + "var t = PrevalenceEstimator.withDefaults().estimate(adults, Datasets.design(\"adults\").get(), "
          + "\"cannabis_last_year\", \"agegroup\", \"sex\");\n"
          + "t.find(\"18-24\", \"M\").get().toString()\n");
      String last = v.get(v.size() - 1);
      assertTrue(last.startsWith("\"Prevalence[agegroup=18-24, sex=M: "), last);
      assertEquals(1, run(shell, "t.toTable().rowCount() == 14").stream().filter("true"::equals).count());
    }
  }
}
