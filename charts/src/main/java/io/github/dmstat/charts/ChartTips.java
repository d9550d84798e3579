package io.github.dmstat.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Annotation;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The tooltips of an XChart chart: an annotation that draws nothing and, when the chart is
 * painted, turns rectangles given in data coordinates (a bar) into pixels, so that the SVG can
 * carry a {@code <title>} over each bar ({@link Export#svgText}).
 */
final class ChartTips extends Annotation {
  /** The layer of each chart (XChart does not list a chart's annotations). */
  private static final Map<Chart<?, ?>, ChartTips> LAYERS = Collections.synchronizedMap(new WeakHashMap<>());

  private final List<double[]> boxes = new ArrayList<>();
  private final List<String> texts = new ArrayList<>();
  private volatile List<Figure.Tooltip> placed = List.of();

  private ChartTips() {
    super(false);
  }

  /** The tooltip layer of {@code chart}, added to it on first use. */
  static ChartTips of(XYChart chart) {
    synchronized (LAYERS) {
      ChartTips t = LAYERS.get(chart);
      if (t == null) {
        t = new ChartTips();
        chart.addAnnotation(t);
        LAYERS.put(chart, t);
      }
      return t;
    }
  }

  /** The tooltips of {@code chart} as of its last paint (none when it has no layer). */
  static List<Figure.Tooltip> placed(Chart<?, ?> chart) {
    ChartTips t = LAYERS.get(chart);
    return t == null ? List.of() : t.placed;
  }

  /** A tooltip for the data rectangle between {@code (x0, y0)} and {@code (x1, y1)}. */
  void add(double x0, double y0, double x1, double y1, String text) {
    boxes.add(new double[] {x0, y0, x1, y1});
    texts.add(text);
  }

  @Override
  public void paint(Graphics2D g) {
    List<Figure.Tooltip> out = new ArrayList<>(boxes.size());
    for (int i = 0; i < boxes.size(); i++) {
      double[] b = boxes.get(i);
      double xa = getXAxisScreenValue(b[0]);
      double xb = getXAxisScreenValue(b[2]);
      double ya = getYAxisScreenValue(b[1]);
      double yb = getYAxisScreenValue(b[3]);
      out.add(new Figure.Tooltip(new Rectangle2D.Double(Math.min(xa, xb), Math.min(ya, yb), Math.max(1, Math.abs(xb - xa)),
          Math.max(1, Math.abs(yb - ya))), texts.get(i)));
    }
    placed = List.copyOf(out);
  }
}
