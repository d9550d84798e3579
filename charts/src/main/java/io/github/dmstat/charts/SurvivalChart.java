package io.github.dmstat.charts;

import io.github.dmstat.core.outcomes.SurvivalCurve;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Annotation;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Kaplan–Meier curves: step functions with their pointwise interval as a band, censoring ticks,
 * and a number-at-risk table under the plot. The XChart chart is available through
 * {@link #chart()} for styling; the whole (chart plus table) is the {@link Figure}.
 */
public final class SurvivalChart implements Figure {
  private final XYChart chart;
  private final List<String> groups;
  private final double[] times;
  private final int[][] atRisk;
  private final String tableTitle;
  private final CensorTicks axis;

  private SurvivalChart(XYChart chart, List<String> groups, double[] times, int[][] atRisk, String tableTitle,
      CensorTicks axis) {
    this.chart = Objects.requireNonNull(chart, "chart");
    this.groups = List.copyOf(groups);
    this.times = times.clone();
    this.atRisk = atRisk.clone();
    this.tableTitle = tableTitle;
    this.axis = axis;
  }

  /**
   * The curves as an XChart chart, to style.
   *
   * @return the chart this figure paints (not a copy)
   */
  public XYChart chart() {
    return chart;
  }

  /**
   * Group labels, in curve order.
   *
   * @return the labels, unmodifiable
   */
  public List<String> groups() {
    return groups;
  }

  /**
   * Times of the at-risk table.
   *
   * @return a copy: 0 and multiples of a rounded step (1, 2 or 5 times a power of ten), up to the
   *     last observed time
   */
  public double[] times() {
    return times.clone();
  }

  /**
   * Numbers at risk, {@code [group][time]}.
   *
   * @return a copy, rows in {@link #groups()} order, columns in {@link #times()} order
   */
  public int[][] atRisk() {
    int[][] copy = new int[atRisk.length][];
    for (int i = 0; i < atRisk.length; i++) {
      copy[i] = atRisk[i].clone();
    }
    return copy;
  }

  private static final int ROW = 18;

  /**
   * The chart of {@code curves}; {@code timeLabel} names the time axis (e.g. "days").
   *
   * @param curves the curves, one per group, coloured in this order
   * @param timeLabel the title of the time (x) axis
   * @param locale the language of the wording and the number format
   * @return the figure: survival in percent (0 to 100) over time, with the at-risk table under it
   */
  public static SurvivalChart of(List<SurvivalCurve> curves, String timeLabel, Locale locale) {
    Messages msg = Messages.of(locale);
    XYChart chart = new XYChartBuilder().width(760).height(460)
        .title(msg.w("survivalChart.time.to.re.offence.kaplan.meier"))
        .xAxisTitle(timeLabel).yAxisTitle(msg.w("survivalChart.share.without.re.offence")).build();
    XYStyler st = chart.getStyler();
    st.setLegendPosition(Styler.LegendPosition.InsideNE);
    st.setChartBackgroundColor(Color.WHITE);
    st.setLocale(locale);
    st.setYAxisMin(0.0);
    st.setYAxisMax(100.0);
    st.setXAxisMin(0.0);
    double tMax = 0;
    List<double[]> ticks = new ArrayList<>();
    for (int c = 0; c < curves.size(); c++) {
      SurvivalCurve curve = curves.get(c);
      Color colour = Palette.SERIES[c % Palette.SERIES.length];
      List<SurvivalCurve.Point> pts = curve.points();
      int n = pts.size();
      double[] x = new double[n + 1];
      double[] y = new double[n + 1];
      double[] bx = new double[2 * (2 * n + 1)];
      double[] by = new double[bx.length];
      x[0] = 0;
      y[0] = 100;
      int m = 0;
      double prevLo = 100;
      double prevHi = 100;
      bx[m] = 0;
      by[m++] = 100;
      for (int i = 0; i < n; i++) {
        SurvivalCurve.Point p = pts.get(i);
        x[i + 1] = p.time();
        y[i + 1] = 100 * p.survival();
        bx[m] = p.time();
        by[m++] = prevHi;
        bx[m] = p.time();
        by[m++] = prevHi = 100 * finite(p.upper(), p.survival());
        if (p.nCensor() > 0) {
          ticks.add(new double[] {p.time(), 100 * p.survival(), c});
        }
        tMax = Math.max(tMax, p.time());
      }
      for (int i = n - 1; i >= 0; i--) {
        SurvivalCurve.Point p = pts.get(i);
        double lo = 100 * finite(p.lower(), p.survival());
        bx[m] = p.time();
        by[m++] = lo;
        double before = i == 0 ? 100 : 100 * finite(pts.get(i - 1).lower(), pts.get(i - 1).survival());
        bx[m] = p.time();
        by[m++] = before;
        prevLo = before;
      }
      bx[m] = 0;
      by[m++] = prevLo;
      XYSeries band = chart.addSeries(curve.group() + " CI", java.util.Arrays.copyOf(bx, m), java.util.Arrays.copyOf(by, m));
      band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
      band.setFillColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 50));
      band.setLineColor(new Color(0, 0, 0, 0));
      band.setMarker(SeriesMarkers.NONE);
      band.setShowInLegend(false);
      XYSeries s = chart.addSeries(label(curve, msg, locale), x, y);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
      s.setLineColor(colour);
      s.setLineStyle(SeriesLines.SOLID);
      s.setMarker(SeriesMarkers.NONE);
    }
    double step = niceStep(tMax / 5);
    int count = (int) Math.floor(tMax / step) + 1;
    double[] times = new double[count];
    int[][] atRisk = new int[curves.size()][count];
    for (int k = 0; k < count; k++) {
      times[k] = k * step;
      for (int c = 0; c < curves.size(); c++) {
        atRisk[c][k] = atRisk(curves.get(c), times[k]);
      }
    }
    st.setXAxisMax(Math.max(step, tMax));
    CensorTicks axis = new CensorTicks(ticks, times);
    chart.addAnnotation(axis);
    List<String> groups = curves.stream().map(SurvivalCurve::group).toList();
    return new SurvivalChart(chart, groups, times, atRisk, msg.w("survivalChart.number.at.risk"), axis);
  }

  private static String label(SurvivalCurve c, Messages msg, Locale locale) {
    String median = c.median().isPresent() ? String.format(locale, "%.0f", c.median().getAsDouble()) : msg.w("survivalChart.not.reached");
    return c.group() + " (n=" + c.n() + ", " + msg.w("survivalChart.median") + median + ")";
  }

  private static double finite(double v, double fallback) {
    return Double.isFinite(v) ? v : fallback;
  }

  /** Number at risk at time t: those still under observation just before t. */
  static int atRisk(SurvivalCurve c, double t) {
    for (SurvivalCurve.Point p : c.points()) {
      if (p.time() >= t) {
        return p.nRisk();
      }
    }
    return 0;
  }

  static double niceStep(double raw) {
    if (!(raw > 0)) {
      return 1;
    }
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / mag;
    return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
  }

  @Override
  public int width() {
    return chart.getWidth();
  }

  @Override
  public int height() {
    return chart.getHeight() + ROW * (groups.size() + 2);
  }

  @Override
  public String title() {
    return chart.getTitle();
  }

  @Override
  public void paint(Graphics2D g) {
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width(), height());
    chart.paint(g, chart.getWidth(), chart.getHeight());
    AffineTransform at = g.getTransform();
    g.translate(0, chart.getHeight());
    g.setColor(Color.BLACK);
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    g.setFont(font.deriveFont(Font.BOLD));
    g.drawString(tableTitle, 10, ROW - 4);
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    double[] screenX = axis.screenX();
    for (int c = 0; c < groups.size(); c++) {
      int y = ROW * (c + 2) - 4;
      g.setColor(Palette.SERIES[c % Palette.SERIES.length]);
      String name = groups.get(c);
      g.drawString(name.length() > 12 ? name.substring(0, 11) + "…" : name, 6, y);
      g.setColor(Color.BLACK);
      for (int k = 0; k < times.length; k++) {
        String v = Integer.toString(atRisk[c][k]);
        double x = screenX[k];
        g.drawString(v, (float) (x - fm.stringWidth(v) / 2.0), y);
      }
    }
    g.setTransform(at);
  }

  /**
   * Small vertical ticks at censoring times on each curve; also records where the at-risk table's
   * times fall on screen, so the table lines up with the time axis.
   */
  static final class CensorTicks extends Annotation {
    private final List<double[]> ticks;
    private final double[] times;
    private final double[] screenX;

    CensorTicks(List<double[]> ticks, double[] times) {
      super(false);
      this.ticks = List.copyOf(ticks);
      this.times = times.clone();
      this.screenX = new double[times.length];
    }

    double[] screenX() {
      return screenX.clone();
    }

    @Override
    public void paint(Graphics2D g) {
      Color before = g.getColor();
      java.awt.Stroke stroke = g.getStroke();
      for (int k = 0; k < times.length; k++) {
        screenX[k] = getXAxisScreenValue(times[k]);
      }
      g.setStroke(new BasicStroke(1f));
      for (double[] t : ticks) {
        g.setColor(Palette.SERIES[(int) t[2] % Palette.SERIES.length]);
        double x = getXAxisScreenValue(t[0]);
        double y = getYAxisScreenValue(t[1]);
        g.draw(new Line2D.Double(x, y - 4, x, y + 4));
      }
      g.setColor(before);
      g.setStroke(stroke);
    }
  }
}
