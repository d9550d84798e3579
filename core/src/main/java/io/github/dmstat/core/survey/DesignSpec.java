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

  private DesignSpec(String weight, String strata, String psu, String fpc, LonelyPsu lonelyPsu) {
    this.weight = Objects.requireNonNull(weight, "weight column");
    this.strata = strata;
    this.psu = psu;
    this.fpc = fpc;
    this.lonelyPsu = Objects.requireNonNull(lonelyPsu, "lonelyPsu");
  }

  /** A design with only sampling weights (no strata, each row its own PSU). */
  public static DesignSpec weights(String weightColumn) {
    return new DesignSpec(weightColumn, null, null, null, LonelyPsu.FAIL);
  }

  /** The same design with a strata column. */
  public DesignSpec withStrata(String column) {
    return new DesignSpec(weight, Objects.requireNonNull(column, "strata column (withoutStrata() for none)"), psu, fpc,
        lonelyPsu);
  }

  /** The same design without strata. */
  public DesignSpec withoutStrata() {
    return new DesignSpec(weight, null, psu, fpc, lonelyPsu);
  }

  /** The same design with a PSU (cluster) column, nested within strata. */
  public DesignSpec withPsu(String column) {
    return new DesignSpec(weight, strata, Objects.requireNonNull(column, "PSU column (withoutPsu() for none)"), fpc,
        lonelyPsu);
  }

  /** The same design without PSUs: each row its own PSU. */
  public DesignSpec withoutPsu() {
    return new DesignSpec(weight, strata, null, fpc, lonelyPsu);
  }

  /**
   * The same design with a finite population correction column: per stratum either the
   * population number of PSUs (values {@code > 1}) or the sampling fraction (all values
   * {@code <= 1}), as R {@code svydesign(fpc=)}.
   */
  public DesignSpec withFpc(String column) {
    return new DesignSpec(weight, strata, psu, Objects.requireNonNull(column, "fpc column (withoutFpc() for none)"),
        lonelyPsu);
  }

  /** The same design without a finite population correction. */
  public DesignSpec withoutFpc() {
    return new DesignSpec(weight, strata, psu, null, lonelyPsu);
  }

  /** The same design with another lonely-PSU policy. */
  public DesignSpec withLonelyPsu(LonelyPsu policy) {
    return new DesignSpec(weight, strata, psu, fpc, policy);
  }

  public String weight() {
    return weight;
  }

  public Optional<String> strata() {
    return Optional.ofNullable(strata);
  }

  public Optional<String> psu() {
    return Optional.ofNullable(psu);
  }

  public Optional<String> fpc() {
    return Optional.ofNullable(fpc);
  }

  public LonelyPsu lonelyPsu() {
    return lonelyPsu;
  }

  /**
   * The design columns and how a file reader must read them: weights and fpc as numbers, strata
   * and PSUs as text labels (for {@code Csv.frame}).
   */
  public Map<String, ColumnType> columnTypes() {
    Map<String, ColumnType> m = new LinkedHashMap<>();
    m.put(weight, ColumnType.NUMBER);
    strata().ifPresent(c -> m.put(c, ColumnType.TEXT));
    psu().ifPresent(c -> m.put(c, ColumnType.TEXT));
    fpc().ifPresent(c -> m.put(c, ColumnType.NUMBER));
    return m;
  }

  /** Binds the columns of {@code table} to this design, validating every cell. */
  public SurveyDesign bind(Table table) {
    return SurveyDesign.from(table, this);
  }

  @Override
  public String toString() {
    return "DesignSpec[weight=" + weight + strata().map(s -> ", strata=" + s).orElse("")
        + psu().map(s -> ", psu=" + s).orElse("") + fpc().map(s -> ", fpc=" + s).orElse("")
        + ", lonelyPsu=" + lonelyPsu.code() + "]";
  }
}
