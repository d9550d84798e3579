package io.github.dmstat.charts.report;

import io.github.dmstat.charts.Export;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Every figure of a report rendered once, as PNG (144 dpi) and SVG, the figures in parallel (one
 * thread per core, each figure on one thread: a chart is not painted by two threads at once). The
 * files ({@link ReportFiles}) and the page ({@link HtmlReport}) use the same rendering.
 *
 * @param png PNG bytes by figure id
 * @param svg SVG text by figure id
 */
public record RenderedFigures(Map<String, byte[]> png, Map<String, String> svg) {
  /** PNG resolution. */
  public static final int DPI = 144;

  /**
   * Copies the maps.
   *
   * @param png PNG bytes by figure id
   * @param svg SVG text by figure id
   */
  public RenderedFigures {
    png = Map.copyOf(png);
    svg = Map.copyOf(svg);
  }

  /**
   * Renders the figures of {@code report} on {@code threads} threads (at least 1).
   *
   * @param report the report
   * @param threads the number of threads; 1 or less renders on the calling thread, and no more threads are
   *     used than there are figures
   * @return every figure of {@code report} as PNG and SVG
   * @throws IllegalStateException when the calling thread is interrupted while it waits
   */
  public static RenderedFigures of(Report report, int threads) {
    List<Report.FigureBlock> figures = report.figures();
    Map<String, byte[]> png = new HashMap<>();
    Map<String, String> svg = new HashMap<>();
    if (threads <= 1 || figures.size() <= 1) {
      for (Report.FigureBlock f : figures) {
        png.put(f.id(), Export.pngBytes(f.figure(), DPI));
        svg.put(f.id(), Export.svgText(f.figure()));
      }
      return new RenderedFigures(png, svg);
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, figures.size()), r -> {
      Thread t = new Thread(r, "dmstat-figures");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Object[]>> done = new ArrayList<>();
      for (Report.FigureBlock f : figures) {
        done.add(pool.submit(() -> new Object[] {Export.pngBytes(f.figure(), DPI), Export.svgText(f.figure())}));
      }
      for (int i = 0; i < figures.size(); i++) {
        Object[] r = done.get(i).get();
        png.put(figures.get(i).id(), (byte[]) r[0]);
        svg.put(figures.get(i).id(), (String) r[1]);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while rendering the figures", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    } finally {
      pool.shutdownNow();
    }
    return new RenderedFigures(png, svg);
  }

  /**
   * The SVG of figure {@code id}.
   *
   * @param id the id of a figure of the report
   * @return the SVG document
   * @throws NullPointerException when there is no figure {@code id}
   */
  public String svg(String id) {
    return Objects.requireNonNull(svg.get(id), () -> "no figure '" + id + "'");
  }

  /**
   * The PNG of figure {@code id}.
   *
   * @param id the id of a figure of the report
   * @return the PNG bytes at {@link #DPI} dpi (the array held here, not a copy)
   * @throws NullPointerException when there is no figure {@code id}
   */
  public byte[] png(String id) {
    return Objects.requireNonNull(png.get(id), () -> "no figure '" + id + "'");
  }
}
