package io.github.dmstat.core.spatial;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.Columns;
import io.github.dmstat.core.area.AreaPolygon;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A spatial weights matrix {@code W = (w_ij)} over {@code n} areas, stored sparse in compressed
 * row form: the neighbours of area {@code i} are {@code neighbour[rowStart[i] .. rowStart[i+1])}
 * (sorted ascending) with weights {@code weight[...]}. The diagonal is always zero.
 *
 * <p>Areas without neighbours (islands, e.g. the five Wadden municipalities) are kept: they have
 * an empty row, are listed by {@link #islands()}, and statistics treat them as R {@code spdep}
 * does with {@code zero.policy = TRUE}. Nothing is dropped.
 *
 * <p>Styles (R {@code spdep::nb2listw}): {@link Style#BINARY} ({@code "B"}: {@code w_ij = 1}),
 * {@link Style#ROW_STANDARDISED} ({@code "W"}: {@code w_ij = 1/|N(i)|}, rows sum to 1, islands to 0).
 * Immutable; all factories are linear or {@code n log n} in the number of areas and links.
 */
public final class SpatialWeights {
  /** Weights style, R {@code nb2listw(style=)}. */
  public enum Style {
    /** {@code "B"}: every link weighs 1. */
    BINARY,
    /** {@code "W"}: each non-empty row sums to 1. */
    ROW_STANDARDISED
  }

  /** R {@code spdep::poly2nb}'s default snap distance {@code sqrt(.Machine$double.eps)} ≈ 1.49e-8. */
  public static final double DEFAULT_SNAP = Math.sqrt(Math.ulp(1.0));

  private final List<String> ids;
  private final Map<String, Integer> index;
  final int[] rowStart;
  final int[] neighbour;
  final double[] weight;
  private final Style style;

  private SpatialWeights(List<String> ids, Map<String, Integer> index, int[] rowStart, int[] neighbour,
      double[] weight, Style style) {
    this.ids = ids;
    this.index = index;
    this.rowStart = rowStart;
    this.neighbour = neighbour;
    this.weight = weight;
    this.style = style;
  }

  // ---------------------------------------------------------------- factories

  /**
   * Binary weights from neighbour index lists ({@code neighbours[i]} = 0-based indices of the
   * neighbours of {@code i}); duplicates collapsed, order irrelevant.
   *
   * @param ids area ids, unique and not blank, at least one; index {@code i} is area {@code i}
   * @param neighbours one array per id of 0-based neighbour indices; an empty array makes an island
   * @return binary weights, not necessarily symmetric (links as given)
   * @throws IllegalArgumentException for a self-link or an index out of range (named), a number of
   *     lists other than the number of ids, or blank or duplicate ids
   */
  public static SpatialWeights of(List<String> ids, int[][] neighbours) {
    Map<String, Integer> index = indexIds(ids);
    int n = ids.size();
    if (neighbours.length != n) {
      throw Checks.badArgument("neighbour lists", "must have one list per id (" + n + ")", neighbours.length);
    }
    long[] keys = new long[count(neighbours)];
    int k = 0;
    for (int i = 0; i < n; i++) {
      for (int j : neighbours[i]) {
        if (j < 0 || j >= n) {
          throw Checks.badArgument("neighbour of " + ids.get(i), "must be an index in [0, " + n + ")", j);
        }
        if (j == i) {
          throw Checks.badArgument("neighbour of " + ids.get(i), "must not be the area itself", ids.get(i));
        }
        keys[k++] = ((long) i << 32) | j;
      }
    }
    return fromKeys(List.copyOf(ids), index, keys, k);
  }

  private static int count(int[][] lists) {
    int c = 0;
    for (int[] l : lists) {
      c += l.length;
    }
    return c;
  }

  /**
   * Binary, symmetric weights from an edge table: each row links the areas in columns
   * {@code from} and {@code to} in both directions. See {@link #fromEdges(List, Table, String, String, boolean)}.
   *
   * @param ids all area ids, unique and not blank; ids in no edge become islands
   * @param edges the edge table, one link per row
   * @param from name of the column holding one area id of each link
   * @param to name of the column holding the other area id of each link
   * @return binary, symmetric weights over {@code ids}, in that order
   * @throws IllegalArgumentException for a missing column, an empty cell, an id not in
   *     {@code ids} or a self-loop (column, 1-based row and value named), or duplicate ids
   */
  public static SpatialWeights fromEdges(List<String> ids, Table edges, String from, String to) {
    return fromEdges(ids, edges, from, to, true);
  }

  /**
   * Binary weights from an edge table (values stripped of white space). With
   * {@code symmetric = true} each row adds {@code from → to} and {@code to → from}; otherwise only
   * {@code from → to}. Duplicate rows are collapsed. Ids never mentioned are islands.
   *
   * @param ids all area ids, unique and not blank
   * @param edges the edge table, one link per row
   * @param from name of the column holding the area each link starts from
   * @param to name of the column holding the area each link goes to
   * @param symmetric whether each row links both ways
   * @return binary weights over {@code ids}, in that order
   * @throws IllegalArgumentException for a missing column, an empty cell, an id not in
   *     {@code ids} or a self-loop (column, 1-based row and value named), or duplicate ids
   */
  public static SpatialWeights fromEdges(List<String> ids, Table edges, String from, String to, boolean symmetric) {
    Map<String, Integer> index = indexIds(ids);
    Column<?> cf = Columns.column(edges, from);
    Column<?> ct = Columns.column(edges, to);
    int rows = edges.rowCount();
    long[] keys = new long[symmetric ? 2 * rows : rows];
    int k = 0;
    for (int r = 0; r < rows; r++) {
      int i = lookup(index, cf, r);
      int j = lookup(index, ct, r);
      if (i == j) {
        throw Checks.badCell(to, r + 1, "must differ from '" + from + "' (no self-loops)", Columns.text(ct, r));
      }
      keys[k++] = ((long) i << 32) | j;
      if (symmetric) {
        keys[k++] = ((long) j << 32) | i;
      }
    }
    return fromKeys(List.copyOf(ids), index, keys, k);
  }

  private static int lookup(Map<String, Integer> index, Column<?> c, int r) {
    if (Columns.isMissing(c, r)) {
      throw Checks.badCell(c.name(), r + 1, "must name an area", null);
    }
    String s = Columns.text(c, r);
    Integer i = index.get(s);
    if (i == null) {
      throw Checks.badCell(c.name(), r + 1, "must be one of the " + index.size() + " area ids (unknown area)", s);
    }
    return i;
  }

  /**
   * Polygon contiguity with the default snap distance {@link #DEFAULT_SNAP}; see
   * {@link #contiguity(List, Contiguity, double)}.
   *
   * @param polygons the areas; their codes ({@code AreaPolygon.code()}) are the ids, in this order
   * @param rule queen or rook contiguity
   * @return binary, symmetric weights
   * @throws IllegalArgumentException for duplicate codes or an empty list
   */
  public static SpatialWeights contiguity(List<AreaPolygon> polygons, Contiguity rule) {
    return contiguity(polygons, rule, DEFAULT_SNAP);
  }

  /**
   * Polygon contiguity computed as R {@code spdep::poly2nb(pl, queen=, snap=)}: for each pair of
   * areas, count the pairs of boundary vertices (one from each) whose Euclidean distance is at
   * most {@code snap}; areas are {@link Contiguity#QUEEN} neighbours when the count is at least 1
   * and {@link Contiguity#ROOK} neighbours when it is at least 2. Vertices are hashed on a grid of
   * cell size {@code snap}, so the cost is linear in the number of vertices (no pairwise polygon
   * comparison).
   *
   * <p>The vertices of an area are taken exactly as poly2nb takes them from an {@code sf}
   * geometry: all points of all rings (outer rings and holes of all parts, closing points
   * included) except the very first point of the geometry. So every ring's start point is
   * counted once for the first ring but twice for later rings (start and closing point), and a
   * single shared point that starts a later ring makes a rook link, as in R (on the CBS 2023 and
   * 2024 municipality boundaries: GM1924 Goeree-Overflakkee – GM1992 Voorne aan Zee, which meet
   * in one point). Candidate pairs need not be found by bounding boxes first: a vertex match
   * implies that the (snap-expanded) boxes overlap.
   *
   * @param polygons the areas; their codes ({@code AreaPolygon.code()}) are the ids, in this order
   * @param rule queen or rook contiguity
   * @param snap distance in coordinate units, {@code >= 0} (0 = exact equality)
   * @return binary, symmetric weights
   * @throws IllegalArgumentException for duplicate codes, an empty list or a negative or non-finite snap
   */
  public static SpatialWeights contiguity(List<AreaPolygon> polygons, Contiguity rule, double snap) {
    if (!(snap >= 0) || Double.isInfinite(snap)) {
      throw Checks.badArgument("snap", "must be finite and >= 0", snap);
    }
    List<String> ids = new ArrayList<>(polygons.size());
    for (AreaPolygon p : polygons) {
      ids.add(p.code());
    }
    Map<String, Integer> index = indexIds(ids);
    // gather vertices
    int total = 0;
    for (AreaPolygon p : polygons) {
      total += p.pointCount();
    }
    double[] vx = new double[total];
    double[] vy = new double[total];
    int[] owner = new int[total];
    int[] m = {0};
    for (int a = 0; a < polygons.size(); a++) {
      final int area = a;
      polygons.get(a).forEachRing((pi, ri, xy) -> {
        int pts = xy.length / 2;
        // as poly2nb: all points of all rings, minus the first point of the whole geometry
        for (int t = pi == 0 && ri == 0 ? 1 : 0; t < pts; t++) {
          vx[m[0]] = xy[2 * t] + 0.0;
          vy[m[0]] = xy[2 * t + 1] + 0.0;
          owner[m[0]] = area;
          m[0]++;
        }
      });
    }
    int nv = m[0];
    CellIndex cells = new CellIndex(vx, vy, nv, snap);
    long[] pairs = new long[Math.max(16, nv / 2)];
    int np = 0;
    double snap2 = snap * snap;
    int reach = snap > 0 ? 1 : 0;
    for (int v = 0; v < nv; v++) {
      long cx = cells.cellX(vx[v]);
      long cy = cells.cellY(vy[v]);
      for (int dx = -reach; dx <= reach; dx++) {
        for (int dy = -reach; dy <= reach; dy++) {
          for (int u = cells.first(cx + dx, cy + dy); u >= 0; u = cells.next[u]) {
            if (u <= v || owner[u] == owner[v]) {
              continue;
            }
            double ddx = vx[u] - vx[v];
            double ddy = vy[u] - vy[v];
            if (Math.abs(ddx) > snap || Math.abs(ddy) > snap || ddx * ddx + ddy * ddy > snap2) {
              continue;
            }
            int a = Math.min(owner[u], owner[v]);
            int b = Math.max(owner[u], owner[v]);
            if (np == pairs.length) {
              pairs = Arrays.copyOf(pairs, pairs.length * 2);
            }
            pairs[np++] = ((long) a << 32) | b;
          }
        }
      }
    }
    Arrays.sort(pairs, 0, np);
    int need = rule == Contiguity.QUEEN ? 1 : 2;
    long[] keys = new long[2 * np];
    int k = 0;
    for (int s = 0; s < np; ) {
      int e = s;
      while (e < np && pairs[e] == pairs[s]) {
        e++;
      }
      if (e - s >= need) {
        int a = (int) (pairs[s] >>> 32);
        int b = (int) pairs[s];
        keys[k++] = ((long) a << 32) | b;
        keys[k++] = ((long) b << 32) | a;
      }
      s = e;
    }
    return fromKeys(List.copyOf(ids), index, keys, k);
  }

  /** Open-addressing hash of grid cells → linked lists of vertices. */
  private static final class CellIndex {
    private final double size;
    private final boolean exact;
    private final long[] keyX;
    private final long[] keyY;
    private final int[] head;
    private final int mask;
    final int[] next;

    CellIndex(double[] x, double[] y, int n, double size) {
      this.size = size;
      this.exact = size == 0;
      int cap = Integer.highestOneBit(Math.max(4, 2 * n)) * 2;
      keyX = new long[cap];
      keyY = new long[cap];
      head = new int[cap];
      Arrays.fill(head, -1);
      mask = cap - 1;
      next = new int[n];
      for (int v = n - 1; v >= 0; v--) {
        int slot = slot(cellX(x[v]), cellY(y[v]), true);
        next[v] = head[slot];
        head[slot] = v;
      }
    }

    long cellX(double x) {
      return exact ? Double.doubleToLongBits(x) : (long) Math.floor(x / size);
    }

    long cellY(double y) {
      return exact ? Double.doubleToLongBits(y) : (long) Math.floor(y / size);
    }

    int first(long cx, long cy) {
      int s = slot(cx, cy, false);
      return s < 0 ? -1 : head[s];
    }

    private int slot(long cx, long cy, boolean insert) {
      long h = cx * 0x9E3779B97F4A7C15L + cy * 0xC2B2AE3D27D4EB4FL;
      h ^= h >>> 29;
      int s = (int) h & mask;
      while (true) {
        if (head[s] == -1) {
          if (!insert) {
            return -1;
          }
          keyX[s] = cx;
          keyY[s] = cy;
          return s;
        }
        if (keyX[s] == cx && keyY[s] == cy) {
          return s;
        }
        s = (s + 1) & mask;
      }
    }
  }

  /**
   * The {@code k} nearest neighbours of each point by Euclidean distance on the given
   * coordinates, as R {@code spdep::knn2nb(knearneigh(cbind(x, y), k, longlat = FALSE))} (lon/lat
   * treated as planar). Ties are broken by the lower index (input order). The result is not
   * symmetric in general. A grid search keeps the cost near {@code n·k}.
   *
   * @param ids area ids, unique and not blank, at least one; index {@code i} is area {@code i}
   * @param x x coordinate of each id (e.g. longitude)
   * @param y y coordinate of each id (e.g. latitude)
   * @param k number of neighbours per area, {@code 1 <= k < n}
   * @return binary weights with exactly {@code k} neighbours per area
   * @throws IllegalArgumentException for {@code k < 1}, {@code k >= n}, lengths that differ, a
   *     non-finite coordinate (index named) or duplicate ids
   */
  public static SpatialWeights knn(List<String> ids, double[] x, double[] y, int k) {
    Map<String, Integer> index = indexIds(ids);
    int n = ids.size();
    if (x.length != n || y.length != n) {
      throw Checks.badArgument("coordinates", "must have one x and one y per id (" + n + ")",
          x.length != n ? x.length : y.length);
    }
    if (k < 1 || k >= n) {
      throw Checks.badArgument("k", "must be between 1 and n − 1 = " + (n - 1), k);
    }
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
        throw Checks.badArgument("coordinates of " + ids.get(i), "must be finite",
            Double.isFinite(x[i]) ? y[i] : x[i]);
      }
      minX = Math.min(minX, x[i]);
      maxX = Math.max(maxX, x[i]);
      minY = Math.min(minY, y[i]);
      maxY = Math.max(maxY, y[i]);
    }
    double w = maxX - minX;
    double h = maxY - minY;
    double cell = Math.max(Math.sqrt(w * h / n) * 1.5, Math.max(w, h) / n);
    if (!(cell > 0)) {
      cell = 1;
    }
    int gx = (int) Math.min(w / cell + 1, 1 << 15);
    int gy = (int) Math.min(h / cell + 1, 1 << 15);
    int[] cellOf = new int[n];
    int[] start = new int[gx * gy + 1];
    for (int i = 0; i < n; i++) {
      int cx = Math.min(gx - 1, (int) ((x[i] - minX) / cell));
      int cy = Math.min(gy - 1, (int) ((y[i] - minY) / cell));
      cellOf[i] = cy * gx + cx;
      start[cellOf[i] + 1]++;
    }
    for (int c = 0; c < gx * gy; c++) {
      start[c + 1] += start[c];
    }
    int[] members = new int[n];
    int[] fill = Arrays.copyOf(start, gx * gy);
    for (int i = 0; i < n; i++) {
      members[fill[cellOf[i]]++] = i;
    }
    long[] keys = new long[n * k];
    int nk = 0;
    int[] best = new int[k];
    double[] bestD = new double[k];
    for (int i = 0; i < n; i++) {
      int cx = cellOf[i] % gx;
      int cy = cellOf[i] / gx;
      int found = 0;
      for (int r = 0; r <= Math.max(gx, gy); r++) {
        if (found == k) {
          double reach = (r - 1) * cell;
          if (reach > 0 && reach * reach > bestD[k - 1]) {
            break;
          }
        }
        for (int yy = cy - r; yy <= cy + r; yy++) {
          if (yy < 0 || yy >= gy) {
            continue;
          }
          boolean edgeRow = yy == cy - r || yy == cy + r;
          for (int xx = cx - r; xx <= cx + r; xx += edgeRow ? 1 : Math.max(1, 2 * r)) {
            if (xx < 0 || xx >= gx) {
              continue;
            }
            int c = yy * gx + xx;
            for (int t = start[c]; t < start[c + 1]; t++) {
              int j = members[t];
              if (j == i) {
                continue;
              }
              double dx = x[j] - x[i];
              double dy = y[j] - y[i];
              double d = dx * dx + dy * dy;
              if (found == k && (d > bestD[k - 1] || (d == bestD[k - 1] && j > best[k - 1]))) {
                continue;
              }
              int pos = found == k ? k - 1 : found++;
              while (pos > 0 && (bestD[pos - 1] > d || (bestD[pos - 1] == d && best[pos - 1] > j))) {
                bestD[pos] = bestD[pos - 1];
                best[pos] = best[pos - 1];
                pos--;
              }
              bestD[pos] = d;
              best[pos] = j;
            }
          }
        }
      }
      for (int t = 0; t < k; t++) {
        keys[nk++] = ((long) i << 32) | best[t];
      }
    }
    return fromKeys(List.copyOf(ids), index, keys, nk);
  }

  /**
   * Area-weighted planar centroids (as GEOS/{@code sf::st_centroid} without s2): for every ring
   * the shoelace area {@code A_r} and first moments; outer rings count positive, holes negative,
   * whatever their orientation; {@code C = Σ A_r·c_r / Σ A_r}. Coordinates as in the polygons
   * (lon/lat degrees: a planar approximation, adequate for the Netherlands).
   *
   * @param polygons the areas
   * @return one centroid per area, in input order, with the codes ({@code AreaPolygon.code()}) as ids
   * @throws IllegalArgumentException for an area of zero net area (named)
   */
  public static Centroids centroids(List<AreaPolygon> polygons) {
    int n = polygons.size();
    double[] cx = new double[n];
    double[] cy = new double[n];
    List<String> ids = new ArrayList<>(n);
    for (int a = 0; a < n; a++) {
      AreaPolygon p = polygons.get(a);
      ids.add(p.code());
      double[] acc = new double[5]; // area, mx, my, base x, base y
      boolean[] based = {false};
      p.forEachRing((pi, ri, xy) -> {
        if (!based[0]) {
          acc[3] = xy[0];
          acc[4] = xy[1];
          based[0] = true;
        }
        double bx = acc[3];
        double by = acc[4];
        int pts = xy.length / 2;
        double area2 = 0;
        double mx = 0;
        double my = 0;
        for (int t = 0; t < pts; t++) {
          int u = (t + 1) % pts;
          double x0 = xy[2 * t] - bx;
          double y0 = xy[2 * t + 1] - by;
          double x1 = xy[2 * u] - bx;
          double y1 = xy[2 * u + 1] - by;
          double cr = x0 * y1 - x1 * y0;
          area2 += cr;
          mx += (x0 + x1) * cr;
          my += (y0 + y1) * cr;
        }
        double sign = (ri == 0) == (area2 >= 0) ? 1 : -1;
        acc[0] += sign * area2 / 2;
        acc[1] += sign * mx / 6;
        acc[2] += sign * my / 6;
      });
      if (!(Math.abs(acc[0]) > 0)) {
        throw Checks.badArgument("area of " + p.code(), "must be > 0 for a centroid", acc[0]);
      }
      cx[a] = acc[3] + acc[1] / acc[0];
      cy[a] = acc[4] + acc[2] / acc[0];
    }
    return new Centroids(ids, cx, cy);
  }

  private static Map<String, Integer> indexIds(List<String> ids) {
    Map<String, Integer> index = new HashMap<>(ids.size() * 2);
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      if (id == null || id.isBlank()) {
        throw Checks.badArgument("area id at position " + (i + 1), "must be present and not blank", id);
      }
      if (index.put(id, i) != null) {
        throw Checks.badArgument("area id at position " + (i + 1), "must be unique (duplicate id)", id);
      }
    }
    if (ids.isEmpty()) {
      throw Checks.badArgument("area ids", "must not be empty", 0);
    }
    return index;
  }

  /** Builds binary CSR from (i << 32 | j) keys; sorts and collapses duplicates. */
  private static SpatialWeights fromKeys(List<String> ids, Map<String, Integer> index, long[] keys, int k) {
    Arrays.sort(keys, 0, k);
    int n = ids.size();
    int[] rowStart = new int[n + 1];
    int[] nb = new int[k];
    int m = 0;
    for (int t = 0; t < k; t++) {
      if (t > 0 && keys[t] == keys[t - 1]) {
        continue;
      }
      int i = (int) (keys[t] >>> 32);
      nb[m++] = (int) keys[t];
      rowStart[i + 1]++;
    }
    for (int i = 0; i < n; i++) {
      rowStart[i + 1] += rowStart[i];
    }
    int[] neighbour = Arrays.copyOf(nb, m);
    double[] weight = new double[m];
    Arrays.fill(weight, 1.0);
    return new SpatialWeights(ids, Map.copyOf(index), rowStart, neighbour, weight, Style.BINARY);
  }

  // ---------------------------------------------------------------- styles

  /**
   * The same links with every weight 1 ({@code style = "B"}).
   *
   * @return new weights of style {@link Style#BINARY}
   */
  public SpatialWeights binary() {
    double[] w = new double[neighbour.length];
    Arrays.fill(w, 1.0);
    return new SpatialWeights(ids, index, rowStart, neighbour, w, Style.BINARY);
  }

  /**
   * The same links with {@code w_ij = 1/|N(i)|} ({@code style = "W"}); islands keep an empty row.
   *
   * @return new weights of style {@link Style#ROW_STANDARDISED}
   */
  public SpatialWeights rowStandardised() {
    double[] w = new double[neighbour.length];
    for (int i = 0; i < ids.size(); i++) {
      int c = rowStart[i + 1] - rowStart[i];
      for (int t = rowStart[i]; t < rowStart[i + 1]; t++) {
        w[t] = 1.0 / c;
      }
    }
    return new SpatialWeights(ids, index, rowStart, neighbour, w, Style.ROW_STANDARDISED);
  }

  // ---------------------------------------------------------------- access

  /**
   * The style of the weights.
   *
   * @return {@link Style#BINARY} (every factory) or {@link Style#ROW_STANDARDISED}
   */
  public Style style() {
    return style;
  }

  /**
   * Number of areas {@code n}.
   *
   * @return the number of areas, islands included ({@code >= 1})
   */
  public int size() {
    return ids.size();
  }

  /**
   * Id of area {@code i} (0-based).
   *
   * @param i area index, {@code 0..size()-1}
   * @return the area's id
   */
  public String id(int i) {
    return ids.get(i);
  }

  /**
   * All ids in order.
   *
   * @return the ids, an unmodifiable list in area index order
   */
  public List<String> ids() {
    return ids;
  }

  /**
   * Index of an id.
   *
   * @param id area id
   * @return the 0-based index, or empty when the id is not one of these areas
   */
  public OptionalInt indexOf(String id) {
    Integer i = index.get(id);
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  /**
   * Indices of the neighbours of area {@code i}, ascending (a copy).
   *
   * @param i area index, {@code 0..size()-1}
   * @return a new array of 0-based neighbour indices; empty for an island
   */
  public int[] neighbours(int i) {
    return Arrays.copyOfRange(neighbour, rowStart[i], rowStart[i + 1]);
  }

  /**
   * Weights of the neighbours of area {@code i}, in {@link #neighbours(int)} order (a copy).
   *
   * @param i area index, {@code 0..size()-1}
   * @return a new array of the weights {@code w_ij}; empty for an island
   */
  public double[] weights(int i) {
    return Arrays.copyOfRange(weight, rowStart[i], rowStart[i + 1]);
  }

  /**
   * Ids of the neighbours of an id; empty for an unknown id.
   *
   * @param id area id
   * @return the neighbours' ids in ascending index order (an empty list for an island), or empty
   *     when the id is not one of these areas
   */
  public Optional<List<String>> neighbours(String id) {
    Integer i = index.get(id);
    if (i == null) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    for (int t = rowStart[i]; t < rowStart[i + 1]; t++) {
      out.add(ids.get(neighbour[t]));
    }
    return Optional.of(List.copyOf(out));
  }

  /**
   * Number of neighbours of area {@code i}.
   *
   * @param i area index, {@code 0..size()-1}
   * @return {@code |N(i)|}, 0 for an island
   */
  public int cardinality(int i) {
    return rowStart[i + 1] - rowStart[i];
  }

  /**
   * Number of (directed) links.
   *
   * @return the number of links {@code i → j}; a symmetric pair counts twice
   */
  public int links() {
    return neighbour.length;
  }

  /**
   * Ids of the areas without neighbours, in order; never dropped from statistics.
   *
   * @return an unmodifiable list of the islands' ids, empty when every area has a neighbour
   */
  public List<String> islands() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      if (rowStart[i + 1] == rowStart[i]) {
        out.add(ids.get(i));
      }
    }
    return List.copyOf(out);
  }

  /**
   * {@code S0 = Σ_i Σ_j w_ij}.
   *
   * @return the sum of all weights: the number of links for binary weights, the number of areas
   *     with neighbours for row-standardised weights
   */
  public double s0() {
    double s = 0;
    for (double w : weight) {
      s += w;
    }
    return s;
  }

  /**
   * Whether every link {@code i → j} has a link {@code j → i} (weights not compared).
   *
   * @return {@code true} when the links are symmetric
   */
  public boolean isSymmetric() {
    for (int i = 0; i < ids.size(); i++) {
      for (int t = rowStart[i]; t < rowStart[i + 1]; t++) {
        if (find(neighbour[t], i) < 0) {
          return false;
        }
      }
    }
    return true;
  }

  /** Position of {@code j} in row {@code i}, or −1. */
  int find(int i, int j) {
    int p = Arrays.binarySearch(neighbour, rowStart[i], rowStart[i + 1], j);
    return p >= 0 ? p : -1;
  }

  /**
   * Links as a table with columns from, to, weight (one row per directed link).
   *
   * @return a new table, rows ordered by the area index of from, then of to
   */
  public Table toTable() {
    StringColumn f = StringColumn.create("from");
    StringColumn t = StringColumn.create("to");
    DoubleColumn w = DoubleColumn.create("weight");
    for (int i = 0; i < ids.size(); i++) {
      for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
        f.append(ids.get(i));
        t.append(ids.get(neighbour[p]));
        w.append(weight[p]);
      }
    }
    return Table.create("spatial weights").addColumns(f, t, w);
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "SpatialWeights[%d areas, %d links, mean %.2f neighbours, %d islands, %s]",
        ids.size(), neighbour.length, (double) neighbour.length / ids.size(), islands().size(),
        style == Style.BINARY ? "binary" : "row-standardised");
  }
}
