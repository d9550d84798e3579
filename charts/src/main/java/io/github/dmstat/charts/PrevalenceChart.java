package io.github.dmstat.charts;

import io.github.dmstat.core.disclosure.Reliability;
import io.github.dmstat.core.model.Substance;
import io.github.dmstat.core.model.TargetGroup;
import io.github.dmstat.core.survey.KeyFigures;
import io.github.dmstat.core.survey.PrevalenceEstimate;
import io.github.dmstat.core.survey.PrevalenceTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;

/**
 * Prevalence bar charts: estimates as bars with their real confidence interval as whiskers;
 * unreliable estimates hatched; suppressed estimates absent, with a note. The charts are XChart
 * {@link XYChart}s the caller can still style.
 */
public final class PrevalenceChart {
  private PrevalenceChart() {}

  /**
   * One bar per domain of a prevalence table, titled with its column names.
   *
   * @param t the table; its outcome and grouping columns make the title
   * @param locale the language of the wording and the number format
   * @return the chart, prevalence in percent
   */
  public static XYChart of(PrevalenceTable t, Locale locale) {
    Messages msg = Messages.of(locale);
    String title = msg.w("prevalenceChart.prevalence.of") + t.outcome()
        + (t.by().isEmpty() ? "" : msg.w("prevalenceChart.by") + String.join(" × ", t.by()));
    return of(t, title, locale);
  }

  /**
   * One bar per domain of a prevalence table, with a title in words.
   *
   * @param t the table; each domain is labelled by its group values ("all" for the whole sample)
   * @param title the chart title
   * @param locale the language of the wording and the number format
   * @return the chart, prevalence in percent
   */
  public static XYChart of(PrevalenceTable t, String title, Locale locale) {
    Messages msg = Messages.of(locale);
    List<String> categories = new ArrayList<>();
    List<List<GroupedBars.Bar>> bars = new ArrayList<>();
    for (PrevalenceEstimate e : t.estimates()) {
      categories.add(e.group().isAll() ? msg.w("prevalenceChart.all") : String.join(" ", e.group().values()));
      bars.add(List.of(bar(e)));
    }
    return GroupedBars.chart(title, msg.prevalencePercent(), categories, List.of(""), bars, 100, locale, msg);
  }

  /**
   * Substances along the axis, one bar per target group (the key-figures table as a chart).
   *
   * @param k the key figures; the title names its recall period
   * @param locale the language of the labels and wording and the number format
   * @return the chart, prevalence in percent, with a legend of the target groups
   */
  public static XYChart keyFigures(KeyFigures k, Locale locale) {
    Messages msg = Messages.of(locale);
    List<String> categories = new ArrayList<>();
    List<List<GroupedBars.Bar>> bars = new ArrayList<>();
    for (Substance s : k.substances()) {
      categories.add(s.label(locale));
      List<GroupedBars.Bar> row = new ArrayList<>();
      for (TargetGroup g : k.groups()) {
        row.add(bar(k.get(s, g)));
      }
      bars.add(row);
    }
    List<String> series = k.groups().stream().map(g -> g.label(locale)).toList();
    String title = msg.w("prevalenceChart.prevalence") + k.period().label(locale) + msg.w("prevalenceChart.by.target.group");
    return GroupedBars.chart(title, msg.prevalencePercent(), categories, series, bars, 100, locale, msg);
  }

  static GroupedBars.Bar bar(PrevalenceEstimate e) {
    return e.value().map(v -> GroupedBars.Bar.of(v.prevalence(), v.ciLower(), v.ciUpper(),
        e.reliability() == Reliability.UNRELIABLE)).orElse(GroupedBars.Bar.suppressed());
  }
}
