package io.github.dmstat.core.survey;

import io.github.dmstat.core.io.ColumnType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * Which columns of a table describe the sample design: weights (required), and optionally strata,
 * primary sampling units (PSUs, nested within strata) and a finite population correction.
 * Immutable; change with the {@code with…} methods.
 *
 * <pre>{@code
 * DesignSpec spec = DesignSpec.weights("weight").withStrata("stratum").withPsu("psu");
 * SurveyDesign design = spec.bind(table);
 * }</pre>
 *
 * <p>Equivalent R: {@code svydesign(ids=~psu, strata=~stratum, weights=~weight, fpc=~fpc,
 * nest=TRUE, data=table)}; without a PSU column every row is its own PSU ({@code ids=~1}).
 */
public final class DesignSpec {
  private final String weight;
  private final String strata;
  private final String psu;
  private final String fpc;
  private final LonelyPsu lonelyPsu;
  private final Reweighting calibration;

  private DesignSpec(String weight, String strata, String psu, String fpc, LonelyPsu lonelyPsu) {
    this(weight, strata, psu, fpc, lonelyPsu, null);
  }

  private DesignSpec(String weight, String strata, String psu, String fpc, LonelyPsu lonelyPsu, Reweighting calibration) {
    this.weight = Objects.requireNonNull(weight, "weight column");
    this.strata = strata;
    this.psu = psu;
    this.fpc = fpc;
    this.lonelyPsu = Objects.requireNonNull(lonelyPsu, "lonelyPsu");
    this.calibration = calibration;
  }

  /**
   * The same design with its weights calibrated each time it is bound (e.g. raked to population
   * margins with {@code io.github.dmstat.core.calibration.Calibration}); every estimator then uses
   * the calibrated weights and the calibrated variance.
   *
   * @param step the calibration
   * @return a new spec; this one is unchanged
   * @throws NullPointerException when {@code step} is {@code null} (use {@link #withoutCalibration()})
   */
  public DesignSpec withCalibration(Reweighting step) {
    return new DesignSpec(weight, strata, psu, fpc, lonelyPsu,
        Objects.requireNonNull(step, "calibration (withoutCalibration() for none)"));
  }

  /**
   * The same design without calibration.
   *
   * @return a new spec; this one is unchanged
   */
  public DesignSpec withoutCalibration() {
    return new DesignSpec(weight, strata, psu, fpc, lonelyPsu, null);
  }

  /**
   * The calibration applied when the spec is bound.
   *
   * @return the calibration, or empty for the sampling weights as they are
   */
  public Optional<Reweighting> calibration() {
    return Optional.ofNullable(calibration);
  }

  /**
   * A design with only sampling weights (no strata, each row its own PSU, no finite population
   * correction) and lonely-PSU policy {@link LonelyPsu#FAIL}.
   *
   * @param weightColumn name of the sampling-weight column
   * @return the design spec
   * @throws NullPointerException when {@code weightColumn} is {@code null}
   */
  public static DesignSpec weights(String weightColumn) {
    return new DesignSpec(weightColumn, null, null, null, LonelyPsu.FAIL);
  }

  /**
   * The same design with a strata column.
   *
   * @param column name of the strata column
   * @return a new spec; this one is unchanged
   * @throws NullPointerException when {@code column} is {@code null} (use {@link #withoutStrata()})
   */
  public DesignSpec withStrata(String column) {
    return new DesignSpec(weight, Objects.requireNonNull(column, "strata column (withoutStrata() for none)"), psu, fpc,
        lonelyPsu, calibration);
  }

  /**
   * The same design without strata.
   *
   * @return a new spec; this one is unchanged
   */
  public DesignSpec withoutStrata() {
    return new DesignSpec(weight, null, psu, fpc, lonelyPsu, calibration);
  }

  /**
   * The same design with a PSU (cluster) column, nested within strata.
   *
   * @param column name of the PSU column
   * @return a new spec; this one is unchanged
   * @throws NullPointerException when {@code column} is {@code null} (use {@link #withoutPsu()})
   */
  public DesignSpec withPsu(String column) {
    return new DesignSpec(weight, strata, Objects.requireNonNull(column, "PSU column (withoutPsu() for none)"), fpc,
        lonelyPsu, calibration);
  }

  /**
   * The same design without PSUs: each row its own PSU.
   *
   * @return a new spec; this one is unchanged
   */
  public DesignSpec withoutPsu() {
    return new DesignSpec(weight, strata, null, fpc, lonelyPsu, calibration);
  }

  /**
   * The same design with a finite population correction column: per stratum either the
   * population number of PSUs (values {@code > 1}) or the sampling fraction (all values
   * {@code <= 1}), as R {@code svydesign(fpc=)}.
   *
   * @param column name of the finite population correction column
   * @return a new spec; this one is unchanged
   * @throws NullPointerException when {@code column} is {@code null} (use {@link #withoutFpc()})
   */
  public DesignSpec withFpc(String column) {
    return new DesignSpec(weight, strata, psu, Objects.requireNonNull(column, "fpc column (withoutFpc() for none)"),
        lonelyPsu, calibration);
  }

  /**
   * The same design without a finite population correction.
   *
   * @return a new spec; this one is unchanged
   */
  public DesignSpec withoutFpc() {
    return new DesignSpec(weight, strata, psu, null, lonelyPsu, calibration);
  }

  /**
   * The same design with another lonely-PSU policy.
   *
   * @param policy what to do with a stratum that holds a single PSU
   * @return a new spec; this one is unchanged
   * @throws NullPointerException when {@code policy} is {@code null}
   */
  public DesignSpec withLonelyPsu(LonelyPsu policy) {
    return new DesignSpec(weight, strata, psu, fpc, policy, calibration);
  }

  /**
   * The sampling-weight column.
   *
   * @return its name
   */
  public String weight() {
    return weight;
  }

  /**
   * The strata column.
   *
   * @return its name, or empty when the design has no strata
   */
  public Optional<String> strata() {
    return Optional.ofNullable(strata);
  }

  /**
   * The PSU (cluster) column.
   *
   * @return its name, or empty when each row is its own PSU
   */
  public Optional<String> psu() {
    return Optional.ofNullable(psu);
  }

  /**
   * The finite population correction column.
   *
   * @return its name, or empty when there is no correction
   */
  public Optional<String> fpc() {
    return Optional.ofNullable(fpc);
  }

  /**
   * The lonely-PSU policy.
   *
   * @return what to do with a stratum that holds a single PSU ({@link LonelyPsu#FAIL} unless set)
   */
  public LonelyPsu lonelyPsu() {
    return lonelyPsu;
  }

  /**
   * The design columns and how a file reader must read them: weights and fpc as numbers, strata
   * and PSUs as text labels (for {@code Csv.frame}).
   *
   * @return column name → type, in the order weight, strata, PSU, fpc (absent columns left out),
   *     then the columns of the calibration
   */
  public Map<String, ColumnType> columnTypes() {
    Map<String, ColumnType> m = new LinkedHashMap<>();
    m.put(weight, ColumnType.NUMBER);
    strata().ifPresent(c -> m.put(c, ColumnType.TEXT));
    psu().ifPresent(c -> m.put(c, ColumnType.TEXT));
    fpc().ifPresent(c -> m.put(c, ColumnType.NUMBER));
    if (calibration != null) {
      calibration.columns().forEach(m::putIfAbsent);
    }
    return m;
  }

  /**
   * Binds the columns of {@code table} to this design, validating every cell; the same as
   * {@link SurveyDesign#from(Table, DesignSpec)}.
   *
   * @param table the survey data, one row per respondent; not modified
   * @return the bound design
   * @throws IllegalArgumentException when a column is missing, a cell is invalid or the design is not
   *     valid (see {@link SurveyDesign#from(Table, DesignSpec)})
   */
  public SurveyDesign bind(Table table) {
    return SurveyDesign.from(table, this);
  }

  @Override
  public String toString() {
    return "DesignSpec[weight=" + weight + strata().map(s -> ", strata=" + s).orElse("")
        + psu().map(s -> ", psu=" + s).orElse("") + fpc().map(s -> ", fpc=" + s).orElse("")
        + ", lonelyPsu=" + lonelyPsu.code() + (calibration == null ? "" : ", calibration=" + calibration.describe()) + "]";
  }
}
