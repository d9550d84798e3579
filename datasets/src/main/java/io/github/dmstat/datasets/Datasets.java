package io.github.dmstat.datasets;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.survey.DesignSpec;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
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

  private static final DesignSpec SURVEY_DESIGN = DesignSpec.weights("weight").withStrata("stratum").withPsu("psu");

  /** One embedded dataset: name, description, how to make its table, its sample design if any. */
  private record Entry(String name, Supplier<String> description, Supplier<Table> table,
      Optional<DesignSpec> design, Supplier<Optional<SyntheticSurvey>> survey) {}

  private static final String ADULTS_DESCRIPTION = "adults: synthetic adult drug use survey 2022 (Leefstijlmonitor-like), "
      + ADULTS_ROWS + " persons aged 15-79, seed " + ADULTS_SEED + "; 25 strata (regions R01-R25), 8-14 PSUs each, "
      + "young people oversampled, weight = 1/selection probability; outcomes <substance>_<period> "
      + "(lifetime, last_year, last_month) for 12 substances and cannabis_daily, 0/1 with about 1% missing. "
      + "Known truth: calibrated to the NDM 2022 figures for adults 18+ (see SyntheticSurvey).";

  private static final String PUPILS_DESCRIPTION = "pupils: synthetic pupils' survey 2023 (Peilstationsonderzoek-like), "
      + PUPILS_ROWS + " pupils aged 12-16, seed " + PUPILS_SEED + "; 12 strata (school type x region), schools as PSUs; "
      + "cannabis, ecstasy, cocaine, laughing gas (lifetime, last_year, last_month), about 1% missing. "
      + "Known truth: cannabis lifetime 8.5% (see SyntheticSurvey).";

  private static final Supplier<String> NDM_DESCRIPTION = () -> "ndm-figures: " + NdmFigures.all().size() + " published national figures (NDM drug use "
            + "prevalence 2022-2023 as proportions, CBS drug-related deaths 2019-2021) with unit, qualifier "
            + "(=, approx., <), source and note.";

  private static final List<Entry> ENTRIES = List.of(
      new Entry("adults", () -> ADULTS_DESCRIPTION, () -> adults().table(), Optional.of(SURVEY_DESIGN),
          () -> Optional.of(adults())),
      new Entry("pupils", () -> PUPILS_DESCRIPTION, () -> pupils().table(), Optional.of(SURVEY_DESIGN),
          () -> Optional.of(pupils())),
      new Entry("ndm-figures", () -> NDM_DESCRIPTION.get(), NdmFigures::toTable, Optional.empty(), Optional::empty)
      // register further datasets here: new Entry(name, description, table, design, survey)
  );

  private static final List<String> NAMES = ENTRIES.stream().map(Entry::name).toList();

  private Datasets() {}

  /** The dataset names, in a fixed order. */
  public static List<String> names() {
    return NAMES;
  }

  /** A new table of the named dataset. */
  public static Table table(String name) {
    return entry(name).table().get();
  }

  /** The synthetic survey behind a dataset (with its known truth), if it is one. */
  public static Optional<SyntheticSurvey> survey(String name) {
    return entry(name).survey().get();
  }

  /** The sample design of a survey dataset (weights, strata, PSUs); empty for other datasets. */
  public static Optional<DesignSpec> design(String name) {
    return entry(name).design();
  }

  /** One paragraph describing the dataset, its source or generator, and its seed. */
  public static String describe(String name) {
    return entry(name).description().get();
  }

  private static SyntheticSurvey adults() {
    return SyntheticSurvey.adults(ADULTS_SEED, ADULTS_ROWS);
  }

  private static SyntheticSurvey pupils() {
    return SyntheticSurvey.pupils(PUPILS_SEED, PUPILS_ROWS);
  }

  private static Entry entry(String name) {
    for (Entry e : ENTRIES) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    throw Checks.unknownValue("dataset", name, NAMES);
  }
}
