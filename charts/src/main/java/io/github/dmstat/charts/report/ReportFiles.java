package io.github.dmstat.charts.report;

import io.github.dmstat.core.io.Csv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every figure of a report as PNG (144 dpi) and SVG into {@code figures/}, and every table
 * as CSV into {@code tables/}. CSV cells are formula-safe; a suppressed cell is written as the
 * suppression mark, an unreliable one with a trailing {@code *}.
 */
public final class ReportFiles {
  private ReportFiles() {}

  /** Renders the figures (one thread per core), writes the files and returns how many were written. */
  public static int write(Report report, Path dir) {
    return write(report, RenderedFigures.of(report, Runtime.getRuntime().availableProcessors()), dir);
  }

  /** Writes the files of figures rendered before and returns how many were written. */
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
      for (Report.TableBlock t : report.tables()) {
        List<List<String>> rows = new ArrayList<>();
        for (List<Report.Cell> r : t.rows()) {
          List<String> cells = new ArrayList<>();
          for (Report.Cell c : r) {
            cells.add(c.status() == Report.Status.UNRELIABLE ? c.text() + "*" : c.text());
          }
          rows.add(cells);
        }
        try (Writer w = Files.newBufferedWriter(tables.resolve(t.id() + ".csv"), StandardCharsets.UTF_8)) {
          Csv.write(w, t.header(), rows);
        }
        n++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
    }
    return n;
  }
}
