package io.github.dmstat.charts;

import io.github.dmstat.core.concentration.Gini;
import io.github.dmstat.core.concentration.LorenzCurve;
import io.github.dmstat.core.concentration.LorenzPoint;
import io.github.dmstat.core.concentration.TopShare;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Lorenz curve of events over areas, with the line of equality, the Gini coefficients in the
 * legend and, optionally, the share of events in the top x% of areas marked on the curve.
 */
public final class LorenzChart {
  private LorenzChart() {}

  /**
   * The chart without a top-x% mark.
   *
   * @param curve the Lorenz curve; for the population variant the x axis is the share of population
   * @param gini the coefficients shown in the legend (plain, corrected and generalised)
   * @param locale the language of the wording (generic "events" and "areas") and the number format
   * @return a 640 × 600 chart, both axes in percent from 0 to 100
   */
  public static XYChart of(LorenzCurve curve, Gini gini, Locale locale) {
    Messages msg = Messages.of(locale);
    return chart(curve, gini, Optional.empty(), msg.w("lorenzChart.events"), msg.w("lorenzChart.areas"), locale);
  }

  /**
   * The chart with the share of events in the top x% of areas ({@code top}) marked on the curve.
   *
   * @param curve the Lorenz curve
   * @param gini the coefficients shown in the legend (plain, corrected and generalised)
   * @param top the top-x% share, marked by a dotted line with its share in percent
   * @param locale the language of the wording (generic "events" and "areas") and the number format
   * @return a 640 × 600 chart, both axes in percent from 0 to 100
   */
  public static XYChart of(LorenzCurve curve, Gini gini, TopShare top, Locale locale) {
    Messages msg = Messages.of(locale);
    return chart(curve, gini, Optional.of(top), msg.w("lorenzChart.events"), msg.w("lorenzChart.areas"), locale);
  }

  /**
   * The chart with the top-x% mark, naming what is counted ({@code events}, e.g. "dwellings") and
   * the areas ({@code areas}, e.g. "municipalities") in the report's language.
   *
   * @param curve the Lorenz curve
   * @param gini the coefficients shown in the legend (plain, corrected and generalised)
   * @param top the top-x% share, marked by a dotted line with its share in percent
   * @param events what is counted, as used in the title, axis titles and the mark's legend entry
   * @param areas what the areas are, used likewise
   * @param locale the language of the other wording and the number format
   * @return a 640 × 600 chart, both axes in percent from 0 to 100
   */
  public static XYChart of(LorenzCurve curve, Gini gini, TopShare top, String events, String areas, Locale locale) {
    return chart(curve, gini, Optional.of(top), events, areas, locale);
  }

  private static XYChart chart(LorenzCurve curve, Gini gini, Optional<TopShare> top, String events, String areas,
      Locale locale) {
    Messages msg = Messages.of(locale);
    boolean population = curve.variant() == LorenzCurve.Variant.POPULATION;
    XYChart chart = new XYChartBuilder().width(640).height(600)
        .title(String.format(locale, msg.w("lorenzChart.concentration.of.s.over.s.lorenz.curve"),
            events, areas))
        .xAxisTitle(population ? msg.w("lorenzChart.cumulative.share.of.population")
            : String.format(locale, msg.w("lorenzChart.cumulative.share.of.s.fewest.s.first"),
                areas, events))
        .yAxisTitle(String.format(locale, msg.w("lorenzChart.cumulative.share.of.s"), events)).build();
    XYStyler st = chart.getStyler();
    st.setLegendPosition(Styler.LegendPosition.InsideNW);
    st.setChartBackgroundColor(Color.WHITE);
    st.setLocale(locale);
    st.setDecimalPattern("#,##0");
    st.setXAxisMin(0.0);
    st.setXAxisMax(100.0);
    st.setYAxisMin(0.0);
    st.setYAxisMax(100.0);
    XYSeries eq = chart.addSeries(msg.w("lorenzChart.equality"), new double[] {0, 100}, new double[] {0, 100});
    eq.setLineColor(Color.GRAY);
    eq.setLineStyle(SeriesLines.DASH_DASH);
    eq.setMarker(SeriesMarkers.NONE);
    List<LorenzPoint> pts = curve.points();
    double[] x = new double[pts.size() + 1];
    double[] y = new double[pts.size() + 1];
    for (int i = 0; i < pts.size(); i++) {
      x[i + 1] = 100 * pts.get(i).x();
      y[i + 1] = 100 * pts.get(i).y();
    }
    String name = String.format(locale, "Lorenz (Gini %.2f; %s %.2f; %s %.2f)", gini.gini(),
        msg.w("lorenzChart.corrected"), gini.corrected(), msg.w("lorenzChart.generalised"), gini.generalised());
    XYSeries lz = chart.addSeries(name, x, y);
    lz.setLineColor(Palette.SERIES[0]);
    lz.setMarker(SeriesMarkers.NONE);
    lz.setLineStyle(SeriesLines.SOLID);
    top.ifPresent(t -> {
      double px = 100 * (1 - (double) t.k() / t.areas());
      double py = 100 * (1 - t.share());
      XYSeries mark = chart.addSeries(String.format(locale, msg.w("lorenzChart.top.0f.of.s.0f.of.s"), 100 * t.fraction(), areas, 100 * t.share(), events),
          new double[] {px, px}, new double[] {0, py});
      mark.setLineColor(Palette.SERIES[5]);
      mark.setLineStyle(SeriesLines.DOT_DOT);
      mark.setMarker(SeriesMarkers.NONE);
      chart.addAnnotation(new AnnotationText(String.format(locale, "%.0f%%", 100 * t.share()), px - 6, py + 4, false));
    });
    return chart;
  }
}
