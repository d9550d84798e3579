package io.github.dmstat.cli;

import io.github.dmstat.charts.Export;
import io.github.dmstat.charts.Figure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --out FILE.(png|svg|pdf)} of every chart type, and the writing step. */
final class ChartOutput {
  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "Output file; the extension decides the format: .png (144 dpi), .svg or .pdf.")
  Path out;

  /**
   * Checks the extension of {@code --out} first, then makes the figure, writes it to a hidden
   * temporary file next to {@code --out} (creating missing parent folders) and moves that into
   * place, so a failure never leaves a truncated file; prints the written path. A bad extension or an
   * unwritable path is bad input.
   */
  int write(CommandLine.Model.CommandSpec spec, Supplier<Figure> figure) {
    try {
      Export.Format.of(out);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--out: " + e.getMessage(), e);
    }
    Figure f = figure.get();
    Path tmp = null;
    try {
      Path parent = out.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      String name = out.getFileName().toString();
      // not Files.createTempFile: the file would keep its owner-only permissions after the move
      tmp = parent.resolve("." + name + "." + ProcessHandle.current().pid() + "." + System.nanoTime()
          + name.substring(name.lastIndexOf('.')));
      Export.write(f, tmp);
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalArgumentException("--out: cannot write '" + out + "': " + e.getMessage(), e);
    } finally {
      deleteQuietly(tmp);
    }
    spec.commandLine().getOut().println(out);
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** Removes the temporary file left by a failed write (nothing once it has been moved). */
  private static void deleteQuietly(Path tmp) {
    if (tmp == null) {
      return;
    }
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException e) {
      // best effort: the temporary file is hidden and harmless
    }
  }
}
