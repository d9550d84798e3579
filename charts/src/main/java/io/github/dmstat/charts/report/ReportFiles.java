package io.github.dmstat.charts.report;

import io.github.dmstat.charts.Words;
import io.github.dmstat.charts.Messages;
import io.github.dmstat.core.io.Csv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes every figure of a report as PNG (144 dpi) and SVG into {@code figures/}, and every table
 * as CSV data into {@code tables/}: a number as a number (full precision, not as shown), an
 * estimate as three columns (value, lower and upper bound of its interval), and, for a column
 * with unreliable or suppressed cells, a status column; a suppressed cell has no value. English
 * reports write {@code ,} and a decimal point; Dutch ones {@code ;}, a decimal comma and a UTF-8
 * byte-order mark, as Excel NL reads and writes them. {@code Csv.read} reads both back. Cells are
 * formula-safe.
 */
public final class ReportFiles {
  private ReportFiles() {}

  /**
   * Renders the figures (one thread per core), writes the files and returns how many were written.
   *
   * @param report the report
   * @param dir the folder in which {@code figures/} and {@code tables/} are created; existing files are replaced
   * @return the number of files: two per figure (PNG and SVG) and one per table (CSV)
   * @throws UncheckedIOException when a folder or a file cannot be written
   */
  public static int write(Report report, Path dir) {
    return write(report, RenderedFigures.of(report, Runtime.getRuntime().availableProcessors()), dir);
  }

  /**
   * Writes the files of figures rendered before and returns how many were written.
   *
   * @param report the report
   * @param rendered every figure of {@code report} ({@link RenderedFigures#of})
   * @param dir the folder in which {@code figures/} and {@code tables/} are created; existing files are replaced
   * @return the number of files: two per figure (PNG and SVG) and one per table (CSV)
   * @throws UncheckedIOException when a folder or a file cannot be written
   * @throws NullPointerException when {@code rendered} lacks a figure of {@code report}
   */
  public static int write(Report report, RenderedFigures rendered, Path dir) {
    int n = 0;
    try {
      Path figures = Files.createDirectories(dir.resolve("figures"));
      Path tables = Files.createDirectories(dir.resolve("tables"));
      for (Report.FigureBlock f : report.figures()) {
        Files.write(figures.resolve(f.id() + ".png"), rendered.png(f.id()));
        Files.writeString(figures.resolve(f.id() + ".svg"), rendered.svg(f.id()), StandardCharsets.UTF_8);
        n += 2;
      }
      boolean nl = "nl".equals(report.locale().getLanguage());
      for (Report.TableBlock t : report.tables()) {
        Path file = tables.resolve(t.id() + ".csv");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          if (nl) {
            w.write('\uFEFF'); // Excel NL opens UTF-8 with a byte-order mark
          }
          data(t, nl, w);
        }
        n++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
    }
    return n;
  }

  /** A table as data: see the class comment. */
  static void data(Report.TableBlock t, boolean nl, Writer w) {
    int cols = t.header().size();
    List<String> header = new ArrayList<>();
    boolean[] numeric = new boolean[cols];
    boolean[] interval = new boolean[cols];
    boolean[] status = new boolean[cols];
    for (int c = 0; c < cols; c++) {
      for (List<Report.Cell> r : t.rows()) {
        Report.Cell cell = r.get(c);
        numeric[c] |= cell.data().isPresent();
        interval[c] |= cell.data().map(Report.Value::interval).orElse(false);
        status[c] |= cell.status() != Report.Status.OK;
      }
      String h = t.header().get(c);
      header.add(h);
      if (interval[c]) {
        header.add(h + (Words.of(nl).get("reportFiles.lower")));
        header.add(h + (Words.of(nl).get("reportFiles.upper")));
      }
      if (status[c]) {
        header.add(h + " status");
      }
    }
    List<List<String>> rows = new ArrayList<>();
    for (List<Report.Cell> r : t.rows()) {
      List<String> out = new ArrayList<>();
      for (int c = 0; c < cols; c++) {
        Report.Cell cell = r.get(c);
        Optional<Report.Value> v = cell.data();
        if (!numeric[c]) {
          out.add(cell.status() == Report.Status.SUPPRESSED ? "" : cell.text());
        } else if (v.isPresent()) {
          out.add(number(v.get().value(), nl));
        } else {
          // no number: a dash or a suppressed cell is empty, a word ("not reached") stays
          boolean blank = cell.status() == Report.Status.SUPPRESSED || cell.text().isBlank() || cell.text().equals("–");
          out.add(blank ? "" : cell.text());
        }
        if (interval[c]) {
          out.add(v.isPresent() ? number(v.get().lower(), nl) : "");
          out.add(v.isPresent() ? number(v.get().upper(), nl) : "");
        }
        if (status[c]) {
          out.add(statusWord(cell.status(), nl));
        }
      }
      rows.add(out);
    }
    Csv.write(w, header, rows, nl ? ';' : ',');
  }

  /** Full precision, plain notation, the language's decimal mark; empty when not a number. */
  static String number(double v, boolean nl) {
    return Messages.plain(v, nl);
  }

  private static String statusWord(Report.Status s, boolean nl) {
    switch (s) {
      case UNRELIABLE: return Words.of(nl).get("reportFiles.unreliable");
      case SUPPRESSED: return Words.of(nl).get("reportFiles.suppressed");
      default: return Words.of(nl).get("reportFiles.reliable");
    }
  }
}
