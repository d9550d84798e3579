package io.github.dmstat.core.area;

import io.github.dmstat.core.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The boundary of one area: one or more polygons (a GeoJSON MultiPolygon has several), each a
 * list of rings, the first the outer ring and the others holes. A ring is a {@code double[]} of
 * interleaved coordinates {@code [x0, y0, x1, y1, ...]} as read (for WGS84 GeoJSON: longitude,
 * latitude in degrees), normally closed (last point = first point). Arrays are copied in and
 * out.
 *
 * @param code the area key (e.g. {@code GM0014})
 * @param name the area name where the source has one
 * @param polygons polygons → rings → interleaved coordinates
 */
public record AreaPolygon(String code, Optional<String> name, List<List<double[]>> polygons) {
  /**
   * Validates and deep-copies {@code polygons}.
   *
   * @param code the area key (e.g. {@code GM0014}), not blank
   * @param name the area name where the source has one
   * @param polygons polygons → rings → interleaved coordinates: at least one polygon, each with an outer
   *     ring, each ring at least 3 points with finite coordinates
   * @throws IllegalArgumentException naming the area, polygon and ring when a rule is broken
   */
  public AreaPolygon {
    if (code == null || code.isBlank()) {
      throw Checks.badArgument("area polygon code", "must be present and not blank", code);
    }
    Objects.requireNonNull(name, "name");
    if (polygons == null || polygons.isEmpty()) {
      throw Checks.badArgument("polygons of area " + code, "must hold at least one polygon", polygons == null ? null : 0);
    }
    polygons = copy(polygons, code);
  }

  private static List<List<double[]>> copy(List<List<double[]>> polygons, String code) {
    List<List<double[]>> out = new ArrayList<>(polygons.size());
    for (int p = 0; p < polygons.size(); p++) {
      List<double[]> rings = polygons.get(p);
      if (rings == null || rings.isEmpty()) {
        throw Checks.badArgument("polygon " + (p + 1) + " of area " + code, "must have an outer ring", 0);
      }
      List<double[]> rc = new ArrayList<>(rings.size());
      for (int r = 0; r < rings.size(); r++) {
        double[] ring = rings.get(r);
        String what = "ring " + (r + 1) + " of polygon " + (p + 1) + " of area " + code;
        if (ring == null || ring.length % 2 != 0 || ring.length < 6) {
          throw Checks.badArgument(what, "must hold at least 3 (x, y) points", ring == null ? null : ring.length / 2.0);
        }
        for (double v : ring) {
          if (!Double.isFinite(v)) {
            throw Checks.badArgument(what, "must have finite coordinates", v);
          }
        }
        rc.add(ring.clone());
      }
      out.add(List.copyOf(rc));
    }
    return List.copyOf(out);
  }

  /**
   * Polygons with ring arrays copied (the record's arrays cannot be changed through this).
   *
   * @return polygons → rings → interleaved coordinates, a fresh copy on each call
   */
  @Override
  public List<List<double[]>> polygons() {
    List<List<double[]>> out = new ArrayList<>(polygons.size());
    for (List<double[]> rings : polygons) {
      out.add(rings.stream().map(double[]::clone).toList());
    }
    return List.copyOf(out);
  }

  /**
   * Calls {@code visitor} once per ring without copying: polygon index, ring index (0 = outer),
   * coordinates.
   *
   * @param visitor receives the rings in order, polygon by polygon
   */
  public void forEachRing(RingVisitor visitor) {
    for (int p = 0; p < polygons.size(); p++) {
      List<double[]> rings = polygons.get(p);
      for (int r = 0; r < rings.size(); r++) {
        visitor.ring(p, r, rings.get(r));
      }
    }
  }

  /** Receives rings; must not modify the array. */
  @FunctionalInterface
  public interface RingVisitor {
    /**
     * One ring: interleaved {@code x, y}; do not modify.
     *
     * @param polygon 0-based polygon index
     * @param ring 0-based ring index within the polygon (0 = outer ring, others holes)
     * @param xy interleaved coordinates {@code [x0, y0, x1, y1, ...]}
     */
    void ring(int polygon, int ring, double[] xy);
  }

  /**
   * Total number of coordinate points over all rings (closing points included).
   *
   * @return the number of {@code (x, y)} points
   */
  public int pointCount() {
    int n = 0;
    for (List<double[]> rings : polygons) {
      for (double[] r : rings) {
        n += r.length / 2;
      }
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AreaPolygon)) {
      return false;
    }
    AreaPolygon a = (AreaPolygon) o;
    if (!code.equals(a.code) || !name.equals(a.name) || polygons.size() != a.polygons.size()) {
      return false;
    }
    for (int p = 0; p < polygons.size(); p++) {
      List<double[]> x = polygons.get(p);
      List<double[]> y = a.polygons.get(p);
      if (x.size() != y.size()) {
        return false;
      }
      for (int r = 0; r < x.size(); r++) {
        if (!java.util.Arrays.equals(x.get(r), y.get(r))) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, name, polygons.size(), pointCount());
  }

  @Override
  public String toString() {
    int holes = 0;
    for (List<double[]> rings : polygons) {
      holes += rings.size() - 1;
    }
    return "AreaPolygon[" + code + name.map(n -> " " + n).orElse("") + ": " + polygons.size() + " polygon(s), "
        + holes + " hole(s), " + pointCount() + " points]";
  }
}
