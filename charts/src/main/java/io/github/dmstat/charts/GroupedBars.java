package io.github.dmstat.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Annotation;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Grouped bar charts with real (asymmetric) interval whiskers on XChart: bars are polygon
 * series, whiskers and hatching are drawn by an annotation in data coordinates, so an interval
 * is drawn where it is, not mirrored around the estimate. Unreliable bars are hatched and
 * starred; suppressed bars are absent and counted in the chart's note. Used by
 * {@link PrevalenceChart} and other bar charts.
 */
final class GroupedBars {
  /** One bar: value and interval (proportions or any unit), or none when suppressed. */
  record Bar(Optional<double[]> value, boolean unreliable) {
    static Bar suppressed() {
      return new Bar(Optional.empty(), false);
    }

    static Bar of(double estimate, double lower, double upper, boolean unreliable) {
      return new Bar(Optional.of(new double[] {estimate, lower, upper}), unreliable);
    }
  }

  private GroupedBars() {}

  /**
   * Builds the chart. {@code bars.get(c).get(s)} is category {@code c}, series {@code s}.
   * {@code scale} multiplies values for display (100 for percentages).
   */
  static XYChart chart(String title, String yTitle, List<String> categories, List<String> series,
      List<List<Bar>> bars, double scale, Locale locale, Messages msg) {
    int longest = categories.stream().mapToInt(String::length).max().orElse(1);
    int perCategory = Math.max(Math.max(60, 22 * series.size()), 8 * longest + 16);
    // at most 820 px, so that a report shows it at its own size and a PDF page at 0.6 or more (at 700 px
    // twelve categories lose their labels and the legend its room; labels wrap or
    // shorten instead of the chart shrinking)
    int width = Math.max(640, Math.min(820, 140 + categories.size() * perCategory));
    // labels across when they fit their columns at 12 px (on two lines at most), else rotated, under a
    // taller chart so that the bars keep their room
    boolean rotated = !CategoryLabels.fitAcross(categories, (width - 130) / (double) categories.size());
    int height = rotated ? 580 : 480;
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle("").yAxisTitle(yTitle).build();
    XYStyler st = chart.getStyler();
    st.setLegendPosition(Styler.LegendPosition.OutsideS);
    st.setLegendLayout(Styler.LegendLayout.Horizontal);
    st.setLegendVisible(series.size() > 1 || series.get(0).length() > 0);
    st.setChartBackgroundColor(Color.WHITE);
    st.setPlotGridVerticalLinesVisible(false);
    st.setLocale(locale);
    st.setDecimalPattern("#,##0.#");
    // XChart picks a grid step of 1 when the hint is about one category width in pixels
    st.setXAxisTickMarkSpacingHint(Math.max(8, (int) ((width - 150) / (double) categories.size())));
    st.setMarkerSize(0);
    st.setXAxisMin(-0.5);
    st.setXAxisMax(categories.size() - 0.5);

    Color[] palette = Palette.SERIES;
    double groupWidth = 0.8;
    double barWidth = groupWidth / series.size();
    List<double[]> whiskers = new ArrayList<>();
    List<double[]> hatched = new ArrayList<>();
    int suppressed = 0;
    double yMax = 0;
    ChartTips tips = ChartTips.of(chart);
    for (int s = 0; s < series.size(); s++) {
      boolean first = true;
      for (int c = 0; c < categories.size(); c++) {
        Bar bar = bars.get(c).get(s);
        if (bar.value().isEmpty()) {
          suppressed++;
          continue;
        }
        double[] v = bar.value().get();
        double x0 = c - groupWidth / 2 + s * barWidth + barWidth * 0.08;
        double x1 = x0 + barWidth * 0.84;
        double y = v[0] * scale;
        XYSeries xs = chart.addSeries(first ? label(series.get(s), s) : label(series.get(s), s) + " #" + c,
            new double[] {x0, x0, x1, x1}, new double[] {0, y, y, 0});
        xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        Color colour = palette[s % palette.length];
        xs.setFillColor(bar.unreliable() ? lighter(colour) : colour);
        xs.setLineColor(colour);
        xs.setMarker(SeriesMarkers.NONE);
        xs.setLineStyle(SeriesLines.SOLID);
        xs.setShowInLegend(first);
        first = false;
        whiskers.add(new double[] {(x0 + x1) / 2, v[1] * scale, v[2] * scale, (x1 - x0) * 0.3});
        if (bar.unreliable()) {
          hatched.add(new double[] {x0, x1, y});
        }
        yMax = Math.max(yMax, Math.max(y, v[2] * scale));
        // the full label and the value with its interval, also where the axis label is shortened
        String name = categories.get(c) + (series.get(s).isEmpty() ? "" : ", " + series.get(s));
        tips.add(x0, 0, x1, y, name + ": " + String.format(locale, "%.1f (%.1f–%.1f)", y, v[1] * scale, v[2] * scale)
            + (bar.unreliable() ? " *" : ""));
      }
    }
    if (whiskers.isEmpty()) {
      XYSeries empty = chart.addSeries(msg.noPublishable(), new double[] {0}, new double[] {0});
      empty.setMarker(SeriesMarkers.NONE);
    }
    double top = yMax > 0 ? yMax * 1.08 : 1.0;
    chart.getStyler().setYAxisMax(top);
    chart.getStyler().setYAxisMin(-(rotated ? CategoryLabels.rotatedStrip(categories, height - 150)
        : CategoryLabels.strip(categories)) * top);
    CategoryLabels.install(chart, categories, rotated, 0);
    chart.addAnnotation(new Whiskers(whiskers, hatched));
    if (suppressed > 0 || !hatched.isEmpty()) {
      List<String> notes = new ArrayList<>();
      if (!hatched.isEmpty()) {
        notes.add(msg.unreliableNote());
      }
      if (suppressed > 0) {
        notes.add(msg.suppressedNote(suppressed));
      }
      chart.setXAxisTitle(String.join("   ", notes));
    }
    return chart;
  }

  private static String label(String s, int index) {
    return s.isEmpty() ? "estimate" + (index == 0 ? "" : " " + index) : s;
  }

  static Color lighter(Color c) {
    return new Color((c.getRed() + 2 * 255) / 3, (c.getGreen() + 2 * 255) / 3, (c.getBlue() + 2 * 255) / 3);
  }

  /** Draws interval whiskers with caps, and hatching over unreliable bars, in data coordinates. */
  static final class Whiskers extends Annotation {
    private final List<double[]> whiskers;
    private final List<double[]> hatched;

    Whiskers(List<double[]> whiskers, List<double[]> hatched) {
      super(false);
      this.whiskers = List.copyOf(whiskers);
      this.hatched = List.copyOf(hatched);
    }

    @Override
    public void paint(Graphics2D g) {
      Shape clip = g.getClip();
      Color before = g.getColor();
      java.awt.Stroke stroke = g.getStroke();
      g.setColor(new Color(60, 60, 60));
      for (double[] h : hatched) {
        double x0 = getXAxisScreenValue(h[0]);
        double x1 = getXAxisScreenValue(h[1]);
        double yTop = getYAxisScreenValue(h[2]);
        double yBottom = getYAxisScreenValue(0);
        g.setStroke(new BasicStroke(0.8f));
        g.setClip(new Rectangle2D.Double(x0, yTop, x1 - x0, yBottom - yTop));
        for (double d = -(yBottom - yTop); d < (x1 - x0); d += 5) {
          g.draw(new Line2D.Double(x0 + d, yBottom, x0 + d + (yBottom - yTop), yTop));
        }
        g.setClip(clip);
      }
      g.setColor(Color.BLACK);
      g.setStroke(new BasicStroke(1.2f));
      for (double[] w : whiskers) {
        double x = getXAxisScreenValue(w[0]);
        double lo = getYAxisScreenValue(w[1]);
        double hi = getYAxisScreenValue(w[2]);
        double half = Math.max(2, getXAxisScreenValue(w[0] + w[3]) - x);
        g.draw(new Line2D.Double(x, lo, x, hi));
        g.draw(new Line2D.Double(x - half, lo, x + half, lo));
        g.draw(new Line2D.Double(x - half, hi, x + half, hi));
      }
      g.setColor(before);
      g.setStroke(stroke);
    }
  }
}
