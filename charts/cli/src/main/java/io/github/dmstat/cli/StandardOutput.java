package io.github.dmstat.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * Standard output that remembers why a write failed. A {@link java.io.PrintWriter} (and
 * {@code System.out}) swallow the {@link IOException} of a full disk or a closed pipe; the command
 * line writes through this stream instead and, after the command, reports the first failure
 * ({@code cannot write to standard output: No space left on device}) with exit code 1.
 *
 * <p>After the first failure every further write or flush fails at once with the same exception,
 * so a long output does not keep calling the operating system. Closing flushes but leaves the
 * target open (it is the process's standard output).
 */
final class StandardOutput extends OutputStream {
  private final OutputStream target;
  private IOException failure;

  StandardOutput(OutputStream target) {
    this.target = Objects.requireNonNull(target, "target");
  }

  /** The first write or flush that failed. */
  Optional<IOException> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public void write(int b) throws IOException {
    check();
    try {
      target.write(b);
    } catch (IOException e) {
      throw remember(e);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    check();
    try {
      target.write(b, off, len);
    } catch (IOException e) {
      throw remember(e);
    }
  }

  @Override
  public void flush() throws IOException {
    check();
    try {
      target.flush();
    } catch (IOException e) {
      throw remember(e);
    }
  }

  @Override
  public void close() throws IOException {
    flush();
  }

  private void check() throws IOException {
    if (failure != null) {
      throw failure;
    }
  }

  private IOException remember(IOException e) {
    failure = e;
    return e;
  }
}
