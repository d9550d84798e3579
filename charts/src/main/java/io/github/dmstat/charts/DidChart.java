package io.github.dmstat.charts;

import io.github.dmstat.core.outcomes.DiffInDiff;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Difference in differences: mean outcome of treated and comparison units per period, with the
 * treated group's counterfactual (its last pre-period mean moved by the comparison group's
 * change) dashed, and the estimated effect with its interval in the title.
 */
public final class DidChart {
  private DidChart() {}

  /**
   * The chart for a fitted model; {@code outcomeLabel} names the outcome axis.
   *
   * @param d the fitted model; its {@link DiffInDiff#means()} are drawn
   * @param outcomeLabel the title of the outcome (y) axis
   * @param locale the language of the wording and the number format
   * @return a 760 × 480 line chart, periods on the x axis; the counterfactual only when both groups
   *     have a pre-period ({@code period <= 0}) and the comparison group a post-period
   */
  public static XYChart of(DiffInDiff d, String outcomeLabel, Locale locale) {
    Messages msg = Messages.of(locale);
    XYChart chart = new XYChartBuilder().width(760).height(480)
        .title(String.format(locale, msg.w("didChart.difference.in.differences.2f.0f.ci.2f.to.2f"), d.effect().estimate(), msg.levelPercent(d.level()),
            d.ciLower(), d.ciUpper()))
        .xAxisTitle(msg.w("didChart.period.0.before.0.after")).yAxisTitle(outcomeLabel).build();
    XYStyler st = chart.getStyler();
    st.setLegendPosition(Styler.LegendPosition.OutsideS);
    st.setLegendLayout(Styler.LegendLayout.Horizontal);
    st.setChartBackgroundColor(Color.WHITE);
    st.setLocale(locale);
    chart.setCustomXAxisTickLabelsFormatter(x -> Math.abs(x - Math.rint(x)) < 1e-9 ? Long.toString(Math.round(x)) : "");
    List<DiffInDiff.PeriodMean> treated = d.means().stream().filter(DiffInDiff.PeriodMean::treated).toList();
    List<DiffInDiff.PeriodMean> comparison = d.means().stream().filter(m -> !m.treated()).toList();
    add(chart, msg.w("didChart.treated.areas"), treated, Palette.SERIES[5], SeriesLines.SOLID);
    add(chart, msg.w("didChart.comparison.areas"), comparison, Palette.SERIES[0], SeriesLines.SOLID);
    DiffInDiff.PeriodMean lastPreT = treated.stream().filter(m -> m.period() <= 0).reduce((a, b) -> b).orElse(null);
    DiffInDiff.PeriodMean lastPreC = comparison.stream().filter(m -> m.period() <= 0).reduce((a, b) -> b).orElse(null);
    if (lastPreT != null && lastPreC != null) {
      List<DiffInDiff.PeriodMean> post = comparison.stream().filter(m -> m.period() > 0).toList();
      double[] x = new double[post.size() + 1];
      double[] y = new double[post.size() + 1];
      x[0] = lastPreT.period();
      y[0] = lastPreT.mean();
      for (int i = 0; i < post.size(); i++) {
        x[i + 1] = post.get(i).period();
        y[i + 1] = lastPreT.mean() + (post.get(i).mean() - lastPreC.mean());
      }
      if (x.length > 1) {
        XYSeries cf = chart.addSeries(msg.w("didChart.treated.without.intervention.counterfactual"), x, y);
        cf.setLineColor(Palette.SERIES[5]);
        cf.setLineStyle(SeriesLines.DASH_DASH);
        cf.setMarker(SeriesMarkers.NONE);
      }
    }
    return chart;
  }

  private static void add(XYChart chart, String name, List<DiffInDiff.PeriodMean> means, Color c,
      java.awt.BasicStroke line) {
    if (means.isEmpty()) {
      return;
    }
    double[] x = means.stream().mapToDouble(DiffInDiff.PeriodMean::period).toArray();
    double[] y = means.stream().mapToDouble(DiffInDiff.PeriodMean::mean).toArray();
    XYSeries s = chart.addSeries(name, x, y);
    s.setLineColor(c);
    s.setMarkerColor(c);
    s.setMarker(SeriesMarkers.CIRCLE);
    s.setLineStyle(line);
  }
}
