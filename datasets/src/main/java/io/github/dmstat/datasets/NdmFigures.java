package io.github.dmstat.datasets;

import io.github.dmstat.core.model.RecallPeriod;
import io.github.dmstat.core.model.Substance;
import io.github.dmstat.core.model.TargetGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Published national figures of the Nationale Drug Monitor and CBS, as a small typed dataset
 * (the numbers stated in the project's domain brief):
 * <ul>
 *   <li>adults 18+, last year, 2022: cannabis 7.8%, ecstasy 3.9%, cocaine 2.4%, amphetamine
 *       1.4%, laughing gas 1.3%; ketamine, mushrooms/truffles and 3-MMC each under 1%;</li>
 *   <li>adults 18+, 2022: cannabis lifetime 23.6%, daily or near daily 1.5%;</li>
 *   <li>young adults 18–24, cannabis last year, 2022: about 1 in 4;</li>
 *   <li>pupils 12–16, cannabis ever used, 2023: 8.5% (questionnaire changed in 2023: trend
 *       break);</li>
 *   <li>drug-related deaths (CBS, EMCDDA definition): 252 (2019), 295 (2020), 298 (2021).</li>
 * </ul>
 * Proportions are in [0, 1]; see {@link PublishedFigure} for units and qualifiers.
 */
public final class NdmFigures {
  /** Source of the adult drug use figures. */
  public static final String NDM = "Trimbos-instituut/WODC, Nationale Drug Monitor, kerncijfertabel 2023";
  /** Source of the pupils' figure. */
  public static final String NDM_PUPILS =
      "Trimbos-instituut/WODC, Nationale Drug Monitor (Peilstationsonderzoek Scholieren 2023)";
  /** Source of the deaths. */
  public static final String CBS_DEATHS = "CBS, doodsoorzakenstatistiek (EMCDDA definition)";

  private static final List<PublishedFigure> ALL = build();

  private NdmFigures() {}

  private static List<PublishedFigure> build() {
    List<PublishedFigure> f = new ArrayList<>();
    TargetGroup adults = TargetGroup.ADULTS_18_PLUS;
    RecallPeriod year = RecallPeriod.LAST_YEAR;
    f.add(PublishedFigure.prevalence(Substance.CANNABIS, year, adults, 2022, 0.078, "=", NDM, ""));
    f.add(PublishedFigure.prevalence(Substance.ECSTASY, year, adults, 2022, 0.039, "=", NDM, ""));
    f.add(PublishedFigure.prevalence(Substance.COCAINE, year, adults, 2022, 0.024, "=", NDM, ""));
    f.add(PublishedFigure.prevalence(Substance.AMPHETAMINE, year, adults, 2022, 0.014, "=", NDM, ""));
    f.add(PublishedFigure.prevalence(Substance.LAUGHING_GAS, year, adults, 2022, 0.013, "=", NDM, ""));
    String under = "published as 'under 1%'";
    f.add(PublishedFigure.prevalence(Substance.KETAMINE, year, adults, 2022, 0.01, "<", NDM, under));
    f.add(PublishedFigure.prevalence(Substance.MUSHROOMS, year, adults, 2022, 0.01, "<", NDM, under));
    f.add(PublishedFigure.prevalence(Substance.MMC3, year, adults, 2022, 0.01, "<", NDM, under));
    f.add(PublishedFigure.prevalence(Substance.CANNABIS, RecallPeriod.LIFETIME, adults, 2022, 0.236, "=", NDM, ""));
    f.add(PublishedFigure.prevalence(Substance.CANNABIS, RecallPeriod.DAILY, adults, 2022, 0.015, "=", NDM,
        "daily or near daily: 20 or more days in the last month"));
    f.add(PublishedFigure.prevalence(Substance.CANNABIS, year, TargetGroup.YOUNG_ADULTS_18_24, 2022, 0.25, "≈",
        NDM, "published as 'about 1 in 4'"));
    f.add(PublishedFigure.prevalence(Substance.CANNABIS, RecallPeriod.LIFETIME, TargetGroup.PUPILS_12_16, 2023,
        0.085, "=", NDM_PUPILS, "questionnaire changed in 2023: trend break, not comparable with earlier years"));
    int[][] deaths = {{2019, 252}, {2020, 295}, {2021, 298}};
    for (int[] d : deaths) {
      f.add(new PublishedFigure("drug-related deaths", Optional.empty(), Optional.empty(), Optional.empty(), d[0],
          d[1], PublishedFigure.DEATHS, "=", CBS_DEATHS, ""));
    }
    return List.copyOf(f);
  }

  /**
   * Every figure, unmodifiable, in the order listed in the class description.
   *
   * @return the figures, the same list on every call
   */
  public static List<PublishedFigure> all() {
    return ALL;
  }

  /**
   * The prevalence figure for this substance, period, group and year, if published.
   *
   * @param substance the substance; {@code null} matches only a figure without one
   * @param period the recall period; {@code null} matches only a figure without one
   * @param group the target group; {@code null} matches only a figure without one
   * @param year the reference year, e.g. {@code 2022}
   * @return the first figure that matches all four; empty if there is none
   */
  public static Optional<PublishedFigure> find(Substance substance, RecallPeriod period, TargetGroup group,
      int year) {
    return ALL.stream()
        .filter(f -> f.substance().equals(Optional.ofNullable(substance))
            && f.period().equals(Optional.ofNullable(period))
            && f.group().equals(Optional.ofNullable(group)) && f.year() == year)
        .findFirst();
  }

  /**
   * The number of drug-related deaths in {@code year}, if published.
   *
   * @param year the reference year; 2019 to 2021 are published
   * @return the figure with unit {@link PublishedFigure#DEATHS} for that year; empty if there is none
   */
  public static Optional<PublishedFigure> deaths(int year) {
    return ALL.stream().filter(f -> PublishedFigure.DEATHS.equals(f.unit()) && f.year() == year).findFirst();
  }

  /**
   * The figures as a new Tablesaw table with columns {@code indicator, substance, period, group}
   * (codes such as {@code cannabis}, {@code last_year}, {@code adults}; empty when absent),
   * {@code year} (int), {@code value} (double), {@code unit}, {@code qualifier}, {@code source},
   * {@code note}.
   *
   * @return a new table named {@code ndm-figures}, one row per figure in the order of {@link #all()}
   */
  public static Table toTable() {
    StringColumn indicator = StringColumn.create("indicator");
    StringColumn substance = StringColumn.create("substance");
    StringColumn period = StringColumn.create("period");
    StringColumn group = StringColumn.create("group");
    IntColumn year = IntColumn.create("year");
    DoubleColumn value = DoubleColumn.create("value");
    StringColumn unit = StringColumn.create("unit");
    StringColumn qualifier = StringColumn.create("qualifier");
    StringColumn source = StringColumn.create("source");
    StringColumn note = StringColumn.create("note");
    for (PublishedFigure f : ALL) {
      indicator.append(f.indicator());
      substance.append(f.substance().map(Substance::code).orElse(""));
      period.append(f.period().map(RecallPeriod::code).orElse(""));
      group.append(f.group().map(TargetGroup::code).orElse(""));
      year.append(f.year());
      value.append(f.value());
      unit.append(f.unit());
      qualifier.append(f.qualifier());
      source.append(f.source());
      note.append(f.note());
    }
    return Table.create("ndm-figures", indicator, substance, period, group, year, value, unit, qualifier, source,
        note);
  }
}
