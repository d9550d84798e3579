package io.github.dmstat.datasets;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.model.Indicator;
import io.github.dmstat.core.model.RecallPeriod;
import io.github.dmstat.core.model.Substance;
import io.github.dmstat.core.model.TargetGroup;
import io.github.dmstat.core.survey.DesignSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Deterministic synthetic drug-use surveys with a <em>known truth</em>, for testing estimators,
 * intervals, disclosure rules and reports against the population value they estimate.
 *
 * <h2>Population model</h2>
 * The population is a fixed table of cells {@code c} (age group × sex × education for adults;
 * age × sex × school type for pupils) with population shares {@code s_c} ({@code Σ s_c = 1}).
 * Each cell has a true probability {@code p_j,c} for every surveyed substance and recall period
 * {@code j} (lifetime, last year, last month; for adults also cannabis daily or near daily),
 * nested by construction:
 * <pre>
 *   p_j,c = p_(j−1),c · expit(θ_j + η_j,c),   p_(−1),c = 1,   expit(x) = 1/(1 + e^(−x))
 * </pre>
 * where {@code η_j,c} is a log-odds profile (age gradient, men higher than women, an education
 * or school-type effect) and the shift {@code θ_j} is solved numerically so that the
 * population-weighted truth hits its target exactly (to rounding, about 1e-17):
 * {@code Σ_{c∈G} s_c p_j,c / Σ_{c∈G} s_c = T_j} over the calibration group {@code G} (adults
 * 18+ for {@link #adults}, all pupils 12–16 for {@link #pupils}). The truth of any target group
 * or cell group is the same share-weighted mean over its cells, see
 * {@link #truePrevalence(Substance, RecallPeriod, TargetGroup)}.
 *
 * <h2>Adults ({@link #adults(long, int, int)})</h2>
 * Modelled on the adult Leefstijlmonitor/Gezondheidsenquête; ages 15–79 in age groups
 * {@code 15-17, 18-24, 25-34, 35-44, 45-54, 55-64, 65+} (65+ means 65–79 here; "adults 18+"
 * therefore means 18–79). Population by age group (thousands, approximately the Dutch structure
 * on 1 January 2024): 625, 1540, 2350, 2230, 2330, 2530, 2750; sex F/M, education low/mid/high
 * by age group. 2022 targets for adults 18+ (the published NDM figures, DOMAIN.md): last year
 * cannabis 7.8%, ecstasy 3.9%, cocaine 2.4%, amphetamine 1.4%, laughing gas 1.3%, ketamine 0.8%,
 * mushrooms 0.7%, 3-MMC 0.5% (the three published as "under 1%"), GHB 0.4%, LSD 0.5%, other NPS
 * 0.3%, opiates 0.2%; cannabis lifetime 23.6% and daily 1.5%. The other lifetime and last-month
 * targets are illustrative. The age profile gives young adults 18–24 a last-year cannabis truth
 * of about 25% ("about 1 in 4"). Year trend: every probability of substance {@code S} is
 * multiplied by {@code (1 + d_S)^(year − 2022)} with {@code d} = −1%/yr for cannabis, +4%/yr for
 * cocaine, −5%/yr for laughing gas and 0 otherwise (so the truth scales by the same factor).
 *
 * <h2>Pupils ({@link #pupils(long, int)})</h2>
 * Modelled on the Peilstationsonderzoek, 2023: ages 12–16 ({@code agegroup} is the age as text,
 * "12".."16"), sex, school type vmbo/havo/vwo (population shares 52/24/24%), grade (leerjaar,
 * about age − 11, 15% one year behind, at most 4/5/6 for vmbo/havo/vwo). Substances cannabis,
 * ecstasy, cocaine and laughing gas; cannabis lifetime truth for 12–16 is exactly the published
 * 8.5% with a strong age gradient (about 1% at 12 to 20% at 16); the other targets are
 * illustrative.
 *
 * <h2>Sample design</h2>
 * <ul>
 *   <li>Strata {@code h}: adults 25 regions {@code R01..R25} with unequal population sizes; pupils
 *       school type × region ({@code vmbo-north} … {@code vwo-west}). Rows are allocated equally
 *       over strata ({@code n_h = rows/H}, the remainder to the first strata): a disproportionate
 *       allocation.</li>
 *   <li>PSUs (clusters) nested in strata: adults 8–14 per stratum (uniform), labelled
 *       {@code C01..}; pupils schools of about 65 pupils ({@code max(2, round(n_h/65))} per
 *       stratum), labelled {@code S001..}. Labels are reused across strata (nested design). Rows
 *       are split evenly over the PSUs of their stratum.</li>
 *   <li>Within a stratum each person's cell is drawn with probability
 *       {@code q_c|h ∝ s_c · o_c} over the cells the stratum holds, with oversampling factor
 *       {@code o_c} (adults by age group 15-17…65+: 2.0, 2.0, 1.4, 1.0, 1.0, 0.9, 0.8; pupils 1).
 *       The weight is the inverse selection probability scaled to the population size
 *       {@code N}: {@code w = N · ρ_h · s_c / (n_h · q_c|h)} with {@code ρ_h} the stratum's share
 *       of the cell's population. Hence {@code E[Σ w y] = N Σ_c s_c p_c} and the weighted
 *       (ratio) estimator is consistent for the truth.</li>
 *   <li>Each PSU {@code k} draws a multiplier {@code m_k ~ Uniform(0.7, 1.3)} (mean exactly 1)
 *       that multiplies every probability of its members: {@code P(y = 1) = m_k p_j,c}. The
 *       expected prevalence stays {@code Σ s_c p_j,c}, while members of a PSU are correlated,
 *       which gives a design effect above 1.</li>
 *   <li>Nested outcomes share one uniform draw {@code u} per person and substance:
 *       {@code y_j = [u < m_k p_j,c]}, so last month implies last year implies lifetime in every
 *       row and {@code P(y_j = 1 | y_(j−1) = 1) = p_j,c / p_(j−1),c}. Substances are independent
 *       given cell and PSU.</li>
 *   <li>Each outcome cell is then left empty (missing) with probability 1%, independently
 *       (missing completely at random).</li>
 * </ul>
 *
 * <h2>Determinism</h2>
 * Everything is drawn from one {@link SplittableRandom}{@code (seed)} and streams
 * {@link SplittableRandom#split() split} from it in a fixed order (design, persons, one stream per
 * substance, missing cells), and the model uses {@link StrictMath}: the same seed, size and year
 * give an identical table on every JVM. Missing cells are placed with geometric gaps
 * {@code ⌊ln U / ln 0.99⌋} between them, which is the same as an independent 1% draw per cell.
 *
 * <h2>Columns</h2>
 * {@code id} (int, 1..rows), {@code stratum}, {@code psu}, {@code weight} (double), {@code age}
 * (int), {@code agegroup}, {@code sex} ("F"/"M"), {@code education} ("low"/"mid"/"high"; pupils:
 * {@code school_type} then {@code grade} (int)), then per surveyed substance
 * {@code <code>_lifetime, <code>_last_year, <code>_last_month} ({@link Indicator#column}) and,
 * for adults, {@code cannabis_daily}. Outcomes are int columns holding 0, 1 or missing.
 *
 * <pre>{@code
 * SyntheticSurvey s = SyntheticSurvey.adults(42, 12_000);
 * PrevalenceTable t = PrevalenceEstimator.withDefaults()
 *     .estimate(s.table(), s.design(), "cannabis_last_year");
 * double truth = s.truePrevalence(Substance.CANNABIS, RecallPeriod.LAST_YEAR, TargetGroup.ADULTS_18_PLUS);
 * }</pre>
 */
public final class SyntheticSurvey {
  /** Largest number of rows a generator accepts. */
  public static final int MAX_ROWS = 20_000_000;

  private static final double PUPILS_PER_SCHOOL = 65.0;
  private static final double GRADE_BEHIND = 0.15;

  private final SurveyModel model;
  private final long seed;
  private final int rows;
  // outcome columns: substance index and period per column
  private final int[] outSubstance;
  private final int[] outPeriod;
  // generated rows
  private final int[] stratum;
  private final int[] psu;
  private final double[] weight;
  private final int[] age;
  private final int[] cell;
  private final int[] grade;
  private final byte[][] outcome; // 0, 1, or -1 for missing
  private final int maxPsus;

  private SyntheticSurvey(SurveyModel model, long seed, int rows) {
    if (rows < 1 || rows > MAX_ROWS) {
      throw Checks.badArgument("rows", "must be between 1 and " + MAX_ROWS, rows);
    }
    this.model = model;
    this.seed = seed;
    this.rows = rows;
    List<int[]> layout = new ArrayList<>();
    for (int i = 0; i < model.substances.size(); i++) {
      for (int per = 0; per < SurveyModel.PERIODS - 1; per++) {
        if (model.p[i][per] != null) {
          layout.add(new int[] {i, per});
        }
      }
    }
    for (int i = 0; i < model.substances.size(); i++) {
      if (model.p[i][RecallPeriod.DAILY.ordinal()] != null) {
        layout.add(new int[] {i, RecallPeriod.DAILY.ordinal()});
      }
    }
    outSubstance = layout.stream().mapToInt(a -> a[0]).toArray();
    outPeriod = layout.stream().mapToInt(a -> a[1]).toArray();
    stratum = new int[rows];
    psu = new int[rows];
    weight = new double[rows];
    age = new int[rows];
    cell = new int[rows];
    grade = model.kind == SurveyModel.Kind.PUPILS ? new int[rows] : null;
    outcome = new byte[layout.size()][rows];
    maxPsus = generate();
  }

  /**
   * An adult survey for 2022 with {@code rows} persons.
   *
   * @param seed seed of the single {@link SplittableRandom} everything is drawn from
   * @param rows number of persons, 1 to {@link #MAX_ROWS}
   * @return the generated sample with its truth
   * @throws IllegalArgumentException if {@code rows} is not between 1 and {@link #MAX_ROWS}
   */
  public static SyntheticSurvey adults(long seed, int rows) {
    return adults(seed, rows, SurveyModel.ADULT_BASE_YEAR);
  }

  /**
   * An adult survey for {@code year} (2015–2030) with {@code rows} persons; probabilities drift
   * from 2022 by {@code (1 + d_S)^(year − 2022)} (see the class description).
   *
   * @param seed seed of the single {@link SplittableRandom} everything is drawn from
   * @param rows number of persons, 1 to {@link #MAX_ROWS}
   * @param year survey year, 2015 to 2030
   * @return the generated sample with its truth
   * @throws IllegalArgumentException if {@code rows} is not between 1 and {@link #MAX_ROWS} or
   *     {@code year} is outside 2015–2030
   */
  public static SyntheticSurvey adults(long seed, int rows, int year) {
    return new SyntheticSurvey(SurveyModel.adults(year), seed, rows);
  }

  /**
   * A pupils' survey (ages 12–16, 2023) with {@code rows} pupils.
   *
   * @param seed seed of the single {@link SplittableRandom} everything is drawn from
   * @param rows number of pupils, 1 to {@link #MAX_ROWS}
   * @return the generated sample with its truth
   * @throws IllegalArgumentException if {@code rows} is not between 1 and {@link #MAX_ROWS}
   */
  public static SyntheticSurvey pupils(long seed, int rows) {
    return new SyntheticSurvey(SurveyModel.pupils(), seed, rows);
  }

  /**
   * Draws every row; returns the largest PSU count of a stratum (for label width).
   *
   * <p>Random streams, all derived from {@code new SplittableRandom(seed)} in this order: the
   * design (PSU counts and multipliers), then {@code split()} streams for the persons (cell, age,
   * grade), for each substance (one uniform per person), and for the missing cells.
   */
  private int generate() {
    SplittableRandom rng = new SplittableRandom(seed);
    int strataCount = model.strata.length;
    int[] n = new int[strataCount];
    int[] psus = new int[strataCount];
    int[] firstPsu = new int[strataCount];
    List<Double> multipliers = new ArrayList<>();
    int widest = 1;
    for (int h = 0; h < strataCount; h++) {
      n[h] = rows / strataCount + (h < rows % strataCount ? 1 : 0);
      if (model.kind == SurveyModel.Kind.ADULTS) {
        psus[h] = rng.nextInt(8, 15);
      } else {
        psus[h] = n[h] < 2 ? 1 : Math.min(n[h], Math.max(2, (int) Math.round(n[h] / PUPILS_PER_SCHOOL)));
      }
      widest = Math.max(widest, psus[h]);
      firstPsu[h] = multipliers.size();
      for (int k = 0; k < psus[h]; k++) {
        multipliers.add(1 - SurveyModel.PSU_SPREAD + 2 * SurveyModel.PSU_SPREAD * rng.nextDouble());
      }
    }
    double[] mult = multipliers.stream().mapToDouble(Double::doubleValue).toArray();
    SplittableRandom persons = rng.split();
    SplittableRandom[] substanceRng = new SplittableRandom[model.substances.size()];
    for (int i = 0; i < substanceRng.length; i++) {
      substanceRng[i] = rng.split();
    }
    SplittableRandom missing = rng.split();

    int cells = model.cells;
    int[] globalPsu = new int[rows];
    int row = 0;
    int[] allowed = new int[cells];
    double[] cumulative = new double[cells];
    double[] cellWeight = new double[cells];
    for (int h = 0; h < strataCount; h++) {
      // q_c|h ∝ s_c o_c over the cells stratum h holds; w = N rho_h s_c / (n_h q_c|h)
      int a = 0;
      double total = 0;
      for (int c = 0; c < cells; c++) {
        if (model.allowed(h, c)) {
          allowed[a] = c;
          total += model.share[c] * model.samplingFactor[c];
          cumulative[a] = total;
          a++;
        }
      }
      for (int m = 0; m < a; m++) {
        int c = allowed[m];
        double q = model.share[c] * model.samplingFactor[c] / total;
        cellWeight[c] = model.populationSize * model.strataRho[h] * model.share[c] / (n[h] * q);
      }
      for (int j = 0; j < n[h]; j++, row++) {
        int k = (int) ((long) j * psus[h] / n[h]);
        double u = persons.nextDouble() * total;
        int m = 0;
        while (m < a - 1 && u >= cumulative[m]) {
          m++;
        }
        int c = allowed[m];
        int g = model.cellAgegroup[c];
        stratum[row] = h;
        psu[row] = k;
        globalPsu[row] = firstPsu[h] + k;
        cell[row] = c;
        weight[row] = cellWeight[c];
        int lo = model.agegroupMin[g];
        int hi = model.agegroupMax[g];
        age[row] = lo == hi ? lo : persons.nextInt(lo, hi + 1);
        if (grade != null) {
          int gr = age[row] - 11;
          if (persons.nextDouble() < GRADE_BEHIND) {
            gr--;
          }
          grade[row] = Math.max(1, Math.min(SurveyModel.SCHOOL_TYPE_MAX_GRADE[model.cellThird[c]], gr));
        }
      }
    }
    // outcomes: y_j = [u < m_k p_j,c] with one uniform u per person and substance (nested)
    int outcomes = outSubstance.length;
    for (int i = 0; i < substanceRng.length; i++) {
      SplittableRandom r = substanceRng[i];
      int count = 0;
      for (int j = 0; j < outcomes; j++) {
        count += outSubstance[j] == i ? 1 : 0;
      }
      byte[][] out = new byte[count][];
      double[][] prob = new double[count][];
      for (int j = 0, m = 0; j < outcomes; j++) {
        if (outSubstance[j] == i) {
          out[m] = outcome[j];
          prob[m++] = model.p[i][outPeriod[j]];
        }
      }
      for (int rr = 0; rr < rows; rr++) {
        double v = r.nextDouble();
        double mk = mult[globalPsu[rr]];
        int c = cell[rr];
        for (int m = 0; m < count; m++) {
          out[m][rr] = v < mk * prob[m][c] ? (byte) 1 : (byte) 0;
        }
      }
    }
    // missing completely at random with probability MISSING per cell: geometric gaps
    // G = floor(ln U / ln(1 − MISSING)) between missing cells, P(G = g) = (1 − q)^g q
    double logKeep = StrictMath.log1p(-SurveyModel.MISSING);
    for (int col = 0; col < outcomes; col++) {
      long pos = -1;
      while (true) {
        double u = 1.0 - missing.nextDouble(); // in (0, 1]
        pos += 1 + (long) Math.floor(StrictMath.log(u) / logKeep);
        if (pos >= rows) {
          break;
        }
        outcome[col][(int) pos] = -1;
      }
    }
    return widest;
  }

  /**
   * The generated sample as a new Tablesaw table (a fresh copy on every call: changing it does
   * not affect this generator or its truth). Columns as in the class description.
   *
   * @return a new table named {@code "<name> <year> (seed <seed>)"}, e.g. {@code adults 2022 (seed 42)},
   *     one row per person
   */
  public Table table() {
    List<Column<?>> cols = new ArrayList<>();
    int[] id = new int[rows];
    for (int r = 0; r < rows; r++) {
      id[r] = r + 1;
    }
    cols.add(IntColumn.create("id", id));
    cols.add(strings("stratum", stratum, model.strata));
    String[] psuLabels = new String[maxPsus];
    String format = model.kind == SurveyModel.Kind.ADULTS ? "C%02d" : "S%03d";
    for (int k = 0; k < maxPsus; k++) {
      psuLabels[k] = String.format(Locale.ROOT, format, k + 1);
    }
    cols.add(strings("psu", psu, psuLabels));
    cols.add(DoubleColumn.create("weight", weight.clone()));
    cols.add(IntColumn.create("age", age.clone()));
    String[] agegroupOf = new String[model.cells];
    String[] sexOf = new String[model.cells];
    String[] thirdOf = new String[model.cells];
    for (int c = 0; c < model.cells; c++) {
      agegroupOf[c] = model.agegroups[model.cellAgegroup[c]];
      sexOf[c] = SurveyModel.SEX[model.cellSex[c]];
      thirdOf[c] = model.thirdLabels[model.cellThird[c]];
    }
    cols.add(strings("agegroup", cell, agegroupOf));
    cols.add(strings("sex", cell, sexOf));
    cols.add(strings(model.thirdColumn, cell, thirdOf));
    if (grade != null) {
      cols.add(IntColumn.create("grade", grade.clone()));
    }
    for (int j = 0; j < outSubstance.length; j++) {
      int[] v = new int[rows];
      byte[] o = outcome[j];
      for (int r = 0; r < rows; r++) {
        v[r] = o[r] < 0 ? Integer.MIN_VALUE : o[r];
      }
      Substance sub = model.substances.get(outSubstance[j]);
      cols.add(IntColumn.create(Indicator.column(sub, RecallPeriod.values()[outPeriod[j]]), v));
    }
    return Table.create(name() + " " + model.year + " (seed " + seed + ")", cols);
  }

  private StringColumn strings(String name, int[] codes, String[] labels) {
    String[] v = new String[rows];
    for (int r = 0; r < rows; r++) {
      v[r] = labels[codes[r]];
    }
    return StringColumn.create(name, v);
  }

  /**
   * The seed the sample was drawn with.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * The survey year (adults 2015–2030, pupils 2023).
   *
   * @return the year
   */
  public int year() {
    return model.year;
  }

  /**
   * Number of rows (persons).
   *
   * @return the number of rows of {@link #table()}
   */
  public int rows() {
    return rows;
  }

  /**
   * {@code "adults"} or {@code "pupils"}.
   *
   * @return the survey's name
   */
  public String name() {
    return model.name;
  }

  /**
   * The substances this survey asks about, in column order.
   *
   * @return the substances, an unmodifiable list
   */
  public List<Substance> substances() {
    return model.substances;
  }

  /**
   * The sample design: weights {@code weight}, strata {@code stratum}, PSUs {@code psu} (nested).
   *
   * @return the design for {@link #table()}
   */
  public DesignSpec design() {
    return DesignSpec.weights("weight").withStrata("stratum").withPsu("psu");
  }

  /**
   * The exact population prevalence in a target group:
   * {@code Σ_{c∈G} s_c p_c / Σ_{c∈G} s_c} over the cells whose age group lies in the group's age
   * range (an open-ended range such as 18+ ends at the survey's oldest age, 79 for adults).
   *
   * @param substance a surveyed substance ({@link #substances()})
   * @param period a surveyed recall period (daily only for cannabis in the adult survey)
   * @param group a target group the survey covers
   * @return the true prevalence, a proportion in (0, 1)
   * @throws IllegalArgumentException if the substance or the recall period is not surveyed, or
   *     the survey does not cover the group (its age range must be a union of the survey's age
   *     groups, and it must come from a probability sample: partygoers never do)
   */
  public double truePrevalence(Substance substance, RecallPeriod period, TargetGroup group) {
    double[] p = model.probabilities(substance, period);
    return SurveyModel.weightedMean(model.share, p, model.cellsOf(group));
  }

  /**
   * The exact population prevalence in one age group ({@code "18-24"}; pupils {@code "14"}) and
   * sex ({@code "F"}, {@code "M"}, or {@code null} for both): {@code Σ s_c p_c / Σ s_c} over its
   * cells (all education levels or school types).
   *
   * @param substance a surveyed substance ({@link #substances()})
   * @param period a surveyed recall period
   * @param agegroup an age group label as in the {@code agegroup} column
   * @param sex {@code "F"}, {@code "M"} or {@code null} for both
   * @return the true prevalence, a proportion in (0, 1)
   * @throws IllegalArgumentException for an unknown age group or sex, or a substance or period
   *     that is not surveyed
   */
  public double truePrevalence(Substance substance, RecallPeriod period, String agegroup, String sex) {
    double[] p = model.probabilities(substance, period);
    return SurveyModel.weightedMean(model.share, p, model.cellsOf(agegroup, sex));
  }

  /** One line: {@code SyntheticSurvey[adults, year=2022, rows=12000, seed=20220101]}. */
  @Override
  public String toString() {
    return "SyntheticSurvey[" + name() + ", year=" + year() + ", rows=" + rows + ", seed=" + seed + "]";
  }
}
