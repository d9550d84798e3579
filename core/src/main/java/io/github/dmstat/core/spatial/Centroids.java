package io.github.dmstat.core.spatial;

import io.github.dmstat.core.Checks;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Planar centroids of areas, in the coordinates of the polygons (lon/lat degrees for WGS84).
 * Arrays are copied in and out.
 *
 * @param ids area ids
 * @param x centroid x (longitude)
 * @param y centroid y (latitude)
 */
public record Centroids(List<String> ids, double[] x, double[] y) {
  /**
   * Copies the ids and coordinates.
   *
   * @param ids area ids
   * @param x centroid x (longitude), one per id
   * @param y centroid y (latitude), one per id
   * @throws IllegalArgumentException when {@code x} or {@code y} does not have one entry per id
   */
  public Centroids {
    ids = List.copyOf(ids);
    if (x.length != ids.size() || y.length != ids.size()) {
      throw Checks.badArgument("centroid coordinates", "must have one x and y per id (" + ids.size() + ")", x.length);
    }
    x = x.clone();
    y = y.clone();
  }

  /**
   * The x coordinates.
   *
   * @return a copy, one per area in {@link #ids()} order
   */
  @Override
  public double[] x() {
    return x.clone();
  }

  /**
   * The y coordinates.
   *
   * @return a copy, one per area in {@link #ids()} order
   */
  @Override
  public double[] y() {
    return y.clone();
  }

  /**
   * The centroid {x, y} of an id.
   *
   * @param id area id
   * @return a new array {@code {x, y}}, or empty when the id is not among {@link #ids()}
   */
  public Optional<double[]> of(String id) {
    int i = ids.indexOf(id);
    return i < 0 ? Optional.empty() : Optional.of(new double[] {x[i], y[i]});
  }

  /**
   * Columns id, x, y.
   *
   * @return a new table named "centroids", one row per area in {@link #ids()} order
   */
  public Table toTable() {
    return Table.create("centroids").addColumns(StringColumn.create("id", ids), DoubleColumn.create("x", x),
        DoubleColumn.create("y", y));
  }

  @Override
  public String toString() {
    return "Centroids[" + ids.size() + " areas]";
  }
}
