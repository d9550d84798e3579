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
  public Centroids {
    ids = List.copyOf(ids);
    if (x.length != ids.size() || y.length != ids.size()) {
      throw Checks.badArgument("centroid coordinates", "must have one x and y per id (" + ids.size() + ")", x.length);
    }
    x = x.clone();
    y = y.clone();
  }

  @Override
  public double[] x() {
    return x.clone();
  }

  @Override
  public double[] y() {
    return y.clone();
  }

  /** The centroid {x, y} of an id. */
  public Optional<double[]> of(String id) {
    int i = ids.indexOf(id);
    return i < 0 ? Optional.empty() : Optional.of(new double[] {x[i], y[i]});
  }

  /** Columns id, x, y. */
  public Table toTable() {
    return Table.create("centroids").addColumns(StringColumn.create("id", ids), DoubleColumn.create("x", x),
        DoubleColumn.create("y", y));
  }

  @Override
  public String toString() {
    return "Centroids[" + ids.size() + " areas]";
  }
}
