package io.github.dmstat.datasets;

import io.github.dmstat.core.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A synthetic set of municipalities for reproducing and explaining an area selection such as
 * <i>Preventie met gezag</i> (27 municipalities picked with police data and the Leefbaarometer
 * among those with at least 80,000 inhabitants).
 *
 * <p><b>Model.</b> {@code n} municipalities with CBS-style codes {@code GM0001…} and populations
 * drawn from a log-normal distribution (median about 28,000, so roughly one in seven has 80,000 or
 * more, as in the Netherlands). Each has a latent risk {@code r ~ N(0, 1)} (the truth), plus a
 * mild urban gradient. Indicators, each with its standard error:
 * <ul>
 *   <li>{@code drug_crime}: registered drug offences per 1,000 inhabitants, Poisson around
 *       {@code 3·exp(0.45·r)} per 1,000, standard error {@code √count}/population·1,000;</li>
 *   <li>{@code youth_crime}: registered suspects 12–27 per 1,000, likewise around
 *       {@code 8·exp(0.35·r)};</li>
 *   <li>{@code lbm}: Leefbaarometer-style score {@code 4.0 − 0.12·r + noise} (higher is better),
 *       standard error 0.03.</li>
 * </ul>
 * Deterministic for a seed ({@link SplittableRandom}); {@link #trueRisk(String)} gives the latent
 * risk of an area.
 */
public final class SyntheticMunicipalities {
  private final long seed;
  private final List<String> codes;
  private final List<String> names;
  private final int[] population;
  private final double[] risk;
  private final double[][] values;
  private final double[][] se;

  private SyntheticMunicipalities(long seed, List<String> codes, List<String> names, int[] population, double[] risk,
      double[][] values, double[][] se) {
    this.seed = seed;
    this.codes = List.copyOf(codes);
    this.names = List.copyOf(names);
    this.population = population;
    this.risk = risk;
    this.values = values;
    this.se = se;
  }

  /** Indicator column names, in order. */
  public static final List<String> INDICATORS = List.of("drug_crime", "youth_crime", "lbm");

  /**
   * {@code n} municipalities (2 to 9,999) from {@code seed}.
   *
   * @param seed the seed of the {@link SplittableRandom}; the same seed and {@code n} give the same set
   * @param n the number of municipalities, coded {@code GM0001} to {@code GM} + {@code n} in 4 digits
   * @return the generated municipalities
   * @throws IllegalArgumentException if {@code n} is outside 2 to 9,999
   */
  public static SyntheticMunicipalities generate(long seed, int n) {
    if (n < 2 || n > 9_999) {
      throw Checks.badArgument("municipalities", "must be between 2 and 9999", n);
    }
    SplittableRandom r = new SplittableRandom(seed);
    List<String> codes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    int[] pop = new int[n];
    double[] risk = new double[n];
    double[][] v = new double[3][n];
    double[][] s = new double[3][n];
    for (int i = 0; i < n; i++) {
      codes.add(String.format("GM%04d", i + 1));
      names.add("Gemeente " + (i + 1));
      double z = gaussian(r);
      pop[i] = (int) Math.max(1_000, Math.round(28_000 * Math.exp(0.95 * z)));
      double urban = Math.log(pop[i] / 28_000.0) * 0.25;
      risk[i] = gaussian(r) + urban;
      double drugs = poisson(r, 3.0 * Math.exp(0.45 * risk[i]) * pop[i] / 1000.0);
      double youth = poisson(r, 8.0 * Math.exp(0.35 * risk[i]) * pop[i] / 1000.0);
      v[0][i] = 1000.0 * drugs / pop[i];
      s[0][i] = 1000.0 * Math.sqrt(Math.max(drugs, 1)) / pop[i];
      v[1][i] = 1000.0 * youth / pop[i];
      s[1][i] = 1000.0 * Math.sqrt(Math.max(youth, 1)) / pop[i];
      v[2][i] = 4.0 - 0.12 * risk[i] + 0.05 * gaussian(r);
      s[2][i] = 0.03;
    }
    return new SyntheticMunicipalities(seed, codes, names, pop, risk, v, s);
  }

  private static double gaussian(SplittableRandom r) {
    double u1 = r.nextDouble();
    double u2 = r.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }

  private static double poisson(SplittableRandom r, double mean) {
    if (mean > 60) {
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(r)));
    }
    double l = Math.exp(-mean);
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= r.nextDouble();
    } while (p > l);
    return k - 1;
  }

  /**
   * The table: {@code code, name, inhabitants}, each indicator and its standard error
   * ({@code <indicator>_se}).
   *
   * @return a new table named {@code municipalities}, one row per municipality in code order
   */
  public Table table() {
    Table t = Table.create("municipalities");
    t.addColumns(StringColumn.create("code", codes), StringColumn.create("name", names),
        IntColumn.create("inhabitants", population.clone()));
    for (int k = 0; k < INDICATORS.size(); k++) {
      t.addColumns(DoubleColumn.create(INDICATORS.get(k), values[k].clone()),
          DoubleColumn.create(INDICATORS.get(k) + "_se", se[k].clone()));
    }
    return t;
  }

  /**
   * The latent risk of a municipality (the truth the indicators measure).
   *
   * @param code a municipality code of this set, e.g. {@code GM0001}
   * @return the latent risk {@code r}, including the urban gradient
   * @throws IllegalArgumentException if {@code code} is not in this set
   */
  public double trueRisk(String code) {
    int i = codes.indexOf(code);
    if (i < 0) {
      throw Checks.unknownValue("municipality", code, List.of(codes.get(0) + "…" + codes.get(codes.size() - 1)));
    }
    return risk[i];
  }

  /**
   * Number of municipalities.
   *
   * @return {@code n} as given to {@link #generate(long, int)}
   */
  public int size() {
    return codes.size();
  }

  /**
   * The seed.
   *
   * @return the seed this set was generated with
   */
  public long seed() {
    return seed;
  }

  @Override
  public String toString() {
    return "SyntheticMunicipalities[n=" + codes.size() + ", seed=" + seed + "]";
  }
}
