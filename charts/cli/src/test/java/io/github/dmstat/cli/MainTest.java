package io.github.dmstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command model is built only for the invoked command; the version comes from the build. */
class MainTest {
  @Test
  void everyCommandIsCreatedUnderItsOwnName() {
    for (String name : Main.COMMANDS) {
      Command c = Main.commandClass(name).getAnnotation(Command.class);
      assertEquals(name, c.name());
    }
    CommandLine full = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    assertEquals(Main.COMMANDS, List.copyOf(full.getSubcommands().keySet()));
  }

  @Test
  void onlyTheInvokedCommandIsBuilt() {
    assertEquals(Set.of("prevalence"), Main.forArguments("prevalence", "--dataset", "adults").getSubcommands().keySet());
    assertEquals(Set.of("chart"), Main.forArguments("chart", "lorenz").getSubcommands().keySet());
    assertEquals(Set.of(), Main.forArguments("--version").getSubcommands().keySet());
    for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"--version", "prevalence"},
        new String[] {"help", "prevalence"}, new String[] {"prevalenc"})) {
      assertEquals(Main.COMMANDS, List.copyOf(Main.forArguments(args).getSubcommands().keySet()), String.join(" ", args));
    }
  }

  @Test
  void theUsageHelpOfSummariesIsTheFullUsageHelp() {
    CommandLine full = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    CommandLine help = Main.forArguments("--help");
    assertTrue(help.getSubcommands().get("prevalence").getCommandSpec().options().isEmpty());
    assertEquals(full.getUsageMessage(CommandLine.Help.Ansi.OFF), help.getUsageMessage(CommandLine.Help.Ansi.OFF));
    CommandLine helpPrevalence = Main.forArguments("help", "prevalence");
    assertEquals(full.getSubcommands().get("prevalence").getUsageMessage(CommandLine.Help.Ansi.OFF),
        helpPrevalence.getSubcommands().get("prevalence").getUsageMessage(CommandLine.Help.Ansi.OFF));
  }

  @Test
  void errorsStillNameTheCommand() {
    CliRun.Result r = CliRun.run("prevalence", "--dataset", "adults");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("dmstat prevalence: Missing required option: '--outcome=COL'"), r.err());
    CliRun.Result help = CliRun.run("help", "prevalence");
    assertEquals(0, help.code(), help.err());
    assertTrue(help.out().contains("--outcome"), help.out());
    CliRun.Result unknown = CliRun.run("prevalenc");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().startsWith("dmstat: Unmatched argument"), unknown.err());
  }

  @Test
  void versionComesFromTheBuild() {
    CliRun.Result r = CliRun.run("--version");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().matches("dmstat \\d+\\.\\d+\\.\\d+[-.\\w]*\\R"), r.out());
    assertFalse(Main.version().contains("unknown"), Main.version());
  }

  @org.junit.jupiter.api.Test
  void everyCommandsHelpRendersWithoutPicocliWarnings() {
    java.io.PrintStream old = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      for (String c : Main.COMMANDS) {
        if (c.equals("help") || c.equals("shell")) {
          continue;
        }
        CliRun.Result r = CliRun.run(c, "--help");
        assertEquals(0, r.code(), c + ": " + r.err());
        assertTrue(r.out().startsWith("Usage: dmstat " + c), c + ": " + r.out());
      }
    } finally {
      System.setErr(old);
    }
    String warnings = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertFalse(warnings.contains("picocli WARN"), warnings);
  }
}
