package io.github.dmstat.charts;

import io.github.dmstat.core.outcomes.MetaAnalysis;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Annotation;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Forest plot of a meta-analysis: per study the effect with its interval and a square sized by
 * its weight, the pooled estimate as a diamond and, for random-effects models, the prediction
 * interval as a line under the diamond. Ratio measures are drawn on the log scale (the axis is
 * labelled with ratios) with the line of no effect at 1; risk differences on a linear axis with
 * the line at 0. Study labels are written at the left of the plot, each study's estimate with its
 * interval and its weight at the right.
 */
public final class ForestChart {
  private ForestChart() {}

  /**
   * The chart for {@code m}.
   *
   * @param m the meta-analysis; intervals are drawn at its confidence level
   * @param locale the language of the wording and the number format
   * @return a chart 700 points wide, at least 360 high and taller with more studies
   */
  public static XYChart of(MetaAnalysis m, Locale locale) {
    Messages msg = Messages.of(locale);
    boolean ratio = m.ratio().isPresent();
    List<MetaAnalysis.Study> studies = m.studies();
    int k = studies.size();
    List<double[]> rows = new ArrayList<>();
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    double maxWeight = 0;
    for (MetaAnalysis.Study s : studies) {
      maxWeight = Math.max(maxWeight, s.weight());
    }
    List<String> labels = new ArrayList<>();
    labels.add(msg.w("forestChart.pooled") + " (" + m.method().toString() + ")");
    // the right-hand columns: estimate (interval) and weight, pooled first
    List<String[]> values = new ArrayList<>();
    values.add(new String[] {interval(m.estimate(), m.ciLower(), m.ciUpper(), ratio, locale), "100%"});
    for (int i = 0; i < k; i++) {
      MetaAnalysis.Study s = studies.get(i);
      MetaAnalysis.Interval ci = s.interval(m.level());
      double e = s.yi();
      double l = ci.lower();
      double u = ci.upper();
      rows.add(new double[] {k - i, e, l, u, s.weight() / maxWeight});
      labels.add(s.label());
      values.add(new String[] {interval(e, l, u, ratio, locale), String.format(locale, "%.1f%%", 100 * s.weight())});
      lo = Math.min(lo, l);
      hi = Math.max(hi, u);
    }
    double pe = m.estimate();
    double pl = m.ciLower();
    double pu = m.ciUpper();
    Optional<double[]> pred = m.prediction().map(p -> new double[] {p.lower(), p.upper()});
    lo = Math.min(lo, pred.map(p -> p[0]).orElse(pl));
    hi = Math.max(hi, pred.map(p -> p[1]).orElse(pu));
    double none = 0;
    lo = Math.min(lo, none);
    hi = Math.max(hi, none);
    String measure = m.measure().map(Object::toString).orElse(msg.w("forestChart.effect"));
    int height = Math.max(360, 120 + 32 * (k + 2));
    XYChart chart = new XYChartBuilder().width(700).height(height)
        .title(msg.w("forestChart.meta.analysis") + measure + ", " + m.method())
        .xAxisTitle(measure + (ratio ? msg.w("forestChart.log.scale") : "")
            + String.format(locale, "   I² = %.0f%%, τ² = %.3g", m.i2(), m.tau2())).yAxisTitle("").build();
    XYStyler st = chart.getStyler();
    st.setLegendVisible(false);
    st.setChartBackgroundColor(Color.WHITE);
    st.setLocale(locale);
    st.setPlotGridHorizontalLinesVisible(false);
    st.setYAxisTicksVisible(false);
    double span = hi - lo;
    List<double[]> ticks = ticks(lo, hi, ratio);
    double left = lo - 0.55 * span;
    double right = hi + 0.75 * span; // room for the estimate and weight columns
    st.setXAxisMin(left);
    st.setXAxisMax(right);
    st.setYAxisMin(-1.0);
    st.setYAxisMax(k + 0.8);
    st.setXAxisTicksVisible(false);
    st.setPlotGridVerticalLinesVisible(false);
    // an invisible series fixes the axes; everything else is drawn in data coordinates
    XYSeries frame = chart.addSeries("frame", new double[] {left, right}, new double[] {-1.0, k + 0.8});
    frame.setMarker(SeriesMarkers.NONE);
    frame.setLineColor(new Color(0, 0, 0, 0));
    chart.addAnnotation(new Drawing(rows, labels, new double[] {pe, pl, pu}, pred, none, left + 0.02 * span,
        ticks, locale, ratio, values, new String[] {measure + " (" + msg.levelPercent(m.level()) + msg.w("forestChart.ci"),
            msg.w("forestChart.weight")}));
    return chart;
  }

  /** "0.70 (0.51–0.96)": on the ratio scale for ratio measures (the analysis is on the log scale). */
  private static String interval(double e, double l, double u, boolean ratio, Locale locale) {
    return ratio ? String.format(locale, "%.2f (%.2f–%.2f)", Math.exp(e), Math.exp(l), Math.exp(u))
        : String.format(locale, "%.3f (%.3f–%.3f)", e, l, u);
  }

  /** Tick positions (analysis scale) and shown values: ratios 0.1 … 10 on the log scale, else nice steps. */
  static List<double[]> ticks(double lo, double hi, boolean ratio) {
    List<double[]> out = new ArrayList<>();
    if (ratio) {
      for (double v : new double[] {0.05, 0.1, 0.2, 0.25, 0.33, 0.5, 0.67, 0.75, 1, 1.25, 1.5, 2, 3, 4, 5, 10, 20}) {
        double x = Math.log(v);
        if (x >= lo - 1e-12 && x <= hi + 1e-12) {
          out.add(new double[] {x, v});
        }
      }
      if (out.size() > 7) {
        List<double[]> thin = new ArrayList<>();
        for (double[] t : out) {
          double v = t[1];
          if (v == 0.1 || v == 0.25 || v == 0.5 || v == 1 || v == 2 || v == 4 || v == 10 || v == 20 || v == 0.05) {
            thin.add(t);
          }
        }
        out = thin;
      }
    } else {
      double step = SurvivalChart.niceStep((hi - lo) / 5);
      for (double v = Math.ceil(lo / step) * step; v <= hi + 1e-12; v += step) {
        out.add(new double[] {v, Math.abs(v) < 1e-12 ? 0 : v});
      }
    }
    return out;
  }

  /** Squares, whiskers, diamond, prediction line, the line of no effect and the value axis. */
  static final class Drawing extends Annotation {
    private final List<double[]> rows;
    private final List<String> labels;
    private final double[] pooled;
    private final Optional<double[]> prediction;
    private final double none;
    private final double labelX;
    private final List<double[]> ticks;
    private final Locale locale;
    private final boolean ratio;
    private final List<String[]> values;
    private final String[] headers;

    Drawing(List<double[]> rows, List<String> labels, double[] pooled, Optional<double[]> prediction, double none,
        double labelX, List<double[]> ticks, Locale locale, boolean ratio, List<String[]> values, String[] headers) {
      super(false);
      this.values = List.copyOf(values);
      this.headers = headers.clone();
      this.ticks = List.copyOf(ticks);
      this.locale = locale;
      this.ratio = ratio;
      this.rows = List.copyOf(rows);
      this.labels = List.copyOf(labels);
      this.labelX = labelX;
      this.pooled = pooled.clone();
      this.prediction = prediction;
      this.none = none;
    }

    @Override
    public void paint(Graphics2D g) {
      Color before = g.getColor();
      java.awt.Stroke stroke = g.getStroke();
      double top = getYAxisScreenValue(rows.size() + 0.6);
      double bottom = getYAxisScreenValue(-0.6);
      double x0 = getXAxisScreenValue(none);
      g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11));
      java.awt.FontMetrics fm = g.getFontMetrics();
      double axisY = getYAxisScreenValue(-0.75);
      double lastRight = Double.NEGATIVE_INFINITY;
      for (double[] t : ticks) {
        double x = getXAxisScreenValue(t[0]);
        String text = String.format(locale, ratio ? "%.2f" : "%.3f", t[1]);
        double w = fm.stringWidth(text);
        if (x - w / 2 < lastRight + 6 && t[1] != (ratio ? 1 : 0)) {
          continue; // too close to the tick before it (0.67 and 0.75 on a narrow axis)
        }
        lastRight = x + w / 2;
        g.setColor(new Color(225, 225, 225));
        g.draw(new Line2D.Double(x, top, x, axisY - 12));
        g.setColor(Color.DARK_GRAY);
        g.drawString(text, (float) (x - w / 2), (float) axisY);
      }
      g.setColor(Color.GRAY);
      g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
      g.draw(new Line2D.Double(x0, top, x0, bottom));
      g.setStroke(new BasicStroke(1.3f));
      for (double[] r : rows) {
        double y = getYAxisScreenValue(r[0]);
        g.setColor(Color.BLACK);
        g.draw(new Line2D.Double(getXAxisScreenValue(r[2]), y, getXAxisScreenValue(r[3]), y));
        double side = 4 + 10 * Math.sqrt(r[4]);
        g.setColor(Palette.SERIES[0]);
        g.fill(new Rectangle2D.Double(getXAxisScreenValue(r[1]) - side / 2, y - side / 2, side, side));
      }
      g.setColor(Color.BLACK);
      g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
      float lx = (float) getXAxisScreenValue(labelX);
      for (int i = 0; i < rows.size(); i++) {
        g.drawString(labels.get(i + 1), lx, (float) getYAxisScreenValue(rows.get(i)[0]) + 4);
      }
      // estimate (interval) and weight, right-aligned in two columns at the right of the plot
      java.awt.FontMetrics vm = g.getFontMetrics();
      float weightRight = getXAxisScreenValueForMax() - 8;
      // a wide gap: a browser may draw the SVG text in a wider font than Java measures
      int widestWeight = g.getFontMetrics(g.getFont().deriveFont(java.awt.Font.BOLD)).stringWidth(headers[1]);
      for (String[] v : values) {
        widestWeight = Math.max(widestWeight, vm.stringWidth(v[1]));
      }
      float ciRight = weightRight - widestWeight * 1.25f - 24;
      for (int i = 0; i <= rows.size(); i++) {
        float yy = (float) getYAxisScreenValue(i == 0 ? 0 : rows.get(i - 1)[0]) + 4;
        g.setFont(g.getFont().deriveFont(i == 0 ? java.awt.Font.BOLD : java.awt.Font.PLAIN));
        java.awt.FontMetrics f = g.getFontMetrics();
        g.drawString(values.get(i)[0], ciRight - f.stringWidth(values.get(i)[0]), yy);
        g.drawString(values.get(i)[1], weightRight - f.stringWidth(values.get(i)[1]), yy);
      }
      g.setFont(g.getFont().deriveFont(java.awt.Font.BOLD));
      java.awt.FontMetrics hm = g.getFontMetrics();
      float hy = (float) top - 4;
      g.drawString(headers[0], ciRight - hm.stringWidth(headers[0]), hy);
      g.drawString(headers[1], weightRight - hm.stringWidth(headers[1]), hy);
      g.drawString(labels.get(0), lx, (float) getYAxisScreenValue(0) + 4);
      double y = getYAxisScreenValue(0);
      prediction.ifPresent(p -> {
        g.setColor(Palette.SERIES[5]);
        double yp = getYAxisScreenValue(-0.4);
        g.draw(new Line2D.Double(getXAxisScreenValue(p[0]), yp, getXAxisScreenValue(p[1]), yp));
        g.draw(new Line2D.Double(getXAxisScreenValue(p[0]), yp - 3, getXAxisScreenValue(p[0]), yp + 3));
        g.draw(new Line2D.Double(getXAxisScreenValue(p[1]), yp - 3, getXAxisScreenValue(p[1]), yp + 3));
      });
      Path2D diamond = new Path2D.Double();
      diamond.moveTo(getXAxisScreenValue(pooled[1]), y);
      diamond.lineTo(getXAxisScreenValue(pooled[0]), y - 7);
      diamond.lineTo(getXAxisScreenValue(pooled[2]), y);
      diamond.lineTo(getXAxisScreenValue(pooled[0]), y + 7);
      diamond.closePath();
      g.setColor(Color.BLACK);
      g.fill(diamond);
      g.setColor(before);
      g.setStroke(stroke);
    }
  }
}
