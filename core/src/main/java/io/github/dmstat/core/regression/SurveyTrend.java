package io.github.dmstat.core.regression;

import io.github.dmstat.core.Columns;
import io.github.dmstat.core.outcomes.Coefficient;
import io.github.dmstat.core.survey.DesignSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The trend test of a prevalence across survey years, as the Drug Monitor reports it ("cannabis
 * use fell significantly since 2016"): a design-based logistic regression
 * ({@link SurveyGlm#logistic()}) of the 0/1 outcome on the survey year as a number, optionally
 * adjusted for other predictors (e.g. age group and sex), on the surveys stacked into one. The
 * years are independent samples, so the strata are crossed with the year and PSUs are nested in
 * them (a design without strata gets one stratum per year). The year's coefficient is the change
 * in log-odds per year; its t test on the residual design degrees of freedom is the trend test.
 *
 * @param outcome the outcome column
 * @param year the year column (a number per row)
 * @param adjustedFor the other predictors
 * @param fit the fitted model
 * @param alpha the significance level of {@link #direction()}
 */
public record SurveyTrend(String outcome, String year, List<String> adjustedFor, GlmFit fit, double alpha) {
  /** The name of the stratum column made by crossing the design's strata with the year. */
  public static final String YEAR_STRATUM = "year_stratum";
  /** The name of the PSU column made by nesting the design's PSUs in the year. */
  public static final String YEAR_PSU = "year_psu";

  /**
   * Copies {@code adjustedFor}.
   *
   * @param outcome the outcome column
   * @param year the year column
   * @param adjustedFor the other predictors
   * @param fit the fitted model
   * @param alpha the significance level of {@link #direction()}
   */
  public SurveyTrend {
    Objects.requireNonNull(fit, "fit");
    adjustedFor = List.copyOf(adjustedFor);
  }

  /**
   * Tests the trend on surveys stacked in one table with a year column.
   *
   * @param stacked the surveys, one row per respondent, with a numeric year column
   * @param spec the design within each year (weights, strata, PSUs, fpc)
   * @param outcome the 0/1 outcome column
   * @param year the year column
   * @param adjustFor other predictors (empty: the crude trend)
   * @return the trend, its test and the odds ratio per year
   * @throws IllegalArgumentException when a column is missing, a year is missing or not a number,
   *     there are fewer than two years, the spec has a calibration, or the model cannot be fitted
   */
  public static SurveyTrend test(Table stacked, DesignSpec spec, String outcome, String year, List<String> adjustFor) {
    if (spec.calibration().isPresent()) {
      throw new IllegalArgumentException("the trend test does not calibrate stacked years to one year's totals: calibrate "
          + "each year's survey first (dmstat calibrate --out, or Calibration.weights) and give its calibrated weights");
    }
    Column<?> years = checkYears(stacked, year);
    int n = stacked.rowCount();
    Table t = stacked.copy();
    StringColumn strata = StringColumn.create(YEAR_STRATUM);
    StringColumn psus = StringColumn.create(YEAR_PSU);
    Column<?> s = spec.strata().map(c -> Columns.column(stacked, c)).orElse(null);
    Column<?> p = spec.psu().map(c -> Columns.column(stacked, c)).orElse(null);
    for (int i = 0; i < n; i++) {
      String y = Columns.text(years, i).strip();
      String h = s == null ? "" : Columns.isMissing(s, i) ? null : Columns.text(s, i).strip();
      strata.append(h == null ? null : y + "|" + h);
      if (p != null) {
        psus.append(Columns.isMissing(p, i) ? null : y + "|" + h + "|" + Columns.text(p, i).strip());
      }
    }
    t.addColumns(strata);
    DesignSpec crossed = spec.withStrata(YEAR_STRATUM);
    if (p != null) {
      t.addColumns(psus);
      crossed = crossed.withPsu(YEAR_PSU);
    }
    if (!(years instanceof DoubleColumn) && !(years instanceof tech.tablesaw.api.NumericColumn)) {
      DoubleColumn numeric = DoubleColumn.create(year);
      for (int i = 0; i < n; i++) {
        numeric.append(Columns.number(years, i));
      }
      t.replaceColumn(year, numeric);
    }
    List<String> predictors = new ArrayList<>(List.of(year));
    predictors.addAll(adjustFor);
    GlmFit fit = SurveyGlm.logistic().fit(t, crossed, outcome, predictors);
    return new SurveyTrend(outcome, year, adjustFor, fit, 0.05);
  }

  /**
   * Tests the trend on stacked surveys with replicate weights (each year's replicates, or
   * replicates over the stacked file): the same logistic regression, its variance from the
   * replicates ({@link SurveyGlm#fit(Table, io.github.dmstat.core.replicate.ReplicateDesign, String, List)}).
   *
   * @param stacked the surveys, one row per respondent, with a numeric year column
   * @param design the replicate design of the stacked rows
   * @param outcome the 0/1 outcome column
   * @param year the year column
   * @param adjustFor other predictors (empty: the crude trend)
   * @return the trend, its test and the odds ratio per year
   * @throws IllegalArgumentException when a column is missing, a year is missing, there are fewer
   *     than two years, or the model cannot be fitted
   */
  public static SurveyTrend test(Table stacked, io.github.dmstat.core.replicate.ReplicateDesign design, String outcome,
      String year, List<String> adjustFor) {
    checkYears(stacked, year);
    List<String> predictors = new ArrayList<>(List.of(year));
    predictors.addAll(adjustFor);
    return new SurveyTrend(outcome, year, adjustFor, SurveyGlm.logistic().fit(stacked, design, outcome, predictors), 0.05);
  }

  /**
   * Tests the trend on separate surveys, one per year, stacked into one table first.
   *
   * @param surveys year → survey; every survey has the columns of {@code spec}, the outcome and
   *     the predictors
   * @param spec the design within each year
   * @param outcome the 0/1 outcome column
   * @param adjustFor other predictors (empty: the crude trend)
   * @return the trend, its test and the odds ratio per year
   * @throws IllegalArgumentException when a survey lacks a column or as {@link #test(Table, DesignSpec, String, String, List)}
   */
  public static SurveyTrend test(Map<Integer, Table> surveys, DesignSpec spec, String outcome, List<String> adjustFor) {
    List<String> columns = new ArrayList<>(List.of(spec.weight(), outcome));
    spec.strata().ifPresent(columns::add);
    spec.psu().ifPresent(columns::add);
    spec.fpc().ifPresent(columns::add);
    columns.addAll(adjustFor);
    Table stacked = null;
    for (Map.Entry<Integer, Table> e : new java.util.TreeMap<>(surveys).entrySet()) {
      Table part = Table.create("surveys");
      for (String c : columns) {
        part.addColumns(asText(Columns.column(e.getValue(), c)));
      }
      StringColumn y = StringColumn.create("year");
      for (int i = 0; i < e.getValue().rowCount(); i++) {
        y.append(Integer.toString(e.getKey()));
      }
      part.addColumns(y);
      stacked = stacked == null ? part : stacked.append(part);
    }
    if (stacked == null) {
      throw new IllegalArgumentException("no surveys given");
    }
    return test(stacked, spec, outcome, "year", adjustFor);
  }

  /** The year column, checked: a number in every row, two years or more. */
  private static Column<?> checkYears(Table stacked, String year) {
    Column<?> years = Columns.column(stacked, year);
    java.util.Set<Double> distinct = new java.util.TreeSet<>();
    for (int i = 0; i < stacked.rowCount(); i++) {
      double y = Columns.number(years, i);
      if (Double.isNaN(y)) {
        throw io.github.dmstat.core.Checks.badCell(year, i + 1, "the survey year must be present", null);
      }
      distinct.add(y);
    }
    if (distinct.size() < 2) {
      throw new IllegalArgumentException("a trend needs two survey years or more; column '" + year + "' has " + distinct);
    }
    return years;
  }

  private static StringColumn asText(Column<?> c) {
    StringColumn s = StringColumn.create(c.name());
    for (int i = 0; i < c.size(); i++) {
      s.append(Columns.isMissing(c, i) ? null : Columns.text(c, i));
    }
    return s;
  }

  /**
   * The year's coefficient: the change in log-odds per year, its standard error, t and p.
   *
   * @return the coefficient of the year
   */
  public Coefficient perYear() {
    return fit.coefficient(year);
  }

  /**
   * The odds ratio per year with its interval.
   *
   * @return {@code exp(β_year)} and its interval
   */
  public OddsRatio oddsRatioPerYear() {
    return fit.oddsRatios().stream().filter(o -> o.term().equals(year)).findFirst().orElseThrow();
  }

  /**
   * The direction at {@link #alpha()}: {@code "increase"}, {@code "decrease"} or {@code "no
   * significant change"}.
   *
   * @return the direction in words
   */
  public String direction() {
    Coefficient c = perYear();
    if (!(c.p() < alpha)) {
      return "no significant change";
    }
    return c.estimate() > 0 ? "increase" : "decrease";
  }

  /**
   * The sentence the Drug Monitor would print, e.g. {@code "cannabis_last_year: decrease (odds
   * ratio per year 0.95, 95% CI 0.92–0.98, p = 0.003)"}.
   *
   * @return one sentence
   */
  public String sentence() {
    OddsRatio or = oddsRatioPerYear();
    return String.format(Locale.ROOT, "%s: %s (odds ratio per year %.3f, %s%% CI %.3f–%.3f, p = %.3g%s)", outcome,
        direction(), or.ratio(), OddsRatio.levelText(or.level()), or.lower(), or.upper(), perYear().p(),
        adjustedFor.isEmpty() ? "" : ", adjusted for " + String.join(" and ", adjustedFor));
  }

  @Override
  public String toString() {
    return "Trend[" + sentence() + "]";
  }
}
