package io.github.dmstat.cli;

import io.github.dmstat.charts.report.DrugMonitorReport;
import io.github.dmstat.charts.report.PublishedValue;
import io.github.dmstat.charts.report.ReportExample;
import io.github.dmstat.core.area.AreaPolygon;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.datasets.Datasets;
import io.github.dmstat.datasets.NdmFigures;
import io.github.dmstat.datasets.PublishedFigure;
import io.github.dmstat.datasets.SyntheticGeography;
import io.github.dmstat.datasets.SyntheticSurvey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * The report's example data, from the embedded datasets of {@code dmstat-datasets}: the synthetic
 * adult survey of 2022 (and surveys of 2016 to 2024 for the trend), the NDM 2022 figures next to
 * it, the synthetic neighbourhoods with their planted hot spots, municipalities, effects, cohorts
 * and the area panel. What {@code dmstat report} shows for the sections without the user's data.
 */
public final class ExampleData implements ReportExample {
  private static final ExampleData INSTANCE = new ExampleData();

  /** Synthetic adult surveys for the trend figure: every other year from 2016 to 2024, 6,000 respondents each. */
  static final int TREND_FROM = 2016;
  static final int TREND_TO = 2024;
  static final int TREND_ROWS = 6_000;

  private ExampleData() {}

  /**
   * The example (tables are read or generated when a section asks for them).
   *
   * @return the one instance
   */
  public static ExampleData get() {
    return INSTANCE;
  }

  @Override
  public Table survey() {
    return Datasets.table("adults");
  }

  @Override
  public DesignSpec surveyDesign() {
    return Datasets.design("adults").orElseThrow();
  }

  @Override
  public List<DrugMonitorReport.SurveyYear> trend() {
    List<DrugMonitorReport.SurveyYear> out = new ArrayList<>();
    for (int year = TREND_FROM; year <= TREND_TO; year += 2) {
      SyntheticSurvey sy = SyntheticSurvey.adults(Datasets.ADULTS_SEED + year, TREND_ROWS, year);
      out.add(new DrugMonitorReport.SurveyYear(year, "synthetic adults " + year, sy.table()));
    }
    return out;
  }

  /** The NDM figures that are prevalences of a substance, period and target group. */
  @Override
  public List<PublishedValue> published() {
    List<PublishedValue> out = new ArrayList<>();
    for (PublishedFigure f : NdmFigures.all()) {
      if (PublishedFigure.PROPORTION.equals(f.unit()) && f.substance().isPresent() && f.period().isPresent()
          && f.group().isPresent()) {
        out.add(new PublishedValue(f.substance().get(), f.period().get(), f.group().get(), f.qualifier(), f.value(),
            f.source()));
      }
    }
    return out;
  }

  @Override
  public Table areas() {
    return SyntheticGeography.embedded().table();
  }

  @Override
  public List<AreaPolygon> areaPolygons() {
    return SyntheticGeography.embedded().polygons();
  }

  @Override
  public Set<String> plantedHotSpots() {
    return Set.copyOf(SyntheticGeography.embedded().hotSpots());
  }

  @Override
  public int areaMunicipalities() {
    return SyntheticGeography.embedded().municipalityTable().rowCount();
  }

  @Override
  public Table municipalities() {
    return Datasets.table("municipalities");
  }

  @Override
  public Table effects() {
    return Datasets.table("effects");
  }

  @Override
  public Table cohorts() {
    return Datasets.table("cohorts");
  }

  @Override
  public Table panel() {
    return Datasets.table("panel");
  }

  @Override
  public String toString() {
    return "ExampleData[embedded synthetic datasets of dmstat-datasets]";
  }
}
