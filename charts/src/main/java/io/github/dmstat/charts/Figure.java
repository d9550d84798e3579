package io.github.dmstat.charts;

import java.awt.Font;
import java.awt.Graphics2D;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * Something that paints itself on a {@link Graphics2D} at a given size: an XChart chart or one of
 * our own Java2D drawings (maps). {@link Export} writes any figure as PNG, SVG or PDF.
 */
public interface Figure {
  /**
   * Width in points (1/72 inch).
   *
   * @return the width, in points
   */
  int width();

  /**
   * Height in points.
   *
   * @return the height, in points
   */
  int height();

  /**
   * A short title, used for file names and alt text.
   *
   * @return the title
   */
  String title();

  /**
   * Paints the figure into {@code [0, width) × [0, height)}.
   *
   * @param g where to paint, in the figure's coordinates (points)
   */
  void paint(Graphics2D g);

  /**
   * A text shown when the pointer is on a part of the figure: a bar, an area. In SVG it becomes
   * a transparent shape with a {@code <title>} (no scripts).
   *
   * @param shape the part, in the figure's coordinates
   * @param text the full label and value
   */
  record Tooltip(java.awt.Shape shape, String text) {}

  /**
   * The figure's tooltips, as of its last {@link #paint} (charts place their bars when painted).
   *
   * @return the tooltips; empty by default and before the first paint
   */
  default List<Tooltip> tooltips() {
    return List.of();
  }

  /**
   * The fonts of every chart, set explicitly (XChart's defaults go down to 10 px): title 15 px bold,
   * axis titles 13 px, tick labels and legend 12 px. With a chart at most 800 px wide, a report
   * shows it at its own size, so no text of a chart is below 12 px in HTML.
   *
   * @param chart the chart whose styler is changed
   */
  static void fonts(Chart<?, ?> chart) {
    Styler st = chart.getStyler();
    st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    if (st instanceof AxesChartStyler a) {
      a.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
      a.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    }
  }

  /**
   * Wraps an XChart chart, after setting its fonts ({@link #fonts}).
   *
   * @param chart the chart, not null
   * @return a figure of the chart's size and title (empty when it has none) that paints the chart
   */
  static Figure of(Chart<?, ?> chart) {
    Objects.requireNonNull(chart, "chart");
    fonts(chart);
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

      @Override
      public List<Tooltip> tooltips() {
        return ChartTips.placed(chart);
      }
    };
  }

  /**
   * The figure with a source line under it ("Data: survey.csv · Bron: CBS"), so that the
   * picture names its source wherever it is used; 11 px grey, the figure 18 px taller.
   *
   * @param figure the figure, not null
   * @param source the source line, not null; shortened with "…" when wider than the figure
   * @return the figure with the line, or {@code figure} itself when {@code source} is blank
   */
  public static Figure withSource(Figure figure, String source) {
    Objects.requireNonNull(figure, "figure");
    Objects.requireNonNull(source, "source");
    if (source.isBlank()) {
      return figure;
    }
    return new Figure() {
      @Override
      public int width() {
        return figure.width();
      }

      @Override
      public int height() {
        return figure.height() + 18;
      }

      @Override
      public String title() {
        return figure.title();
      }

      @Override
      public void paint(Graphics2D g) {
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, width(), height());
        figure.paint(g);
        g.setColor(new java.awt.Color(90, 90, 90));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        java.awt.FontMetrics fm = g.getFontMetrics();
        String text = source;
        while (text.length() > 1 && fm.stringWidth(text) > width() - 16) {
          text = text.substring(0, text.length() - 2) + "…";
        }
        g.drawString(text, 8, figure.height() + 13);
      }

      @Override
      public List<Tooltip> tooltips() {
        return figure.tooltips();
      }
    };
  }
}
