package io.github.dmstat.datasets;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.area.AreaPolygon;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A synthetic geography with known truth: municipalities, wijken and buurten with CBS-style codes
 * ({@code GM}+4, {@code WK}+6, {@code BU}+8; municipality digits from 9001 up, which CBS does not
 * use), rectangular boundaries in WGS84 longitude/latitude east of Amsterdam, inhabitants,
 * registered drug incidents and Leefbaarometer-style liveability scores. Deterministic for a
 * seed ({@link SplittableRandom}).
 *
 * <p><b>Layout.</b> Space is a lattice of cells of {@value #DX}° longitude × {@value #DY}°
 * latitude (about 270 m × 280 m). Municipality {@code m} is a block of 4 × 3 wijk slots (three
 * municipalities per row); each municipality has 8–12 wijken, each wijk a 12 × 12-cell slot split
 * into 2 or 3 rows of 2–4 rectangular buurten (5–10 buurten per wijk). Every ring contains all
 * lattice points on its perimeter, so buurten that share a stretch of boundary share at least two
 * vertices (rook and queen neighbours under vertex matching, as {@code spdep::poly2nb}), and
 * buurten that touch at a corner share one (queen only). The first {@link Settings#islands()}
 * municipalities also get one offshore wijk of a single buurt ("Wad") without any neighbour, like
 * the Wadden islands.
 *
 * <p><b>Truth.</b> Inhabitants {@code p_i} are log-normal (median about {@code meanInhabitants},
 * log-SD 0.6) rounded to a multiple of 5, at least 50. The log relative risk is a smooth spatial
 * field (a sum of Gaussian bumps, SD 10 cells, amplitudes ±{@code clusterStrength}·U(0.5, 1.5),
 * plus N(0, 0.1²) noise) plus {@code log(hotSpotRelativeRisk)} for the planted hot spots (a share
 * {@code hotSpotShare} of the non-island buurten, drawn without replacement); the relative risk
 * is then scaled so that its population-weighted mean is 1: {@code Σ p_i RR_i / Σ p_i = 1}.
 * Incidents are {@code Poisson(μ_i)} with {@code μ_i = baseRatePerThousand/1000 · p_i · RR_i}
 * (inverse-CDF draws). {@link #relativeRisk()}, {@link #expected()} and {@link #hotSpots()} give
 * the truth.
 *
 * <p><b>Liveability</b> (Leefbaarometer 3 style, higher is better): with {@code L_i = log RR_i},
 * the dimensions are {@code won = −0.03 L + ε}, {@code fys = −0.02 L + ε},
 * {@code vrz = +0.02 L + ε'}, {@code soc = −0.06 L + ε}, {@code onv = −0.10 L + ε}
 * ({@code ε ~ N(0, 0.03²)}, {@code ε' ~ N(0, 0.04²)}), {@code afw} their sum and
 * {@code lbm = }{@value #LBM_REFERENCE}{@code  + afw}; so liveability falls where risk is high.
 * The reference value is synthetic, not the published national reference.
 */
public final class SyntheticGeography {
  /** Seed of the embedded dataset {@code buurten}. */
  public static final long EMBEDDED_SEED = 20240101L;
  /** Name of the embedded dataset. */
  public static final String DATASET = "buurten";
  /** Lattice cell width in degrees longitude. */
  public static final double DX = 0.004;
  /** Lattice cell height in degrees latitude. */
  public static final double DY = 0.0025;
  /** Longitude of the lattice origin. */
  public static final double LON0 = 5.0;
  /** Latitude of the lattice origin. */
  public static final double LAT0 = 52.0;
  /** Synthetic national reference of the liveability score. */
  public static final double LBM_REFERENCE = 4.0;

  private static final int SLOT = 12;
  private static final int WIJK_COLS = 4;
  private static final int WIJK_ROWS = 3;
  private static final int MUNI_COLS = 3;
  private static final String[] NAMES = {"Noordhaven", "Oostervaart", "Zuiderdijk", "Westerbroek", "Middenveen",
      "Hogeland", "Lagezand", "Rijnwaarde", "Beekdam", "Heidebergen", "Polderzijl", "Duinmeer"};

  /**
   * Settings of the generator. Immutable; change with {@code with…}.
   *
   * @param municipalities number of municipalities, 1–999
   * @param islands municipalities (the first ones) that get one offshore buurt without neighbours
   * @param meanInhabitants median inhabitants of a buurt ({@code > 0})
   * @param baseRatePerThousand incidents per 1,000 inhabitants at relative risk 1 ({@code > 0})
   * @param hotSpotShare share of the non-island buurten planted as hot spots, in [0, 0.5]
   * @param hotSpotRelativeRisk factor on the relative risk of a hot spot before scaling ({@code >= 1})
   * @param clusterStrength amplitude of the smooth log-risk field ({@code >= 0})
   */
  public record Settings(int municipalities, int islands, double meanInhabitants, double baseRatePerThousand,
      double hotSpotShare, double hotSpotRelativeRisk, double clusterStrength) {
    /**
     * Validates every setting.
     *
     * @param municipalities number of municipalities, 1–999
     * @param islands municipalities (the first ones) that get one offshore buurt, 0 to {@code municipalities}
     * @param meanInhabitants median inhabitants of a buurt, finite and {@code > 0}
     * @param baseRatePerThousand incidents per 1,000 inhabitants at relative risk 1, finite and {@code > 0}
     * @param hotSpotShare share of the non-island buurten planted as hot spots, in [0, 0.5]
     * @param hotSpotRelativeRisk factor on the relative risk of a hot spot, finite and {@code >= 1}
     * @param clusterStrength amplitude of the smooth log-risk field, finite and {@code >= 0}
     * @throws IllegalArgumentException if a setting is out of its range
     */
    public Settings {
      if (municipalities < 1 || municipalities > 999) {
        throw Checks.badArgument("municipalities", "must be between 1 and 999", municipalities);
      }
      if (islands < 0 || islands > municipalities) {
        throw Checks.badArgument("islands", "must be between 0 and the number of municipalities", islands);
      }
      if (!(meanInhabitants > 0) || Double.isInfinite(meanInhabitants)) {
        throw Checks.badArgument("meanInhabitants", "must be finite and > 0", meanInhabitants);
      }
      if (!(baseRatePerThousand > 0) || Double.isInfinite(baseRatePerThousand)) {
        throw Checks.badArgument("baseRatePerThousand", "must be finite and > 0", baseRatePerThousand);
      }
      if (!(hotSpotShare >= 0 && hotSpotShare <= 0.5)) {
        throw Checks.badArgument("hotSpotShare", "must be in [0, 0.5]", hotSpotShare);
      }
      if (!(hotSpotRelativeRisk >= 1) || Double.isInfinite(hotSpotRelativeRisk)) {
        throw Checks.badArgument("hotSpotRelativeRisk", "must be finite and >= 1", hotSpotRelativeRisk);
      }
      Checks.finiteNonNegative("clusterStrength", clusterStrength);
    }

    /**
     * 6 municipalities, 2 islands, 1,500 inhabitants, 8 incidents per 1,000, 3% hot spots at ×4, cluster
     * strength 0.6.
     *
     * @return the default settings, as used by {@link SyntheticGeography#embedded()}
     */
    public static Settings withDefaults() {
      return new Settings(6, 2, 1500, 8, 0.03, 4, 0.6);
    }

    /**
     * With another number of municipalities (islands capped at it).
     *
     * @param n number of municipalities, 1–999
     * @return new settings, the others unchanged
     * @throws IllegalArgumentException if {@code n} is out of range
     */
    public Settings withMunicipalities(int n) {
      return new Settings(n, Math.min(islands, Math.max(n, 0)), meanInhabitants, baseRatePerThousand, hotSpotShare,
          hotSpotRelativeRisk, clusterStrength);
    }

    /**
     * With another number of island buurten.
     *
     * @param n number of island buurten (one for each of the first {@code n} municipalities), 0 to
     *     {@code municipalities}
     * @return new settings, the others unchanged
     * @throws IllegalArgumentException if {@code n} is out of range
     */
    public Settings withIslands(int n) {
      return new Settings(municipalities, n, meanInhabitants, baseRatePerThousand, hotSpotShare, hotSpotRelativeRisk,
          clusterStrength);
    }

    /**
     * With another median buurt population.
     *
     * @param v median inhabitants of a buurt, finite and {@code > 0}
     * @return new settings, the others unchanged
     * @throws IllegalArgumentException if {@code v} is out of range
     */
    public Settings withMeanInhabitants(double v) {
      return new Settings(municipalities, islands, v, baseRatePerThousand, hotSpotShare, hotSpotRelativeRisk,
          clusterStrength);
    }

    /**
     * With another base rate per 1,000 inhabitants.
     *
     * @param perThousand incidents per 1,000 inhabitants at relative risk 1, finite and {@code > 0}
     * @return new settings, the others unchanged
     * @throws IllegalArgumentException if {@code perThousand} is out of range
     */
    public Settings withBaseRate(double perThousand) {
      return new Settings(municipalities, islands, meanInhabitants, perThousand, hotSpotShare, hotSpotRelativeRisk,
          clusterStrength);
    }

    /**
     * With another share and relative risk of planted hot spots.
     *
     * @param share share of the non-island buurten planted as hot spots, in [0, 0.5]
     * @param relativeRisk factor on a hot spot's relative risk before scaling, finite and {@code >= 1}
     * @return new settings, the others unchanged
     * @throws IllegalArgumentException if either value is out of range
     */
    public Settings withHotSpots(double share, double relativeRisk) {
      return new Settings(municipalities, islands, meanInhabitants, baseRatePerThousand, share, relativeRisk,
          clusterStrength);
    }

    /**
     * With another strength of the smooth spatial risk field.
     *
     * @param s amplitude of the smooth log-risk field, finite and {@code >= 0}; 0 gives no clustering
     * @return new settings, the others unchanged
     * @throws IllegalArgumentException if {@code s} is out of range
     */
    public Settings withClusterStrength(double s) {
      return new Settings(municipalities, islands, meanInhabitants, baseRatePerThousand, hotSpotShare,
          hotSpotRelativeRisk, s);
    }
  }

  /**
   * One buurt.
   *
   * @param code buurt code {@code BU}+8
   * @param wijk wijk code {@code WK}+6
   * @param gemeente municipality code {@code GM}+4
   * @param gemeenteName municipality name
   * @param name buurt name
   * @param inhabitants inhabitants (multiple of 5)
   * @param incidents registered drug incidents
   * @param relativeRisk true relative risk (population-weighted mean 1)
   * @param expected expected incidents {@code μ_i}
   * @param hotSpot whether planted as hot spot
   * @param island whether it has no neighbours by construction
   * @param won housing dimension
   * @param fys physical environment dimension
   * @param vrz amenities dimension
   * @param soc social cohesion dimension
   * @param onv nuisance and safety dimension
   */
  public record Buurt(String code, String wijk, String gemeente, String gemeenteName, String name, int inhabitants,
      int incidents, double relativeRisk, double expected, boolean hotSpot, boolean island, double won, double fys,
      double vrz, double soc, double onv) {
    /**
     * {@code afw = won + fys + vrz + soc + onv}.
     *
     * @return the deviation from the reference, the sum of the five dimensions
     */
    public double afw() {
      return won + fys + vrz + soc + onv;
    }

    /**
     * {@code lbm = reference + afw}.
     *
     * @return the liveability score, {@link #LBM_REFERENCE} plus {@link #afw()}
     */
    public double lbm() {
      return LBM_REFERENCE + afw();
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s %s: %d inhabitants, %d incidents, true RR %.3f%s", code, name, inhabitants,
          incidents, relativeRisk, hotSpot ? " (hot spot)" : "");
    }
  }

  private final long seed;
  private final Settings settings;
  private final List<Buurt> buurten;
  private final List<int[]> rects;

  private SyntheticGeography(long seed, Settings settings, List<Buurt> buurten, List<int[]> rects) {
    this.seed = seed;
    this.settings = settings;
    this.buurten = List.copyOf(buurten);
    this.rects = List.copyOf(rects);
  }

  /**
   * The embedded dataset {@code buurten}: default settings, seed {@value #EMBEDDED_SEED}.
   *
   * @return a newly generated geography
   */
  public static SyntheticGeography embedded() {
    return generate(EMBEDDED_SEED, Settings.withDefaults());
  }

  /**
   * Generates a geography with default settings.
   *
   * @param seed the seed of the {@link SplittableRandom}
   * @return the geography, the same for the same seed
   */
  public static SyntheticGeography generate(long seed) {
    return generate(seed, Settings.withDefaults());
  }

  /**
   * Generates a geography; the same seed and settings give the same result.
   *
   * @param seed the seed of the {@link SplittableRandom}
   * @param s the settings
   * @return the geography
   */
  public static SyntheticGeography generate(long seed, Settings s) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<String[]> ids = new ArrayList<>(); // code, wijk, gemeente, gemeenteName, name
    List<int[]> rects = new ArrayList<>();
    List<Boolean> island = new ArrayList<>();
    int muniRows = (s.municipalities() + MUNI_COLS - 1) / MUNI_COLS;
    for (int m = 0; m < s.municipalities(); m++) {
      String gmDigits = String.format(Locale.ROOT, "%04d", 9001 + m);
      String gm = "GM" + gmDigits;
      String gmName = m < NAMES.length ? NAMES[m] : NAMES[m % NAMES.length] + " " + (m / NAMES.length + 1);
      int ux = (m % MUNI_COLS) * WIJK_COLS * SLOT;
      int uy = (m / MUNI_COLS) * WIJK_ROWS * SLOT;
      int nw = 8 + rng.nextInt(5);
      for (int j = 0; j < nw; j++) {
        String wk = "WK" + gmDigits + String.format(Locale.ROOT, "%02d", j);
        int sx = ux + (j % WIJK_COLS) * SLOT;
        int sy = uy + (j / WIJK_COLS) * SLOT;
        int nb = 5 + rng.nextInt(6);
        int rows = nb <= 6 ? 2 : 3;
        int k = 0;
        for (int r = 0; r < rows; r++) {
          int inRow = nb / rows + (r < nb % rows ? 1 : 0);
          int h = SLOT / rows;
          int w = SLOT / inRow;
          for (int c = 0; c < inRow; c++) {
            String bu = "BU" + gmDigits + String.format(Locale.ROOT, "%02d%02d", j, k);
            ids.add(new String[] {bu, wk, gm, gmName, String.format(Locale.ROOT, "%s %02d-%d", gmName, j + 1, k + 1)});
            rects.add(new int[] {sx + c * w, sy + r * h, w, h});
            island.add(false);
            k++;
          }
        }
      }
      if (m < s.islands()) {
        String wk = "WK" + gmDigits + String.format(Locale.ROOT, "%02d", nw);
        ids.add(new String[] {"BU" + gmDigits + String.format(Locale.ROOT, "%02d00", nw), wk, gm, gmName, gmName + " Wad"});
        rects.add(new int[] {m * WIJK_COLS * SLOT + 10 + 5 * m, muniRows * WIJK_ROWS * SLOT + 12 + 4 * m, 8, 4});
        island.add(true);
      }
    }
    int n = ids.size();
    double[] pop = new double[n];
    for (int i = 0; i < n; i++) {
      double v = Math.exp(Math.log(s.meanInhabitants()) + 0.6 * normal(rng));
      pop[i] = Math.max(50, 5 * Math.rint(v / 5));
    }
    double width = MUNI_COLS * WIJK_COLS * SLOT;
    double height = muniRows * WIJK_ROWS * SLOT;
    int bumps = Math.max(2, s.municipalities());
    double[] logRisk = new double[n];
    for (int b = 0; b < bumps; b++) {
      double bx = rng.nextDouble() * width;
      double by = rng.nextDouble() * height;
      double amp = s.clusterStrength() * (0.5 + rng.nextDouble()) * (rng.nextDouble() < 0.7 ? 1 : -1);
      for (int i = 0; i < n; i++) {
        int[] r = rects.get(i);
        double dx = r[0] + r[2] / 2.0 - bx;
        double dy = r[1] + r[3] / 2.0 - by;
        logRisk[i] += amp * Math.exp(-(dx * dx + dy * dy) / (2 * 100.0));
      }
    }
    for (int i = 0; i < n; i++) {
      logRisk[i] += 0.1 * normal(rng);
    }
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!island.get(i)) {
        candidates.add(i);
      }
    }
    int hot = (int) Math.round(s.hotSpotShare() * candidates.size());
    boolean[] isHot = new boolean[n];
    for (int h = 0; h < hot; h++) {
      int pick = h + rng.nextInt(candidates.size() - h);
      Collections.swap(candidates, h, pick);
      int i = candidates.get(h);
      isHot[i] = true;
      logRisk[i] += Math.log(s.hotSpotRelativeRisk());
    }
    double num = 0;
    double den = 0;
    for (int i = 0; i < n; i++) {
      num += pop[i] * Math.exp(logRisk[i]);
      den += pop[i];
    }
    double shift = Math.log(num / den);
    List<Buurt> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double l = logRisk[i] - shift;
      double rr = Math.exp(l);
      double mu = s.baseRatePerThousand() / 1000 * pop[i] * rr;
      int incidents = PoissonDistribution.of(mu).inverseCumulativeProbability(rng.nextDouble());
      double won = -0.03 * l + 0.03 * normal(rng);
      double fys = -0.02 * l + 0.03 * normal(rng);
      double vrz = 0.02 * l + 0.04 * normal(rng);
      double soc = -0.06 * l + 0.03 * normal(rng);
      double onv = -0.10 * l + 0.03 * normal(rng);
      String[] id = ids.get(i);
      out.add(new Buurt(id[0], id[1], id[2], id[3], id[4], (int) pop[i], incidents, rr, mu, isHot[i], island.get(i),
          won, fys, vrz, soc, onv));
    }
    return new SyntheticGeography(seed, s, out, rects);
  }

  /** Standard normal deviate by the polar method. */
  private static double normal(SplittableRandom rng) {
    double u;
    double v;
    double q;
    do {
      u = 2 * rng.nextDouble() - 1;
      v = 2 * rng.nextDouble() - 1;
      q = u * u + v * v;
    } while (q >= 1 || q == 0);
    return u * Math.sqrt(-2 * Math.log(q) / q);
  }

  /**
   * The seed.
   *
   * @return the seed this geography was generated with
   */
  public long seed() {
    return seed;
  }

  /**
   * The settings.
   *
   * @return the settings this geography was generated with
   */
  public Settings settings() {
    return settings;
  }

  /**
   * All buurten, in code order within municipality and wijk.
   *
   * @return the buurten, an unmodifiable list
   */
  public List<Buurt> buurten() {
    return buurten;
  }

  /**
   * The buurt with this code, if any.
   *
   * @param code a buurt code, {@code BU}+8; matched exactly
   * @return the buurt; empty if there is none with that code
   */
  public Optional<Buurt> find(String code) {
    return buurten.stream().filter(b -> b.code().equals(code)).findFirst();
  }

  /**
   * True relative risk per buurt code (population-weighted mean 1), in buurt order.
   *
   * @return an unmodifiable map from buurt code to {@link Buurt#relativeRisk()}
   */
  public Map<String, Double> relativeRisk() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (Buurt b : buurten) {
      m.put(b.code(), b.relativeRisk());
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * Expected incidents {@code μ_i} per buurt code, in buurt order.
   *
   * @return an unmodifiable map from buurt code to {@link Buurt#expected()}
   */
  public Map<String, Double> expected() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (Buurt b : buurten) {
      m.put(b.code(), b.expected());
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * Codes of the planted hot spots, sorted.
   *
   * @return the buurt codes, an unmodifiable list; empty when no hot spots were planted
   */
  public List<String> hotSpots() {
    return buurten.stream().filter(Buurt::hotSpot).map(Buurt::code).sorted().toList();
  }

  /**
   * Codes of the island buurten (no neighbours by construction), sorted.
   *
   * @return the buurt codes, one per island municipality, an unmodifiable list
   */
  public List<String> islands() {
    return buurten.stream().filter(Buurt::island).map(Buurt::code).sorted().toList();
  }

  /**
   * The buurt table: {@code code, wijk, gemeente, gemeente_name, name, inhabitants, incidents,
   * incidents_per_1000, lbm, afw, won, fys, vrz, soc, onv}. The truth (relative risk, hot spots)
   * is not in the table.
   *
   * @return a new table named {@value #DATASET}, one row per buurt in the order of {@link #buurten()};
   *     {@code incidents_per_1000} is {@code 1000 · incidents / inhabitants}
   */
  public Table table() {
    StringColumn code = StringColumn.create("code");
    StringColumn wijk = StringColumn.create("wijk");
    StringColumn gm = StringColumn.create("gemeente");
    StringColumn gmName = StringColumn.create("gemeente_name");
    StringColumn name = StringColumn.create("name");
    IntColumn inh = IntColumn.create("inhabitants");
    IntColumn inc = IntColumn.create("incidents");
    DoubleColumn rate = DoubleColumn.create("incidents_per_1000");
    DoubleColumn lbm = DoubleColumn.create("lbm");
    DoubleColumn afw = DoubleColumn.create("afw");
    DoubleColumn won = DoubleColumn.create("won");
    DoubleColumn fys = DoubleColumn.create("fys");
    DoubleColumn vrz = DoubleColumn.create("vrz");
    DoubleColumn soc = DoubleColumn.create("soc");
    DoubleColumn onv = DoubleColumn.create("onv");
    for (Buurt b : buurten) {
      code.append(b.code());
      wijk.append(b.wijk());
      gm.append(b.gemeente());
      gmName.append(b.gemeenteName());
      name.append(b.name());
      inh.append(b.inhabitants());
      inc.append(b.incidents());
      rate.append(1000.0 * b.incidents() / b.inhabitants());
      lbm.append(b.lbm());
      afw.append(b.afw());
      won.append(b.won());
      fys.append(b.fys());
      vrz.append(b.vrz());
      soc.append(b.soc());
      onv.append(b.onv());
    }
    return Table.create(DATASET).addColumns(code, wijk, gm, gmName, name, inh, inc, rate, lbm, afw, won, fys, vrz, soc,
        onv);
  }

  /**
   * Totals per municipality: {@code code, name, inhabitants, incidents, incidents_per_1000, lbm}
   * (lbm population-weighted), in code order.
   *
   * @return a new table named {@code municipalities}, one row per municipality; inhabitants and
   *     incidents are the sums over its buurten
   */
  public Table municipalityTable() {
    Map<String, double[]> acc = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (Buurt b : buurten) {
      double[] a = acc.computeIfAbsent(b.gemeente(), k -> new double[3]);
      a[0] += b.inhabitants();
      a[1] += b.incidents();
      a[2] += b.inhabitants() * b.lbm();
      names.put(b.gemeente(), b.gemeenteName());
    }
    StringColumn code = StringColumn.create("code");
    StringColumn name = StringColumn.create("name");
    IntColumn inh = IntColumn.create("inhabitants");
    IntColumn inc = IntColumn.create("incidents");
    DoubleColumn rate = DoubleColumn.create("incidents_per_1000");
    DoubleColumn lbm = DoubleColumn.create("lbm");
    for (Map.Entry<String, double[]> e : acc.entrySet()) {
      double[] a = e.getValue();
      code.append(e.getKey());
      name.append(names.get(e.getKey()));
      inh.append((int) a[0]);
      inc.append((int) a[1]);
      rate.append(1000 * a[1] / a[0]);
      lbm.append(a[2] / a[0]);
    }
    return Table.create("municipalities").addColumns(code, name, inh, inc, rate, lbm);
  }

  /**
   * Buurt boundaries (one rectangle each, all lattice points on the perimeter), in buurt order, with names.
   *
   * @return a new list of polygons with the buurt code as code and the buurt name as name, each one
   *     closed ring of WGS84 longitude, latitude
   */
  public List<AreaPolygon> polygons() {
    List<AreaPolygon> out = new ArrayList<>(buurten.size());
    for (int i = 0; i < buurten.size(); i++) {
      Buurt b = buurten.get(i);
      out.add(new AreaPolygon(b.code(), Optional.of(b.name()), List.of(List.of(ring(rects.get(i))))));
    }
    return out;
  }

  /** Closed counter-clockwise ring through every lattice point of the rectangle's perimeter. */
  private static double[] ring(int[] r) {
    int x0 = r[0];
    int y0 = r[1];
    int w = r[2];
    int h = r[3];
    int points = 2 * (w + h) + 1;
    double[] xy = new double[2 * points];
    int k = 0;
    for (int i = 0; i < w; i++) {
      xy[k++] = lon(x0 + i);
      xy[k++] = lat(y0);
    }
    for (int i = 0; i < h; i++) {
      xy[k++] = lon(x0 + w);
      xy[k++] = lat(y0 + i);
    }
    for (int i = 0; i < w; i++) {
      xy[k++] = lon(x0 + w - i);
      xy[k++] = lat(y0 + h);
    }
    for (int i = 0; i < h; i++) {
      xy[k++] = lon(x0);
      xy[k++] = lat(y0 + h - i);
    }
    xy[k++] = lon(x0);
    xy[k] = lat(y0);
    return xy;
  }

  private static double lon(int x) {
    return LON0 + x * DX;
  }

  private static double lat(int y) {
    return LAT0 + y * DY;
  }

  /**
   * The buurt boundaries as a GeoJSON {@code FeatureCollection} (RFC 7946, WGS84): each feature has
   * {@code id} = the buurt code and properties {@code statcode}, {@code statnaam},
   * {@code wijkcode}, {@code gemeentecode}, like the PDOK Wijk- en Buurtkaart. Coordinates are
   * written with {@link Double#toString(double)}, so reading them back gives the same doubles.
   *
   * @return the GeoJSON text, one feature per line, in buurt order
   */
  public String geoJson() {
    StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n");
    for (int i = 0; i < buurten.size(); i++) {
      Buurt b = buurten.get(i);
      double[] xy = ring(rects.get(i));
      sb.append("{\"type\":\"Feature\",\"id\":\"").append(b.code()).append("\",\"properties\":{\"statcode\":\"")
          .append(b.code()).append("\",\"statnaam\":\"").append(b.name().replace("\"", "\\\""))
          .append("\",\"wijkcode\":\"").append(b.wijk()).append("\",\"gemeentecode\":\"").append(b.gemeente())
          .append("\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
      for (int k = 0; k < xy.length; k += 2) {
        sb.append(k > 0 ? "," : "").append('[').append(xy[k]).append(',').append(xy[k + 1]).append(']');
      }
      sb.append("]]}}").append(i + 1 < buurten.size() ? ",\n" : "\n");
    }
    return sb.append("]}\n").toString();
  }

  /**
   * One paragraph describing the embedded dataset {@code buurten}.
   *
   * @return the description, starting with {@code buurten:}; it generates the embedded geography
   */
  public static String description() {
    SyntheticGeography g = embedded();
    TreeSet<String> gm = new TreeSet<>();
    TreeSet<String> wk = new TreeSet<>();
    for (Buurt b : g.buurten) {
      gm.add(b.gemeente());
      wk.add(b.wijk());
    }
    return "buurten: synthetic buurt table (SyntheticGeography, seed " + EMBEDDED_SEED + "), " + g.buurten.size()
        + " buurten in " + wk.size() + " wijken of " + gm.size() + " municipalities (codes GM9001-GM" + gm.last().substring(2)
        + "), with inhabitants, incidents (Poisson, " + g.hotSpots().size() + " planted hot spots, spatially clustered "
        + "risk), incidents_per_1000 and Leefbaarometer-style lbm = 4.0 + afw (won, fys, vrz, soc, onv); "
        + g.islands().size() + " island buurten without neighbours. Boundaries: --boundaries dataset:buurten.";
  }

  @Override
  public String toString() {
    return "SyntheticGeography[seed " + seed + ", " + buurten.size() + " buurten, " + hotSpots().size() + " hot spots, "
        + islands().size() + " islands]";
  }
}
