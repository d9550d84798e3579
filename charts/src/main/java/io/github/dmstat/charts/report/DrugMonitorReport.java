package io.github.dmstat.charts.report;

import io.github.dmstat.charts.Messages;
import io.github.dmstat.charts.Words;
import io.github.dmstat.charts.DidChart;
import io.github.dmstat.charts.Figure;
import io.github.dmstat.charts.ForestChart;
import io.github.dmstat.charts.PrevalenceChart;
import io.github.dmstat.charts.RankingChart;
import io.github.dmstat.charts.SurvivalChart;
import io.github.dmstat.charts.TrendChart;
import io.github.dmstat.charts.report.Report.Cell;
import io.github.dmstat.core.spatial.MultipleTesting;
import io.github.dmstat.core.Columns;
import io.github.dmstat.core.disclosure.Reliability;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.io.ColumnType;
import io.github.dmstat.core.model.Indicator;
import io.github.dmstat.core.model.RecallPeriod;
import io.github.dmstat.core.model.Substance;
import io.github.dmstat.core.model.TargetGroup;
import io.github.dmstat.core.outcomes.CountColumns;
import io.github.dmstat.core.outcomes.DiffInDiff;
import io.github.dmstat.core.outcomes.KaplanMeier;
import io.github.dmstat.core.outcomes.LogRankTest;
import io.github.dmstat.core.outcomes.Measure;
import io.github.dmstat.core.outcomes.MetaAnalysis;
import io.github.dmstat.core.outcomes.MetaMethod;
import io.github.dmstat.core.outcomes.SurvivalCurve;
import io.github.dmstat.core.selection.AreaIndicators;
import io.github.dmstat.core.selection.CompositeIndex;
import io.github.dmstat.core.selection.Explanation;
import io.github.dmstat.core.selection.RankUncertainty;
import io.github.dmstat.core.selection.SelectedArea;
import io.github.dmstat.core.selection.Selection;
import io.github.dmstat.core.selection.SelectionRules;
import io.github.dmstat.core.selection.WeightedIndicator;
import io.github.dmstat.core.regression.OddsRatio;
import io.github.dmstat.core.regression.SurveyTrend;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.core.survey.KeyFigures;
import io.github.dmstat.core.survey.PrevalenceEstimate;
import io.github.dmstat.core.survey.PrevalenceEstimator;
import io.github.dmstat.core.survey.PrevalenceTable;
import io.github.dmstat.core.survey.PrevalenceValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import io.github.dmstat.core.area.AreaPolygon;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * Assembles the Drug Monitor report from a user's data, section by section, and example data
 * ({@link ReportExample}) for the sections without: prevalence
 * by target group and substance with trend, neighbourhood concentration with maps, selection of
 * municipalities with explanations, intervention outcomes with forest plot, survival curves and
 * difference in differences, and a methods and sources section. Every number comes from the
 * library's estimators; the reliability rule is applied before anything reaches a table or chart.
 */
public final class DrugMonitorReport {
  /** Number of progress steps {@link #build} reports. */
  public static final int STEPS = 5;

  /**
   * What the report is made from: language, title, subtitle, author and source lines and, per
   * section, a user's own data (each empty: the section shows the {@link ReportExample example}). Each user
   * section names its columns; the constructors without column names use the example's
   * names (areas {@code code, incidents, inhabitants}; municipalities {@code code, name,
   * inhabitants, drug_crime, youth_crime, lbm} with optional {@code *_se}; effects {@code study,
   * events_treated, total_treated, events_control, total_control}; cohorts {@code time,
   * reoffended, group}; panel {@code unit, treated, period, rate}). A report spec
   * ({@link ReportSpec}) builds these from a YAML file.
   *
   * @param locale language
   * @param title report title (empty: the default)
   * @param subtitle a line under the title (empty: none)
   * @param author the author, in the header and the PDF's metadata (empty: none)
   * @param sources lines on the sources ("Bron: CBS"), at the end of the methods section
   * @param survey a survey for the prevalence section
   * @param areas area counts and boundaries for the concentration section
   * @param municipalities indicators and rules for the selection section
   * @param effects per-municipality 2×2 counts for the meta-analysis
   * @param cohorts follow-up data for the survival curves
   * @param panel an area panel for the difference in differences
   * @param localCorrection the multiple-testing correction of the local statistics (hot spots,
   *     clusters); Benjamini–Hochberg (false discovery rate) by default, said in the text
   * @param level the confidence level of every interval
   * @param reliability the reliability rule of the prevalence estimates
   * @param example what the sections without their own data show ({@link ReportExample#NONE}: an
   *     error that says what to give)
   */
  public record Options(Locale locale, String title, String subtitle, String author, List<String> sources,
      Optional<UserSurvey> survey, Optional<UserAreas> areas, Optional<UserSelection> municipalities,
      Optional<UserEffects> effects, Optional<UserCohorts> cohorts, Optional<UserPanel> panel,
      MultipleTesting localCorrection, double level, ReliabilityRule reliability, ReportExample example) {
    /**
     * Checks that no component is null and that {@code level} is in [0.5, 1); copies {@code sources}.
     *
     * @param locale language
     * @param title report title (empty: the default)
     * @param subtitle a line under the title (empty: none)
     * @param author the author, in the header and the PDF's metadata (empty: none)
     * @param sources lines on the sources ("Bron: CBS"), at the end of the methods section
     * @param survey a survey for the prevalence section
     * @param areas area counts and boundaries for the concentration section
     * @param municipalities indicators and rules for the selection section
     * @param effects per-municipality 2×2 counts for the meta-analysis
     * @param cohorts follow-up data for the survival curves
     * @param panel an area panel for the difference in differences
     * @param localCorrection the multiple-testing correction of the local statistics (hot spots, clusters)
     * @param level the confidence level of every interval, at least 0.5 and below 1
     * @param reliability the reliability rule of the prevalence estimates
     * @param example what the sections without their own data show
     * @throws IllegalArgumentException when {@code level} is not in [0.5, 1)
     */
    public Options {
      Objects.requireNonNull(locale, "locale");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(subtitle, "subtitle");
      Objects.requireNonNull(author, "author");
      sources = List.copyOf(sources);
      Objects.requireNonNull(survey, "survey");
      Objects.requireNonNull(areas, "areas");
      Objects.requireNonNull(municipalities, "municipalities");
      Objects.requireNonNull(effects, "effects");
      Objects.requireNonNull(cohorts, "cohorts");
      Objects.requireNonNull(panel, "panel");
      Objects.requireNonNull(localCorrection, "localCorrection");
      if (!(level >= 0.5 && level < 1)) {
        throw new IllegalArgumentException("confidence level must be at least 0.5 and below 1, got " + level);
      }
      Objects.requireNonNull(reliability, "reliability");
      Objects.requireNonNull(example, "example");
    }

    /**
     * English, default title, no data: give each section its data ({@link #withSurvey} and the
     * others) or give example data for the sections without ({@link #withExample}).
     *
     * @return options in English ({@code en-GB}) with the default title, no subtitle, author or sources,
     *     Benjamini–Hochberg correction, 95% intervals, the NCHS reliability rule and {@link ReportExample#NONE}
     */
    public static Options defaults() {
      return new Options(Locale.forLanguageTag("en-GB"), "", "", "", List.of(), Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), MultipleTesting.BENJAMINI_HOCHBERG, 0.95,
          ReliabilityRule.NCHS, ReportExample.NONE);
    }

    /**
     * The same options in another language.
     *
     * @param l the language of the text and the numbers: Dutch for language {@code nl}, English otherwise
     * @return a copy of these options with that change
     */
    public Options withLocale(Locale l) {
      return new Options(l, title, subtitle, author, sources, survey, areas, municipalities, effects, cohorts, panel,
          localCorrection, level, reliability, example);
    }

    /**
     * The same options with another title.
     *
     * @param t the report title (empty or blank: the default)
     * @return a copy of these options with that change
     */
    public Options withTitle(String t) {
      return new Options(locale, t, subtitle, author, sources, survey, areas, municipalities, effects, cohorts, panel,
          localCorrection, level, reliability, example);
    }

    /**
     * The same options with a subtitle, an author and source lines.
     *
     * @param sub a line under the title (empty: none)
     * @param by the author, in the header and the PDF's metadata (empty: none)
     * @param lines lines on the sources, at the end of the methods section and under every figure (empty: none)
     * @return a copy of these options with that change
     */
    public Options withCredits(String sub, String by, List<String> lines) {
      return new Options(locale, title, sub, by, lines, survey, areas, municipalities, effects, cohorts, panel,
          localCorrection, level, reliability, example);
    }

    /**
     * The same options with the user's survey for the prevalence section.
     *
     * @param s the survey
     * @return a copy of these options with that change
     */
    public Options withSurvey(UserSurvey s) {
      return new Options(locale, title, subtitle, author, sources, Optional.of(s), areas, municipalities, effects, cohorts,
          panel, localCorrection, level, reliability, example);
    }

    /**
     * The same options with the user's area counts and boundaries for the concentration section.
     *
     * @param a the areas
     * @return a copy of these options with that change
     */
    public Options withAreas(UserAreas a) {
      return new Options(locale, title, subtitle, author, sources, survey, Optional.of(a), municipalities, effects, cohorts,
          panel, localCorrection, level, reliability, example);
    }

    /**
     * The same options with the user's table for the selection section.
     *
     * @param m the areas, indicators and rules
     * @return a copy of these options with that change
     */
    public Options withMunicipalities(UserSelection m) {
      return new Options(locale, title, subtitle, author, sources, survey, areas, Optional.of(m), effects, cohorts, panel,
          localCorrection, level, reliability, example);
    }

    /**
     * The same options with the user's 2×2 counts for the meta-analysis.
     *
     * @param e the counts per study
     * @return a copy of these options with that change
     */
    public Options withEffects(UserEffects e) {
      return new Options(locale, title, subtitle, author, sources, survey, areas, municipalities, Optional.of(e), cohorts,
          panel, localCorrection, level, reliability, example);
    }

    /**
     * The same options with the user's follow-up data for the survival curves.
     *
     * @param c the follow-up per person
     * @return a copy of these options with that change
     */
    public Options withCohorts(UserCohorts c) {
      return new Options(locale, title, subtitle, author, sources, survey, areas, municipalities, effects, Optional.of(c),
          panel, localCorrection, level, reliability, example);
    }

    /**
     * The same options with the user's area panel for the difference in differences.
     *
     * @param p the panel
     * @return a copy of these options with that change
     */
    public Options withPanel(UserPanel p) {
      return new Options(locale, title, subtitle, author, sources, survey, areas, municipalities, effects, cohorts,
          Optional.of(p), localCorrection, level, reliability, example);
    }

    /**
     * The same options with another confidence level (every interval of the report) and
     * reliability rule (the prevalence estimates).
     *
     * @param l the confidence level, at least 0.5 and below 1 (0.95 for 95%)
     * @param r the reliability rule
     * @return a copy of these options with that change
     * @throws IllegalArgumentException when {@code l} is not in [0.5, 1)
     */
    public Options withRules(double l, ReliabilityRule r) {
      return new Options(locale, title, subtitle, author, sources, survey, areas, municipalities, effects, cohorts, panel,
          localCorrection, l, r, example);
    }

    /**
     * The same options with example data for the sections that are given none of their own
     * ({@code dmstat-cli}'s {@code ExampleData} holds the synthetic example of {@code dmstat-datasets}).
     *
     * @param e the example data ({@link ReportExample#NONE}: a section without data is an error)
     * @return a copy of these options with that change
     */
    public Options withExample(ReportExample e) {
      return new Options(locale, title, subtitle, author, sources, survey, areas, municipalities, effects, cohorts, panel,
          localCorrection, level, reliability, e);
    }

    /**
     * The same options with another correction of the local statistics (hot spots, clusters).
     *
     * @param c the multiple-testing correction
     * @return a copy of these options with that change
     */
    public Options withLocalCorrection(MultipleTesting c) {
      return new Options(locale, title, subtitle, author, sources, survey, areas, municipalities, effects, cohorts, panel, c, level,
          reliability, example);
    }
  }

  /**
   * A user's survey: its table (named for messages), design and age column, and for a trend
   * figure the surveys of several years (empty: no trend figure) with the same columns.
   *
   * @param name the file, for messages and the sources
   * @param table one row per respondent, with a 0/1 column per indicator ({@code <substance>_<period>})
   * @param design the survey design
   * @param ageColumn the age in years, which the target groups are made of
   * @param trend the surveys of several years (empty: no trend figure)
   * @param domains the column of each domain role in {@link #DOMAINS}; a role left out, or whose column the
   *     table lacks, leaves out its table
   */
  public record UserSurvey(String name, Table table, DesignSpec design, String ageColumn, List<SurveyYear> trend,
      Map<String, String> domains) {
    /**
     * The domain roles: {@code age-group} and {@code sex} (cannabis by age group and sex), {@code region}
     * (15–17-year-olds by region).
     */
    public static final List<String> DOMAINS = List.of("age-group", "sex", "region");

    /**
     * Checks that no component is null and that every domain role is known; copies the trend and the roles.
     *
     * @param name the file, for messages and the sources
     * @param table one row per respondent
     * @param design the survey design
     * @param ageColumn the age in years
     * @param trend the surveys of several years (empty: no trend figure)
     * @param domains the column of each domain role
     * @throws IllegalArgumentException when a domain role is not in {@link #DOMAINS}
     */
    public UserSurvey {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(design, "design");
      Objects.requireNonNull(ageColumn, "ageColumn");
      trend = List.copyOf(trend);
      domains = Map.copyOf(domains);
      for (String role : domains.keySet()) {
        if (!DOMAINS.contains(role)) {
          throw new IllegalArgumentException("domain role '" + role + "': expected one of " + DOMAINS);
        }
      }
    }

    /**
     * How a survey file's outcome columns are read: every {@code <substance>_<period>} column as a
     * 0/1 flag (so that the true/false codes of the reading options apply).
     *
     * @return {@link ColumnType#FLAG} by indicator column name, for every substance and recall period
     */
    public static Map<String, ColumnType> outcomeTypes() {
      Map<String, ColumnType> types = new HashMap<>();
      for (RecallPeriod period : RecallPeriod.values()) {
        Indicator.columns(period).forEach(c -> types.put(c, ColumnType.FLAG));
      }
      return types;
    }

    /**
     * A survey without a trend, with the embedded dataset's domain columns (agegroup, sex, stratum as region).
     *
     * @param name the file, for messages and the sources
     * @param table one row per respondent
     * @param design the survey design
     * @param ageColumn the age in years
     */
    public UserSurvey(String name, Table table, DesignSpec design, String ageColumn) {
      this(name, table, design, ageColumn, List.of(), Map.of("age-group", "agegroup", "sex", "sex", "region", "stratum"));
    }
  }

  /**
   * One year's survey for the trend figure, named (its file, or the year's rows of one file).
   *
   * @param year the survey year
   * @param name the file, or the file and the year, for messages and the sources
   * @param table that year's respondents, with the columns of the survey
   */
  public record SurveyYear(int year, String name, Table table) {
    /**
     * Checks that the name and the table are not null.
     *
     * @param year the survey year
     * @param name the file, or the file and the year
     * @param table that year's respondents
     */
    public SurveyYear {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(table, "table");
    }
  }

  /**
   * A user's area counts and their boundaries (polygons keyed by the area code).
   *
   * @param name the file, for messages and the sources
   * @param table the counts
   * @param polygons the boundaries
   * @param codeColumn area code column
   * @param countColumn what is counted (events, head counts)
   * @param populationColumn the population the rates are per 1,000 of
   * @param level the kind of area, which the text names
   * @param countLabel what the count is, in the report's language ("dwellings"); empty: incidents
   * @param names display names by area code (empty: codes only)
   */
  public record UserAreas(String name, Table table, List<AreaPolygon> polygons, String codeColumn, String countColumn,
      String populationColumn, ReportAreaLevel level, String countLabel, Map<String, String> names) {
    /**
     * Checks that no component is null; copies the polygons and the names.
     *
     * @param name the file, for messages and the sources
     * @param table the counts
     * @param polygons the boundaries
     * @param codeColumn area code column
     * @param countColumn what is counted (events, head counts)
     * @param populationColumn the population the rates are per 1,000 of
     * @param level the kind of area, which the text names
     * @param countLabel what the count is, in the report's language; empty: incidents
     * @param names display names by area code (empty: codes only)
     */
    public UserAreas {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(table, "table");
      polygons = List.copyOf(polygons);
      Objects.requireNonNull(codeColumn, "codeColumn");
      Objects.requireNonNull(countColumn, "countColumn");
      Objects.requireNonNull(populationColumn, "populationColumn");
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(countLabel, "countLabel");
      names = Map.copyOf(names);
    }

    /**
     * Incidents in buurten, with the embedded dataset's column names {@code code, incidents, inhabitants}.
     *
     * @param name the file, for messages and the sources
     * @param table the counts
     * @param polygons the boundaries, keyed by the area code
     */
    public UserAreas(String name, Table table, List<AreaPolygon> polygons) {
      this(name, table, polygons, "code", "incidents", "inhabitants", ReportAreaLevel.BUURT, "", Map.of());
    }
  }

  /**
   * An indicator of the selection index: column, label for the text and charts, signed weight, optional
   * standard errors.
   *
   * @param column the indicator's column
   * @param label its name in the text and the charts
   * @param weight its weight, finite and not 0; a negative weight lowers the score
   * @param seColumn the column of its standard errors (empty: none); when every indicator has one, the
   *     report adds the rank uncertainty (200 Monte Carlo replicates)
   */
  public record IndexIndicator(String column, String label, double weight, Optional<String> seColumn) {
    /**
     * Checks that no component is null and that the weight is finite and not 0.
     *
     * @param column the indicator's column
     * @param label its name in the text and the charts
     * @param weight its weight; a negative weight lowers the score
     * @param seColumn the column of its standard errors (empty: none)
     * @throws IllegalArgumentException when {@code weight} is 0 or not finite
     */
    public IndexIndicator {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(seColumn, "seColumn");
      if (!Double.isFinite(weight) || weight == 0) {
        throw new IllegalArgumentException("indicator '" + column + "': weight must be a non-zero number, got " + weight);
      }
    }
  }

  /**
   * A user's table for the selection section: columns, indicators with weights and the rules.
   *
   * @param name the file
   * @param table one row per area
   * @param codeColumn area code column
   * @param nameColumn area name column, if any
   * @param populationColumn inhabitants, for the minimum
   * @param indicators the index (weights signed: a negative weight lowers the score)
   * @param rules size, minimum population, inclusions and exclusions with reasons
   * @param level the kind of area, which the text names
   */
  public record UserSelection(String name, Table table, String codeColumn, Optional<String> nameColumn,
      String populationColumn, List<IndexIndicator> indicators, SelectionRules rules, ReportAreaLevel level) {
    /**
     * Checks that no component is null and that there is an indicator; copies the indicators.
     *
     * @param name the file
     * @param table one row per area
     * @param codeColumn area code column
     * @param nameColumn area name column, if any
     * @param populationColumn inhabitants, for the minimum
     * @param indicators the index
     * @param rules size, minimum population, inclusions and exclusions with reasons
     * @param level the kind of area, which the text names
     * @throws IllegalArgumentException when {@code indicators} is empty
     */
    public UserSelection {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(codeColumn, "codeColumn");
      Objects.requireNonNull(nameColumn, "nameColumn");
      Objects.requireNonNull(populationColumn, "populationColumn");
      indicators = List.copyOf(indicators);
      if (indicators.isEmpty()) {
        throw new IllegalArgumentException("the selection index needs at least one indicator");
      }
      Objects.requireNonNull(rules, "rules");
      Objects.requireNonNull(level, "level");
    }

    /**
     * The embedded municipalities' columns and index: drug crime 0.5, youth crime 0.3,
     * Leefbaarometer −0.2 (with their {@code *_se} columns when all three are there), top 27 of
     * at least 80,000 inhabitants.
     *
     * @param name the file
     * @param table one row per municipality, with columns {@code code} and {@code inhabitants}, the three
     *     indicators and optionally {@code name}
     * @param locale the language of the indicators' labels
     * @return the selection of municipalities ({@link ReportAreaLevel#GEMEENTE})
     */
    public static UserSelection standard(String name, Table table, Locale locale) {
      boolean nl = "nl".equals(locale.getLanguage());
      boolean se = table.columnNames().containsAll(List.of("drug_crime_se", "youth_crime_se", "lbm_se"));
      List<IndexIndicator> ind = List.of(
          new IndexIndicator("drug_crime", Words.of(nl).get("drugMonitorReport.registered.drug.crime.per.1.000.inhabitants"), 0.5, se ? Optional.of("drug_crime_se") : Optional.empty()),
          new IndexIndicator("youth_crime", Words.of(nl).get("drugMonitorReport.youth.crime.per.1.000.inhabitants"),
              0.3, se ? Optional.of("youth_crime_se") : Optional.empty()),
          new IndexIndicator("lbm", Words.of(nl).get("drugMonitorReport.leefbaarometer.score.better.liveability.lowers.t"), -0.2,
              se ? Optional.of("lbm_se") : Optional.empty()));
      return new UserSelection(name, table, "code",
          table.columnNames().contains("name") ? Optional.of("name") : Optional.empty(), "inhabitants", ind,
          SelectionRules.top(27).withMinimumPopulation(80_000), ReportAreaLevel.GEMEENTE);
    }
  }

  /**
   * A user's 2×2 counts per study (municipality) for the meta-analysis, with its columns named by role.
   *
   * @param name the file, for messages and the sources
   * @param table one row per study
   * @param columns the study, events and totals columns ({@link CountColumns#study})
   */
  public record UserEffects(String name, Table table, CountColumns columns) {
    /**
     * Checks that the name, the table and the columns are not null.
     *
     * @param name the file, for messages and the sources
     * @param table one row per study
     * @param columns the study, events and totals columns
     */
    public UserEffects {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(columns, "columns");
    }

    /**
     * The embedded column names ({@link CountColumns#standard()}: {@code study, events_treated,
     * total_treated, events_control, total_control}).
     *
     * @param name the file, for messages and the sources
     * @param table one row per study
     */
    public UserEffects(String name, Table table) {
      this(name, table, CountColumns.standard());
    }
  }

  /**
   * A user's follow-up per person for the survival curves: time, event (0/1) and group columns.
   *
   * @param name the file, for messages and the sources
   * @param table one row per person
   * @param time the follow-up time column
   * @param event the 0/1 event column (1 = event, 0 = censored)
   * @param group the group column: one curve per group
   */
  public record UserCohorts(String name, Table table, String time, String event, String group) {
    /**
     * Checks that the name, the table and the column names are not null.
     *
     * @param name the file, for messages and the sources
     * @param table one row per person
     * @param time the follow-up time column
     * @param event the 0/1 event column
     * @param group the group column
     */
    public UserCohorts {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(table, "table");
      requireColumns(time, event, group);
    }

    /**
     * The embedded column names {@code time, reoffended, group}.
     *
     * @param name the file, for messages and the sources
     * @param table one row per person
     */
    public UserCohorts(String name, Table table) {
      this(name, table, "time", "reoffended", "group");
    }
  }

  /**
   * A user's area panel for the difference in differences: unit, treated (0/1), period and outcome
   * columns, and what the outcome is in words (empty: incidents per 1,000).
   *
   * @param name the file, for messages and the sources
   * @param table one row per unit and period
   * @param unit the unit (area) column
   * @param treated the 0/1 column, 1 for treated units
   * @param period the integer period column ({@code <= 0} before, {@code > 0} after)
   * @param outcome the numeric outcome column
   * @param outcomeLabel the outcome in words, in the report's language (empty: incidents per 1,000)
   */
  public record UserPanel(String name, Table table, String unit, String treated, String period, String outcome,
      String outcomeLabel) {
    /**
     * Checks that the name, the table, the column names and the label are not null.
     *
     * @param name the file, for messages and the sources
     * @param table one row per unit and period
     * @param unit the unit (area) column
     * @param treated the 0/1 treated column
     * @param period the integer period column
     * @param outcome the numeric outcome column
     * @param outcomeLabel the outcome in words (empty: incidents per 1,000)
     */
    public UserPanel {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(table, "table");
      requireColumns(unit, treated, period, outcome, outcomeLabel);
    }

    /**
     * The embedded column names {@code unit, treated, period, rate}.
     *
     * @param name the file, for messages and the sources
     * @param table one row per unit and period
     */
    public UserPanel(String name, Table table) {
      this(name, table, "unit", "treated", "period", "rate", "");
    }
  }

  /** The column names of a user table: none may be null. */
  private static void requireColumns(String... names) {
    for (String n : names) {
      Objects.requireNonNull(n, "column name");
    }
  }

  /** Runs a section, naming the user's file in any data error. */
  private static <T> T from(Optional<String> source, java.util.function.Supplier<T> section) {
    try {
      return section.get();
    } catch (IllegalArgumentException e) {
      throw source.map(name -> new IllegalArgumentException(name + ": " + e.getMessage(), e)).orElse(e);
    }
  }

  private final Locale locale;
  private final boolean nl;
  private final List<String[]> methods = new ArrayList<>();

  private final double level;
  /** The confidence level as the text writes it: "95", "90", "99.5". */
  private final String pct;
  private final ReliabilityRule rule;
  /** What the sections without the caller's own data show. */
  private final ReportExample example;

  private DrugMonitorReport(Locale locale, double level, ReliabilityRule rule, ReportExample example) {
    this.locale = locale;
    this.example = example;
    this.nl = "nl".equals(locale.getLanguage());
    this.level = level;
    this.pct = Messages.of(locale).levelPercent(level);
    this.rule = rule;
  }

  /** "95% CI" or "95%-BI" at the report's confidence level. */
  private String ci() {
    return pct + w("drugMonitorReport.ci");
  }

  /** What the reliability rule does, in a sentence. */
  private String ruleText() {
    switch (rule) {
      case NCHS:
        return w("drugMonitorReport.estimates.from.fewer.than.30.respondents.are.sup");
      case NSDUH:
        return w("drugMonitorReport.estimates.are.suppressed.by.the.nsduh.rule.an.ef");
      default:
        return w("drugMonitorReport.no.reliability.rule.is.applied.every.estimate.is");
    }
  }

  /**
   * Builds the report, reporting {@link #STEPS} steps to {@code progress}.
   *
   * @param o what the report is made from
   * @param progress told of each step ({@link Progress#none()}: nothing)
   * @return the report
   * @throws IllegalArgumentException when a user's data does not fit its section (the message names the file)
   * @throws IllegalStateException when a section has no data and {@code o} has no example data
   */
  public static Report build(Options o, Progress progress) {
    DrugMonitorReport r = new DrugMonitorReport(o.locale(), o.level(), o.reliability(), o.example());
    List<Report.Section> sections = new ArrayList<>();
    progress.step(r.w("drugMonitorReport.prevalence.by.target.group.and.substance"));
    sections.add(from(o.survey().map(UserSurvey::name), () -> r.prevalence(o.survey())));
    progress.step(r.w("drugMonitorReport.neighbourhood.concentration.and.maps"));
    sections.add(from(o.areas().map(UserAreas::name), () -> ConcentrationSection.build(o.locale(), r.methods, o.areas(), o.example(), o.localCorrection(), o.level())));
    progress.step(r.w("drugMonitorReport.selection.of.municipalities"));
    sections.add(from(o.municipalities().map(UserSelection::name), () -> r.selection(o.municipalities())));
    progress.step(r.w("drugMonitorReport.intervention.outcomes"));
    sections.add(r.outcomes(o.effects(), o.cohorts(), o.panel()));
    progress.step(r.w("drugMonitorReport.methods.and.sources"));
    sections.add(r.methodsSection());
    // every figure names its data (and the spec's source lines) under it
    String example = r.w("drugMonitorReport.source.example");
    String extra = o.sources().isEmpty() ? "" : " · " + String.join(" · ", o.sources());
    Map<String, String> data = new HashMap<>();
    data.put("prevalence", o.survey().map(UserSurvey::name).orElse(example));
    data.put("concentration", o.areas().map(UserAreas::name).orElse(example));
    data.put("selection", o.municipalities().map(UserSelection::name).orElse(example));
    data.put("forest", o.effects().map(UserEffects::name).orElse(example));
    data.put("survival", o.cohorts().map(UserCohorts::name).orElse(example));
    data.put("did", o.panel().map(UserPanel::name).orElse(example));
    for (int i = 0; i < sections.size(); i++) {
      Report.Section sec = sections.get(i);
      List<Report.Block> blocks = new ArrayList<>();
      for (Report.Block b : sec.blocks()) {
        if (b instanceof Report.FigureBlock f) {
          String source = data.getOrDefault(f.id(), data.getOrDefault(sec.id(), example));
          b = new Report.FigureBlock(f.id(), f.caption(),
              Figure.withSource(f.figure(), r.w("drugMonitorReport.source.data") + " " + source + extra));
        }
        blocks.add(b);
      }
      sections.set(i, new Report.Section(sec.id(), sec.heading(), blocks));
    }
    String title = o.title().isBlank() ? r.w("drugMonitorReport.drug.monitor.report") : o.title();
    List<String> own = new ArrayList<>();
    o.survey().ifPresent(x -> own.add(x.name()));
    o.areas().ifPresent(x -> own.add(x.name()));
    o.municipalities().ifPresent(x -> own.add(x.name()));
    o.effects().ifPresent(x -> own.add(x.name()));
    o.cohorts().ifPresent(x -> own.add(x.name()));
    o.panel().ifPresent(x -> own.add(x.name()));
    List<String> files = own.stream().distinct().toList();
    String subtitle = (o.subtitle().isBlank() ? "" : o.subtitle() + ". ")
        + (o.author().isBlank() ? "" : o.author() + ". ")
        + (files.isEmpty() ? "" : r.w("drugMonitorReport.data") + String.join(", ", files) + ". ")
        + (own.size() == 6 ? "" : r.w("drugMonitorReport.sections.without.own.data.use.synthetic.example"));
    if (!o.sources().isEmpty()) {
      Report.Section m = sections.remove(sections.size() - 1);
      List<Report.Block> blocks = new ArrayList<>(m.blocks());
      blocks.add(new Report.Paragraph(r.w("drugMonitorReport.sources") + String.join("; ", o.sources())));
      sections.add(new Report.Section(m.id(), m.heading(), blocks));
    }
    String footer = own.size() == 6 ? "" : r.w("drugMonitorReport.sections.without.own.data.synthetic.example.data");
    return new Report(title, subtitle.trim(), o.locale(), sections, o.author(), footer);
  }

  /** The text of {@code key} in the report's language ({@link Words}). */
  String w(String key) {
    return Words.of(nl).get(key);
  }

  private String pct(double p) {
    return String.format(locale, "%.1f", 100 * p);
  }

  /** A prevalence cell: "7.8 (7.2–8.4)", unreliable marked, suppressed showing only the mark. */
  private Cell cell(PrevalenceEstimate e) {
    if (e.value().isEmpty()) {
      return Cell.suppressed();
    }
    PrevalenceValue v = e.value().get();
    String text = pct(v.prevalence()) + " (" + pct(v.ciLower()) + "–" + pct(v.ciUpper()) + ")";
    Cell c = Cell.estimate(text, 100 * v.prevalence(), 100 * v.ciLower(), 100 * v.ciUpper());
    return e.reliability() == Reliability.UNRELIABLE ? c.asUnreliable() : c;
  }

  /**
   * A number shown with {@code format} (in the report's language), carrying the number itself; "–" when there
   * is none.
   */
  private Cell number(String format, double v) {
    return ConcentrationSection.number(locale, format, v);
  }

  /** A whole number. */
  private Cell count(long n) {
    return Cell.number(Long.toString(n), n);
  }

  /** A ratio with its interval: "0.75 (0.55–0.95)". */
  private Cell ratio(double v, double lower, double upper) {
    return Cell.estimate(String.format(locale, "%.2f (%.2f–%.2f)", v, lower, upper), v, lower, upper);
  }

  private void method(String what, String method, String checked, String source) {
    methods.add(new String[] {what, method, checked, source});
  }

  // ------------------------------------------------------------------ prevalence

  private Report.Section prevalence(Optional<UserSurvey> user) {
    List<Report.Block> b = new ArrayList<>();
    PrevalenceEstimator est = PrevalenceEstimator.withDefaults().withLevel(level).with(rule);
    Table survey = user.map(UserSurvey::table).orElseGet(example::survey);
    DesignSpec design = user.map(UserSurvey::design).orElseGet(example::surveyDesign);
    String age = user.map(UserSurvey::ageColumn).orElse("age");
    String source = user.map(UserSurvey::name).orElse(String.format(locale, w("drugMonitorReport.embedded.synthetic.adult.survey.2022.d.responden"), survey.rowCount()));
    b.add(new Report.Paragraph(String.format(locale, w("drugMonitorReport.survey.weighted.prevalence.with.design.based.tay"), pct)
        + ruleText() + w("drugMonitorReport.source") + source + "."));
    KeyFigures k = KeyFigures.of(survey, design, age, RecallPeriod.LAST_YEAR, est);
    List<String> header = new ArrayList<>();
    header.add(w("drugMonitorReport.substance"));
    k.groups().forEach(g -> header.add(g.label(locale)));
    List<List<Cell>> rows = new ArrayList<>();
    for (Substance s : k.substances()) {
      List<Cell> row = new ArrayList<>();
      row.add(Cell.of(s.label(locale)));
      for (TargetGroup g : k.groups()) {
        row.add(cell(k.get(s, g)));
      }
      rows.add(row);
    }
    b.add(new Report.TableBlock("key-figures", w("drugMonitorReport.last.year.prevalence.by.substance.and.target.gro") + ci(), header, rows, ""));
    b.add(new Report.FigureBlock("key-figures", String.format(locale, w("drugMonitorReport.last.year.prevalence.by.substance.and.target.gro.2"), pct),
        Figure.of(PrevalenceChart.keyFigures(k, locale))));
    method(w("drugMonitorReport.key.figures.table.and.figure"), w("drugMonitorReport.weighted.proportion.taylor.linearisation.logit.i"), "R survey 4.1.1 (1e-8)", source);

    Map<String, String> domains = user.map(UserSurvey::domains)
        .orElse(Map.of("age-group", "agegroup", "sex", "sex", "region", "stratum"));
    String ageGroup = domains.getOrDefault("age-group", "");
    String sex = domains.getOrDefault("sex", "");
    String region = domains.getOrDefault("region", "");
    if (survey.columnNames().contains("cannabis_last_year") && survey.columnNames().contains(ageGroup)
        && survey.columnNames().contains(sex)) {
      PrevalenceTable byAgeSex = est.estimate(survey, design, "cannabis_last_year", ageGroup, sex);
      List<List<Cell>> r2 = new ArrayList<>();
      for (PrevalenceEstimate e : byAgeSex.estimates()) {
        r2.add(List.of(Cell.of(e.group().get(ageGroup)), Cell.of(e.group().get(sex)), count(e.n()),
            cell(e), e.value().flatMap(v -> v.designEffect().isPresent()
                ? Optional.of(number("%.2f", v.designEffect().getAsDouble())) : Optional.empty())
                .orElse(e.value().isEmpty() ? Cell.suppressed() : Cell.of(""))));
      }
      b.add(new Report.TableBlock("cannabis-age-sex", w("drugMonitorReport.cannabis.use.last.year.by.age.group.and.sex"),
          List.of(w("drugMonitorReport.age.group"), w("drugMonitorReport.sex"), "n", w("drugMonitorReport.prevalence") + " (" + ci() + ")",
              w("drugMonitorReport.design.effect")), r2, ""));
      b.add(new Report.FigureBlock("cannabis-age-sex", w("drugMonitorReport.cannabis.use.last.year.by.age.group.and.sex.2"), Figure.of(PrevalenceChart.of(byAgeSex, w("drugMonitorReport.cannabis.use.last.year.by.age.group.and.sex.3"), locale))));
    }

    if (survey.columnNames().contains(region) && survey.columnNames().contains("cannabis_last_year")) {
      Table young = survey.where(survey.numberColumn(age).isBetweenInclusive(15, 17));
      if (young.rowCount() > 0) {
        PrevalenceTable regions = est.estimate(young, design.withLonelyPsu(io.github.dmstat.core.survey.LonelyPsu.ADJUST),
            "cannabis_last_year", region);
        List<List<Cell>> r3 = new ArrayList<>();
        for (PrevalenceEstimate e : regions.estimates()) {
          r3.add(List.of(Cell.of(e.group().get(region)), count(e.n()), cell(e)));
        }
        b.add(new Report.TableBlock("young-by-region", w("drugMonitorReport.cannabis.use.last.year.among.15.17.year.olds.by"), List.of(w("drugMonitorReport.region"), "n", w("drugMonitorReport.prevalence") + " (" + ci() + ")"),
            r3, w("drugMonitorReport.estimated.within.the.15.17.year.olds.only.a.subs")));
      }
    }

    if (user.isPresent() && !user.get().trend().isEmpty()) {
      UserSurvey u = user.get();
      b.add(userTrend(u, est));
      List<Substance> tested = new ArrayList<>();
      for (Substance s : Substance.values()) {
        String col = Indicator.column(s, RecallPeriod.LAST_YEAR);
        if (u.trend().stream().allMatch(y -> y.table().columnNames().contains(col))) {
          tested.add(s);
        }
      }
      b.addAll(trendTests(u.trend(), u.design(), u.ageColumn(), tested));
      method(w("drugMonitorReport.trend.test"), w("drugMonitorReport.trend.test.method"), "R survey 4.1.1 svyglm (1e-8)",
          String.join(", ", u.trend().stream().map(SurveyYear::name).distinct().toList()));
    }
    if (user.isEmpty()) {
      Map<String, List<TrendChart.YearEstimate>> trend = new LinkedHashMap<>();
      List<Substance> trendSubstances = List.of(Substance.CANNABIS, Substance.COCAINE, Substance.ECSTASY, Substance.LAUGHING_GAS);
      for (Substance s : trendSubstances) {
        trend.put(s.label(locale), new ArrayList<>());
      }
      for (SurveyYear y : example.trend()) {
        KeyFigures ky = KeyFigures.of(y.table(), design, "age", RecallPeriod.LAST_YEAR, est);
        for (Substance s : trendSubstances) {
          trend.get(s.label(locale)).add(new TrendChart.YearEstimate(y.year(), ky.get(s, TargetGroup.ADULTS_18_PLUS)));
        }
      }
      b.add(new Report.FigureBlock("trend", String.format(locale, w("drugMonitorReport.trend.caption.synthetic"), ci()),
          Figure.of(TrendChart.of(w("drugMonitorReport.trend.in.last.year.prevalence.adults.18"),
              trend, locale))));
      b.addAll(trendTests(example.trend(), design, "age", trendSubstances));
      List<List<Cell>> pub = new ArrayList<>();
      for (PublishedValue f : example.published()) {
        if (f.group() == TargetGroup.PUPILS_12_16) {
          continue;
        }
        Optional<PrevalenceEstimate> e = k.substances().contains(f.substance()) && k.groups().contains(f.group())
            && f.period() == RecallPeriod.LAST_YEAR ? Optional.of(k.get(f.substance(), f.group())) : Optional.empty();
        // what the figure is: substance, period and target group (the source's own indicator name is the same for all)
        String what = capital(f.substance().label(locale)) + ", " + f.period().label(locale) + ", "
            + f.group().label(locale);
        pub.add(List.of(Cell.of(what), Cell.of(f.qualifier() + " " + pct(f.value())),
            e.map(this::cell).orElse(Cell.of(w("drugMonitorReport.not.in.this.table"))), Cell.of(f.source())));
      }
      b.add(new Report.TableBlock("published", w("drugMonitorReport.published.national.figures.ndm.2022.next.to.the"),
          List.of(w("drugMonitorReport.indicator"), w("drugMonitorReport.published"), w("drugMonitorReport.estimate") + " (" + ci() + ")",
              w("drugMonitorReport.source.2")), pub, ""));
      method(w("drugMonitorReport.trend.figure"), w("drugMonitorReport.as.key.figures.one.survey.per.year"),
          "R survey 4.1.1 (1e-8)", w("drugMonitorReport.synthetic.adult.surveys.2016.2024"));
      method(w("drugMonitorReport.trend.test"), w("drugMonitorReport.trend.test.method"), "R survey 4.1.1 svyglm (1e-8)",
          w("drugMonitorReport.synthetic.adult.surveys.2016.2024"));
    }
    return new Report.Section("prevalence", w("drugMonitorReport.prevalence.by.target.group"), b);
  }

  /**
   * The trend test of each substance's last-year prevalence among adults 18+ across the survey
   * years ({@link SurveyTrend}: a design-based logistic regression on the year, adjusted for age,
   * strata crossed with the year): an introduction and one sentence per substance with the
   * direction, the odds ratio per year and the p-value.
   */
  private List<Report.Block> trendTests(List<SurveyYear> years, DesignSpec design, String age,
      List<Substance> substances) {
    Map<Integer, Table> adults = new java.util.TreeMap<>();
    long noAge = 0;
    for (SurveyYear y : years) {
      double[] a = Columns.numbers(y.table(), age);
      for (double v : a) {
        noAge += Double.isNaN(v) ? 1 : 0;
      }
      tech.tablesaw.selection.Selection keep = tech.tablesaw.selection.Selection.with();
      for (int i = 0; i < a.length; i++) {
        if (a[i] >= 18) {
          keep.add(i);
        }
      }
      adults.merge(y.year(), y.table().where(keep), Table::append);
    }
    List<Report.Block> out = new ArrayList<>();
    if (adults.size() < 2 || substances.isEmpty()) {
      return out;
    }
    List<Integer> ys = new ArrayList<>(adults.keySet());
    out.add(new Report.Paragraph(String.format(locale, w("drugMonitorReport.trend.test.intro"), ys.get(0),
        ys.get(ys.size() - 1)) + (noAge > 0 ? " " + String.format(locale, w("drugMonitorReport.trend.test.no.age"), noAge)
        : "")));
    for (Substance s : substances) {
      String col = Indicator.column(s, RecallPeriod.LAST_YEAR);
      SurveyTrend t = from(Optional.empty(), () -> SurveyTrend.test(adults, design, col, List.of(age)));
      OddsRatio or = t.oddsRatioPerYear();
      String direction = switch (t.direction()) {
        case "increase" -> w("drugMonitorReport.trend.increase");
        case "decrease" -> w("drugMonitorReport.trend.decrease");
        default -> w("drugMonitorReport.trend.no.change");
      };
      double p = t.perYear().p();
      String pText = p < 0.001 ? "< " + String.format(locale, "%.3f", 0.001) : "= " + String.format(locale, "%.3f", p);
      out.add(new Report.Paragraph(String.format(locale, w("drugMonitorReport.trend.test.sentence"),
          capital(s.label(locale)), direction, String.format(locale, "%.3f", or.ratio()), ci(),
          String.format(locale, "%.3f", or.lower()), String.format(locale, "%.3f", or.upper()), pText)));
    }
    return out;
  }

  /**
   * The trend figure of a user's surveys: last-year prevalence among adults 18+ by survey year,
   * for every substance that each year's survey has.
   */
  private Report.FigureBlock userTrend(UserSurvey u, PrevalenceEstimator est) {
    List<SurveyYear> years = new ArrayList<>(u.trend());
    years.sort(java.util.Comparator.comparingInt(SurveyYear::year));
    List<KeyFigures> figures = new ArrayList<>();
    java.util.Set<Substance> common = null;
    for (SurveyYear y : years) {
      KeyFigures k = from(Optional.of(y.name()), () -> KeyFigures.of(y.table(), u.design(), u.ageColumn(),
          RecallPeriod.LAST_YEAR, est));
      if (!k.groups().contains(TargetGroup.ADULTS_18_PLUS)) {
        throw new IllegalArgumentException(y.name() + ": the trend needs adults 18+, but the ages of the " + y.year()
            + " survey do not cover 18 to 65 and over");
      }
      figures.add(k);
      java.util.Set<Substance> these = new java.util.LinkedHashSet<>(k.substances());
      if (common == null) {
        common = these;
      } else {
        common.retainAll(these);
      }
    }
    Map<String, List<TrendChart.YearEstimate>> trend = new LinkedHashMap<>();
    for (Substance s : common) {
      List<TrendChart.YearEstimate> points = new ArrayList<>();
      for (int i = 0; i < years.size(); i++) {
        points.add(new TrendChart.YearEstimate(years.get(i).year(), figures.get(i).get(s, TargetGroup.ADULTS_18_PLUS)));
      }
      trend.put(s.label(locale), points);
    }
    String names = String.join(", ", years.stream().map(SurveyYear::name).distinct().toList());
    return new Report.FigureBlock("trend", String.format(locale, w("drugMonitorReport.last.year.prevalence.among.adults.18.by.survey.y"), years.size(), years.get(0).year(),
        years.get(years.size() - 1).year(), names, ci()),
        Figure.of(TrendChart.of(w("drugMonitorReport.trend.in.last.year.prevalence.adults.18"),
            trend, locale)));
  }

  // ------------------------------------------------------------------ selection

  private Report.Section selection(Optional<UserSelection> user) {
    List<Report.Block> b = new ArrayList<>();
    UserSelection u = user.orElseGet(() -> UserSelection.standard("", example.municipalities(), locale));
    Table m = u.table();
    String code = u.codeColumn();
    Map<String, String> names = new HashMap<>();
    if (u.nameColumn().isPresent()) {
      var codeCol = Columns.column(m, code);
      var nameCol = Columns.column(m, u.nameColumn().get());
      for (int i = 0; i < m.rowCount(); i++) {
        names.put(Columns.text(codeCol, i), Columns.text(nameCol, i));
      }
    }
    WeightedIndicator[] weighted = new WeightedIndicator[u.indicators().size()];
    Map<String, String> labels = new HashMap<>();
    boolean withSe = true;
    for (int i = 0; i < weighted.length; i++) {
      IndexIndicator ind = u.indicators().get(i);
      WeightedIndicator w = WeightedIndicator.of(ind.column(), ind.weight());
      weighted[i] = ind.seColumn().map(w::withSe).orElse(w);
      withSe &= ind.seColumn().isPresent();
      labels.put(ind.column(), ind.label());
    }
    CompositeIndex index = CompositeIndex.of(weighted);
    SelectionRules rules = u.rules();
    String areas = u.level().plural(nl);
    Selection sel = index.select(m, code, u.populationColumn(), rules);
    long eligible = sel.explanations().stream().filter(Explanation::eligible).count();
    List<String> parts = new ArrayList<>();
    for (IndexIndicator ind : u.indicators()) {
      parts.add(ind.label() + String.format(locale, w("drugMonitorReport.weight.s"), number(ind.weight())));
    }
    String list = parts.size() == 1 ? parts.get(0) : String.join(", ", parts.subList(0, parts.size() - 1))
        + w("drugMonitorReport.and") + parts.get(parts.size() - 1);
    String eligibility = rules.minimumPopulation() > 0
        ? String.format(locale, w("drugMonitorReport.only.s.of.at.least.0f.inhabitants.are.eligible.d"), areas, rules.minimumPopulation(), eligible)
        : String.format(locale, w("drugMonitorReport.all.s.are.eligible.d"), areas, eligible);
    b.add(new Report.Paragraph(String.format(locale, w("drugMonitorReport.a.composite.index.of.s.each.standardised.to.z.sc"), list, m.rowCount(), areas, eligibility,
        rules.size()) + rulesText(rules, names)));
    List<List<Cell>> rows = new ArrayList<>();
    for (SelectedArea a : sel.selected()) {
      Explanation e = sel.explain(a.area()).orElseThrow();
      // one meaning of rank in every table: the position by score among all scored municipalities
      rows.add(List.of(e.rank().isPresent() ? count(e.rank().getAsInt()) : Cell.of("–"), Cell.of(a.area()),
          Cell.of(names.getOrDefault(a.area(), "")),
          number("%,.0f", e.population().orElse(Double.NaN)), number("%.2f", a.score()),
          Cell.of(reason(e, rules))));
    }
    b.add(new Report.TableBlock("selected", String.format(locale, w("drugMonitorReport.selected.s.with.the.reason.for.each"), areas, u.level().singular(nl)), List.of(w("drugMonitorReport.rank.by.score"),
        w("drugMonitorReport.code"), w("drugMonitorReport.name"), w("drugMonitorReport.inhabitants"), "score", w("drugMonitorReport.reason")), rows,
        String.format(locale, w("drugMonitorReport.rank.by.score.among.all.d.s.1.highest.as.in.the"), m.rowCount(), areas)));
    int shown = Math.min(40, m.rowCount());
    b.add(new Report.FigureBlock("ranking", String.format(locale, w("drugMonitorReport.the.d.highest.scoring.s.contribution.of.each.ind"), shown, areas),
        Figure.of(RankingChart.of(sel, shown, a -> names.getOrDefault(a, a), c -> labels.getOrDefault(c, c), locale))));
    List<List<Cell>> missed = new ArrayList<>();
    for (Explanation e : sel.explanations()) {
      if (!e.selected() && e.rank().isPresent() && e.rank().getAsInt() <= rules.size() + 8) {
        missed.add(List.of(count(e.rank().getAsInt()), Cell.of(e.area()),
            Cell.of(names.getOrDefault(e.area(), "")), number("%,.0f", e.population().orElse(Double.NaN)),
            Cell.of(reason(e, rules))));
      }
    }
    b.add(new Report.TableBlock("not-selected", capital(String.format(locale, w("drugMonitorReport.high.scoring.s.that.were.not.selected.and.why"), areas)), List.of(w("drugMonitorReport.rank.by.score"),
        "code", w("drugMonitorReport.name"), w("drugMonitorReport.inhabitants"), w("drugMonitorReport.reason")), missed, ""));
    if (withSe) {
      RankUncertainty ru = index.rankUncertainty(AreaIndicators.from(m, code, u.populationColumn(), index), rules, 200,
          20230825L);
      List<List<Cell>> ur = new ArrayList<>();
      ru.areas().stream().filter(a -> a.probabilitySelected() > 0 || a.selected())
          .sorted((x, y) -> Double.compare(y.probabilitySelected(), x.probabilitySelected())).limit(40)
          .forEach(a -> ur.add(List.of(Cell.of(a.area()), count(a.rank()),
              number("%.0f%%", 100 * a.probabilitySelected()),
              Cell.of(String.format(locale, "%.0f–%.0f", a.rankLower(), a.rankUpper())))));
      b.add(new Report.TableBlock("rank-uncertainty", w("drugMonitorReport.rank.uncertainty.share.of.200.monte.carlo.replic"),
          List.of("code", w("drugMonitorReport.rank.by.score"), w("drugMonitorReport.selected.in"),
              w("drugMonitorReport.95.rank.interval")), ur, ""));
    }
    method(w("drugMonitorReport.selection.selected.areas.rank.uncertainty.rankin"),
        w("drugMonitorReport.composite.index.of.z.scores.eligibility.rules.se"), "R scale/rank/order (4e-13)",
        user.isPresent() ? u.name() : w("drugMonitorReport.synthetic.municipalities.342.seed.20230825"));
    return new Report.Section("selection", String.format(locale, w("drugMonitorReport.selection.of.s"), areas), b);
  }

  /**
   * Why an area is (not) selected, in the report's language: the library's own sentence in English,
   * the same facts in Dutch (the English entries of these keys mirror the library's sentences).
   */
  private String reason(Explanation e, SelectionRules rules) {
    if (!nl) {
      return e.reason();
    }
    String included = rules.inclusions().get(e.area());
    if (included != null) {
      return String.format(locale, w("drugMonitorReport.reason.included"), included);
    }
    String excluded = rules.exclusions().get(e.area());
    if (excluded != null) {
      return String.format(locale, w("drugMonitorReport.reason.excluded"), excluded);
    }
    if (e.selected()) {
      return String.format(locale, w("drugMonitorReport.reason.top"), rules.size() - rules.inclusions().size());
    }
    if (!e.eligible()) {
      if (e.population().isPresent() && e.population().getAsDouble() < rules.minimumPopulation()) {
        return String.format(locale, w("drugMonitorReport.reason.below"), rules.minimumPopulation(),
            e.population().getAsDouble());
      }
      return w(e.population().isEmpty() ? "drugMonitorReport.reason.no.population" : "drugMonitorReport.reason.not.eligible");
    }
    if (e.score().isEmpty()) {
      return w("drugMonitorReport.reason.no.score");
    }
    return e.eligibleRank().isPresent()
        ? String.format(locale, w("drugMonitorReport.reason.rank"), e.eligibleRank().getAsInt(), rules.size())
        : w("drugMonitorReport.reason.not.selected");
  }

  /** The text with its first letter in capitals. */
  static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** A weight as written: 0.5, −0.2 (a true minus sign), decimal comma in Dutch. */
  private String number(double w) {
    return (w < 0 ? "−" : "") + Messages.plain(Math.abs(w), nl);
  }

  /** The named inclusions and exclusions of the rules, with their reasons, as sentences. */
  private String rulesText(SelectionRules rules, Map<String, String> names) {
    StringBuilder sb = new StringBuilder();
    java.util.function.Function<Map<String, String>, String> named = m -> {
      List<String> items = new ArrayList<>();
      m.forEach((area, reason) -> items.add(names.getOrDefault(area, area) + " (" + reason + ")"));
      return String.join("; ", items);
    };
    if (!rules.inclusions().isEmpty()) {
      sb.append(w("drugMonitorReport.always.included")).append(named.apply(rules.inclusions())).append('.');
    }
    if (!rules.exclusions().isEmpty()) {
      sb.append(w("drugMonitorReport.excluded")).append(named.apply(rules.exclusions())).append('.');
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------ outcomes

  private Report.Section outcomes(Optional<UserEffects> userEffects, Optional<UserCohorts> userCohorts,
      Optional<UserPanel> userPanel) {
    List<Report.Block> b = new ArrayList<>();
    UserEffects ue = userEffects.orElseGet(() -> new UserEffects("", example.effects()));
    MetaAnalysis meta = from(userEffects.map(UserEffects::name), () -> MetaAnalysis.fromCounts(ue.table(), ue.columns(),
        Measure.RR, MetaMethod.REML, level));
    b.add(new Report.Paragraph(userEffects.isPresent()
        ? String.format(locale, w("drugMonitorReport.events.among.participants.of.an.intervention.and"), meta.studies().size(), ue.name())
        : w("drugMonitorReport.re.offending.within.two.years.among.participants")));
    List<List<Cell>> rows = new ArrayList<>();
    for (MetaAnalysis.Study s : meta.studies()) {
      MetaAnalysis.Interval ci = s.interval(meta.level());
      rows.add(List.of(Cell.of(s.label()), ratio(Math.exp(s.yi()), Math.exp(ci.lower()), Math.exp(ci.upper())),
          number("%.1f%%", 100 * s.weight())));
    }
    meta.ratio().ifPresent(r -> rows.add(List.of(Cell.of(w("drugMonitorReport.pooled.reml")),
        ratio(r.estimate(), r.ciLower(), r.ciUpper()), number("%.0f%%", 100))));
    b.add(new Report.TableBlock("meta-analysis", w("drugMonitorReport.risk.ratio.of.re.offending.by.municipality.and.p"), List.of(w("drugMonitorReport.municipality"), "RR (" + ci() + ")",
        w("drugMonitorReport.weight")), rows, String.format(locale, "I² = %.0f%%, τ² = %.4f, Q = %.2f (%s).",
        meta.i2(), meta.tau2(), meta.q(), Messages.of(locale).pValue(meta.qP()))));
    b.add(new Report.FigureBlock("forest", w("drugMonitorReport.forest.plot.risk.ratio.per.municipality.square.s"),
        Figure.of(ForestChart.of(meta, locale))));
    UserCohorts uc = userCohorts.orElseGet(() -> new UserCohorts("", example.cohorts()));
    List<SurvivalCurve> curves = from(userCohorts.map(UserCohorts::name),
        () -> KaplanMeier.fit(uc.table(), uc.time(), uc.event(), uc.group(), level));
    LogRankTest lr = from(userCohorts.map(UserCohorts::name), () -> LogRankTest.of(uc.table(), uc.time(), uc.event(), uc.group()));
    List<List<Cell>> km = new ArrayList<>();
    for (SurvivalCurve c : curves) {
      km.add(List.of(Cell.of(c.group()), count(c.n()), count(c.events()),
          c.median().isPresent() ? number("%.0f", c.median().getAsDouble()) : Cell.of(w("drugMonitorReport.not.reached")),
          survivalAt(c, 365), survivalAt(c, 729)));
    }
    b.add(new Report.TableBlock("survival", w("drugMonitorReport.time.to.re.offence.kaplan.meier.share.without.re"),
        List.of(w("drugMonitorReport.group"), "n", w("drugMonitorReport.re.offences"), w("drugMonitorReport.median.days"),
            w("drugMonitorReport.1.year"), w("drugMonitorReport.2.years")), km,
        String.format(locale, w("drugMonitorReport.log.rank.test.2f.df.d.s"),
            lr.chisq(), lr.df(), Messages.of(locale).pValue(lr.p()))));
    b.add(new Report.FigureBlock("survival", String.format(locale, w("drugMonitorReport.kaplan.meier.curves.with.s.confidence.bands.cens"), pct),
        SurvivalChart.of(curves, w("drugMonitorReport.days.since.start"), locale)));
    UserPanel up = userPanel.orElseGet(() -> new UserPanel("", example.panel()));
    DiffInDiff did = from(userPanel.map(UserPanel::name), () -> DiffInDiff.fit(up.table(), up.unit(), up.treated(), up.period(),
        up.outcome(), level));
    String outcome = up.outcomeLabel().isBlank() ? w("drugMonitorReport.registered.incidents.per.1.000")
        : up.outcomeLabel();
    String units = userPanel.isPresent() ? w("drugMonitorReport.units") : "wijken";
    String unit = userPanel.isPresent() ? w("drugMonitorReport.unit") : "wijk";
    b.add(new Report.Paragraph(String.format(locale, w("drugMonitorReport.difference.in.differences.for.d.s.treated.vs.com"), did.clusters(), units, outcome,
        did.effect().estimate(), ci(), did.ciLower(), did.ciUpper(), unit, did.preTrend().map(c -> String.format(locale,
            w("drugMonitorReport.slope.difference.3f.s"), c.estimate(), Messages.of(locale).pValue(c.p())))
            .orElse(did.preTrendNote()))));
    b.add(new Report.FigureBlock("did", String.format(locale, w("drugMonitorReport.mean.s.in.treated.and.comparison.s.by.period.wit"), outcome, units, units),
        Figure.of(DidChart.of(did, up.outcomeLabel().isBlank() ? w("drugMonitorReport.incidents.per.1.000")
            : up.outcomeLabel(), locale))));
    method(w("drugMonitorReport.meta.analysis.table.and.forest.plot"), w("drugMonitorReport.log.risk.ratio.escalc.reml.random.effects.predic"),
        "R metafor (9e-13)", userEffects.isPresent() ? ue.name() : w("drugMonitorReport.synthetic.cohorts.seed.20240101"));
    method(w("drugMonitorReport.survival.table.and.curves"), w("drugMonitorReport.kaplan.meier.greenwood.log.interval.log.rank"), "R survival (9e-13)", userCohorts.isPresent() ? uc.name()
            : w("drugMonitorReport.synthetic.cohorts"));
    method(w("drugMonitorReport.difference.in.differences.figure"), w("drugMonitorReport.ols.with.cr1.cluster.robust.errors.by.unit"),
        "R lm + sandwich formula (9e-13)", userPanel.isPresent() ? up.name() : w("drugMonitorReport.synthetic.wijk.panel"));
    return new Report.Section("outcomes", w("drugMonitorReport.intervention.outcomes.2"), b);
  }

  /** S(t) with its interval in %, or a dash when the group was not followed up to {@code t}. */
  private Cell survivalAt(SurvivalCurve c, double time) {
    List<SurvivalCurve.Point> p = c.points();
    if (p.isEmpty() || p.get(p.size() - 1).time() < time) {
      return Cell.of("–");
    }
    SurvivalCurve.At a = c.at(time).get(0);
    return Cell.estimate(String.format(locale, "%.1f (%.1f–%.1f)", 100 * a.survival(), 100 * a.lower(), 100 * a.upper()),
        100 * a.survival(), 100 * a.lower(), 100 * a.upper());
  }

  // ------------------------------------------------------------------ methods

  private Report.Section methodsSection() {
    List<List<Cell>> rows = new ArrayList<>();
    for (String[] m : methods) {
      rows.add(List.of(Cell.of(m[0]), Cell.of(m[1]), Cell.of(m[2]), Cell.of(m[3])));
    }
    List<Report.Block> b = new ArrayList<>();
    b.add(new Report.Paragraph(w("drugMonitorReport.every.estimator.in.dmstat.is.tested.against.an.e")));
    b.add(new Report.TableBlock("methods", w("drugMonitorReport.methods.and.sources.2"), List.of(w("drugMonitorReport.table.or.figure"), w("drugMonitorReport.method"), w("drugMonitorReport.checked.against"), w("drugMonitorReport.data.2")), rows, ""));
    return new Report.Section("methods", w("drugMonitorReport.methods.and.sources.2"), b);
  }
}
