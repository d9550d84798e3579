package io.github.dmstat.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import jdk.jshell.tool.JavaShellToolBuilder;
import picocli.CommandLine.Command;

/** {@code dmstat shell}: JShell with the library on the class path and its imports loaded. */
@Command(name = "shell", mixinStandardHelpOptions = true,
    description = {"Opens JShell with dmstat on the class path and the startup script dmstat.jsh (imports).",
        "Try: var a = Datasets.adults(); "
            + "PrevalenceEstimator.withDefaults().estimate(a.table(), a.design(), \"cannabis_last_year\", \"agegroup\")"})
final class ShellCommand implements Callable<Integer> {
  /** The startup script shipped as a resource. */
  static final String STARTUP = "dmstat.jsh";

  @Override
  public Integer call() throws Exception {
    Path startup = Files.createTempFile("dmstat", ".jsh");
    startup.toFile().deleteOnExit();
    try (InputStream in = ShellCommand.class.getResourceAsStream(STARTUP)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + STARTUP);
      }
      Files.copy(in, startup, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return JavaShellToolBuilder.builder().start("--class-path", System.getProperty("java.class.path"),
        "--startup", "DEFAULT", "--startup", startup.toString(), "-R-Djava.awt.headless=true",
        "-R-Djava.util.prefs.userRoot=" + System.getProperty("java.io.tmpdir"));
  }
}
