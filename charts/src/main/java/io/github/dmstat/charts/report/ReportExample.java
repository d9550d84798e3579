package io.github.dmstat.charts.report;

import io.github.dmstat.core.area.AreaPolygon;
import io.github.dmstat.core.survey.DesignSpec;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * The example data of the report: what a section shows when the caller gave none of its own data
 * ({@link DrugMonitorReport.Options#withExample}). The report reads no embedded data itself; the
 * command line ({@code dmstat-cli}) supplies the synthetic example of {@code dmstat-datasets}.
 * Each method is called only for a section without the caller's own data, so an example may
 * supply part of it and throw for the rest.
 *
 * <p>The report's sentences about example sections describe the embedded synthetic example
 * (its seeds, its 342 municipalities, its planted hot spots, the NDM 2022 figures): an
 * implementation with other data gets the same words, so supply your own data through the
 * {@code with...} options instead, where the text names your files and columns.
 *
 * <p>Columns are those of the embedded datasets: survey as the adult survey (weights, strata,
 * PSUs, {@code age}, a 0/1 column per indicator); areas {@code code, incidents, inhabitants};
 * municipalities {@code code, name, inhabitants, drug_crime, youth_crime, lbm} with optional
 * {@code *_se}; effects {@code study, events_treated, total_treated, events_control,
 * total_control}; cohorts {@code time, reoffended, group}; panel {@code unit, treated, period, rate}.
 */
public interface ReportExample {
  /**
   * The survey of the prevalence section.
   *
   * @return the survey, one row per respondent
   */
  Table survey();

  /**
   * The design of {@link #survey()} and of the {@link #trend()} surveys.
   *
   * @return the survey design (weights, strata, PSUs)
   */
  DesignSpec surveyDesign();

  /**
   * Surveys of several years, with the columns of {@link #survey()}, for the trend figure.
   *
   * @return one survey per year
   */
  List<DrugMonitorReport.SurveyYear> trend();

  /**
   * Published national figures shown next to the survey's estimates.
   *
   * @return the published prevalences
   */
  List<PublishedValue> published();

  /**
   * Counts and populations per area (neighbourhoods) of the concentration section.
   *
   * @return one row per area: {@code code, incidents, inhabitants}
   */
  Table areas();

  /**
   * The boundaries of {@link #areas()}.
   *
   * @return one polygon per area, keyed by the area code
   */
  List<AreaPolygon> areaPolygons();

  /**
   * Codes of the areas whose raised rates were planted in the example: the maps should find them.
   *
   * @return the area codes of the planted hot spots
   */
  Set<String> plantedHotSpots();

  /**
   * How many municipalities the {@link #areas()} lie in (said in the text).
   *
   * @return the number of municipalities
   */
  int areaMunicipalities();

  /**
   * Municipalities with the indicators of the selection section.
   *
   * @return one row per municipality
   */
  Table municipalities();

  /**
   * Per-municipality 2×2 counts for the meta-analysis.
   *
   * @return one row per study (municipality)
   */
  Table effects();

  /**
   * Follow-up data for the survival curves.
   *
   * @return one row per person: {@code time, reoffended, group}
   */
  Table cohorts();

  /**
   * An area panel for the difference in differences.
   *
   * @return one row per unit and period: {@code unit, treated, period, rate}
   */
  Table panel();

  /** No example: a section without the caller's own data is an error that says what to give. */
  ReportExample NONE = new ReportExample() {
    private IllegalStateException none(String what, String with) {
      return new IllegalStateException("the report has no " + what + ": give it with Options." + with
          + "(...), or give example data with Options.withExample(...) (dmstat-cli's ExampleData)");
    }

    @Override
    public Table survey() {
      throw none("survey", "withSurvey");
    }

    @Override
    public DesignSpec surveyDesign() {
      throw none("survey", "withSurvey");
    }

    @Override
    public List<DrugMonitorReport.SurveyYear> trend() {
      throw none("survey", "withSurvey");
    }

    @Override
    public List<PublishedValue> published() {
      throw none("survey", "withSurvey");
    }

    @Override
    public Table areas() {
      throw none("areas", "withAreas");
    }

    @Override
    public List<AreaPolygon> areaPolygons() {
      throw none("areas", "withAreas");
    }

    @Override
    public Set<String> plantedHotSpots() {
      throw none("areas", "withAreas");
    }

    @Override
    public int areaMunicipalities() {
      throw none("areas", "withAreas");
    }

    @Override
    public Table municipalities() {
      throw none("municipalities", "withMunicipalities");
    }

    @Override
    public Table effects() {
      throw none("effects", "withEffects");
    }

    @Override
    public Table cohorts() {
      throw none("cohorts", "withCohorts");
    }

    @Override
    public Table panel() {
      throw none("panel", "withPanel");
    }

    @Override
    public String toString() {
      return "ReportExample.NONE";
    }
  };
}
