package io.github.dmstat.datasets;

import io.github.dmstat.core.Checks;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Deterministic synthetic intervention-outcome data with a <em>known true effect</em>, for the
 * outcome estimators (risk ratios and meta-analysis, Kaplan–Meier and log-rank, difference in
 * differences) and their command line.
 *
 * <h2>Municipalities</h2>
 * The 12 municipalities that joined <em>Preventie met gezag</em> in 2023 (Staatscourant 2023,
 * 19537), with their CBS municipality codes: Almere GM0034, Enschede GM0153, 's-Hertogenbosch
 * GM0796, Nijmegen GM0268, Helmond GM0794, Venlo GM0983, Sittard-Geleen GM1883, Maastricht
 * GM0935, Delft GM0503, Dordrecht GM0505, Roosendaal GM1674, Vlaardingen GM0622
 * ({@link #municipalities()}). Each has a size factor {@code f_m} (persons and wijken scale with it)
 * and a baseline log-odds shift {@code α_m}. All other numbers are illustrative, not real data.
 *
 * <h2>(a) Cohorts ({@link #cohorts()})</h2>
 * Per municipality {@code n_m = round(persons · f_m)} young people, the first {@code ⌊n_m/2⌋} in the
 * intervention group and the rest in the comparison group; covariates are drawn independently of
 * the group (as in a randomised or perfectly matched comparison): age uniform on 12–27, sex M with
 * probability 0.8, prior offences 0–5 ("5" = five or more) with probabilities
 * 0.30, 0.25, 0.18, 0.12, 0.08, 0.07. The probability of re-offending within 730 days is
 * <pre>
 *   p0 = 0.65 · expit(α_m − 0.06·(age − 18) + 0.4·[male] + 0.35·prior)     (comparison)
 *   p1 = RR · p0                                                           (intervention)
 * </pre>
 * so the risk ratio is exactly {@code RR} ({@link #trueRiskRatio()}, default 0.75) for every person,
 * every municipality and, because the covariates do not depend on the group, for the groups as a
 * whole. A re-offender's time to re-offence {@code T} (days) is drawn from the exponential
 * distribution with mean 250 days truncated to (0, 730] and rounded up to whole days; hence the
 * cumulative incidence {@code 1 − S(t) = p·G(t)} and the ratio of cumulative incidences is
 * {@code RR} at <em>every</em> time {@code t <= 730} (the hazards are not proportional: this is a
 * constant cumulative-risk-ratio model). 8% of persons are lost to follow-up at a day
 * {@code C} uniform on 1..730, independently of everything else; the others are followed for
 * 730 days. Observed: {@code time = T, reoffended = 1} when {@code T <= C} (a re-offence on the
 * day of loss counts), else {@code time = C} (or 730), {@code reoffended = 0}. Because loss to
 * follow-up is independent of group and outcome, Kaplan–Meier curves are unbiased and the ratio of
 * observed re-offence proportions also has expectation ratio {@code RR}.
 *
 * <p>Columns: {@code id} (int), {@code municipality} (name), {@code code} (GM code), {@code group}
 * ("intervention"/"comparison"), {@code treated} (0/1), {@code age} (int), {@code sex} (F/M),
 * {@code prior_offences} (int), {@code time} (follow-up in days, 1..730), {@code reoffended} (0/1),
 * {@code time_to_reoffence} (days; missing when no re-offence was observed).
 *
 * <h2>(b) Effects ({@link #effects()})</h2>
 * One row per municipality aggregated from (a): {@code study} (name), {@code code},
 * {@code events_treated}, {@code total_treated}, {@code events_control}, {@code total_control}
 * (events = observed re-offences). Pooling the 12 risk ratios estimates {@code RR}; the true
 * between-municipality variance is 0.
 *
 * <h2>(c) Area panel ({@link #panel()})</h2>
 * Per municipality {@code W_m = max(2, round(wijken · f_m))} wijken with codes {@code WK} + the
 * four municipality digits + two digits; the first {@code ⌈W_m/2⌉} are intervention areas
 * ({@code treated = 1}). Periods −2, −1, 0 (before) and 1, 2 (after), coded as
 * {@code io.github.dmstat.core.outcomes.DiffInDiff} expects. Inhabitants {@code N_u} uniform on
 * 2,000–12,000 (multiples of 5); expected registered incidents per 1,000 inhabitants
 * <pre>
 *   μ_ut = a_u − 1.0·t + δ·treated_u·[t > 0]
 * </pre>
 * with unit level {@code a_u} uniform on 45–80 (intervention areas) or 30–60 (comparison), a common
 * trend of −1 per 1,000 per period (parallel trends by construction) and the true effect {@code δ}
 * ({@link #trueDidEffect()}, default −5 per 1,000). Incidents
 * {@code ~ Poisson(N_u · μ_ut · m_ut / 1000)} with an overdispersion factor
 * {@code m_ut = exp(0.05·z − 0.05²/2)} (mean exactly 1), and {@code rate = 1000 · incidents / N_u}.
 * The panel is balanced, so the expected OLS DiD estimate is exactly {@code δ}. Columns:
 * {@code unit} (wijk code), {@code municipality}, {@code treated} (0/1), {@code period} (int),
 * {@code inhabitants} (int), {@code incidents} (int), {@code rate} (per 1,000 inhabitants).
 *
 * <h2>Determinism</h2>
 * {@code new SplittableRandom(seed)} is split in a fixed order: first the cohort stream, then the
 * panel stream; normal deviates by Box–Muller with {@link StrictMath}. The same seed and settings
 * give identical tables on every JVM; the panel does not depend on the cohort size and vice versa.
 *
 * <pre>{@code
 * SyntheticOutcomes s = SyntheticOutcomes.of(42).withPersons(5_000);
 * MetaAnalysis m = MetaAnalysis.fromCounts(s.effects(), CountColumns.standard(), Measure.RR, MetaMethod.REML, 0.95);
 * double truth = Math.log(s.trueRiskRatio());   // compare with m.estimate()
 * }</pre>
 */
public final class SyntheticOutcomes {
  /** Default persons per municipality of size factor 1. */
  public static final int DEFAULT_PERSONS = 300;
  /** Default wijken per municipality of size factor 1. */
  public static final int DEFAULT_WIJKEN = 6;
  /** Default true risk ratio (intervention vs comparison) of re-offending within 730 days. */
  public static final double DEFAULT_RISK_RATIO = 0.75;
  /** Default true difference-in-differences effect, incidents per 1,000 inhabitants. */
  public static final double DEFAULT_DID_EFFECT = -5.0;
  /** Follow-up of the cohorts in days. */
  public static final int FOLLOW_UP_DAYS = 730;
  /** The panel's periods: −2, −1, 0 before; 1, 2 after. */
  public static final List<Integer> PERIODS = List.of(-2, -1, 0, 1, 2);
  /** Largest accepted number of persons per municipality. */
  public static final int MAX_PERSONS = 1_000_000;
  /** Largest accepted number of wijken per municipality. */
  public static final int MAX_WIJKEN = 75;

  static final double MAX_BASE_RISK = 0.65;
  static final double LOST_TO_FOLLOW_UP = 0.08;
  static final double MEAN_TIME_DAYS = 250;
  static final double[] PRIOR_PROBS = {0.30, 0.25, 0.18, 0.12, 0.08, 0.07};
  static final double MALE = 0.8;
  static final int AGE_MIN = 12;
  static final int AGE_MAX = 27;
  static final double TREND_PER_PERIOD = -1.0;
  static final double OVERDISPERSION_SD = 0.05;

  /**
   * One municipality of the synthetic data.
   *
   * @param code CBS municipality code, e.g. {@code GM0034}
   * @param name municipality name as CBS spells it
   * @param sizeFactor multiplies persons and wijken
   * @param alpha baseline log-odds shift {@code α_m} of re-offending
   */
  public record Municipality(String code, String name, double sizeFactor, double alpha) {
    /**
     * Validates the fields.
     *
     * @param code CBS municipality code; not {@code null}
     * @param name municipality name; not {@code null}
     * @param sizeFactor multiplies persons and wijken, {@code > 0}
     * @param alpha baseline log-odds shift, finite
     * @throws IllegalArgumentException if {@code sizeFactor} is not {@code > 0} or {@code alpha} is not finite
     * @throws NullPointerException if {@code code} or {@code name} is {@code null}
     */
    public Municipality {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(name, "name");
      if (!(sizeFactor > 0)) {
        throw Checks.badArgument("sizeFactor", "must be > 0", sizeFactor);
      }
      Checks.finite("alpha", alpha);
    }
  }

  private static final List<Municipality> MUNICIPALITIES = List.of(
      new Municipality("GM0034", "Almere", 1.3, -0.6),
      new Municipality("GM0153", "Enschede", 1.0, -0.9),
      new Municipality("GM0796", "'s-Hertogenbosch", 1.0, -1.0),
      new Municipality("GM0268", "Nijmegen", 1.2, -0.8),
      new Municipality("GM0794", "Helmond", 0.7, -0.7),
      new Municipality("GM0983", "Venlo", 0.8, -0.5),
      new Municipality("GM1883", "Sittard-Geleen", 0.7, -0.4),
      new Municipality("GM0935", "Maastricht", 1.0, -0.9),
      new Municipality("GM0503", "Delft", 0.9, -1.2),
      new Municipality("GM0505", "Dordrecht", 1.0, -0.6),
      new Municipality("GM1674", "Roosendaal", 0.6, -0.7),
      new Municipality("GM0622", "Vlaardingen", 0.6, -0.5));

  private final long seed;
  private final int persons;
  private final int wijken;
  private final double riskRatio;
  private final double didEffect;

  private SyntheticOutcomes(long seed, int persons, int wijken, double riskRatio, double didEffect) {
    this.seed = seed;
    if (persons < 4 || persons > MAX_PERSONS) {
      throw Checks.badArgument("persons", "must be in 4.." + MAX_PERSONS, persons);
    }
    if (wijken < 2 || wijken > MAX_WIJKEN) {
      throw Checks.badArgument("wijken", "must be in 2.." + MAX_WIJKEN, wijken);
    }
    if (!(riskRatio > 0 && riskRatio * MAX_BASE_RISK <= 1)) {
      throw Checks.badArgument("riskRatio", "must be > 0 and <= " + (1 / MAX_BASE_RISK), riskRatio);
    }
    if (!(Math.abs(didEffect) <= 25)) {
      throw Checks.badArgument("didEffect", "must be in [-25, 25] per 1,000", didEffect);
    }
    this.persons = persons;
    this.wijken = wijken;
    this.riskRatio = riskRatio;
    this.didEffect = didEffect;
  }

  /**
   * Generator with the defaults: 300 persons and 6 wijken per municipality of size 1, RR 0.75, DiD −5 per
   * 1,000.
   *
   * @param seed the seed of the {@link SplittableRandom}
   * @return the generator; tables are made when asked for
   */
  public static SyntheticOutcomes of(long seed) {
    return new SyntheticOutcomes(seed, DEFAULT_PERSONS, DEFAULT_WIJKEN, DEFAULT_RISK_RATIO, DEFAULT_DID_EFFECT);
  }

  /**
   * The same generator with {@code persons} per municipality of size factor 1 (4..1,000,000).
   *
   * @param persons persons per municipality of size factor 1, 4 to {@value #MAX_PERSONS}
   * @return a new generator, the other settings unchanged
   * @throws IllegalArgumentException if {@code persons} is out of range
   */
  public SyntheticOutcomes withPersons(int persons) {
    return new SyntheticOutcomes(seed, persons, wijken, riskRatio, didEffect);
  }

  /**
   * The same generator with {@code wijken} per municipality of size factor 1 (2..75, so that wijk codes keep
   * two digits).
   *
   * @param wijken wijken per municipality of size factor 1, 2 to {@value #MAX_WIJKEN}
   * @return a new generator, the other settings unchanged
   * @throws IllegalArgumentException if {@code wijken} is out of range
   */
  public SyntheticOutcomes withWijken(int wijken) {
    return new SyntheticOutcomes(seed, persons, wijken, riskRatio, didEffect);
  }

  /**
   * The same generator with true risk ratio {@code rr} ({@code 0 < rr <= 1/0.65}).
   *
   * @param rr the risk ratio, intervention vs comparison; at most 1/0.65 (about 1.54) so that every
   *     probability stays at most 1
   * @return a new generator, the other settings unchanged
   * @throws IllegalArgumentException if {@code rr} is out of range
   */
  public SyntheticOutcomes withRiskRatio(double rr) {
    return new SyntheticOutcomes(seed, persons, wijken, rr, didEffect);
  }

  /**
   * The same generator with true DiD effect {@code delta} per 1,000 inhabitants ({@code |delta| <= 25}).
   *
   * @param delta the effect in incidents per 1,000 inhabitants, in [−25, 25]
   * @return a new generator, the other settings unchanged
   * @throws IllegalArgumentException if {@code delta} is out of range or NaN
   */
  public SyntheticOutcomes withDidEffect(double delta) {
    return new SyntheticOutcomes(seed, persons, wijken, riskRatio, delta);
  }

  /**
   * The seed.
   *
   * @return the seed of this generator
   */
  public long seed() {
    return seed;
  }

  /**
   * Persons per municipality of size factor 1.
   *
   * @return the persons setting, {@value #DEFAULT_PERSONS} by default
   */
  public int persons() {
    return persons;
  }

  /**
   * Wijken per municipality of size factor 1.
   *
   * @return the wijken setting, {@value #DEFAULT_WIJKEN} by default
   */
  public int wijken() {
    return wijken;
  }

  /**
   * The 12 municipalities, in table order.
   *
   * @return the municipalities, an unmodifiable list
   */
  public static List<Municipality> municipalities() {
    return MUNICIPALITIES;
  }

  /**
   * Known truth: risk ratio of re-offending within {@code t} days, for every {@code 0 < t <= 730}.
   *
   * @return the risk ratio {@code RR}, intervention vs comparison
   */
  public double trueRiskRatio() {
    return riskRatio;
  }

  /**
   * Known truth: the difference-in-differences effect in incidents per 1,000 inhabitants.
   *
   * @return the effect {@code δ}
   */
  public double trueDidEffect() {
    return didEffect;
  }

  /**
   * Persons generated in municipality {@code m}: {@code round(persons · f_m)}, at least 2.
   *
   * @param m a municipality, normally one of {@link #municipalities()}
   * @return the number of persons in its cohort, both groups together
   */
  public int personsIn(Municipality m) {
    return (int) Math.max(2, Math.round(persons * m.sizeFactor()));
  }

  /**
   * Wijken generated in municipality {@code m}: {@code max(2, round(wijken · f_m))}.
   *
   * @param m a municipality, normally one of {@link #municipalities()}
   * @return the number of wijken in the panel
   */
  public int wijkenIn(Municipality m) {
    return (int) Math.max(2, Math.round(wijken * m.sizeFactor()));
  }

  /**
   * Known truth: probability of re-offending within 730 days (no loss to follow-up) in municipality
   * {@code m}, averaged exactly over the covariate distribution; times {@code RR} when treated.
   *
   * @param m a municipality, normally one of {@link #municipalities()}
   * @param treated {@code true} for the intervention group, {@code false} for the comparison group
   * @return the probability, in [0, 1]
   */
  public double trueRisk(Municipality m, boolean treated) {
    double sum = 0;
    for (int age = AGE_MIN; age <= AGE_MAX; age++) {
      for (int male = 0; male <= 1; male++) {
        for (int prior = 0; prior < PRIOR_PROBS.length; prior++) {
          double w = (1.0 / (AGE_MAX - AGE_MIN + 1)) * (male == 1 ? MALE : 1 - MALE) * PRIOR_PROBS[prior];
          sum += w * baseRisk(m.alpha(), age, male == 1, prior);
        }
      }
    }
    return treated ? riskRatio * sum : sum;
  }

  static double baseRisk(double alpha, int age, boolean male, int prior) {
    double eta = alpha - 0.06 * (age - 18) + (male ? 0.4 : 0) + 0.35 * prior;
    return MAX_BASE_RISK / (1 + StrictMath.exp(-eta));
  }

  /**
   * The person-level cohorts (a); see the class documentation for columns and model.
   *
   * @return a new table named {@code cohorts}, one row per person, municipalities in table order
   */
  public Table cohorts() {
    return generateCohorts().table();
  }

  /**
   * The per-municipality 2×2 counts (b), aggregated from {@link #cohorts()}.
   *
   * @return a new table named {@code effects}, one row per municipality in the order of
   *     {@link #municipalities()}
   */
  public Table effects() {
    Cohorts c = generateCohorts();
    int k = MUNICIPALITIES.size();
    int[] e1 = new int[k];
    int[] n1 = new int[k];
    int[] e0 = new int[k];
    int[] n0 = new int[k];
    for (int i = 0; i < c.size; i++) {
      int m = c.municipality[i];
      if (c.treated[i] == 1) {
        n1[m]++;
        e1[m] += c.reoffended[i];
      } else {
        n0[m]++;
        e0[m] += c.reoffended[i];
      }
    }
    StringColumn study = StringColumn.create("study");
    StringColumn code = StringColumn.create("code");
    for (Municipality m : MUNICIPALITIES) {
      study.append(m.name());
      code.append(m.code());
    }
    return Table.create("effects").addColumns(study, code, IntColumn.create("events_treated", e1),
        IntColumn.create("total_treated", n1), IntColumn.create("events_control", e0),
        IntColumn.create("total_control", n0));
  }

  /**
   * The area panel (c) for difference in differences; see the class documentation.
   *
   * @return a new table named {@code panel}, one row per wijk and period, the periods of a wijk together
   */
  public Table panel() {
    SplittableRandom root = new SplittableRandom(seed);
    root.split();
    SplittableRandom rng = root.split();
    StringColumn unit = StringColumn.create("unit");
    StringColumn muni = StringColumn.create("municipality");
    IntColumn treated = IntColumn.create("treated");
    IntColumn period = IntColumn.create("period");
    IntColumn inhabitants = IntColumn.create("inhabitants");
    IntColumn incidents = IntColumn.create("incidents");
    DoubleColumn rate = DoubleColumn.create("rate");
    for (Municipality m : MUNICIPALITIES) {
      int w = wijkenIn(m);
      int nTreated = (w + 1) / 2;
      for (int k = 1; k <= w; k++) {
        boolean tr = k <= nTreated;
        String code = String.format(java.util.Locale.ROOT, "WK%s%02d", m.code().substring(2), k);
        int inh = 5 * (400 + rng.nextInt(2001));
        double level = tr ? 45 + 35 * rng.nextDouble() : 30 + 30 * rng.nextDouble();
        for (int t : PERIODS) {
          double mu = level + TREND_PER_PERIOD * t + (tr && t > 0 ? didEffect : 0);
          double mult = StrictMath.exp(OVERDISPERSION_SD * gaussian(rng) - OVERDISPERSION_SD * OVERDISPERSION_SD / 2);
          int count = poisson(rng, inh * mu * mult / 1000);
          unit.append(code);
          muni.append(m.name());
          treated.append(tr ? 1 : 0);
          period.append(t);
          inhabitants.append(inh);
          incidents.append(count);
          rate.append(1000.0 * count / inh);
        }
      }
    }
    return Table.create("panel").addColumns(unit, muni, treated, period, inhabitants, incidents, rate);
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT,
        "SyntheticOutcomes[seed %d, %d persons and %d wijken per municipality (size 1), 12 municipalities, "
            + "true RR %.4g, true DiD %.4g per 1,000]", seed, persons, wijken, riskRatio, didEffect);
  }

  /** Generated cohort arrays. */
  private static final class Cohorts {
    int size;
    int[] municipality;
    byte[] treated;
    int[] age;
    byte[] male;
    int[] prior;
    int[] time;
    byte[] reoffended;
    int[] timeToReoffence;

    Table table() {
      IntColumn id = IntColumn.create("id");
      StringColumn muni = StringColumn.create("municipality");
      StringColumn code = StringColumn.create("code");
      StringColumn group = StringColumn.create("group");
      IntColumn tr = IntColumn.create("treated");
      IntColumn ageCol = IntColumn.create("age");
      StringColumn sex = StringColumn.create("sex");
      IntColumn priorCol = IntColumn.create("prior_offences");
      IntColumn timeCol = IntColumn.create("time");
      IntColumn reoff = IntColumn.create("reoffended");
      IntColumn ttr = IntColumn.create("time_to_reoffence");
      for (int i = 0; i < size; i++) {
        Municipality m = MUNICIPALITIES.get(municipality[i]);
        id.append(i + 1);
        muni.append(m.name());
        code.append(m.code());
        group.append(treated[i] == 1 ? "intervention" : "comparison");
        tr.append(treated[i]);
        ageCol.append(age[i]);
        sex.append(male[i] == 1 ? "M" : "F");
        priorCol.append(prior[i]);
        timeCol.append(time[i]);
        reoff.append(reoffended[i]);
        if (reoffended[i] == 1) {
          ttr.append(timeToReoffence[i]);
        } else {
          ttr.appendMissing();
        }
      }
      return Table.create("cohorts").addColumns(id, muni, code, group, tr, ageCol, sex, priorCol, timeCol, reoff, ttr);
    }
  }

  private Cohorts generateCohorts() {
    SplittableRandom rng = new SplittableRandom(seed).split();
    int total = 0;
    for (Municipality m : MUNICIPALITIES) {
      total += personsIn(m);
    }
    Cohorts c = new Cohorts();
    c.size = total;
    c.municipality = new int[total];
    c.treated = new byte[total];
    c.age = new int[total];
    c.male = new byte[total];
    c.prior = new int[total];
    c.time = new int[total];
    c.reoffended = new byte[total];
    c.timeToReoffence = new int[total];
    double truncation = 1 - StrictMath.exp(-FOLLOW_UP_DAYS / MEAN_TIME_DAYS);
    int i = 0;
    for (int mi = 0; mi < MUNICIPALITIES.size(); mi++) {
      Municipality m = MUNICIPALITIES.get(mi);
      int n = personsIn(m);
      int nTreated = n / 2;
      for (int j = 0; j < n; j++, i++) {
        boolean tr = j < nTreated;
        int age = AGE_MIN + rng.nextInt(AGE_MAX - AGE_MIN + 1);
        boolean male = rng.nextDouble() < MALE;
        int prior = draw(rng.nextDouble(), PRIOR_PROBS);
        double p = baseRisk(m.alpha(), age, male, prior) * (tr ? riskRatio : 1);
        boolean event = rng.nextDouble() < p;
        double u = rng.nextDouble();
        int t = Math.min(FOLLOW_UP_DAYS,
            Math.max(1, (int) Math.ceil(-MEAN_TIME_DAYS * StrictMath.log(1 - u * truncation))));
        boolean lost = rng.nextDouble() < LOST_TO_FOLLOW_UP;
        int cens = 1 + rng.nextInt(FOLLOW_UP_DAYS);
        int follow = lost ? cens : FOLLOW_UP_DAYS;
        c.municipality[i] = mi;
        c.treated[i] = (byte) (tr ? 1 : 0);
        c.age[i] = age;
        c.male[i] = (byte) (male ? 1 : 0);
        c.prior[i] = prior;
        if (event && t <= follow) {
          c.time[i] = t;
          c.reoffended[i] = 1;
          c.timeToReoffence[i] = t;
        } else {
          c.time[i] = follow;
          c.reoffended[i] = 0;
        }
      }
    }
    return c;
  }

  private static int draw(double u, double[] probs) {
    double cum = 0;
    for (int k = 0; k < probs.length - 1; k++) {
      cum += probs[k];
      if (u < cum) {
        return k;
      }
    }
    return probs.length - 1;
  }

  /** Standard normal deviate by Box–Muller (one of the pair), with {@link StrictMath}. */
  static double gaussian(SplittableRandom rng) {
    double u1 = 1 - rng.nextDouble();
    double u2 = rng.nextDouble();
    return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
  }

  /** Poisson deviate: sum of inverse-transform draws over chunks of mean at most 500. */
  static int poisson(SplittableRandom rng, double lambda) {
    int chunks = (int) Math.ceil(lambda / 500);
    int total = 0;
    for (int c = 0; c < chunks; c++) {
      double lam = lambda / chunks;
      double p = StrictMath.exp(-lam);
      double cdf = p;
      double u = rng.nextDouble();
      int k = 0;
      while (u > cdf && k < 100_000) {
        k++;
        p *= lam / k;
        cdf += p;
        if (p == 0 && k > lam) {
          break;
        }
      }
      total += k;
    }
    return total;
  }
}
