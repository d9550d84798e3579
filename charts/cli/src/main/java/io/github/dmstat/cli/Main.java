package io.github.dmstat.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code dmstat} command line: a thin layer that parses options, binds data, calls the
 * library and renders the result. Exit codes: 0 success, 2 bad input or bad options (one line on
 * standard error naming file, row, column and value), 1 an unexpected failure, too little memory
 * or output that could not be written (one line too; see {@link Failures}).
 *
 * <p>Start-up: picocli reads the annotations of every command class it is given, which loads
 * those classes and the types of all their options, so {@code dmstat prevalence ...} gives picocli
 * only {@code prevalence} (see {@link #forArguments(String...)}).
 */
@Command(name = "dmstat", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Drug Monitor statistics: prevalence by target group, concentration, selection, outcomes.")
public final class Main implements Runnable {
  /** Exit code for bad input or options. */
  public static final int BAD_INPUT = Failures.BAD_INPUT;

  /** The subcommands in the order the usage help lists them. */
  static final List<String> COMMANDS = List.of("report", "chart", "prevalence", "total", "mean", "ratio", "quantile",
      "logistic", "linear", "trend", "chisq", "calibrate", "key-figures", "concentration", "select", "effects", "survival",
      "did", "datasets", "shell", "help");

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Runs {@code dmstat} on standard output and standard error (headless) and exits with its exit code.
   *
   * @param args the command line without {@code dmstat}, e.g. {@code datasets}
   */
  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    // picocli otherwise looks for groovy.lang.Closure, which opens every jar on the class path
    System.setProperty("picocli.disable.closures", "true");
    System.exit(run(new FileOutputStream(FileDescriptor.out), new PrintWriter(System.err, true), args));
  }

  /**
   * Runs the command line with the given streams and returns the exit code (for tests). A failed
   * write to {@code out} is noticed through {@link PrintWriter#checkError()}, without its reason.
   *
   * @param out standard output
   * @param err standard error: the one line of a failure
   * @param args the command line without {@code dmstat}
   * @return the exit code: 0 success, {@link #BAD_INPUT} bad input or options, 1 any other failure
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    Optional<PrevalenceCommand> quick = QuickStart.prevalence(args);
    if (quick.isPresent()) {
      return quick(quick.get(), out, err, () -> out.checkError() ? Optional.of("") : Optional.empty());
    }
    CommandLine cl = configure(forArguments(args), out, err);
    return execute(cl, () -> out.checkError() ? Optional.of("") : Optional.empty(), args);
  }

  /**
   * Runs the command line writing standard output to {@code out} and returns the exit code; the
   * first {@link IOException} of {@code out} ends the run with exit code 1 and its reason.
   */
  static int run(OutputStream out, PrintWriter err, String... args) {
    StandardOutput stdout = new StandardOutput(out);
    PrintWriter w = new PrintWriter(new OutputStreamWriter(stdout, Charset.defaultCharset()), true);
    Supplier<Optional<String>> outFailure = () -> {
      w.flush();
      // no method reference: a non-capturing one would be the run's first and spin a class (~5 ms)
      Optional<IOException> failure = stdout.failure();
      return failure.isPresent() ? Optional.of(Failures.reason(failure.get())) : Optional.empty();
    };
    Optional<PrevalenceCommand> quick = QuickStart.prevalence(args);
    if (quick.isPresent()) {
      return quick(quick.get(), w, err, outFailure);
    }
    CommandLine cl = configure(forArguments(args), w, err);
    return execute(cl, outFailure, args);
  }

  /** Runs a command that {@link QuickStart} read, with the same exit codes and messages as {@link #execute}. */
  private static int quick(PrevalenceCommand c, PrintWriter out, PrintWriter err, Supplier<Optional<String>> outFailure) {
    c.out = out;
    c.err = err;
    String name = "dmstat prevalence";
    int code;
    try {
      code = c.call();
    } catch (RuntimeException | Error e) {
      code = report(e, name, err);
    }
    return afterRun(code, name, err, outFailure);
  }

  /**
   * The configured picocli command line with every subcommand.
   *
   * @param out standard output
   * @param err standard error
   * @return the command line, with every failure handled as an exit code and one line on {@code err}
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return configure(withCommands(COMMANDS), out, err);
  }

  /**
   * The command line for {@code args}. When the first argument names a command (other than
   * {@code help}), only that command is built. Otherwise ({@code --help}, {@code help NAME}, no
   * arguments, an unknown command) every command is there, but only those named in {@code args}
   * are built in full; the others are summaries (name and description from their {@link Command}
   * annotation, no options), which is all the command list of the usage help shows. Just
   * {@code --version} builds no command.
   */
  static CommandLine forArguments(String... args) {
    String first = args.length > 0 ? args[0] : "";
    if (args.length == 1 && ("--version".equals(first) || "-V".equals(first))) {
      return withCommands(List.of());
    }
    if (COMMANDS.contains(first) && !"help".equals(first)) {
      return withCommands(List.of(first));
    }
    List<String> named = List.of(args);
    CommandLine cl = new CommandLine(new Main());
    for (String name : COMMANDS) {
      if (named.contains(name)) {
        cl.addSubcommand(name, full(name));
      } else {
        cl.addSubcommand(name, summary(name));
      }
    }
    return cl;
  }

  private static CommandLine withCommands(List<String> names) {
    CommandLine cl = new CommandLine(new Main());
    for (String name : names) {
      cl.addSubcommand(name, full(name));
    }
    return cl;
  }

  /**
   * The command {@code name} with its own subcommands, built on its own so that picocli applies
   * their model transformers (it does so only for the tree given to a {@code CommandLine}
   * constructor, not for a subcommand added later).
   */
  private static CommandLine full(String name) {
    return new CommandLine(commandClass(name));
  }

  /** A command that only shows its name and description in the usage help. */
  private static CommandLine.Model.CommandSpec summary(String name) {
    Command c = commandClass(name).getAnnotation(Command.class);
    CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create().name(name).aliases(c.aliases());
    spec.usageMessage().header(c.header()).description(c.description()).hidden(c.hidden());
    return spec;
  }

  /** The class of the subcommand {@code name}; a {@code switch} so that only that class is loaded. */
  static Class<?> commandClass(String name) {
    switch (name) {
      case "report": return ReportCommand.class;
      case "chart": return ChartCommand.class;
      case "prevalence": return PrevalenceCommand.class;
      case "total": return StatisticCommand.Total.class;
      case "mean": return StatisticCommand.Mean.class;
      case "ratio": return StatisticCommand.Ratio.class;
      case "quantile": return QuantileCommand.class;
      case "logistic": return RegressionCommand.Logistic.class;
      case "linear": return RegressionCommand.Linear.class;
      case "trend": return TrendCommand.class;
      case "chisq": return ChisqCommand.class;
      case "calibrate": return CalibrateCommand.class;
      case "key-figures": return KeyFiguresCommand.class;
      case "concentration": return ConcentrationCommand.class;
      case "select": return SelectCommand.class;
      case "effects": return EffectsCommand.class;
      case "survival": return SurvivalCommand.class;
      case "did": return DidCommand.class;
      case "datasets": return DatasetsCommand.class;
      case "shell": return ShellCommand.class;
      case "help": return CommandLine.HelpCommand.class;
      default: throw new IllegalArgumentException("no command '" + name + "'; commands: " + COMMANDS);
    }
  }

  /** Sets the streams and the handlers that turn every failure into an exit code and one line. */
  static CommandLine configure(CommandLine cl, PrintWriter out, PrintWriter err) {
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler((ex, args) -> {
      CommandLine c = ex.getCommandLine();
      String name = c.getCommandSpec().qualifiedName();
      c.getErr().println(name + ": " + Failures.oneLine(ex.getMessage()) + " (see " + name + " --help)");
      c.getErr().flush();
      return BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((ex, c, parsed) -> report(ex, c.getCommandSpec().qualifiedName(), c.getErr()));
    return cl;
  }

  /**
   * Executes {@code args}; after the command, a failed write to standard output (its reason, or
   * "" when not known, from {@code outFailure}) turns a success into exit code 1. Errors that
   * picocli lets through (an {@link OutOfMemoryError}) get the same one-line report.
   */
  static int execute(CommandLine cl, Supplier<Optional<String>> outFailure, String... args) {
    int code;
    try {
      code = cl.execute(args);
    } catch (RuntimeException | Error e) {
      code = report(e, commandName(cl), cl.getErr());
    }
    return afterRun(code, commandName(cl), cl.getErr(), outFailure);
  }

  /** {@code code}, or exit code 1 with its one line when standard output could not be written. */
  private static int afterRun(int code, String command, PrintWriter err, Supplier<Optional<String>> outFailure) {
    Optional<String> failed = outFailure.get();
    if (failed.isPresent() && code == 0) {
      Failures.Report r = Failures.cannotWrite(command, failed.get());
      err.println(r.line());
      err.flush();
      return r.code();
    }
    return code;
  }

  private static int report(Throwable e, String command, PrintWriter err) {
    Failures.Report r = Failures.of(e, command);
    err.println(r.line());
    if (r.code() != BAD_INPUT && Failures.outOfMemory(e).isEmpty() && System.getenv("DMSTAT_DEBUG") != null) {
      e.printStackTrace(err);
    }
    err.flush();
    return r.code();
  }

  /** The qualified name of the innermost command that was parsed, e.g. {@code dmstat prevalence}. */
  private static String commandName(CommandLine cl) {
    CommandLine.ParseResult p = cl.getParseResult();
    if (p == null) {
      return cl.getCommandSpec().qualifiedName();
    }
    while (p.hasSubcommand()) {
      p = p.subcommand();
    }
    return p.commandSpec().qualifiedName();
  }

  /** The version of this build: {@code version.properties}, filtered by Maven with the project version. */
  static String version() {
    try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version", "");
        if (!v.isBlank() && !v.contains("${")) {
          return v.strip();
        }
      }
    } catch (IOException e) {
      // fall through: the version is not known
    }
    return "(version unknown: not built by Maven)";
  }

  /** {@code dmstat --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"dmstat " + version()};
    }
  }
}
