package io.github.dmstat.charts.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code dmstat} command line: a thin layer that parses options, binds data, calls the
 * library and renders the result. Exit codes: 0 success, 2 bad input or bad options (one line on
 * standard error naming file, row, column and value), 1 an unexpected failure.
 */
@Command(name = "dmstat", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Drug Monitor statistics: prevalence by target group, concentration, selection, outcomes.",
    subcommands = {ReportCommand.class, ChartCommand.class, PrevalenceCommand.class, KeyFiguresCommand.class, ConcentrationCommand.class, SelectCommand.class,
        EffectsCommand.class, SurvivalCommand.class, DidCommand.class, DatasetsCommand.class, ShellCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  /** Exit code for bad input or options. */
  public static final int BAD_INPUT = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the command line with the given streams and returns the exit code (for tests). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = commandLine(out, err);
    return cl.execute(args);
  }

  /** The configured picocli command line. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler((ex, args) -> {
      CommandLine c = ex.getCommandLine();
      String name = c.getCommandSpec().qualifiedName();
      c.getErr().println(name + ": " + ex.getMessage().replace('\n', ' ') + " (see " + name + " --help)");
      c.getErr().flush();
      return BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      if (ex instanceof IllegalArgumentException) {
        c.getErr().println(c.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
        c.getErr().flush();
        return BAD_INPUT;
      }
      c.getErr().println(c.getCommandSpec().qualifiedName() + ": internal error: " + ex
          + (System.getenv("DMSTAT_DEBUG") == null ? " (set DMSTAT_DEBUG=1 for the stack trace)" : ""));
      if (System.getenv("DMSTAT_DEBUG") != null) {
        ex.printStackTrace(c.getErr());
      }
      c.getErr().flush();
      return 1;
    });
    return cl;
  }

  /** Version from the jar manifest, or "development". */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"dmstat " + (v == null ? "0.1.0-SNAPSHOT" : v)};
    }
  }
}
