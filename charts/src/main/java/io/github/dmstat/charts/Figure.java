package io.github.dmstat.charts;

import java.awt.Graphics2D;
import java.util.Objects;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Something that paints itself on a {@link Graphics2D} at a given size: an XChart chart or one of
 * our own Java2D drawings (maps). {@link Export} writes any figure as PNG, SVG or PDF.
 */
public interface Figure {
  /** Width in points (1/72 inch). */
  int width();

  /** Height in points. */
  int height();

  /** A short title, used for file names and alt text. */
  String title();

  /** Paints the figure into {@code [0, width) × [0, height)}. */
  void paint(Graphics2D g);

  /** Wraps an XChart chart. */
  static Figure of(Chart<?, ?> chart) {
    Objects.requireNonNull(chart, "chart");
    return new Figure() {
      @Override
      public int width() {
        return chart.getWidth();
      }

      @Override
      public int height() {
        return chart.getHeight();
      }

      @Override
      public String title() {
        return chart.getTitle() == null ? "" : chart.getTitle();
      }

      @Override
      public void paint(Graphics2D g) {
        chart.paint(g, chart.getWidth(), chart.getHeight());
      }
    };
  }
}
