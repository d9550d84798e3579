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
 * label in a strip at the bottom of the plot (below the value {@code base}). Labels across are
 * 12 px bold: a label too wide for its column is broken onto two lines at a space (else a hyphen
 * or slash) and only then shortened with "…"; charts whose labels do not fit across write them
 * rotated ({@link #fitAcross}), 12 px (11 px in narrow columns), shortened when longer than the strip. The caller reserves the strip by lowering the y axis
 * minimum ({@link #strip}).
 */
final class CategoryLabels extends Annotation {
  private final List<String> labels;
  private final boolean rotated;
  private final double base;
  private XYChart chartRef;

  private CategoryLabels(List<String> labels, boolean rotated, double base) {
    super(false);
    this.labels = List.copyOf(labels);
    this.rotated = rotated;
    this.base = base;
  }

  /** The share of the y range to reserve under the data for the labels. */
  static double strip(List<String> labels) {
    int longest = labels.stream().mapToInt(String::length).max().orElse(1);
    return longest > 10 ? 0.11 : 0.07;
  }

  /** Font metrics outside a paint (measuring before the chart is laid out). */
  private static FontMetrics metrics(Font font) {
    Graphics2D g = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics();
    try {
      return g.getFontMetrics(font);
    } finally {
      g.dispose();
    }
  }

  /**
   * The share of the data's y range to reserve under it for rotated labels, from their width in
   * the label font: a plot {@code plotPx} high gives the longest label (at most {@value #MAX_ROTATED}
   * characters; longer ones are shortened) its room, but at most 60% of the range.
   */
  static double rotatedStrip(List<String> labels, double plotPx) {
    FontMetrics fm = metrics(FLAT_FONT);
    int widest = 0;
    for (String s : labels) {
      widest = Math.max(widest, fm.stringWidth(shortened(s)));
    }
    double need = widest + 14;
    return Math.min(0.6, need / Math.max(need + 1, plotPx - need));
  }

  /** Rotated labels: 11 px bold, so that 40 of them fit side by side in a 700 px chart. */
  static final Font ROTATED_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 11);

  /**
   * The share of its column a label across may take: a browser may draw the SVG text in a wider
   * font than Java measures, so labels keep a margin.
   */
  static final double ROOM = 0.8;

  /** Labels written across: 12 px bold. */
  static final Font FLAT_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 12);

  /**
   * Whether every label fits across its column ({@code stepPx} wide) at 12 px, on one line or two (broken at a space, hyphen or slash); else the labels are written rotated.
   */
  static boolean fitAcross(List<String> labels, double stepPx) {
    FontMetrics fm = metrics(FLAT_FONT);
    for (String s : labels) {
      int widest = 0;
      for (String line : fm.stringWidth(s) <= stepPx * ROOM ? new String[] {s} : twoLines(s)) {
        widest = Math.max(widest, fm.stringWidth(line));
      }
      if (widest > stepPx * ROOM) {
        return false;
      }
    }
    return true;
  }

  /** Rotated labels longer than this are shortened with "…". */
  static final int MAX_ROTATED = 20;

  /** A rotated label cut to {@link #MAX_ROTATED} characters. */
  private static String shortened(String s) {
    return s.length() > MAX_ROTATED ? s.substring(0, MAX_ROTATED - 1) + "…" : s;
  }


  /**
   * Puts {@code labels} under the x axis of {@code chart}; {@code rotated} writes them vertically
   * (for many short codes).
   */
  static void install(XYChart chart, List<String> labels, boolean rotated, double base) {
    chart.getStyler().setXAxisTicksVisible(false);
    chart.setCustomYAxisTickLabelsFormatter(y -> y < base - 1e-9 ? "\u00A0" : yLabel(chart, y));
    CategoryLabels a = new CategoryLabels(labels, rotated, base);
    a.chartRef = chart;
    chart.addAnnotation(a);
  }

  /** The y axis minimum of the chart (the bottom of the label strip). */
  private double chartMin() {
    Double min = chartRef == null ? null : chartRef.getStyler().getYAxisMin();
    return min == null ? base : min;
  }

  /** {@code s} cut with "…" to {@code room} pixels. */
  static String fit(String s, FontMetrics fm, double room) {
    if (fm.stringWidth(s) <= room) {
      return s;
    }
    int n = s.length();
    while (n > 1 && fm.stringWidth(s.substring(0, n) + "…") > room) {
      n--;
    }
    return s.substring(0, n).stripTrailing() + "…";
  }

  /** {@code s} broken at the space, hyphen or slash nearest its middle (one line when there is none). */
  static String[] twoLines(String s) {
    // a space first ("18-24 M" is "18-24" over "M"), else a hyphen or slash
    int best = breakNearMiddle(s, " ");
    if (best < 0) {
      best = breakNearMiddle(s, "-/");
    }
    if (best < 0) {
      return new String[] {s};
    }
    char c = s.charAt(best);
    return c == ' ' ? new String[] {s.substring(0, best), s.substring(best + 1)}
        : new String[] {s.substring(0, best + 1), s.substring(best + 1)};
  }

  private static int breakNearMiddle(String s, String marks) {
    int best = -1;
    for (int i = 1; i < s.length() - 1; i++) {
      if (marks.indexOf(s.charAt(i)) >= 0 && (best < 0 || Math.abs(i - s.length() / 2) < Math.abs(best - s.length() / 2))) {
        best = i;
      }
    }
    return best;
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
    // rotated labels 12 px where the columns are wide enough for them (a PDF page shows a chart at 0.6
    // or more: 7 points), else 11 px (the ranking's 40 columns, at 0.7 or more)
    Font font = rotated ? (step >= 17 ? FLAT_FONT : ROTATED_FONT) : FLAT_FONT;
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    double room = step * ROOM;
    // rotated: the strip from the base down to the bottom of the plot
    double length = getYAxisScreenValue(chartMin()) - y0 - 8;
    for (int k = 0; k < labels.size(); k++) {
      String s = labels.get(k);
      double x = getXAxisScreenValue(k);
      if (rotated) {
        s = fit(shortened(s), fm, length);
        AffineTransform at = g.getTransform();
        g.translate(x + fm.getAscent() / 2.0 - 2, y0 + 6 + fm.stringWidth(s));
        g.rotate(-Math.PI / 2);
        g.drawString(s, 0, 0);
        g.setTransform(at);
      } else if (fm.stringWidth(s) <= room) {
        g.drawString(s, (float) (x - fm.stringWidth(s) / 2.0), (float) (y0 + 4 + fm.getAscent()));
      } else {
        String[] lines = twoLines(s);
        for (int l = 0; l < lines.length; l++) {
          String line = fit(lines[l], fm, room);
          g.drawString(line, (float) (x - fm.stringWidth(line) / 2.0), (float) (y0 + 4 + fm.getAscent() + l * (fm.getHeight() + 3)));
        }
      }
    }
    g.setClip(clip);
    g.setFont(before);
    g.setColor(colour);
  }
}
