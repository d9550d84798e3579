package io.github.dmstat.charts.map;

import io.github.dmstat.charts.map.MapFigure.Category;
import io.github.dmstat.charts.map.MapFigure.Style;
import io.github.dmstat.core.Checks;
import io.github.dmstat.core.area.AreaPolygon;
import io.github.dmstat.core.spatial.Cluster;
import java.awt.Color;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The three dmstat maps as {@link MapFigure}s: a classed choropleth, Getis–Ord Gi* hot spots and
 * local Moran clusters, with English or Dutch legends (Dutch for a locale with language
 * {@code nl}). Change size, subtitle or note with {@code toBuilder()...build()}.
 *
 * <p>Every map checks its inputs: each key of a value map must be a code of one of the areas
 * (a value without a polygon is an error, not silently dropped) and each value finite. Areas
 * without a value are drawn as "no data" / "geen gegevens".
 */
public final class Maps {
  /** z_{0.95}, z_{0.975}, z_{0.995}: two-sided 90%, 95%, 99% thresholds. */
  static final double[] Z = {1.6448536269514722, 1.959963984540054, 2.5758293035489004};

  private static final int[] CONFIDENCE = {90, 95, 99};
  private static final Color[] HOT = {new Color(253, 204, 138), new Color(245, 120, 80), new Color(189, 0, 38)};
  private static final Color[] COLD = {new Color(198, 219, 239), new Color(107, 174, 214), new Color(33, 102, 172)};
  /** Grey of "not significant". */
  public static final Color NOT_SIGNIFICANT = new Color(200, 200, 200);
  /** Fill of suppressed areas (hatched on top). */
  public static final Color SUPPRESSED = new Color(248, 248, 248);

  /** ColorBrewer YlOrRd, 3 to 9 classes (Brewer, Harrower & Penn State, Apache 2.0 licence). */
  private static final int[][] YL_OR_RD = {
    {0xffeda0, 0xfeb24c, 0xf03b20},
    {0xffffb2, 0xfecc5c, 0xfd8d3c, 0xe31a1c},
    {0xffffb2, 0xfecc5c, 0xfd8d3c, 0xf03b20, 0xbd0026},
    {0xffffb2, 0xfed976, 0xfeb24c, 0xfd8d3c, 0xf03b20, 0xbd0026},
    {0xffffb2, 0xfed976, 0xfeb24c, 0xfd8d3c, 0xfc4e2a, 0xe31a1c, 0xb10026},
    {0xffffcc, 0xffeda0, 0xfed976, 0xfeb24c, 0xfd8d3c, 0xfc4e2a, 0xe31a1c, 0xb10026},
    {0xffffcc, 0xffeda0, 0xfed976, 0xfeb24c, 0xfd8d3c, 0xfc4e2a, 0xe31a1c, 0xbd0026, 0x800026},
  };

  private Maps() {}

  /**
   * A choropleth without suppressed areas; see
   * {@link #choropleth(List, Map, Set, Classification, int, String, String, Locale)}.
   *
   * @param areas the map's areas
   * @param values the value of each area by its code
   * @param classification how the values are cut into classes
   * @param classes 2 to 9; fewer classes are drawn when there are fewer distinct values
   * @param title the map title, not blank
   * @param legendTitle the legend title (blank for none), also written after the value in tooltips
   * @param locale the language of the wording and the number format of the legend
   * @return the map
   */
  public static MapFigure choropleth(List<AreaPolygon> areas, Map<String, Double> values, Classification classification,
      int classes, String title, String legendTitle, Locale locale) {
    return choropleth(areas, values, Set.of(), classification, classes, title, legendTitle, locale);
  }

  /**
   * A classed choropleth: the values of the areas not in {@code suppressed} are cut into at most
   * {@code classes} classes by {@code classification} and drawn in a sequential light yellow →
   * dark red palette (ColorBrewer YlOrRd); the legend shows each class as "a – b", the smallest
   * and largest value in it, formatted for {@code locale} (decimal comma for Dutch) with enough
   * decimals to tell neighbouring classes apart (none when all values are whole numbers).
   *
   * <p>Suppressed areas are hatched with the legend entry "suppressed" / "onderdrukt". A value
   * given for a suppressed area is ignored entirely: it gets no class colour, takes no part in
   * the class bounds and so cannot appear in any label. Areas with neither value nor suppression
   * are "no data".
   *
   * @param areas the map's areas
   * @param values the value of each area by its code
   * @param suppressed the codes of suppressed areas
   * @param classification how the values are cut into classes
   * @param classes 2 to 9; fewer classes are drawn when there are fewer distinct values
   * @param title the map title, not blank
   * @param legendTitle the legend title (blank for none), also written after the value in tooltips
   * @param locale the language of the wording and the number format of the legend
   * @return the map
   * @throws IllegalArgumentException for a value or suppressed code without polygon, a
   *     non-finite value (naming the area), or classes outside 2..9
   */
  public static MapFigure choropleth(List<AreaPolygon> areas, Map<String, Double> values, Set<String> suppressed,
      Classification classification, int classes, String title, String legendTitle, Locale locale) {
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(locale, "locale");
    if (classes < 2 || classes > 9) {
      throw Checks.badArgument("classes", "must be between 2 and 9", classes);
    }
    Set<String> codes = codes(areas);
    for (String code : suppressed) {
      known(codes, code, "suppressed area");
    }
    List<String> keys = new ArrayList<>();
    double[] v = new double[values.size()];
    int n = 0;
    for (AreaPolygon a : areas) {
      String code = a.code();
      if (!values.containsKey(code) || suppressed.contains(code)) {
        continue;
      }
      Double x = values.get(code);
      if (x == null || !Double.isFinite(x)) {
        throw Checks.badArgument("value of area " + code, "must be finite", x);
      }
      keys.add(code);
      v[n++] = x;
    }
    for (String code : values.keySet()) {
      known(codes, code, "value for area");
    }
    v = Arrays.copyOf(v, n);
    MapText text = MapText.of(locale);
    MapFigure.Builder b = MapFigure.builder(areas).title(title).legendTitle(legendTitle).locale(locale);
    List<Category> legend = new ArrayList<>();
    if (n > 0) {
      double[] upper = classification.upperBounds(v, classes);
      int k = upper.length;
      double[] lo = new double[k];
      double[] hi = new double[k];
      Arrays.fill(lo, Double.POSITIVE_INFINITY);
      Arrays.fill(hi, Double.NEGATIVE_INFINITY);
      int[] cls = new int[n];
      for (int i = 0; i < n; i++) {
        cls[i] = Classification.classOf(v[i], upper);
        lo[cls[i]] = Math.min(lo[cls[i]], v[i]);
        hi[cls[i]] = Math.max(hi[cls[i]], v[i]);
      }
      Color[] colours = sequential(k);
      String[] labels = classLabels(lo, hi, v, locale);
      Category[] cats = new Category[k];
      for (int c = 0; c < k; c++) {
        cats[c] = Category.solid(labels[c], colours[c]);
        legend.add(cats[c]);
      }
      Map<String, String> tips = new java.util.LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        b.assign(keys.get(i), cats[cls[i]]);
        tips.put(keys.get(i), String.format(locale, "%,.1f", v[i]) + (legendTitle.isBlank() ? "" : " " + legendTitle));
      }
      b.tooltips(tips);
    }
    boolean anySuppressed = false;
    for (AreaPolygon a : areas) {
      if (suppressed.contains(a.code())) {
        anySuppressed = true;
      }
    }
    if (anySuppressed) {
      Category sup = new Category(text.suppressed(), SUPPRESSED, Style.HATCHED);
      legend.add(sup);
      for (String code : suppressed) {
        b.assign(code, sup);
      }
    }
    return b.categories(legend).build();
  }

  /**
   * Getis–Ord Gi* hot and cold spots from z-scores: with the two-sided normal thresholds
   * {@code z_{0.95} = 1.645}, {@code z_{0.975} = 1.960}, {@code z_{0.995} = 2.576}, an area with
   * {@code z > 2.576} is a hot spot with 99% confidence, {@code 1.960 < z <= 2.576} 95%,
   * {@code 1.645 < z <= 1.960} 90% (reds), and likewise for {@code -z} (cold spots, blues);
   * the rest is "not significant" (grey). Only levels with {@code 1 − confidence <= alpha} are
   * used: {@code alpha = 0.10} shows all three, {@code 0.05} the 95% and 99% classes, {@code 0.01}
   * only 99%. The thresholds are per area, without correction for multiple testing; pass
   * z-scores of areas you found significant after correction if you need one (others as 0).
   * Areas without a z-score are "no data".
   *
   * @param areas the map's areas
   * @param giStarZ the Gi* z-score of each area by its code
   * @param alpha between 0.01 and 0.5
   * @param title the map title, not blank
   * @param locale the language of the wording
   * @return the map
   * @throws IllegalArgumentException for a z-score without polygon or not finite (naming the
   *     area), or alpha out of range
   */
  public static MapFigure hotSpots(List<AreaPolygon> areas, Map<String, Double> giStarZ, double alpha, String title,
      Locale locale) {
    return hotSpots(areas, giStarZ, Set.of(), alpha, title, locale);
  }

  /**
   * As {@link #hotSpots(List, Map, double, String, Locale)}, with the areas that have no
   * neighbours drawn as "no neighbours" (white, outlined) and never as a hot or cold spot: their
   * Gi* comes from the area alone and says nothing about its surroundings.
   *
   * @param areas the map's areas
   * @param giStarZ the Gi* z-score of each area by its code
   * @param withoutNeighbours the codes of areas without neighbours; only those with a z-score are drawn so
   * @param alpha between 0.01 and 0.5
   * @param title the map title, not blank
   * @param locale the language of the wording
   * @return the map
   */
  public static MapFigure hotSpots(List<AreaPolygon> areas, Map<String, Double> giStarZ, Set<String> withoutNeighbours,
      double alpha, String title, Locale locale) {
    Objects.requireNonNull(locale, "locale");
    if (!(alpha >= 0.01 - 1e-12 && alpha <= 0.5)) {
      throw Checks.badArgument("alpha", "must be between 0.01 and 0.5", alpha);
    }
    Set<String> codes = codes(areas);
    MapText text = MapText.of(locale);
    List<Category> legend = new ArrayList<>();
    Category[] hot = new Category[3];
    Category[] cold = new Category[3];
    for (int l = 2; l >= 0; l--) {
      if (1 - CONFIDENCE[l] / 100.0 <= alpha + 1e-12) {
        hot[l] = Category.solid(text.hotSpot(CONFIDENCE[l]), HOT[l]);
        legend.add(hot[l]);
      }
    }
    Category ns = Category.solid(text.notSignificant(), NOT_SIGNIFICANT);
    legend.add(ns);
    for (int l = 0; l < 3; l++) {
      if (1 - CONFIDENCE[l] / 100.0 <= alpha + 1e-12) {
        cold[l] = Category.solid(text.coldSpot(CONFIDENCE[l]), COLD[l]);
        legend.add(cold[l]);
      }
    }
    Category alone = new Category(text.noNeighbours(), Color.WHITE, Style.OUTLINED);
    boolean anyAlone = false;
    for (String id : withoutNeighbours) {
      anyAlone |= giStarZ.containsKey(id);
    }
    if (anyAlone) {
      legend.add(alone);
    }
    MapFigure.Builder b = MapFigure.builder(areas).title(title).legendTitle(text.hotSpotTitle()).locale(locale)
        .categories(legend);
    for (Map.Entry<String, Double> e : giStarZ.entrySet()) {
      known(codes, e.getKey(), "Gi* z-score for area");
      if (withoutNeighbours.contains(e.getKey())) {
        b.assign(e.getKey(), alone);
        continue;
      }
      Double z = e.getValue();
      if (z == null || !Double.isFinite(z)) {
        throw Checks.badArgument("Gi* z-score of area " + e.getKey(), "must be finite", z);
      }
      Category c = ns;
      for (int l = 2; l >= 0; l--) {
        if (Math.abs(z) > Z[l] && hot[l] != null) {
          c = z > 0 ? hot[l] : cold[l];
          break;
        }
      }
      b.assign(e.getKey(), c);
    }
    return b.build();
  }

  /**
   * A cluster's label as the cluster map's legend writes it ("high–high (HH)", "hoog–hoog (HH)",
   * "niet significant").
   *
   * @param c the cluster
   * @param locale the language: Dutch for {@code nl}, English otherwise
   * @return the legend label
   */
  public static String clusterLabel(Cluster c, Locale locale) {
    MapText text = MapText.of(locale);
    switch (c) {
      case HIGH_HIGH: return text.highHigh();
      case LOW_LOW: return text.lowLow();
      case HIGH_LOW: return text.highLow();
      case LOW_HIGH: return text.lowHigh();
      case NOT_SIGNIFICANT: return text.notSignificant();
      default: return text.noNeighbours();
    }
  }

  /**
   * Local Moran (LISA) clusters: high–high (red), low–low (blue), high–low (pink), low–high
   * (light blue), not significant (grey), no neighbours (white, outlined). Labels are
   * {@link Cluster#code()} ({@code HH}, {@code LL}, {@code HL}, {@code LH},
   * {@code not significant}, {@code no neighbours}) or {@link Cluster} names
   * ({@code HIGH_HIGH}, ...), case-insensitive. The four quadrants and "not significant" are
   * always in the legend, "no neighbours" only when it occurs. Areas without a label are "no
   * data".
   *
   * @param areas the map's areas
   * @param clusterLabel the cluster label of each area by its code
   * @param title the map title, not blank
   * @param locale the language of the wording
   * @return the map
   * @throws IllegalArgumentException for a label without polygon or an unknown label (naming
   *     the area and listing the valid labels)
   */
  public static MapFigure clusters(List<AreaPolygon> areas, Map<String, String> clusterLabel, String title,
      Locale locale) {
    Objects.requireNonNull(locale, "locale");
    Set<String> codes = codes(areas);
    MapText text = MapText.of(locale);
    Category[] cats = new Category[Cluster.values().length];
    cats[Cluster.HIGH_HIGH.ordinal()] = Category.solid(text.highHigh(), new Color(215, 25, 28));
    cats[Cluster.LOW_LOW.ordinal()] = Category.solid(text.lowLow(), new Color(44, 123, 182));
    cats[Cluster.HIGH_LOW.ordinal()] = Category.solid(text.highLow(), new Color(244, 165, 200));
    cats[Cluster.LOW_HIGH.ordinal()] = Category.solid(text.lowHigh(), new Color(171, 217, 233));
    cats[Cluster.NOT_SIGNIFICANT.ordinal()] = Category.solid(text.notSignificant(), NOT_SIGNIFICANT);
    cats[Cluster.NO_NEIGHBOURS.ordinal()] = new Category(text.noNeighbours(), Color.WHITE, Style.OUTLINED);
    MapFigure.Builder b = MapFigure.builder(areas).title(title).legendTitle(text.clusterTitle()).locale(locale);
    boolean noNeighbours = false;
    for (Map.Entry<String, String> e : clusterLabel.entrySet()) {
      known(codes, e.getKey(), "cluster label for area");
      Cluster c = parseCluster(e.getKey(), e.getValue());
      noNeighbours |= c == Cluster.NO_NEIGHBOURS;
      b.assign(e.getKey(), cats[c.ordinal()]);
    }
    List<Category> legend = new ArrayList<>(List.of(cats[0], cats[1], cats[2], cats[3], cats[4]));
    if (noNeighbours) {
      legend.add(cats[Cluster.NO_NEIGHBOURS.ordinal()]);
    }
    return b.categories(legend).build();
  }

  private static Cluster parseCluster(String code, String label) {
    String s = label == null ? "" : label.strip();
    for (Cluster c : Cluster.values()) {
      if (c.code().equalsIgnoreCase(s) || c.name().equalsIgnoreCase(s)) {
        return c;
      }
    }
    List<String> valid = new ArrayList<>();
    for (Cluster c : Cluster.values()) {
      valid.add(c.code());
    }
    throw Checks.unknownValue("cluster label of area " + code, label, valid);
  }

  /** The sequential palette for {@code k} classes (1 to 9). */
  static Color[] sequential(int k) {
    int[] rgb = k <= 3 ? YL_OR_RD[0] : YL_OR_RD[k - 3];
    Color[] out = new Color[k];
    for (int c = 0; c < k; c++) {
      // 1 or 2 classes: the light and dark end of the 3-class palette
      int idx = k == 1 ? 2 : k == 2 ? 2 * c : c;
      out[c] = new Color(rgb[idx]);
    }
    return out;
  }

  /**
   * "lo – hi" per class (just "lo" when equal). Decimals: none when all values are whole;
   * otherwise enough for two significant digits of the class width (max − min)/k and one of
   * the smallest non-zero bound (at most two more), then more (up to 10) until each class's
   * bounds differ from its neighbours'.
   */
  static String[] classLabels(double[] lo, double[] hi, double[] values, Locale locale) {
    boolean whole = true;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double x : values) {
      whole &= x == Math.rint(x);
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    int k = lo.length;
    int d = 0;
    if (!whole) {
      double step = (max - min) / k;
      int byStep = step > 0 ? (int) Math.max(0, 1 - Math.floor(Math.log10(step))) : 2;
      // the smallest non-zero bound keeps one significant digit (0.5 is not shown as 0)
      double small = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        small = Math.min(small, lo[c] != 0 ? Math.abs(lo[c]) : Double.POSITIVE_INFINITY);
        small = Math.min(small, hi[c] != 0 ? Math.abs(hi[c]) : Double.POSITIVE_INFINITY);
      }
      int bySize = Double.isFinite(small) ? (int) Math.max(0, -Math.floor(Math.log10(small))) : 0;
      d = Math.min(10, Math.max(byStep, Math.min(bySize, byStep + 2)));
    }
    String[] labels;
    while (true) {
      NumberFormat nf = NumberFormat.getNumberInstance(locale);
      nf.setMinimumFractionDigits(d);
      nf.setMaximumFractionDigits(d);
      labels = new String[k];
      String[] l = new String[k];
      String[] h = new String[k];
      boolean distinct = true;
      for (int c = 0; c < k; c++) {
        l[c] = nf.format(lo[c]);
        h[c] = nf.format(hi[c]);
        labels[c] = lo[c] == hi[c] ? l[c] : l[c] + " – " + h[c];
        if (c > 0 && (h[c - 1].equals(l[c]) || labels[c - 1].equals(labels[c]))) {
          distinct = false;
        }
      }
      if (distinct || whole || d >= 10) {
        return labels;
      }
      d++;
    }
  }

  private static Set<String> codes(List<AreaPolygon> areas) {
    Objects.requireNonNull(areas, "areas");
    Set<String> codes = new HashSet<>(areas.size() * 2);
    for (AreaPolygon a : areas) {
      codes.add(a.code());
    }
    return codes;
  }

  private static void known(Set<String> codes, String code, String what) {
    if (!codes.contains(code)) {
      throw Checks.badArgument(what, "must be one of the " + codes.size() + " map area codes", code);
    }
  }
}
