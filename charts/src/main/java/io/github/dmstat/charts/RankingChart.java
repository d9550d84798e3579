package io.github.dmstat.charts;

import io.github.dmstat.core.selection.Contribution;
import io.github.dmstat.core.selection.Explanation;
import io.github.dmstat.core.selection.Selection;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Annotation;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Composite index ranking: areas in rank order, each bar the stack of its indicators'
 * contributions (weight × standardised value; negative ones below zero), the score as a black
 * dot; selected areas marked by a green strip at the top, areas that were not eligible drawn pale.
 */
public final class RankingChart {
  private RankingChart() {}

  /**
   * The chart of the {@code maxAreas} best-ranked areas; {@code names} maps an area code to a
   * display label (use {@code Function.identity()} for codes).
   *
   * @param s the selection; only its ranked areas are drawn
   * @param maxAreas the largest number of areas drawn, best rank first
   * @param names the display label of an area code
   * @param locale the language of the wording and the number format
   * @return the chart, legend entries labelled with the indicators' columns
   */
  public static XYChart of(Selection s, int maxAreas, Function<String, String> names, Locale locale) {
    return of(s, maxAreas, names, Function.identity(), locale);
  }

  /**
   * As {@link #of(Selection, int, Function, Locale)}, with {@code indicators} mapping an
   * indicator's column to its label in the legend.
   *
   * @param s the selection; only its ranked areas are drawn
   * @param maxAreas the largest number of areas drawn, best rank first
   * @param names the display label of an area code
   * @param indicators the legend label of an indicator's column
   * @param locale the language of the wording and the number format
   * @return the chart
   */
  public static XYChart of(Selection s, int maxAreas, Function<String, String> names, Function<String, String> indicators,
      Locale locale) {
    Messages msg = Messages.of(locale);
    List<Explanation> ranked = new ArrayList<>(s.explanations().stream().filter(e -> e.rank().isPresent()).toList());
    ranked.sort(Comparator.comparingInt(e -> e.rank().getAsInt()));
    List<Explanation> shown = ranked.subList(0, Math.min(maxAreas, ranked.size()));
    List<String> categories = shown.stream().map(e -> names.apply(e.area())).toList();
    Map<String, Integer> order = new LinkedHashMap<>();
    for (Explanation e : shown) {
      for (Contribution c : e.contributions()) {
        order.putIfAbsent(c.indicator(), order.size());
      }
    }
    int width = Math.max(640, Math.min(700, 160 + 38 * shown.size()));
    XYChart chart = new XYChartBuilder().width(width).height(520)
        .title(msg.w("rankingChart.composite.index.ranking.and.contributions"))
        .xAxisTitle(msg.w("rankingChart.green.strip.selected.pale.not.eligible"))
        .yAxisTitle(msg.w("rankingChart.score.sum.of.contributions")).build();
    XYStyler st = chart.getStyler();
    st.setLegendPosition(Styler.LegendPosition.OutsideS);
    st.setLegendLayout(Styler.LegendLayout.Horizontal);
    st.setChartBackgroundColor(Color.WHITE);
    st.setLocale(locale);
    st.setPlotGridVerticalLinesVisible(false);
    st.setXAxisMin(-0.5);
    st.setXAxisMax(shown.size() - 0.5);
    st.setXAxisTickMarkSpacingHint(Math.max(8, (int) ((width - 150) / (double) Math.max(1, shown.size()))));
    boolean[] legend = new boolean[order.size()];
    double[] scoreX = new double[shown.size()];
    double[] scoreY = new double[shown.size()];
    List<double[]> selectedBands = new ArrayList<>();
    ChartTips tips = ChartTips.of(chart);
    for (int i = 0; i < shown.size(); i++) {
      Explanation e = shown.get(i);
      double up = 0;
      double down = 0;
      double x0 = i - 0.38;
      double x1 = i + 0.38;
      for (Contribution c : e.contributions()) {
        if (c.contribution().isEmpty()) {
          continue;
        }
        double v = c.contribution().getAsDouble();
        double from = v >= 0 ? up : down;
        double to = from + v;
        if (v >= 0) {
          up = to;
        } else {
          down = to;
        }
        int k = order.get(c.indicator());
        Color colour = Palette.SERIES[k % Palette.SERIES.length];
        String label = indicators.apply(c.indicator());
        XYSeries bar = chart.addSeries(legend[k] ? label + " #" + i : label,
            new double[] {x0, x0, x1, x1}, new double[] {from, to, to, from});
        bar.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        bar.setFillColor(e.eligible() ? colour : GroupedBars.lighter(colour));
        bar.setLineColor(Color.WHITE);
        bar.setLineStyle(SeriesLines.SOLID);
        bar.setMarker(SeriesMarkers.NONE);
        bar.setShowInLegend(!legend[k]);
        legend[k] = true;
      }
      scoreX[i] = i;
      scoreY[i] = e.score().getAsDouble();
      // the full name (the axis label may be shortened), rank, score and each contribution
      StringBuilder tip = new StringBuilder(categories.get(i)).append(" (").append(e.area()).append("): ")
          .append(msg.w("rankingChart.rank")).append(e.rank().getAsInt()).append(", score ")
          .append(String.format(locale, "%.2f", e.score().getAsDouble()));
      for (Contribution c : e.contributions()) {
        if (c.contribution().isPresent()) {
          tip.append("; ").append(indicators.apply(c.indicator())).append(' ')
              .append(String.format(locale, "%+.2f", c.contribution().getAsDouble()));
        }
      }
      tips.add(i - 0.45, Math.min(down, 0), i + 0.45, Math.max(up, e.score().getAsDouble()), tip.toString());
      if (e.selected()) {
        selectedBands.add(new double[] {i - 0.5, i + 0.5});
      }
    }
    if (shown.size() > 0) {
      XYSeries score = chart.addSeries(msg.w("rankingChart.score"), scoreX, scoreY);
      score.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      score.setMarker(SeriesMarkers.CIRCLE);
      score.setMarkerColor(Color.BLACK);
    }
    double lowest = 0;
    double highest = 0;
    for (XYSeries series : chart.getSeriesMap().values()) {
      for (double v : series.getYData()) {
        lowest = Math.min(lowest, v);
        highest = Math.max(highest, v);
      }
    }
    double range = Math.max(highest - lowest, 1e-9);
    double pad = 0.04 * range;
    st.setYAxisMax(highest + pad);
    // the plot is the chart less the title, the legend and the axis title (about 130 px)
    double span = highest + pad - (lowest - pad);
    st.setYAxisMin(lowest - pad - CategoryLabels.rotatedStrip(categories, chart.getHeight() - 130) * span);
    CategoryLabels.install(chart, categories, true, lowest - pad);
    chart.addAnnotation(new Bands(selectedBands));
    return chart;
  }

  /** Marks the columns of selected areas with a green strip along the top of the plot. */
  static final class Bands extends Annotation {
    private final List<double[]> bands;

    Bands(List<double[]> bands) {
      super(false);
      this.bands = List.copyOf(bands);
    }

    @Override
    public void paint(Graphics2D g) {
      Color before = g.getColor();
      g.setColor(new Color(0, 158, 115));
      double top = Math.min(getYAxisScreenValueForMax(), getYAxisScreenValueForMin());
      for (double[] b : bands) {
        double x0 = getXAxisScreenValue(b[0]);
        double x1 = getXAxisScreenValue(b[1]);
        g.fill(new Rectangle2D.Double(x0 + 1, top, x1 - x0 - 2, 7));
      }
      g.setColor(before);
    }
  }
}
