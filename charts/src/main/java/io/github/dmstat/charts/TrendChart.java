package io.github.dmstat.charts;

import io.github.dmstat.core.disclosure.Reliability;
import io.github.dmstat.core.survey.PrevalenceEstimate;
import io.github.dmstat.core.survey.PrevalenceValue;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Prevalence trend over survey years: a line per series with its confidence interval as a band.
 * Suppressed years leave a gap (the line is broken there and no value is drawn); unreliable
 * years get a hollow marker and a note.
 */
public final class TrendChart {
  private TrendChart() {}

  /**
   * An estimate for one survey year.
   *
   * @param year the survey year
   * @param estimate the estimate; one without a value (suppressed) leaves a gap
   */
  public record YearEstimate(int year, PrevalenceEstimate estimate) {
    /**
     * Requires a non-null {@code estimate}.
     *
     * @param year the survey year
     * @param estimate the estimate, not null
     */
    public YearEstimate {
      Objects.requireNonNull(estimate, "estimate");
    }
  }

  /**
   * Lines with interval bands; {@code series} maps a label to its years (any order).
   *
   * @param title the chart title
   * @param series the years of each series by its legend label; series are coloured in the map's order
   * @param locale the language of the wording and the number format
   * @return an 800 × 480 chart, prevalence in percent, the notes in the x-axis title
   */
  public static XYChart of(String title, Map<String, List<YearEstimate>> series, Locale locale) {
    Messages msg = Messages.of(locale);
    XYChart chart = new XYChartBuilder().width(800).height(480).title(title)
        .xAxisTitle(msg.w("trendChart.survey.year")).yAxisTitle(msg.prevalencePercent()).build();
    XYStyler st = chart.getStyler();
    st.setLegendPosition(Styler.LegendPosition.OutsideS);
    st.setLegendLayout(Styler.LegendLayout.Horizontal);
    st.setChartBackgroundColor(Color.WHITE);
    st.setLocale(locale);
    st.setDecimalPattern("#,##0.#");
    st.setYAxisMin(0.0);
    chart.setCustomXAxisTickLabelsFormatter(x -> Long.toString(Math.round(x)));
    int s = 0;
    int suppressed = 0;
    boolean unreliable = false;
    for (Map.Entry<String, List<YearEstimate>> e : series.entrySet()) {
      Color colour = Palette.SERIES[s % Palette.SERIES.length];
      List<YearEstimate> years = new ArrayList<>(e.getValue());
      years.sort((a, b) -> Integer.compare(a.year(), b.year()));
      List<List<YearEstimate>> runs = new ArrayList<>();
      List<YearEstimate> run = new ArrayList<>();
      for (YearEstimate y : years) {
        if (y.estimate().value().isEmpty()) {
          suppressed++;
          if (!run.isEmpty()) {
            runs.add(run);
            run = new ArrayList<>();
          }
        } else {
          run.add(y);
        }
      }
      if (!run.isEmpty()) {
        runs.add(run);
      }
      int r = 0;
      for (List<YearEstimate> part : runs) {
        int n = part.size();
        double[] x = new double[n];
        double[] p = new double[n];
        double[] bandX = new double[2 * n];
        double[] bandY = new double[2 * n];
        for (int i = 0; i < n; i++) {
          PrevalenceValue v = part.get(i).estimate().value().orElseThrow();
          x[i] = part.get(i).year();
          p[i] = 100 * v.prevalence();
          bandX[i] = x[i];
          bandY[i] = 100 * Math.max(0, v.ciUpper());
          bandX[2 * n - 1 - i] = x[i];
          bandY[2 * n - 1 - i] = 100 * Math.max(0, v.ciLower());
        }
        XYSeries band = chart.addSeries(e.getKey() + " CI #" + r, bandX, bandY);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setFillColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 60));
        band.setLineColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 0));
        band.setMarker(SeriesMarkers.NONE);
        band.setShowInLegend(false);
        XYSeries line = chart.addSeries(r == 0 ? e.getKey() : e.getKey() + " #" + r, x, p);
        line.setLineColor(colour);
        line.setMarkerColor(colour);
        line.setLineStyle(SeriesLines.SOLID);
        line.setMarker(SeriesMarkers.CIRCLE);
        line.setShowInLegend(r == 0);
        r++;
        for (YearEstimate y : part) {
          if (y.estimate().reliability() == Reliability.UNRELIABLE) {
            unreliable = true;
            XYSeries mark = chart.addSeries(e.getKey() + " unreliable " + y.year(),
                new double[] {y.year()}, new double[] {100 * y.estimate().value().orElseThrow().prevalence()});
            mark.setMarker(SeriesMarkers.CIRCLE);
            mark.setMarkerColor(Color.WHITE);
            mark.setShowInLegend(false);
          }
        }
      }
      s++;
    }
    List<String> notes = new ArrayList<>();
    notes.add(msg.w("trendChart.bands.confidence.interval"));
    if (unreliable) {
      notes.add(msg.w("trendChart.open.marker.unreliable"));
    }
    if (suppressed > 0) {
      notes.add(msg.suppressedNote(suppressed));
    }
    chart.setXAxisTitle(msg.w("trendChart.survey.year") + "   (" + String.join("; ", notes) + ")");
    return chart;
  }
}
