package io.github.dmstat.datasets;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.survey.DesignSpec;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import tech.tablesaw.api.Table;

/**
 * The embedded datasets, by name, for the command line and examples ({@code ./dmstat datasets}
 * lists them with a description):
 * <ul>
 *   <li>{@code adults}: {@link SyntheticSurvey#adults(long, int) SyntheticSurvey.adults(20220101,
 *       12000)}, a synthetic adult survey for 2022 with a sample design;</li>
 *   <li>{@code pupils}: {@link SyntheticSurvey#pupils(long, int) SyntheticSurvey.pupils(20230101,
 *       5500)}, a synthetic pupils' survey 12–16 for 2023 with a sample design;</li>
 *   <li>{@code ndm-figures}: {@link NdmFigures#toTable()}, published national figures;</li>
 *   <li>{@code cohorts}, {@code effects}, {@code panel}: {@link SyntheticOutcomes} intervention
 *       cohorts, their per-municipality 2×2 counts and a wijk panel for difference in differences;</li>
 *   <li>{@code buurten}: {@link SyntheticGeography#embedded()}, buurten with polygons, incidents
 *       and planted hot spots;</li>
 *   <li>{@code pmg-municipalities}: {@link PreventieMetGezag}, the programme's municipality lists;</li>
 *   <li>{@code municipalities}: {@link SyntheticMunicipalities}, indicators for an area selection.</li>
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

  /** Seed of the embedded synthetic municipalities. */
  public static final long MUNICIPALITIES_SEED = 20230825L;
  /** Number of embedded synthetic municipalities (as on 1 January 2024). */
  public static final int MUNICIPALITIES = 342;

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

  private static final List<Entry> ENTRIES = entries();

  private static List<Entry> entries() {
    List<Entry> e = new java.util.ArrayList<>();
    e.add(new Entry("adults", () -> ADULTS_DESCRIPTION, () -> adults().table(), Optional.of(SURVEY_DESIGN),
            () -> Optional.of(adults())));
    e.add(new Entry("pupils", () -> PUPILS_DESCRIPTION, () -> pupils().table(), Optional.of(SURVEY_DESIGN),
            () -> Optional.of(pupils())));
    e.add(new Entry("ndm-figures", () -> NDM_DESCRIPTION.get(), NdmFigures::toTable, Optional.empty(), Optional::empty));
    e.add(new Entry("cohorts", () -> "cohorts: synthetic intervention cohorts, " + SyntheticOutcomes.of(20240101L)
            + "; per person municipality, group intervention/comparison, age, sex, prior_offences, time (follow-up "
            + "days, censored at 730), reoffended 0/1, time_to_reoffence. Known truth: risk ratio 0.75 within any "
            + "follow-up time (see SyntheticOutcomes).", () -> SyntheticOutcomes.of(20240101L).cohorts(),
            Optional.empty(), Optional::empty));
    e.add(new Entry("effects", () -> "effects: per-municipality 2x2 counts (study, events_treated, total_treated, "
            + "events_control, total_control) aggregated from 'cohorts', 12 Preventie-met-gezag municipalities, seed "
            + "20240101. Known truth: common risk ratio 0.75, tau2 = 0.", () -> SyntheticOutcomes.of(20240101L).effects(),
            Optional.empty(), Optional::empty));
    e.add(new Entry("panel", () -> "panel: synthetic wijk panel for difference in differences, seed 20240101; unit (wijk "
            + "code), municipality, treated 0/1, period -2,-1,0 (before) 1,2 (after), inhabitants, incidents, rate "
            + "(registered incidents per 1,000). Known truth: DiD effect -5 per 1,000, parallel trends.",
            () -> SyntheticOutcomes.of(20240101L).panel(), Optional.empty(), Optional::empty));
    e.add(new Entry(SyntheticGeography.DATASET, SyntheticGeography::description, () -> SyntheticGeography.embedded().table(),
            Optional.empty(), Optional::empty));
    e.add(new Entry("pmg-municipalities", PreventieMetGezag::description, PreventieMetGezag::toTable, Optional.empty(),
            Optional::empty));
    e.add(new Entry("municipalities", () -> "municipalities: " + MUNICIPALITIES + " synthetic municipalities (seed "
            + MUNICIPALITIES_SEED + ") with inhabitants, drug_crime and youth_crime per 1,000 and a Leefbaarometer-style "
            + "lbm score, each with a standard error column; for reproducing an area selection (see SyntheticMunicipalities).",
            () -> SyntheticMunicipalities.generate(MUNICIPALITIES_SEED, MUNICIPALITIES).table(), Optional.empty(),
            Optional::empty));
    // register further datasets here: e.add(new Entry(name, description, table, design, survey));
    return List.copyOf(e);
  }

  private static final List<String> NAMES = ENTRIES.stream().map(Entry::name).toList();

  private Datasets() {}

  /**
   * The dataset names, in a fixed order.
   *
   * @return the names, e.g. {@code adults}, as an unmodifiable list
   */
  public static List<String> names() {
    return NAMES;
  }

  /**
   * A new table of the named dataset.
   *
   * @param name one of {@link #names()}
   * @return a newly made table
   * @throws IllegalArgumentException if {@code name} is not a dataset name
   */
  public static Table table(String name) {
    return entry(name).table().get();
  }

  /**
   * The synthetic survey behind a dataset (with its known truth), if it is one.
   *
   * @param name one of {@link #names()}
   * @return a newly generated survey for {@code adults} and {@code pupils}; empty for other datasets
   * @throws IllegalArgumentException if {@code name} is not a dataset name
   */
  public static Optional<SyntheticSurvey> survey(String name) {
    return entry(name).survey().get();
  }

  /**
   * The sample design of a survey dataset (weights, strata, PSUs); empty for other datasets.
   *
   * @param name one of {@link #names()}
   * @return weights {@code weight}, strata {@code stratum} and PSUs {@code psu} for {@code adults} and
   *     {@code pupils}; empty otherwise
   * @throws IllegalArgumentException if {@code name} is not a dataset name
   */
  public static Optional<DesignSpec> design(String name) {
    return entry(name).design();
  }

  /**
   * One paragraph describing the dataset, its source or generator, and its seed.
   *
   * @param name one of {@link #names()}
   * @return the description, starting with the name and a colon
   * @throws IllegalArgumentException if {@code name} is not a dataset name
   */
  public static String describe(String name) {
    return entry(name).description().get();
  }

  /**
   * The embedded adult survey: its table, its design ({@link SyntheticSurvey#design()}) and its known
   * truth, as {@code table("adults")} and {@code design("adults")} give them. In JShell:
   * {@code var a = Datasets.adults();
   * PrevalenceEstimator.withDefaults().estimate(a.table(), a.design(), "cannabis_last_year", "agegroup")}.
   *
   * @return a newly generated {@code SyntheticSurvey.adults(ADULTS_SEED, ADULTS_ROWS)}
   */
  public static SyntheticSurvey adults() {
    return SyntheticSurvey.adults(ADULTS_SEED, ADULTS_ROWS);
  }

  /**
   * The embedded pupils' survey with its design and known truth (as {@link #adults()}).
   *
   * @return a newly generated {@code SyntheticSurvey.pupils(PUPILS_SEED, PUPILS_ROWS)}
   */
  public static SyntheticSurvey pupils() {
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
