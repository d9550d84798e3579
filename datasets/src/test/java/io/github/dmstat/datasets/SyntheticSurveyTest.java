package io.github.dmstat.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.model.Indicator;
import io.github.dmstat.core.model.RecallPeriod;
import io.github.dmstat.core.model.Substance;
import io.github.dmstat.core.model.TargetGroup;
import io.github.dmstat.core.survey.PrevalenceEstimate;
import io.github.dmstat.core.survey.PrevalenceEstimator;
import io.github.dmstat.core.survey.PrevalenceTable;
import io.github.dmstat.core.survey.PrevalenceValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

class SyntheticSurveyTest {
  private static final RecallPeriod[] NESTED = {RecallPeriod.LIFETIME, RecallPeriod.LAST_YEAR, RecallPeriod.LAST_MONTH};

  /** Large samples shared by the statistical tests (generated once, read only). */
  private static final class Large {
    static final SyntheticSurvey ADULTS = SyntheticSurvey.adults(777, 200_000);
    static final Table ADULT_TABLE = ADULTS.table();
    static final SyntheticSurvey PUPILS = SyntheticSurvey.pupils(778, 100_000);
    static final Table PUPIL_TABLE = PUPILS.table();
  }

  // ---------------------------------------------------------------- determinism and copies

  @Test
  void sameSeedGivesIdenticalTable() {
    assertSameTable(SyntheticSurvey.adults(123, 20_000).table(), SyntheticSurvey.adults(123, 20_000).table());
    assertSameTable(SyntheticSurvey.adults(123, 5_000, 2027).table(), SyntheticSurvey.adults(123, 5_000, 2027).table());
    assertSameTable(SyntheticSurvey.pupils(9, 5_500).table(), SyntheticSurvey.pupils(9, 5_500).table());
  }

  @Test
  void differentSeedGivesDifferentTable() {
    Table a = SyntheticSurvey.adults(1, 5_000).table();
    Table b = SyntheticSurvey.adults(2, 5_000).table();
    assertEquals(a.columnNames(), b.columnNames());
    assertFalse(sameValues(a, b), "seeds 1 and 2 gave identical tables");
    assertFalse(sameValues(SyntheticSurvey.pupils(1, 2_000).table(), SyntheticSurvey.pupils(2, 2_000).table()));
  }

  @Test
  void tableIsAFreshCopyThatCallersCannotCorrupt() {
    SyntheticSurvey s = SyntheticSurvey.adults(5, 1_000);
    double truth = s.truePrevalence(Substance.CANNABIS, RecallPeriod.LAST_YEAR, TargetGroup.ADULTS_18_PLUS);
    Table first = s.table();
    Table pristine = s.table();
    first.intColumn("cannabis_last_year").set(0, 1);
    first.doubleColumn("weight").set(0, -1.0);
    first.removeColumns("age");
    assertSameTable(pristine, s.table());
    assertEquals(truth, s.truePrevalence(Substance.CANNABIS, RecallPeriod.LAST_YEAR, TargetGroup.ADULTS_18_PLUS));
  }

  // ---------------------------------------------------------------- columns and design

  @Test
  void adultColumnsAreInTheDocumentedOrder() {
    SyntheticSurvey s = SyntheticSurvey.adults(1, 100);
    List<String> expected = new ArrayList<>(List.of("id", "stratum", "psu", "weight", "age", "agegroup", "sex",
        "education"));
    for (Substance sub : Substance.values()) {
      for (RecallPeriod p : NESTED) {
        expected.add(Indicator.column(sub, p));
      }
    }
    expected.add("cannabis_daily");
    Table t = s.table();
    assertEquals(expected, t.columnNames());
    assertTrue(t.column("cannabis_daily") instanceof IntColumn);
    assertTrue(t.column("weight") instanceof DoubleColumn);
    assertTrue(t.column("agegroup") instanceof StringColumn);
    assertEquals(100, t.rowCount());
    assertEquals(List.of(Substance.values()), s.substances());
  }

  @Test
  void pupilColumnsHaveSchoolTypeGradeAndFourSubstances() {
    Table t = SyntheticSurvey.pupils(1, 100).table();
    assertEquals(List.of("id", "stratum", "psu", "weight", "age", "agegroup", "sex", "school_type", "grade",
        "cannabis_lifetime", "cannabis_last_year", "cannabis_last_month", "ecstasy_lifetime", "ecstasy_last_year",
        "ecstasy_last_month", "cocaine_lifetime", "cocaine_last_year", "cocaine_last_month", "laughing_gas_lifetime",
        "laughing_gas_last_year", "laughing_gas_last_month"), t.columnNames());
  }

  @Test
  void adultDesignHas25RegionsWith8To14NestedClusters() {
    Table t = SyntheticSurvey.adults(3, 12_000).table();
    Map<String, Set<String>> psus = new HashMap<>();
    for (int r = 0; r < t.rowCount(); r++) {
      psus.computeIfAbsent(t.stringColumn("stratum").get(r), k -> new HashSet<>()).add(t.stringColumn("psu").get(r));
    }
    assertEquals(25, psus.size());
    assertTrue(psus.containsKey("R01") && psus.containsKey("R25"));
    for (Set<String> p : psus.values()) {
      assertTrue(p.size() >= 8 && p.size() <= 14, "PSUs per stratum " + p.size());
      assertTrue(p.contains("C01"));
    }
    IntColumn age = t.intColumn("age");
    assertEquals(15, (int) age.min());
    assertEquals(79, (int) age.max());
    for (int r = 0; r < t.rowCount(); r++) {
      int a = age.getInt(r);
      String g = t.stringColumn("agegroup").get(r);
      int lo = Integer.parseInt(g.substring(0, 2));
      assertTrue(a >= lo && (g.equals("65+") || a <= Integer.parseInt(g.substring(3))), g + " holds age " + a);
    }
  }

  @Test
  void youngPeopleAreOversampledAndWeightedDown() {
    Table t = SyntheticSurvey.adults(4, 50_000).table();
    double young = 0;
    double youngWeight = 0;
    double weight = 0;
    for (int r = 0; r < t.rowCount(); r++) {
      double w = t.doubleColumn("weight").getDouble(r);
      weight += w;
      if (t.stringColumn("agegroup").get(r).equals("18-24")) {
        young++;
        youngWeight += w;
      }
    }
    double populationShare = 1540.0 / (625 + 1540 + 2350 + 2230 + 2330 + 2530 + 2750);
    assertTrue(young / t.rowCount() > 1.5 * populationShare, "18-24 sample share " + young / t.rowCount());
    assertEquals(populationShare, youngWeight / weight, 0.005);
    // weights add up to the population 15-79 (14.355 million)
    assertEquals(14_355_000, weight, 0.02 * 14_355_000);
  }

  @Test
  void pupilDesignHasSchoolTypeRegionStrataAndSchoolsOf40To90() {
    Table t = SyntheticSurvey.pupils(20230101, 5_500).table();
    Map<String, Integer> schoolSize = new HashMap<>();
    Set<String> strata = new HashSet<>();
    for (int r = 0; r < t.rowCount(); r++) {
      String h = t.stringColumn("stratum").get(r);
      strata.add(h);
      assertTrue(h.startsWith(t.stringColumn("school_type").get(r) + "-"), h);
      schoolSize.merge(h + "/" + t.stringColumn("psu").get(r), 1, Integer::sum);
      int age = t.intColumn("age").getInt(r);
      assertEquals(Integer.toString(age), t.stringColumn("agegroup").get(r));
      int grade = t.intColumn("grade").getInt(r);
      assertTrue(grade >= 1 && grade <= age - 11, "grade " + grade + " at age " + age);
    }
    assertEquals(12, strata.size());
    for (Map.Entry<String, Integer> e : schoolSize.entrySet()) {
      assertTrue(e.getValue() >= 40 && e.getValue() <= 90, e.toString());
    }
    assertEquals(12, (int) t.intColumn("age").min());
    assertEquals(16, (int) t.intColumn("age").max());
  }

  // ---------------------------------------------------------------- outcomes

  @Test
  void outcomesAreNestedInEveryRow() {
    for (SyntheticSurvey s : List.of(SyntheticSurvey.adults(11, 30_000), SyntheticSurvey.adults(12, 10_000, 2015),
        SyntheticSurvey.pupils(13, 20_000))) {
      assertNested(s);
    }
  }

  static void assertNested(SyntheticSurvey s) {
    Table t = s.table();
    int missing = Integer.MIN_VALUE;
    for (Substance sub : s.substances()) {
      List<String> names = new ArrayList<>();
      for (RecallPeriod p : NESTED) {
        names.add(Indicator.column(sub, p));
      }
      if (t.containsColumn(Indicator.column(sub, RecallPeriod.DAILY))) {
        names.add(Indicator.column(sub, RecallPeriod.DAILY));
      }
      int[][] v = names.stream().map(n -> t.intColumn(n).asIntArray()).toArray(int[][]::new);
      for (int r = 0; r < t.rowCount(); r++) {
        for (int j = 0; j < v.length; j++) {
          int a = v[j][r];
          assertTrue(a == missing || a == 0 || a == 1, names.get(j) + " row " + (r + 1) + " is " + a);
          for (int k = j + 1; a != missing && k < v.length; k++) {
            int b = v[k][r];
            if (b != missing && b > a) {
              throw new AssertionError(s + ": " + names.get(k) + " > " + names.get(j) + " in row " + (r + 1));
            }
          }
        }
      }
    }
  }

  @Test
  void aboutOnePercentOfEachOutcomeIsMissing() {
    Table t = SyntheticSurvey.adults(21, 100_000).table();
    int outcomes = 0;
    for (Column<?> c : t.columns()) {
      if (c.name().contains("_") || c.name().equals("cannabis_daily")) {
        double share = c.countMissing() / (double) t.rowCount();
        assertEquals(0.01, share, 0.002, c.name());
        outcomes++;
      } else {
        assertEquals(0, c.countMissing(), c.name());
      }
    }
    assertEquals(37, outcomes);
  }

  // ---------------------------------------------------------------- truth

  @Test
  void adultTruthIsCalibratedExactlyToThePublished2022Figures() {
    SyntheticSurvey s = SyntheticSurvey.adults(1, 1);
    TargetGroup adults = TargetGroup.ADULTS_18_PLUS;
    RecallPeriod year = RecallPeriod.LAST_YEAR;
    Object[][] targets = {
        {Substance.CANNABIS, year, 0.078}, {Substance.ECSTASY, year, 0.039}, {Substance.COCAINE, year, 0.024},
        {Substance.AMPHETAMINE, year, 0.014}, {Substance.LAUGHING_GAS, year, 0.013},
        {Substance.KETAMINE, year, 0.008}, {Substance.MUSHROOMS, year, 0.007}, {Substance.MMC3, year, 0.005},
        {Substance.GHB, year, 0.004}, {Substance.LSD, year, 0.005}, {Substance.OTHER_NPS, year, 0.003},
        {Substance.OPIATES, year, 0.002},
        {Substance.CANNABIS, RecallPeriod.LIFETIME, 0.236}, {Substance.CANNABIS, RecallPeriod.DAILY, 0.015}};
    for (Object[] t : targets) {
      assertEquals((double) t[2], s.truePrevalence((Substance) t[0], (RecallPeriod) t[1], adults), 1e-12,
          t[0] + " " + t[1]);
    }
    for (Substance sub : List.of(Substance.KETAMINE, Substance.MUSHROOMS, Substance.MMC3)) {
      assertTrue(s.truePrevalence(sub, year, adults) < 0.01, sub + " is published as under 1%");
    }
  }

  @Test
  void pupilTruthIsCalibratedExactlyTo8Point5PercentWithAStrongAgeGradient() {
    SyntheticSurvey s = SyntheticSurvey.pupils(1, 1);
    assertEquals(2023, s.year());
    assertEquals(0.085, s.truePrevalence(Substance.CANNABIS, RecallPeriod.LIFETIME, TargetGroup.PUPILS_12_16), 1e-12);
    double previous = 0;
    for (String age : List.of("12", "13", "14", "15", "16")) {
      double p = s.truePrevalence(Substance.CANNABIS, RecallPeriod.LIFETIME, age, null);
      assertTrue(p > 1.4 * previous, "age " + age + ": " + p + " after " + previous);
      previous = p;
    }
    assertTrue(s.truePrevalence(Substance.CANNABIS, RecallPeriod.LIFETIME, "12", null) < 0.02);
    assertTrue(s.truePrevalence(Substance.CANNABIS, RecallPeriod.LIFETIME, "16", null) > 0.15);
  }

  @Test
  void youngAdultsCannabisLastYearIsAboutOneInFour() {
    double p = SyntheticSurvey.adults(1, 1)
        .truePrevalence(Substance.CANNABIS, RecallPeriod.LAST_YEAR, TargetGroup.YOUNG_ADULTS_18_24);
    assertTrue(p > 0.22 && p < 0.28, "18-24: " + p);
  }

  @Test
  void truthHasAnAgeGradientAndMenAboveWomen() {
    SyntheticSurvey s = SyntheticSurvey.adults(1, 1);
    double previous = 1;
    for (String g : List.of("18-24", "25-34", "35-44", "45-54", "55-64", "65+")) {
      double p = s.truePrevalence(Substance.CANNABIS, RecallPeriod.LAST_YEAR, g, null);
      assertTrue(p < previous, g);
      previous = p;
      for (Substance sub : Substance.values()) {
        for (RecallPeriod per : NESTED) {
          assertTrue(s.truePrevalence(sub, per, g, "M") > s.truePrevalence(sub, per, g, "F"), sub + " " + per + " " + g);
        }
      }
    }
    double women = s.truePrevalence(Substance.CANNABIS, RecallPeriod.LAST_YEAR, "25-34", "F");
    double men = s.truePrevalence(Substance.CANNABIS, RecallPeriod.LAST_YEAR, "25-34", "M");
    double both = s.truePrevalence(Substance.CANNABIS, RecallPeriod.LAST_YEAR, "25-34", null);
    assertTrue(both > women && both < men);
  }

  @Test
  void truthIsNestedInEveryTargetGroup() {
    SyntheticSurvey s = SyntheticSurvey.adults(1, 1);
    for (TargetGroup g : List.of(TargetGroup.ADULTS_18_PLUS, TargetGroup.EU_15_64, TargetGroup.EU_15_34,
        TargetGroup.YOUNG_ADULTS_18_24)) {
      for (Substance sub : Substance.values()) {
        double l = s.truePrevalence(sub, RecallPeriod.LIFETIME, g);
        double y = s.truePrevalence(sub, RecallPeriod.LAST_YEAR, g);
        double m = s.truePrevalence(sub, RecallPeriod.LAST_MONTH, g);
        assertTrue(0 < m && m < y && y < l && l < 1, sub + " " + g);
      }
      assertTrue(s.truePrevalence(Substance.CANNABIS, RecallPeriod.DAILY, g)
          < s.truePrevalence(Substance.CANNABIS, RecallPeriod.LAST_MONTH, g));
    }
  }

  @Test
  void yearDriftMultipliesTheTruthByOnePlusRateToTheYearsSince2022() {
    TargetGroup adults = TargetGroup.ADULTS_18_PLUS;
    RecallPeriod year = RecallPeriod.LAST_YEAR;
    SyntheticSurvey y2025 = SyntheticSurvey.adults(1, 1, 2025);
    SyntheticSurvey y2015 = SyntheticSurvey.adults(1, 1, 2015);
    assertEquals(2025, y2025.year());
    assertEquals(0.024 * Math.pow(1.04, 3), y2025.truePrevalence(Substance.COCAINE, year, adults), 1e-12);
    assertEquals(0.078 * Math.pow(0.99, 3), y2025.truePrevalence(Substance.CANNABIS, year, adults), 1e-12);
    assertEquals(0.013 * Math.pow(0.95, -7), y2015.truePrevalence(Substance.LAUGHING_GAS, year, adults), 1e-12);
    assertEquals(0.039, y2015.truePrevalence(Substance.ECSTASY, year, adults), 1e-12);
    for (int y = 2015; y <= 2030; y++) {
      assertNested(SyntheticSurvey.adults(y, 500, y));
    }
  }

  // ---------------------------------------------------------------- estimates against the truth

  @Test
  void weightedEstimatesOfALargeAdultSampleAreWithinFourStandardErrorsOfTheTruth() {
    Object[][] cases = {
        {TargetGroup.ADULTS_18_PLUS, List.of(Substance.CANNABIS, Substance.CANNABIS, Substance.CANNABIS,
            Substance.ECSTASY, Substance.COCAINE), List.of(RecallPeriod.LAST_YEAR, RecallPeriod.LIFETIME,
            RecallPeriod.DAILY, RecallPeriod.LAST_YEAR, RecallPeriod.LAST_YEAR)},
        {TargetGroup.YOUNG_ADULTS_18_24, List.of(Substance.CANNABIS, Substance.LAUGHING_GAS),
            List.of(RecallPeriod.LAST_YEAR, RecallPeriod.LAST_MONTH)},
        {TargetGroup.EU_15_34, List.of(Substance.COCAINE, Substance.KETAMINE),
            List.of(RecallPeriod.LAST_YEAR, RecallPeriod.LAST_YEAR)}};
    int checked = 0;
    for (Object[] c : cases) {
      TargetGroup g = (TargetGroup) c[0];
      Table sub = inGroup(Large.ADULT_TABLE, g);
      List<?> substances = (List<?>) c[1];
      List<?> periods = (List<?>) c[2];
      for (int i = 0; i < substances.size(); i++) {
        Substance s = (Substance) substances.get(i);
        RecallPeriod p = (RecallPeriod) periods.get(i);
        PrevalenceValue v = estimate(sub, Large.ADULTS, Indicator.column(s, p));
        double truth = Large.ADULTS.truePrevalence(s, p, g);
        assertTrue(Math.abs(v.prevalence() - truth) < 4 * v.se(), g + " " + s + " " + p + ": estimate "
            + v.prevalence() + " se " + v.se() + " truth " + truth);
        checked++;
      }
    }
    assertEquals(9, checked);
  }

  @Test
  void weightedEstimatesByAgeGroupAndSexAreWithinFourStandardErrorsOfTheTruth() {
    for (String outcome : List.of("cannabis_last_year", "cocaine_lifetime")) {
      Substance s = Substance.parse(outcome.substring(0, outcome.indexOf('_')));
      RecallPeriod p = RecallPeriod.parse(outcome.substring(outcome.indexOf('_') + 1));
      PrevalenceTable t = PrevalenceEstimator.withDefaults().with(ReliabilityRule.NONE)
          .estimate(Large.ADULT_TABLE, Large.ADULTS.design(), outcome, "agegroup", "sex");
      assertEquals(14, t.estimates().size());
      for (PrevalenceEstimate e : t.estimates()) {
        String g = e.group().values().get(0);
        String sex = e.group().values().get(1);
        PrevalenceValue v = e.value().orElseThrow();
        double truth = Large.ADULTS.truePrevalence(s, p, g, sex);
        assertTrue(Math.abs(v.prevalence() - truth) < 4 * v.se(), outcome + " " + g + " " + sex + ": " + e
            + " truth " + truth);
      }
    }
  }

  @Test
  void weightedEstimatesOfALargePupilSampleAreWithinFourStandardErrorsOfTheTruth() {
    for (Substance s : Large.PUPILS.substances()) {
      RecallPeriod p = s == Substance.CANNABIS ? RecallPeriod.LIFETIME : RecallPeriod.LAST_YEAR;
      PrevalenceValue v = estimate(Large.PUPIL_TABLE, Large.PUPILS, Indicator.column(s, p));
      double truth = Large.PUPILS.truePrevalence(s, p, TargetGroup.PUPILS_12_16);
      assertTrue(Math.abs(v.prevalence() - truth) < 4 * v.se(), s + " " + p + ": " + v.prevalence() + " se "
          + v.se() + " truth " + truth);
    }
    PrevalenceTable byAge = PrevalenceEstimator.withDefaults().with(ReliabilityRule.NONE)
        .estimate(Large.PUPIL_TABLE, Large.PUPILS.design(), "cannabis_lifetime", "agegroup");
    for (PrevalenceEstimate e : byAge.estimates()) {
      double truth = Large.PUPILS.truePrevalence(Substance.CANNABIS, RecallPeriod.LIFETIME,
          e.group().values().get(0), null);
      PrevalenceValue v = e.value().orElseThrow();
      assertTrue(Math.abs(v.prevalence() - truth) < 4 * v.se(), e + " truth " + truth);
    }
  }

  @Test
  void clusteringGivesDesignEffectsAboveOneForCannabis() {
    Table adults = inGroup(Large.ADULT_TABLE, TargetGroup.ADULTS_18_PLUS);
    for (String col : List.of("cannabis_last_year", "cannabis_lifetime")) {
      double deff = estimate(adults, Large.ADULTS, col).designEffect().orElseThrow();
      assertTrue(deff > 1.5, col + " deff " + deff);
    }
    SyntheticSurvey small = SyntheticSurvey.adults(20220101, 12_000);
    double deff = estimate(small.table(), small, "cannabis_last_year").designEffect().orElseThrow();
    assertTrue(deff > 1, "12,000 rows: deff " + deff);
    double pupils = estimate(Large.PUPIL_TABLE, Large.PUPILS, "cannabis_lifetime").designEffect().orElseThrow();
    assertTrue(pupils > 1, "pupils deff " + pupils);
  }

  // ---------------------------------------------------------------- bad arguments

  @Test
  void rejectsRowCountsBelowOne() {
    for (int rows : new int[] {0, -5}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyntheticSurvey.adults(1, rows));
      assertTrue(e.getMessage().contains("rows") && e.getMessage().contains(Integer.toString(rows)), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> SyntheticSurvey.pupils(1, rows));
      assertTrue(e.getMessage().contains(Integer.toString(rows)), e.getMessage());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SyntheticSurvey.adults(1, SyntheticSurvey.MAX_ROWS + 1));
    assertTrue(e.getMessage().contains(Integer.toString(SyntheticSurvey.MAX_ROWS + 1)), e.getMessage());
  }

  @Test
  void rejectsYearsOutside2015To2030() {
    for (int year : new int[] {2014, 2031, -1}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyntheticSurvey.adults(1, 10, year));
      assertEquals("year must be between 2015 and 2030 but was " + year, e.getMessage());
    }
  }

  @Test
  void rejectsTargetGroupsTheSurveyDoesNotCover() {
    SyntheticSurvey adults = SyntheticSurvey.adults(1, 1);
    SyntheticSurvey pupils = SyntheticSurvey.pupils(1, 1);
    Object[][] cases = {{adults, TargetGroup.PUPILS_12_16}, {adults, TargetGroup.STUDENTS_16_18},
        {adults, TargetGroup.PARTYGOERS}, {pupils, TargetGroup.ADULTS_18_PLUS}, {pupils, TargetGroup.EU_15_34},
        {pupils, TargetGroup.STUDENTS_16_18}};
    for (Object[] c : cases) {
      SyntheticSurvey s = (SyntheticSurvey) c[0];
      TargetGroup g = (TargetGroup) c[1];
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> s.truePrevalence(Substance.CANNABIS, RecallPeriod.LIFETIME, g));
      assertTrue(e.getMessage().contains("'" + g.code() + "'") && e.getMessage().contains(s.name()), e.getMessage());
    }
  }

  @Test
  void rejectsSubstancesPeriodsAndCellsThatAreNotSurveyed() {
    SyntheticSurvey adults = SyntheticSurvey.adults(1, 1);
    SyntheticSurvey pupils = SyntheticSurvey.pupils(1, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> pupils.truePrevalence(Substance.GHB, RecallPeriod.LIFETIME, TargetGroup.PUPILS_12_16));
    assertTrue(e.getMessage().contains("'ghb'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> adults.truePrevalence(Substance.ECSTASY, RecallPeriod.DAILY, TargetGroup.ADULTS_18_PLUS));
    assertTrue(e.getMessage().contains("'daily'") && e.getMessage().contains("ecstasy"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> pupils.truePrevalence(Substance.CANNABIS, RecallPeriod.DAILY, "14", null));
    assertTrue(e.getMessage().contains("'daily'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> adults.truePrevalence(Substance.CANNABIS, RecallPeriod.LIFETIME, "18-30", null));
    assertTrue(e.getMessage().contains("'18-30'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> adults.truePrevalence(Substance.CANNABIS, RecallPeriod.LIFETIME, "18-24", "X"));
    assertTrue(e.getMessage().contains("'X'"), e.getMessage());
  }

  // ---------------------------------------------------------------- accessors and speed

  @Test
  void accessorsAndToStringDescribeTheSample() {
    SyntheticSurvey s = SyntheticSurvey.adults(42, 1_234, 2024);
    assertEquals(42, s.seed());
    assertEquals(2024, s.year());
    assertEquals(1_234, s.rows());
    assertEquals("adults", s.name());
    assertEquals("SyntheticSurvey[adults, year=2024, rows=1234, seed=42]", s.toString());
    assertEquals("weight", s.design().weight());
    assertEquals("stratum", s.design().strata().orElseThrow());
    assertEquals("psu", s.design().psu().orElseThrow());
    assertEquals("SyntheticSurvey[pupils, year=2023, rows=10, seed=7]", SyntheticSurvey.pupils(7, 10).toString());
  }

  @Test
  void generatesOneMillionRows() {
    // speed is measured with JMH in benchmarks, not here; this checks size and shape only
    Table t = SyntheticSurvey.adults(99, 1_000_000).table();
    assertEquals(1_000_000, t.rowCount());
    assertEquals(t.rowCount(), t.intColumn("id").countUnique());
  }

  // ---------------------------------------------------------------- helpers

  static Table inGroup(Table t, TargetGroup g) {
    return t.where(t.intColumn("age").isBetweenInclusive(g.minAge(), g.maxAge()));
  }

  static PrevalenceValue estimate(Table t, SyntheticSurvey s, String outcome) {
    return PrevalenceEstimator.withDefaults().with(ReliabilityRule.NONE).estimate(t, s.design(), outcome)
        .estimates().get(0).value().orElseThrow();
  }

  static void assertSameTable(Table a, Table b) {
    assertEquals(a.columnNames(), b.columnNames());
    assertEquals(a.rowCount(), b.rowCount());
    for (int c = 0; c < a.columnCount(); c++) {
      Column<?> x = a.column(c);
      Column<?> y = b.column(c);
      assertEquals(x.type(), y.type(), x.name());
      if (x instanceof IntColumn) {
        assertArrayEquals(((IntColumn) x).asIntArray(), ((IntColumn) y).asIntArray(), x.name());
      } else if (x instanceof DoubleColumn) {
        assertArrayEquals(((DoubleColumn) x).asDoubleArray(), ((DoubleColumn) y).asDoubleArray(), x.name());
      } else {
        assertArrayEquals(((StringColumn) x).asObjectArray(), ((StringColumn) y).asObjectArray(), x.name());
      }
    }
  }

  static boolean sameValues(Table a, Table b) {
    try {
      assertSameTable(a, b);
      return true;
    } catch (AssertionError e) {
      return false;
    }
  }
}
