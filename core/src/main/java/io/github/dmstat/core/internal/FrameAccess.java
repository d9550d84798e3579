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
    /**
     * A number column as the frame holds it.
     *
     * @param frame the frame
     * @param name column name
     * @return the frame's own array (not a copy), possibly longer than the frame's rows
     */
    double[] numbers(Frame frame, String name);

    /**
     * A text column's codes as the frame holds them.
     *
     * @param frame the frame
     * @param name column name
     * @return the frame's own array (not a copy), possibly longer than the frame's rows
     */
    int[] codes(Frame frame, String name);
  }

  private static Columns columns;

  private FrameAccess() {}

  /**
   * Called once by {@code Frame}'s static initialiser.
   *
   * @param c the accessors {@code Frame} provides
   * @throws IllegalStateException when accessors were registered before, or when called from anywhere but {@code Frame}
   */
  public static synchronized void register(Columns c) {
    Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
    if (caller != Frame.class) {
      throw new IllegalStateException("frame access is registered by Frame only, not by " + caller.getName());
    }
    if (columns != null) {
      throw new IllegalStateException("frame access is registered once");
    }
    columns = c;
  }

  private static synchronized Columns columns() {
    return columns;
  }

  /**
   * A number column, possibly longer than the frame's rows.
   *
   * @param frame the frame to read from
   * @param name column name
   * @return the frame's own array (not a copy; do not modify), {@code NaN} where missing; entries
   *     from {@link Frame#rows()} on are meaningless
   * @throws IllegalArgumentException for an unknown column or one not read as numbers
   */
  public static double[] numbers(Frame frame, String name) {
    return columns().numbers(frame, name);
  }

  /**
   * A text column's codes, possibly longer than the frame's rows.
   *
   * @param frame the frame to read from
   * @param name column name
   * @return the frame's own array (not a copy; do not modify) of codes {@code 0..levels-1}, -1 where
   *     missing; entries from {@link Frame#rows()} on are meaningless
   * @throws IllegalArgumentException for an unknown column or one not read as text
   */
  public static int[] codes(Frame frame, String name) {
    return columns().codes(frame, name);
  }
}
