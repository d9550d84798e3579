package io.github.dmstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.io.DataException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Exit codes by the type of the failure, each reported as one short line on standard error. */
class ExitCodeTest {
  /** A command that fails as it is told to. */
  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    private final Callable<Integer> action;

    Boom(Callable<Integer> action) {
      this.action = action;
    }

    @Override
    public Integer call() throws Exception {
      return action.call();
    }
  }

  /** Exit code and standard error of {@code dmstat boom} running {@code action}. */
  private static CliRun.Result boom(Callable<Integer> action) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new Main()).addSubcommand("boom", new Boom(action));
    Main.configure(cl, new PrintWriter(out, true), new PrintWriter(err, true));
    int code = Main.execute(cl, Optional::empty, "boom");
    return new CliRun.Result(code, out.toString(), err.toString());
  }

  private static void assertOneLine(CliRun.Result r) {
    assertTrue(r.err().endsWith("\n"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  /** Fails with an {@link IOException} on every write, as a full disk does. */
  private static final class FullDisk extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      throw new IOException("No space left on device");
    }
  }

  @Test
  void dataExceptionExitsWithTwoAndOneLine() {
    CliRun.Result r = boom(() -> {
      throw new DataException("survey.csv", 36, "gewicht", "1.050,3", "has a thousands separator; pass --thousands .");
    });
    assertEquals(2, r.code());
    assertEquals("dmstat boom: survey.csv: line 36, column 'gewicht': '1.050,3' has a thousands separator; pass --thousands .\n",
        r.err());
  }

  @Test
  void otherIllegalArgumentExitsWithTwo() {
    CliRun.Result r = boom(() -> {
      throw new IllegalArgumentException("--level must be in (0, 1) but was 95");
    });
    assertEquals(2, r.code());
    assertEquals("dmstat boom: --level must be in (0, 1) but was 95\n", r.err());
  }

  @Test
  void otherExceptionExitsWithOneAsInternalError() {
    CliRun.Result r = boom(() -> {
      throw new IllegalStateException("no estimate\nfor group 'x'");
    });
    assertEquals(1, r.code());
    assertOneLine(r);
    assertTrue(r.err().startsWith("dmstat boom: internal error: java.lang.IllegalStateException: no estimate\\nfor group 'x'"),
        r.err());
  }

  @Test
  void aMessageWithNewlinesAndAHugeValueStaysOneShortLine() {
    String cell = "12\n" + "9".repeat(3_000_000);
    CliRun.Result r = boom(() -> {
      throw new IllegalArgumentException("weight in row 2 must be a number but was '" + cell + "'");
    });
    assertEquals(2, r.code());
    assertOneLine(r);
    assertTrue(r.err().length() < Failures.MAX_MESSAGE + 40, () -> r.err().length() + " characters");
    assertTrue(r.err().startsWith("dmstat boom: weight in row 2 must be a number but was '12\\n999"), r.err());
    assertTrue(r.err().endsWith("...\n"), r.err());

    CliRun.Result d = boom(() -> {
      throw new DataException("a\nb.csv", 2, "weight", cell, "is not a number");
    });
    assertEquals(2, d.code());
    assertOneLine(d);
    assertTrue(d.err().length() < Failures.MAX_MESSAGE + 40, () -> d.err().length() + " characters");
    assertTrue(d.err().startsWith("dmstat boom: a\\nb.csv: line 2, column 'weight': '12\\n999"), d.err());
  }

  @Test
  void controlCharactersAreEscaped() {
    assertEquals("a\\tb\\r\\nc\\u0000d\\u2028e", Failures.oneLine("a\tb\r\nc\u0000d\u2028e"));
    assertEquals("", Failures.oneLine(null));
    String cut = Failures.oneLine("x".repeat(Failures.MAX_MESSAGE - 1) + "\uD83D\uDE00" + "y".repeat(10));
    assertTrue(cut.endsWith("x..."), cut);
  }

  @Test
  void badOptionsGiveOneShortLineToo() {
    CliRun.Result r = CliRun.run("prevalence", "--dataset", "adults", "--outcome", "x", "--by\n" + "y".repeat(3_000_000));
    assertEquals(2, r.code());
    assertOneLine(r);
    assertTrue(r.err().startsWith("dmstat prevalence: "), r.err());
    assertTrue(r.err().length() < Failures.MAX_MESSAGE + 80, () -> r.err().length() + " characters");
  }

  @Test
  void failedWriteToStandardOutputExitsWithOneAndTheReason() {
    StringWriter err = new StringWriter();
    int code = Main.run(new FullDisk(), new PrintWriter(err, true),
        "prevalence", "--dataset", "adults", "--outcome", "cannabis_last_year");
    assertEquals(1, code);
    assertEquals("dmstat prevalence: cannot write to standard output: No space left on device\n", err.toString());

    StringWriter helpErr = new StringWriter();
    assertEquals(1, Main.run(new FullDisk(), new PrintWriter(helpErr, true), "--help"));
    assertEquals("dmstat: cannot write to standard output: No space left on device\n", helpErr.toString());
  }

  @Test
  void failedWriteThroughAPrintWriterExitsWithOne() {
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new FullDisk(), true), new PrintWriter(err, true), "datasets");
    assertEquals(1, code);
    assertEquals("dmstat datasets: cannot write to standard output\n", err.toString());
  }

  @Test
  void failedFileWriteExitsWithOneAndTheReason() {
    CliRun.Result unchecked = boom(() -> {
      throw new UncheckedIOException("out/report.pdf: No space left on device", new IOException("No space left on device"));
    });
    assertEquals(1, unchecked.code());
    assertEquals("dmstat boom: I/O error: out/report.pdf: No space left on device\n", unchecked.err());

    CliRun.Result checked = boom(() -> {
      throw new FileSystemException("out/fig.png", null, "No space left on device");
    });
    assertEquals(1, checked.code());
    assertEquals("dmstat boom: I/O error: out/fig.png: No space left on device\n", checked.err());

    CliRun.Result denied = boom(() -> {
      throw new UncheckedIOException(new AccessDeniedException("/report"));
    });
    assertEquals(1, denied.code());
    assertEquals("dmstat boom: I/O error: /report: permission denied\n", denied.err());
  }

  @Test
  void outOfMemoryTellsHowToGiveJavaMoreHeap() {
    long mb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    Callable<Integer> direct = () -> {
      throw new OutOfMemoryError("Java heap space");
    };
    Callable<Integer> joined = () -> ForkJoinPool.commonPool().submit(direct).join();
    Callable<Integer> got = () -> ForkJoinPool.commonPool().submit(direct).get();
    Callable<Integer> wrapped = () -> {
      throw new IllegalStateException("chunk 3 failed", new ExecutionException(new OutOfMemoryError("Java heap space")));
    };
    for (Callable<Integer> action : java.util.List.of(direct, joined, got, wrapped)) {
      CliRun.Result r = boom(action);
      assertEquals(1, r.code(), r.err());
      assertOneLine(r);
      assertTrue(r.err().startsWith("dmstat boom: out of memory: "), r.err());
      assertTrue(r.err().contains("maximum heap of " + mb + " MB"), r.err());
      Matcher m = Pattern.compile("DMSTAT_JAVA_OPTS=-Xmx(\\d+)m \\./dmstat boom \\.\\.\\.").matcher(r.err());
      assertTrue(m.find(), r.err());
      assertTrue(Long.parseLong(m.group(1)) >= 2 * mb, r.err());
    }
  }

  @Test
  void outOfMemorySuggestsTwiceTheHeapRoundedUp() {
    assertEquals("dmstat prevalence: out of memory: the input needs more memory than Java's maximum heap of 1024 MB; "
        + "give Java more, e.g. DMSTAT_JAVA_OPTS=-Xmx2048m ./dmstat prevalence ...",
        Failures.outOfMemory("dmstat prevalence", 1024L << 20).line());
    assertTrue(Failures.outOfMemory("dmstat", 1963L << 20).line().contains("-Xmx4096m ./dmstat ..."));
    assertTrue(Failures.outOfMemory("dmstat", 61L << 20).line().contains("-Xmx128m ./dmstat ..."));
  }
}
