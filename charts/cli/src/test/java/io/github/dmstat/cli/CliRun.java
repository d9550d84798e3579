package io.github.dmstat.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process for tests and captures exit code, output and errors. */
final class CliRun {
  private CliRun() {}

  /** Exit code, standard output and standard error of one run. */
  record Result(int code, String out, String err) {}

  /** Runs {@code dmstat args...}. */
  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }
}
