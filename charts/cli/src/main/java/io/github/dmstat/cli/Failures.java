package io.github.dmstat.cli;

import io.github.dmstat.core.io.DataException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * How the command line ends after a failure: an exit code chosen by the type of the exception and
 * one line for standard error, {@code dmstat <command>: <message>}.
 *
 * <table>
 * <caption>Exit codes</caption>
 * <tr><th>failure</th><th>exit</th></tr>
 * <tr><td>{@link IllegalArgumentException}, so also {@code DataException}: bad input or options</td><td>2</td></tr>
 * <tr><td>{@link OutOfMemoryError} anywhere in the cause chain: says how to give Java more heap</td><td>1</td></tr>
 * <tr><td>{@link IOException}, {@link UncheckedIOException}: a file could not be written (or read)</td><td>1</td></tr>
 * <tr><td>anything else: an internal error</td><td>1</td></tr>
 * </table>
 *
 * <p>Wrappers that only carry another exception across threads ({@link ExecutionException},
 * {@link CompletionException}, reflection wrappers) are looked through. A message is shown with
 * control characters escaped (a newline as {@code \n}) and cut after {@value #MAX_MESSAGE}
 * characters, so that a 3 MB cell in a message still gives a short line.
 */
final class Failures {
  /** Exit code of an unexpected failure, a failed write or too little memory. */
  static final int FAILED = 1;
  /** Exit code of bad input or bad options. */
  static final int BAD_INPUT = 2;
  /** Longest message shown (after escaping) before it is cut with "...". */
  static final int MAX_MESSAGE = 300;

  private Failures() {}

  /** Exit code and the line for standard error. */
  record Report(int code, String line) {}

  /** The report of {@code failure} in the command named {@code command} (e.g. {@code dmstat prevalence}). */
  static Report of(Throwable failure, String command) {
    Optional<OutOfMemoryError> oom = outOfMemory(failure);
    if (oom.isPresent()) {
      return outOfMemory(command, Runtime.getRuntime().maxMemory());
    }
    Throwable t = unwrap(failure);
    if (t instanceof IllegalArgumentException) {
      return new Report(BAD_INPUT, command + ": " + oneLine(t.getMessage() == null ? t.toString() : t.getMessage()));
    }
    if (t instanceof IOException io) {
      return new Report(FAILED, command + ": I/O error: " + oneLine(reason(io)));
    }
    if (t instanceof UncheckedIOException u) {
      String m = u.getMessage();
      IOException cause = u.getCause();
      boolean bare = m == null || m.equals(cause.toString()) || cause instanceof FileSystemException;
      return new Report(FAILED, command + ": I/O error: " + oneLine(bare ? reason(cause) : m));
    }
    return new Report(FAILED, command + ": internal error: " + oneLine(t.toString())
        + " (set DMSTAT_DEBUG=1 for the stack trace)");
  }

  /**
   * The report of running out of heap: how much Java had and how to give it twice as much
   * (rounded up to a multiple of 64 MB, or of 512 MB from 2 GB on).
   */
  static Report outOfMemory(String command, long maxHeapBytes) {
    long mb = Math.max(1, maxHeapBytes / (1024 * 1024));
    long step = 2 * mb >= 2048 ? 512 : 64;
    long suggested = (2 * mb + step - 1) / step * step;
    String sub = command.startsWith("dmstat ") ? command.substring("dmstat ".length()) + " " : "";
    return new Report(FAILED, command + ": out of memory: the input needs more memory than Java's maximum heap of "
        + mb + " MB; give Java more, e.g. DMSTAT_JAVA_OPTS=-Xmx" + suggested + "m ./dmstat " + sub + "...");
  }

  /** The report of a failed write to standard output. */
  static Report cannotWrite(String command, String reason) {
    return new Report(FAILED, command + ": cannot write to standard output" + (reason.isEmpty() ? "" : ": " + oneLine(reason)));
  }

  /** The {@link OutOfMemoryError} that caused {@code t}, looking through every cause. */
  static Optional<OutOfMemoryError> outOfMemory(Throwable t) {
    Throwable c = t;
    for (int depth = 0; c != null && depth < 64; depth++, c = c.getCause()) {
      if (c instanceof OutOfMemoryError oom) {
        return Optional.of(oom);
      }
    }
    return Optional.empty();
  }

  /** {@code t} without the wrappers that only carry an exception from another thread or a reflective call. */
  static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c && (c instanceof ExecutionException || c instanceof CompletionException
        || c instanceof InvocationTargetException || c instanceof UndeclaredThrowableException)) {
      c = c.getCause();
    }
    return c;
  }

  /** The file and what went wrong, e.g. {@code out/report.pdf: No space left on device}. */
  static String reason(IOException e) {
    if (e instanceof FileSystemException f) {
      String what = f.getReason() != null ? f.getReason()
          : e instanceof NoSuchFileException ? "no such file or folder"
          : e instanceof AccessDeniedException ? "permission denied"
          : e instanceof FileAlreadyExistsException ? "already exists"
          : e instanceof NotDirectoryException ? "not a folder"
          : e instanceof DirectoryNotEmptyException ? "folder not empty"
          : e.getClass().getSimpleName();
      String file = f.getFile() == null ? "" : f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": ";
      return file + what;
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /**
   * {@code s} as one line: line breaks as {@code \n}, {@code \r}, other control and invisible
   * characters as {@code \}{@code uXXXX} (as {@code DataException.show} does for values), cut after
   * {@value #MAX_MESSAGE} characters with "..."; leading and trailing white space removed.
   */
  static String oneLine(String s) {
    return s == null ? "" : DataException.show(s.strip(), MAX_MESSAGE);
  }

}
