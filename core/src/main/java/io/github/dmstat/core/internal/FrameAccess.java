package io.github.dmstat.core.internal;

import io.github.dmstat.core.io.Frame;

/**
 * Not API: the columns of a {@link Frame} as the reader left them, for the library's own binding
 * code. The arrays may be longer than {@link Frame#rows()} (the reader sizes them from the file's
 * bytes per row and does not copy them to cut the rest); entries from {@code rows()} on are
 * meaningless. {@link Frame#numbers} and the other public accessors give arrays of exactly
 * {@code rows()} entries.
 */
public final class FrameAccess {
  /** What {@link Frame} offers to this class (set once, when {@code Frame} is initialised). */
  public interface Columns {
    double[] numbers(Frame frame, String name);

    int[] codes(Frame frame, String name);
  }

  private static Columns columns;

  private FrameAccess() {}

  /** Called once by {@code Frame}'s static initialiser. */
  public static synchronized void register(Columns c) {
    if (columns != null) {
      throw new IllegalStateException("frame access is registered once");
    }
    columns = c;
  }

  private static synchronized Columns columns() {
    return columns;
  }

  /** A number column, possibly longer than the frame's rows. */
  public static double[] numbers(Frame frame, String name) {
    return columns().numbers(frame, name);
  }

  /** A text column's codes, possibly longer than the frame's rows. */
  public static int[] codes(Frame frame, String name) {
    return columns().codes(frame, name);
  }
}
