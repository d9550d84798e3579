package io.github.dmstat.cli;

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

/** A JShell as {@code dmstat shell} opens it: the test's class path and the startup script. */
final class Shell implements AutoCloseable {
  private final JShell shell;

  Shell() throws IOException {
    shell = JShell.builder().executionEngine("local").build();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      shell.addToClasspath(entry);
    }
    run(DEFAULT);
    run(startup());
  }

  /** The imports of JShell's own DEFAULT startup, which {@code dmstat shell} loads first. */
  private static final String DEFAULT = "import java.io.*;\nimport java.math.*;\nimport java.net.*;\n"
      + "import java.nio.file.*;\nimport java.util.*;\nimport java.util.concurrent.*;\nimport java.util.function.*;\n"
      + "import java.util.prefs.*;\nimport java.util.regex.*;\nimport java.util.stream.*;\n";

  static String startup() throws IOException {
    try (InputStream in = ShellCommand.class.getResourceAsStream(ShellCommand.STARTUP)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Evaluates {@code source} snippet by snippet, as JShell's prompt would; every snippet must be
   * valid and run without an exception. Returns the value of each snippet.
   */
  List<String> run(String source) {
    List<String> values = new ArrayList<>();
    String rest = source;
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(rest);
      for (SnippetEvent e : shell.eval(info.source())) {
        if (e.causeSnippet() != null) {
          continue; // an earlier snippet that this one replaced (an import given again, a variable declared again)
        }
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

  /**
   * Evaluates {@code text} as if it were pasted at the {@code jshell>} prompt: line by line, each
   * snippet as soon as its lines make a complete one (so a line that starts with {@code .} after a
   * complete statement fails here as it does in the shell).
   */
  List<String> paste(String text) {
    List<String> values = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      pending.append(line).append('\n');
      if (shell.sourceCodeAnalysis().analyzeCompletion(pending.toString()).completeness().isComplete()) {
        values.addAll(run(pending.toString()));
        pending.setLength(0);
      }
    }
    assertTrue(pending.toString().isBlank(), () -> "incomplete snippet at the end: " + pending);
    return values;
  }

  @Override
  public void close() {
    shell.close();
  }
}
