package io.github.dmstat.charts.report;

import java.io.PrintWriter;
import java.util.Locale;

/** Progress of a long job: numbered steps with elapsed time, e.g. on standard error. */
public interface Progress {
  /**
   * A step starts.
   *
   * @param name what the step does, printed after its number
   */
  void step(String name);

  /**
   * The job is done.
   *
   * @param summary the result in a few words, printed after the total time
   */
  void done(String summary);

  /**
   * No output.
   *
   * @return a progress that ignores every step
   */
  static Progress none() {
    return new Progress() {
      @Override
      public void step(String name) {}

      @Override
      public void done(String summary) {}
    };
  }

  /**
   * Prints {@code [k/n] name ... (elapsed)} lines to {@code out}, and {@code done in t s: summary} at
   * the end; times are seconds since this call.
   *
   * @param out where the lines go; flushed after each line
   * @param steps the number of steps {@code n} the job reports
   * @return a progress that prints to {@code out}
   */
  static Progress console(PrintWriter out, int steps) {
    long start = System.nanoTime();
    return new Progress() {
      private int k;

      @Override
      public void step(String name) {
        k++;
        out.printf(Locale.ROOT, "[%d/%d] %-48s %6.1f s%n", k, steps, name, (System.nanoTime() - start) / 1e9);
        out.flush();
      }

      @Override
      public void done(String summary) {
        out.printf(Locale.ROOT, "done in %.1f s: %s%n", (System.nanoTime() - start) / 1e9, summary);
        out.flush();
      }
    };
  }
}
