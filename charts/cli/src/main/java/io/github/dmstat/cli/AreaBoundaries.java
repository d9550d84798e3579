package io.github.dmstat.cli;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.area.AreaPolygon;
import io.github.dmstat.core.area.GeoJson;
import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.io.Frame;
import io.github.dmstat.core.io.ReadOptions;
import io.github.dmstat.core.spatial.Centroids;
import io.github.dmstat.core.spatial.Contiguity;
import io.github.dmstat.core.spatial.SpatialWeights;
import io.github.dmstat.datasets.SyntheticGeography;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * Neighbours for the command line: from an edge list CSV, from polygon contiguity or from the k
 * nearest polygon centroids, always aligned with (and restricted to) the areas of the data.
 * {@code --boundaries dataset:buurten} means the embedded polygons of the synthetic geography.
 */
final class AreaBoundaries {
  /** Prefix of the pseudo-path naming embedded boundaries. */
  static final String DATASET_PREFIX = "dataset:";

  private AreaBoundaries() {}

  /** Reads polygons from a GeoJSON file or the embedded {@code dataset:buurten}; errors name the file. */
  static List<AreaPolygon> polygons(String spec, String keyProperty) {
    if (spec.startsWith(DATASET_PREFIX)) {
      String name = spec.substring(DATASET_PREFIX.length());
      if (!name.equals(SyntheticGeography.DATASET)) {
        throw Checks.unknownValue("--boundaries dataset", name, List.of(SyntheticGeography.DATASET));
      }
      return SyntheticGeography.embedded().polygons();
    }
    try {
      return GeoJson.read(Path.of(spec), keyProperty == null ? GeoJson.FEATURE_ID : keyProperty);
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      throw m != null && m.startsWith(spec) ? e : new IllegalArgumentException(spec + ": " + m, e);
    }
  }

  /** The polygons of {@code ids}, in that order; an area without a boundary is an error naming it. */
  static List<AreaPolygon> align(List<AreaPolygon> polygons, List<String> ids, String source) {
    Map<String, AreaPolygon> byCode = new HashMap<>();
    for (AreaPolygon p : polygons) {
      if (byCode.put(p.code(), p) != null) {
        throw new IllegalArgumentException(source + ": area '" + p.code() + "' has more than one feature");
      }
    }
    List<AreaPolygon> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      AreaPolygon p = byCode.get(id);
      if (p == null) {
        List<String> some = polygons.stream().limit(5).map(AreaPolygon::code).toList();
        throw new IllegalArgumentException(source + ": area '" + id + "' has no boundary (" + polygons.size()
            + " features, e.g. " + some + "; use --boundary-key to choose the property holding the code)");
      }
      out.add(p);
    }
    return out;
  }

  /** Contiguity among the areas {@code ids} only. */
  static SpatialWeights contiguity(List<AreaPolygon> aligned, Contiguity rule) {
    return SpatialWeights.contiguity(aligned, rule);
  }

  /** The {@code k} nearest neighbours among {@code ids} by polygon centroid. */
  static SpatialWeights knn(List<AreaPolygon> aligned, int k) {
    Centroids c = SpatialWeights.centroids(aligned);
    if (k < 1 || k >= aligned.size()) {
      throw Checks.badArgument("--knn", "must be between 1 and the number of areas minus 1 (" + (aligned.size() - 1) + ")", k);
    }
    return SpatialWeights.knn(c.ids(), c.x(), c.y(), k);
  }

  /**
   * Symmetric binary weights from an edge list CSV: columns {@code from} and {@code to} when
   * present, else the first two columns. Every id must be one of {@code allIds} (the data's
   * areas); links to areas outside {@code keep} are then dropped.
   */
  static SpatialWeights edges(Path file, List<String> allIds, List<String> keep) {
    Frame frame = Csv.frame(file, ReadOptions.withDefaults(), null);
    Table t = frame.toTable();
    List<String> names = t.columnNames();
    String from;
    String to;
    if (names.contains("from") && names.contains("to")) {
      from = "from";
      to = "to";
    } else if (names.size() >= 2) {
      from = names.get(0);
      to = names.get(1);
    } else {
      throw new IllegalArgumentException(file + ": an edge list needs columns 'from' and 'to' (or two columns); found "
          + names);
    }
    SpatialWeights all;
    try {
      all = SpatialWeights.fromEdges(allIds, t, from, to);
    } catch (IllegalArgumentException e) {
      throw frame.locate(e);
    }
    return subset(all, keep);
  }

  /** The same links restricted to {@code keep} (in that order). */
  static SpatialWeights subset(SpatialWeights w, List<String> keep) {
    if (keep.equals(w.ids())) {
      return w;
    }
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < keep.size(); i++) {
      index.put(keep.get(i), i);
    }
    int[][] nb = new int[keep.size()][];
    for (int i = 0; i < keep.size(); i++) {
      Optional<List<String>> n = w.neighbours(keep.get(i));
      List<String> list = n.orElse(List.of());
      int[] out = new int[list.size()];
      int k = 0;
      for (String id : list) {
        Integer j = index.get(id);
        if (j != null) {
          out[k++] = j;
        }
      }
      nb[i] = java.util.Arrays.copyOf(out, k);
    }
    return SpatialWeights.of(keep, nb);
  }
}
