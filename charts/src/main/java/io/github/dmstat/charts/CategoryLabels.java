package io.github.dmstat.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * Category labels for an XChart x axis whose categories sit at x = 0, 1, 2, …. XChart thins long
 * custom tick labels, so the x tick labels are hidden and this annotation writes every category
 * label in a strip at the bottom of the plot (below the value {@code base}), shrunk or rotated
 * to fit. The caller reserves the strip by lowering the y axis minimum ({@link #strip}).
 */
final class CategoryLabels extends Annotation {
  private final List<String> labels;
  private final boolean rotated;
  private final double base;

  private CategoryLabels(List<String> labels, boolean rotated, double base) {
    super(false);
    this.labels = List.copyOf(labels);
    this.rotated = rotated;
    this.base = base;
  }

  /** The share of the y range to reserve under the data for the labels. */
  static double strip(List<String> labels, boolean rotated) {
    int longest = labels.stream().mapToInt(String::length).max().orElse(1);
    return rotated ? Math.min(0.35, 0.02 + 0.018 * longest) : 0.07;
  }

  /**
   * Puts {@code labels} under the x axis of {@code chart}; {@code rotated} writes them vertically
   * (for many short codes).
   */
  static void install(XYChart chart, List<String> labels, boolean rotated, double base) {
    chart.getStyler().setXAxisTicksVisible(false);
    chart.setCustomYAxisTickLabelsFormatter(y -> y < base - 1e-9 ? "\u00A0" : yLabel(chart, y));
    chart.addAnnotation(new CategoryLabels(labels, rotated, base));
  }

  private static String yLabel(XYChart chart, double y) {
    java.text.DecimalFormat f = new java.text.DecimalFormat(chart.getStyler().getDecimalPattern() == null ? "#,##0.##"
        : chart.getStyler().getDecimalPattern(), java.text.DecimalFormatSymbols.getInstance(chart.getStyler().getLocale()));
    return f.format(y);
  }

  @Override
  public void paint(Graphics2D g) {
    Shape clip = g.getClip();
    Font before = g.getFont();
    Color colour = g.getColor();
    g.setClip(null);
    g.setColor(Color.BLACK);
    double y0 = getYAxisScreenValue(base);
    double step = labels.size() > 1 ? Math.abs(getXAxisScreenValue(1) - getXAxisScreenValue(0)) : 200;
    Font font = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    int widest = labels.stream().mapToInt(fm::stringWidth).max().orElse(1);
    if (!rotated && widest > step * 0.95) {
      font = font.deriveFont((float) Math.max(7, 12 * step * 0.95 / widest));
      g.setFont(font);
      fm = g.getFontMetrics();
    }
    for (int k = 0; k < labels.size(); k++) {
      String s = labels.get(k);
      double x = getXAxisScreenValue(k);
      if (rotated) {
        AffineTransform at = g.getTransform();
        g.translate(x + fm.getAscent() / 2.0 - 2, y0 + 6 + fm.stringWidth(s));
        g.rotate(-Math.PI / 2);
        g.drawString(s, 0, 0);
        g.setTransform(at);
      } else {
        g.drawString(s, (float) (x - fm.stringWidth(s) / 2.0), (float) (y0 + 4 + fm.getAscent()));
      }
    }
    g.setClip(clip);
    g.setFont(before);
    g.setColor(colour);
  }
}
