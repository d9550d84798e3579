package io.github.dmstat.datasets;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.model.RecallPeriod;
import io.github.dmstat.core.model.Substance;
import io.github.dmstat.core.model.TargetGroup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The population and sample-design model behind {@link SyntheticSurvey}: cells with population
 * shares, calibrated true probabilities per cell, strata and their allocation. Immutable; not API.
 *
 * <p>Probabilities are indexed {@code p[substance][period][cell]} with {@code period} the
 * {@link RecallPeriod#ordinal()} (lifetime 0, last year 1, last month 2, daily 3); a period that
 * is not surveyed for a substance holds {@code null}.
 */
final class SurveyModel {

  /** Ages 15–79 in the adult survey, 12–16 in the pupils' survey. */
  enum Kind { ADULTS, PUPILS }

  /** Period count (lifetime, last year, last month, daily). */
  static final int PERIODS = 4;

  /** Per-PSU multiplier on every probability: uniform on [1 − SPREAD, 1 + SPREAD] (mean 1). */
  static final double PSU_SPREAD = 0.3;

  /** Probability that an outcome cell is left empty (missing completely at random). */
  static final double MISSING = 0.01;

  final Kind kind;
  final String name;
  final int year;
  // age groups
  final String[] agegroups;
  final int[] agegroupMin;
  final int[] agegroupMax;
  // the third cell attribute (education or school type)
  final String thirdColumn;
  final String[] thirdLabels;
  // cells
  final int cells;
  final int[] cellAgegroup;
  final int[] cellSex; // 0 = F, 1 = M
  final int[] cellThird;
  final double[] share; // population share, sums to 1
  final double[] samplingFactor; // relative oversampling o_c
  // outcomes
  final List<Substance> substances;
  final double[][][] p; // [substance index][period][cell], for this survey year
  final double[] drift; // yearly multiplicative drift per substance index
  // strata
  final String[] strata;
  final double[] strataRho; // rho_h: share of cell c's population in stratum h (for allowed cells)
  final int[] strataThird; // -1: every cell allowed; else only cells with this third attribute
  final double populationSize;

  static final String[] SEX = {"F", "M"};

  private SurveyModel(Kind kind, String name, int year, String[] agegroups, int[] agegroupMin, int[] agegroupMax,
      String thirdColumn, String[] thirdLabels, int[] cellAgegroup, int[] cellSex, int[] cellThird,
      double[] share, double[] samplingFactor, List<Substance> substances, double[][][] p, double[] drift,
      String[] strata, double[] strataRho, int[] strataThird, double populationSize) {
    this.kind = kind;
    this.name = name;
    this.year = year;
    this.agegroups = agegroups;
    this.agegroupMin = agegroupMin;
    this.agegroupMax = agegroupMax;
    this.thirdColumn = thirdColumn;
    this.thirdLabels = thirdLabels;
    this.cells = share.length;
    this.cellAgegroup = cellAgegroup;
    this.cellSex = cellSex;
    this.cellThird = cellThird;
    this.share = share;
    this.samplingFactor = samplingFactor;
    this.substances = List.copyOf(substances);
    this.p = p;
    this.drift = drift;
    this.strata = strata;
    this.strataRho = strataRho;
    this.strataThird = strataThird;
    this.populationSize = populationSize;
    checkProbabilities();
  }

  // ---------------------------------------------------------------------------------------------
  // Adults (Leefstijlmonitor / Gezondheidsenquête-like)
  // ---------------------------------------------------------------------------------------------

  static final int ADULT_BASE_YEAR = 2022;
  static final int MIN_YEAR = 2015;
  static final int MAX_YEAR = 2030;

  static final String[] ADULT_AGEGROUPS = {"15-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"};
  static final int[] ADULT_MIN = {15, 18, 25, 35, 45, 55, 65};
  static final int[] ADULT_MAX = {17, 24, 34, 44, 54, 64, 79};
  /** Population by age group, thousands (approximate Dutch structure on 1 January 2024; 65+ is 65–79). */
  static final double[] ADULT_POPULATION = {625, 1540, 2350, 2230, 2330, 2530, 2750};
  /** Share of women by age group. */
  static final double[] ADULT_FEMALE = {0.487, 0.490, 0.496, 0.502, 0.500, 0.501, 0.515};
  static final String[] EDUCATION = {"low", "mid", "high"};
  /** Education (highest attained) shares low/mid/high by age group. */
  static final double[][] ADULT_EDUCATION = {
      {0.70, 0.28, 0.02}, {0.30, 0.45, 0.25}, {0.15, 0.37, 0.48}, {0.17, 0.37, 0.46},
      {0.22, 0.40, 0.38}, {0.28, 0.40, 0.32}, {0.38, 0.35, 0.27}};
  /** Oversampling factor by age group (young people oversampled). */
  static final double[] ADULT_OVERSAMPLING = {2.0, 2.0, 1.4, 1.0, 1.0, 0.9, 0.8};
  /** Relative population sizes of the 25 regions R01..R25. */
  static final double[] REGION_SIZE = {
      0.66, 0.40, 0.50, 1.10, 0.38, 0.84, 0.45, 0.58, 0.95, 0.70, 1.32, 0.56, 0.42,
      0.48, 0.72, 1.05, 0.82, 0.33, 0.60, 0.54, 1.24, 0.62, 0.77, 0.39, 0.52};

  // Log-odds age profiles (15-17, 18-24, 25-34, 35-44, 45-54, 55-64, 65+).
  static final double[] CANNABIS_EVER = {-1.2, 0.0, 0.15, -0.2, -0.55, -1.2, -2.5};
  static final double[] PARTY_EVER = {-2.3, 0.0, 0.3, 0.0, -0.8, -1.8, -3.2};
  static final double[] PSYCHEDELIC_EVER = {-1.8, 0.0, 0.2, 0.0, -0.4, -0.9, -2.0};
  static final double[] GAS_EVER = {-0.6, 0.4, 0.2, -1.0, -2.0, -3.0, -4.0};
  static final double[] OPIATE_EVER = {-1.5, -0.3, 0.0, 0.0, -0.1, -0.4, -1.0};
  static final double[] RECENT = {1.6, 1.4, 0.0, -0.8, -1.1, -1.4, -1.8};
  static final double[] MONTH = {0.3, 0.2, 0.0, 0.0, 0.0, 0.0, 0.0};
  static final double[] FLAT7 = new double[7];
  /** Log-odds half-difference men vs women, per period (men +x, women −x). */
  static final double[] ADULT_SEX = {0.30, 0.20, 0.10, 0.30};
  /** Log-odds effect of education low/mid/high per period. */
  static final double[][] ADULT_EDU = {{-0.20, 0, 0.10}, {0.15, 0, -0.10}, {0.10, 0, -0.05}, {0.30, 0, -0.30}};

  /**
   * Adult 18+ targets for 2022 (lifetime, last year, last month, daily; NaN: not surveyed). Last
   * year for the first eight substances, cannabis lifetime and daily are the published NDM figures
   * (the three "under 1%" set to 0.8%, 0.7%, 0.5%); the rest are illustrative.
   */
  static final double[][] ADULT_TARGET = {
      {0.236, 0.078, 0.045, 0.015}, // cannabis
      {0.110, 0.039, 0.012, Double.NaN}, // ecstasy
      {0.075, 0.024, 0.009, Double.NaN}, // cocaine
      {0.058, 0.014, 0.005, Double.NaN}, // amphetamine
      {0.024, 0.004, 0.0015, Double.NaN}, // GHB
      {0.030, 0.008, 0.003, Double.NaN}, // ketamine
      {0.015, 0.005, 0.002, Double.NaN}, // 3-MMC
      {0.012, 0.003, 0.001, Double.NaN}, // other NPS
      {0.095, 0.013, 0.004, Double.NaN}, // laughing gas
      {0.032, 0.005, 0.0015, Double.NaN}, // LSD
      {0.070, 0.007, 0.002, Double.NaN}, // mushrooms
      {0.010, 0.002, 0.001, Double.NaN}}; // opiates

  /** Yearly multiplicative drift from 2022 (cannabis −1%, cocaine +4%, laughing gas −5%, others 0). */
  static double adultDrift(Substance s) {
    switch (s) {
      case CANNABIS:
        return -0.01;
      case COCAINE:
        return 0.04;
      case LAUGHING_GAS:
        return -0.05;
      default:
        return 0.0;
    }
  }

  static double[] adultEverProfile(Substance s) {
    switch (s) {
      case CANNABIS:
        return CANNABIS_EVER;
      case LSD:
      case MUSHROOMS:
        return PSYCHEDELIC_EVER;
      case LAUGHING_GAS:
        return GAS_EVER;
      case OPIATES:
        return OPIATE_EVER;
      default:
        return PARTY_EVER;
    }
  }

  /** The adult model for {@code year} (2015–2030). */
  static SurveyModel adults(int year) {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw Checks.badArgument("year", "must be between " + MIN_YEAR + " and " + MAX_YEAR, year);
    }
    SurveyModel base = AdultHolder.BASE;
    return year == ADULT_BASE_YEAR ? base : base.drifted(year);
  }

  /** Lazily built, calibrated 2022 adult model (initialisation-on-demand holder). */
  private static final class AdultHolder {
    static final SurveyModel BASE = buildAdults();
  }

  private static SurveyModel buildAdults() {
    int groups = ADULT_AGEGROUPS.length;
    int cells = groups * 2 * 3;
    int[] ag = new int[cells];
    int[] sx = new int[cells];
    int[] ed = new int[cells];
    double[] share = new double[cells];
    double[] factor = new double[cells];
    double total = 0;
    for (double v : ADULT_POPULATION) {
      total += v;
    }
    int c = 0;
    for (int g = 0; g < groups; g++) {
      for (int s = 0; s < 2; s++) {
        for (int e = 0; e < 3; e++) {
          ag[c] = g;
          sx[c] = s;
          ed[c] = e;
          double sexShare = s == 0 ? ADULT_FEMALE[g] : 1 - ADULT_FEMALE[g];
          share[c] = ADULT_POPULATION[g] / total * sexShare * ADULT_EDUCATION[g][e];
          factor[c] = ADULT_OVERSAMPLING[g];
          c++;
        }
      }
    }
    normalise(share);
    boolean[] calibrationCells = new boolean[cells];
    for (int k = 0; k < cells; k++) {
      calibrationCells[k] = ADULT_MIN[ag[k]] >= 18;
    }
    List<Substance> substances = List.of(Substance.values());
    double[][][] p = new double[substances.size()][][];
    double[] drift = new double[substances.size()];
    for (int i = 0; i < substances.size(); i++) {
      Substance s = substances.get(i);
      double[][] profiles = {adultEverProfile(s), RECENT, MONTH, FLAT7};
      double[][] eta = new double[PERIODS][cells];
      for (int per = 0; per < PERIODS; per++) {
        for (int k = 0; k < cells; k++) {
          eta[per][k] = profiles[per][ag[k]] + (sx[k] == 1 ? ADULT_SEX[per] : -ADULT_SEX[per]) + ADULT_EDU[per][ed[k]];
        }
      }
      p[i] = Calibration.nested(share, calibrationCells, eta, ADULT_TARGET[i]);
      drift[i] = adultDrift(s);
    }
    String[] strata = new String[REGION_SIZE.length];
    double[] rho = REGION_SIZE.clone();
    normalise(rho);
    int[] strataThird = new int[strata.length];
    for (int h = 0; h < strata.length; h++) {
      strata[h] = String.format(Locale.ROOT, "R%02d", h + 1);
      strataThird[h] = -1;
    }
    return new SurveyModel(Kind.ADULTS, "adults", ADULT_BASE_YEAR, ADULT_AGEGROUPS, ADULT_MIN, ADULT_MAX,
        "education", EDUCATION, ag, sx, ed, share, factor, substances, p, drift, strata, rho, strataThird,
        total * 1000);
  }

  /** This model with every probability multiplied by {@code (1 + drift)^(year − this.year)}. */
  private SurveyModel drifted(int newYear) {
    double[][][] q = new double[p.length][][];
    for (int i = 0; i < p.length; i++) {
      double f = StrictMath.pow(1 + drift[i], newYear - year);
      q[i] = new double[PERIODS][];
      for (int per = 0; per < PERIODS; per++) {
        if (p[i][per] != null) {
          q[i][per] = new double[cells];
          for (int k = 0; k < cells; k++) {
            q[i][per][k] = p[i][per][k] * f;
          }
        }
      }
    }
    return new SurveyModel(kind, name, newYear, agegroups, agegroupMin, agegroupMax, thirdColumn, thirdLabels,
        cellAgegroup, cellSex, cellThird, share, samplingFactor, substances, q, drift, strata, strataRho,
        strataThird, populationSize);
  }

  // ---------------------------------------------------------------------------------------------
  // Pupils 12–16 (Peilstationsonderzoek-like)
  // ---------------------------------------------------------------------------------------------

  static final int PUPIL_YEAR = 2023;
  static final String[] PUPIL_AGEGROUPS = {"12", "13", "14", "15", "16"};
  static final int[] PUPIL_AGES = {12, 13, 14, 15, 16};
  static final double[] PUPIL_AGE_SHARE = {0.196, 0.199, 0.201, 0.202, 0.202};
  static final double PUPIL_FEMALE = 0.488;
  static final String[] SCHOOL_TYPES = {"vmbo", "havo", "vwo"};
  static final double[] SCHOOL_TYPE_SHARE = {0.52, 0.24, 0.24};
  /** Highest grade (leerjaar) per school type. */
  static final int[] SCHOOL_TYPE_MAX_GRADE = {4, 5, 6};
  static final String[] PUPIL_REGIONS = {"north", "east", "south", "west"};
  static final double[] PUPIL_REGION_SHARE = {0.10, 0.21, 0.22, 0.47};
  /** Pupils aged 12–16 in the Netherlands (approximate). */
  static final double PUPIL_POPULATION = 1_010_000;
  static final List<Substance> PUPIL_SUBSTANCES =
      List.of(Substance.CANNABIS, Substance.ECSTASY, Substance.COCAINE, Substance.LAUGHING_GAS);
  /** 2023 targets for all pupils 12–16 (lifetime, last year, last month); cannabis lifetime is published. */
  static final double[][] PUPIL_TARGET = {
      {0.085, 0.069, 0.036, Double.NaN}, // cannabis
      {0.014, 0.010, 0.005, Double.NaN}, // ecstasy
      {0.011, 0.008, 0.004, Double.NaN}, // cocaine
      {0.046, 0.030, 0.012, Double.NaN}}; // laughing gas
  static final double[] PUPIL_EVER = {-2.6, -1.6, -0.7, 0.0, 0.5};
  static final double[] PUPIL_GAS_EVER = {-1.5, -0.9, -0.4, 0.0, 0.3};
  static final double[] PUPIL_RECENT = {0.3, 0.2, 0.1, 0.0, 0.0};
  static final double[] FLAT5 = new double[5];
  static final double[] PUPIL_SEX = {0.15, 0.10, 0.05, 0.0};
  static final double[][] PUPIL_TYPE = {{0.35, 0, -0.25}, {0.10, 0, -0.10}, {0.05, 0, -0.05}, {0, 0, 0}};

  /** The pupils' model (2023). */
  static SurveyModel pupils() {
    return PupilHolder.MODEL;
  }

  /** Lazily built, calibrated pupils' model. */
  private static final class PupilHolder {
    static final SurveyModel MODEL = buildPupils();
  }

  private static SurveyModel buildPupils() {
    int ages = PUPIL_AGES.length;
    int cells = ages * 2 * 3;
    int[] ag = new int[cells];
    int[] sx = new int[cells];
    int[] ty = new int[cells];
    double[] share = new double[cells];
    double[] factor = new double[cells];
    int c = 0;
    for (int a = 0; a < ages; a++) {
      for (int s = 0; s < 2; s++) {
        for (int t = 0; t < 3; t++) {
          ag[c] = a;
          sx[c] = s;
          ty[c] = t;
          share[c] = PUPIL_AGE_SHARE[a] * (s == 0 ? PUPIL_FEMALE : 1 - PUPIL_FEMALE) * SCHOOL_TYPE_SHARE[t];
          factor[c] = 1.0;
          c++;
        }
      }
    }
    normalise(share);
    boolean[] all = new boolean[cells];
    Arrays.fill(all, true);
    List<Substance> substances = PUPIL_SUBSTANCES;
    double[][][] p = new double[substances.size()][][];
    for (int i = 0; i < substances.size(); i++) {
      double[][] profiles = {substances.get(i) == Substance.LAUGHING_GAS ? PUPIL_GAS_EVER : PUPIL_EVER,
          PUPIL_RECENT, FLAT5, FLAT5};
      double[][] eta = new double[PERIODS][cells];
      for (int per = 0; per < PERIODS; per++) {
        for (int k = 0; k < cells; k++) {
          eta[per][k] = profiles[per][ag[k]] + (sx[k] == 1 ? PUPIL_SEX[per] : -PUPIL_SEX[per]) + PUPIL_TYPE[per][ty[k]];
        }
      }
      p[i] = Calibration.nested(share, all, eta, PUPIL_TARGET[i]);
    }
    int strataCount = SCHOOL_TYPES.length * PUPIL_REGIONS.length;
    String[] strata = new String[strataCount];
    double[] rho = new double[strataCount];
    int[] strataType = new int[strataCount];
    int h = 0;
    for (int t = 0; t < SCHOOL_TYPES.length; t++) {
      for (int r = 0; r < PUPIL_REGIONS.length; r++) {
        strata[h] = SCHOOL_TYPES[t] + "-" + PUPIL_REGIONS[r];
        rho[h] = PUPIL_REGION_SHARE[r];
        strataType[h] = t;
        h++;
      }
    }
    return new SurveyModel(Kind.PUPILS, "pupils", PUPIL_YEAR, PUPIL_AGEGROUPS, PUPIL_AGES, PUPIL_AGES,
        "school_type", SCHOOL_TYPES, ag, sx, ty, share, factor, substances, p, new double[substances.size()],
        strata, rho, strataType, PUPIL_POPULATION);
  }

  // ---------------------------------------------------------------------------------------------
  // Truth
  // ---------------------------------------------------------------------------------------------

  /** Index of a surveyed substance, or an error naming it. */
  int substanceIndex(Substance s) {
    int i = substances.indexOf(s);
    if (i < 0) {
      throw new IllegalArgumentException("substance '" + (s == null ? "<missing>" : s.code())
          + "' is not surveyed in '" + name + "'; surveyed: " + substances.stream().map(Substance::code).toList());
    }
    return i;
  }

  /** True probabilities per cell for a surveyed substance and period, or an error naming them. */
  double[] probabilities(Substance s, RecallPeriod period) {
    int i = substanceIndex(s);
    if (period == null || p[i][period.ordinal()] == null) {
      throw new IllegalArgumentException("recall period '" + (period == null ? "<missing>" : period.code())
          + "' is not surveyed for " + s.code() + " in '" + name + "'; surveyed: " + periods(i));
    }
    return p[i][period.ordinal()];
  }

  List<String> periods(int substanceIndex) {
    List<String> out = new ArrayList<>();
    for (RecallPeriod r : RecallPeriod.values()) {
      if (p[substanceIndex][r.ordinal()] != null) {
        out.add(r.code());
      }
    }
    return out;
  }

  /** Cells of the age groups that make up {@code group}, or an error when the survey does not cover it. */
  boolean[] cellsOf(TargetGroup group) {
    if (group == null) {
      throw Checks.badArgument("target group", "must be given", null);
    }
    int lo = agegroupMin[0];
    int hi = agegroupMax[agegroupMax.length - 1];
    int groupMax = group.maxAge() >= 100 ? hi : group.maxAge();
    boolean covered = group.probabilitySample() && group.minAge() >= lo && group.maxAge() >= group.minAge()
        && groupMax <= hi && group.minAge() <= hi;
    boolean[] inGroup = new boolean[agegroups.length];
    int count = 0;
    for (int g = 0; covered && g < agegroups.length; g++) {
      boolean inside = agegroupMin[g] >= group.minAge() && agegroupMax[g] <= groupMax;
      boolean outside = agegroupMax[g] < group.minAge() || agegroupMin[g] > groupMax;
      if (!inside && !outside) {
        covered = false;
      }
      inGroup[g] = inside;
      count += inside ? 1 : 0;
    }
    if (!covered || count == 0) {
      throw new IllegalArgumentException("target group '" + group.code() + "' (" + group + ", ages "
          + group.minAge() + (group.maxAge() >= 100 ? "+" : "–" + group.maxAge()) + ") is not covered by survey '"
          + name + "' (ages " + lo + "–" + hi + " in age groups " + Arrays.toString(agegroups) + ")");
    }
    boolean[] mask = new boolean[cells];
    for (int k = 0; k < cells; k++) {
      mask[k] = inGroup[cellAgegroup[k]];
    }
    return mask;
  }

  /** Cells of one age group and sex ({@code null}: both). */
  boolean[] cellsOf(String agegroup, String sex) {
    int g = Arrays.asList(agegroups).indexOf(agegroup);
    if (g < 0) {
      throw Checks.unknownValue("agegroup", agegroup, Arrays.asList(agegroups));
    }
    int s = sex == null ? -1 : Arrays.asList(SEX).indexOf(sex);
    if (sex != null && s < 0) {
      throw Checks.unknownValue("sex", sex, List.of("F", "M", "null (both)"));
    }
    boolean[] mask = new boolean[cells];
    for (int k = 0; k < cells; k++) {
      mask[k] = cellAgegroup[k] == g && (s < 0 || cellSex[k] == s);
    }
    return mask;
  }

  /** {@code Σ_{c in mask} share_c·p_c / Σ_{c in mask} share_c}. */
  static double weightedMean(double[] share, double[] p, boolean[] mask) {
    double num = 0;
    double den = 0;
    for (int k = 0; k < share.length; k++) {
      if (mask[k]) {
        num += share[k] * p[k];
        den += share[k];
      }
    }
    return num / den;
  }

  /** Whether cell {@code c} may be drawn in stratum {@code h}. */
  boolean allowed(int h, int c) {
    return strataThird[h] < 0 || strataThird[h] == cellThird[c];
  }

  private void checkProbabilities() {
    for (int i = 0; i < p.length; i++) {
      for (int per = 0; per < PERIODS; per++) {
        if (p[i][per] == null) {
          continue;
        }
        for (int k = 0; k < cells; k++) {
          double v = p[i][per][k];
          double parent = per == 0 ? 1.0 : p[i][per - 1][k];
          if (!(v > 0 && v <= parent && v * (1 + PSU_SPREAD) <= 1)) {
            throw new IllegalStateException("model '" + name + "' " + year + ": probability of "
                + substances.get(i).code() + " " + RecallPeriod.values()[per].code() + " in cell " + k
                + " is " + v + " (must be in (0, " + parent + "] and at most 1/" + (1 + PSU_SPREAD) + ")");
          }
        }
      }
    }
  }

  static void normalise(double[] a) {
    double t = 0;
    for (double v : a) {
      t += v;
    }
    for (int i = 0; i < a.length; i++) {
      a[i] /= t;
    }
  }
}
