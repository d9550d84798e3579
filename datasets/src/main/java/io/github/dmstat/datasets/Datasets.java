package io.github.dmstat.datasets;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.survey.DesignSpec;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * The embedded datasets, by name, for the command line and examples:
 * <ul>
 *   <li>{@code adults}: {@link SyntheticSurvey#adults(long, int) SyntheticSurvey.adults(20220101,
 *       12000)}, a synthetic adult survey for 2022 with a sample design;</li>
 *   <li>{@code pupils}: {@link SyntheticSurvey#pupils(long, int) SyntheticSurvey.pupils(20230101,
 *       5500)}, a synthetic pupils' survey 12–16 for 2023 with a sample design;</li>
 *   <li>{@code ndm-figures}: {@link NdmFigures#toTable()}, published national figures (no
 *       design).</li>
 * </ul>
 * Every call returns a new table; nothing is read from files.
 */
public final class Datasets {
  /** Seed of the embedded adult survey. */
  public static final long ADULTS_SEED = 20220101L;
  /** Rows of the embedded adult survey. */
  public static final int ADULTS_ROWS = 12_000;
  /** Seed of the embedded pupils' survey. */
  public static final long PUPILS_SEED = 20230101L;
  /** Rows of the embedded pupils' survey. */
  public static final int PUPILS_ROWS = 5_500;

  private static final List<String> NAMES = List.of("adults", "pupils", "ndm-figures");

  private Datasets() {}

  /**
   * The dataset names.
   *
   * @return {@code [adults, pupils, ndm-figures]}, unmodifiable
   */
  public static List<String> names() {
    return NAMES;
  }

  /**
   * A new table with the named dataset.
   *
   * @param name one of {@link #names()}
   * @return a new table (changing it affects nothing else)
   * @throws IllegalArgumentException {@code dataset 'x' is not one of [adults, pupils, ndm-figures]}
   */
  public static Table table(String name) {
    switch (check(name)) {
      case "adults":
        return adults().table();
      case "pupils":
        return pupils().table();
      default:
        return NdmFigures.toTable();
    }
  }

  /**
   * The generator behind a synthetic dataset ({@code adults}, {@code pupils}); empty for
   * {@code ndm-figures}.
   *
   * @param name one of {@link #names()}
   * @return the generator, with its {@link SyntheticSurvey#truePrevalence truth}
   * @throws IllegalArgumentException for an unknown name
   */
  public static Optional<SyntheticSurvey> survey(String name) {
    switch (check(name)) {
      case "adults":
        return Optional.of(adults());
      case "pupils":
        return Optional.of(pupils());
      default:
        return Optional.empty();
    }
  }

  /**
   * The sample design of the named dataset (weights {@code weight}, strata {@code stratum}, PSUs
   * {@code psu}); empty for {@code ndm-figures}, which is not a sample.
   *
   * @param name one of {@link #names()}
   * @return the design, or empty
   * @throws IllegalArgumentException for an unknown name
   */
  public static Optional<DesignSpec> design(String name) {
    return "ndm-figures".equals(check(name)) ? Optional.empty()
        : Optional.of(DesignSpec.weights("weight").withStrata("stratum").withPsu("psu"));
  }

  /**
   * A few sentences on what the named dataset holds.
   *
   * @param name one of {@link #names()}
   * @return the description, one paragraph
   * @throws IllegalArgumentException for an unknown name
   */
  public static String describe(String name) {
    switch (check(name)) {
      case "adults":
        return "adults: synthetic adult drug use survey 2022 (Leefstijlmonitor-like), " + ADULTS_ROWS
            + " persons aged 15-79, seed " + ADULTS_SEED + "; 25 strata (regions R01-R25), 8-14 PSUs each, "
            + "young people oversampled, weight = 1/selection probability; outcomes <substance>_<period> "
            + "(lifetime, last_year, last_month) for 12 substances and cannabis_daily, 0/1 with about 1% missing. "
            + "Known truth: calibrated to the NDM 2022 figures for adults 18+ (see SyntheticSurvey).";
      case "pupils":
        return "pupils: synthetic pupils' survey 2023 (Peilstationsonderzoek-like), " + PUPILS_ROWS
            + " pupils aged 12-16, seed " + PUPILS_SEED + "; 12 strata (school type x region), schools as PSUs; "
            + "cannabis, ecstasy, cocaine, laughing gas (lifetime, last_year, last_month), about 1% missing. "
            + "Known truth: cannabis lifetime 8.5% (see SyntheticSurvey).";
      default:
        return "ndm-figures: " + NdmFigures.all().size() + " published national figures (NDM drug use "
            + "prevalence 2022-2023 as proportions, CBS drug-related deaths 2019-2021) with unit, qualifier "
            + "(=, approx., <), source and note.";
    }
  }

  private static SyntheticSurvey adults() {
    return SyntheticSurvey.adults(ADULTS_SEED, ADULTS_ROWS);
  }

  private static SyntheticSurvey pupils() {
    return SyntheticSurvey.pupils(PUPILS_SEED, PUPILS_ROWS);
  }

  private static String check(String name) {
    if (name == null || !NAMES.contains(name)) {
      throw Checks.unknownValue("dataset", name, NAMES);
    }
    return name;
  }
}
