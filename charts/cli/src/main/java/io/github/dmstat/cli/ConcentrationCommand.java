package io.github.dmstat.cli;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.Columns;
import io.github.dmstat.core.area.AreaCode;
import io.github.dmstat.core.area.AreaPolygon;
import io.github.dmstat.core.concentration.AreaConcentration;
import io.github.dmstat.core.concentration.AreaCounts;
import io.github.dmstat.core.concentration.Concentration;
import io.github.dmstat.core.concentration.MissingPolicy;
import io.github.dmstat.core.concentration.Rates;
import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.io.Json;
import io.github.dmstat.core.spatial.Contiguity;
import io.github.dmstat.core.spatial.Moran;
import io.github.dmstat.core.spatial.SpatialWeights;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** {@code dmstat concentration}: how concentrated events are over areas, and where they cluster. */
@Command(name = "concentration", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Concentration of events (e.g. registered drug incidents) over areas with CBS codes (GM+4, WK+6, "
        + "BU+8): rates per --per inhabitants with exact Poisson intervals, empirical Bayes rates (spdep EBest), "
        + "Gini (plain, corrected, generalised), the share of events in the top fraction of areas, and with "
        + "neighbours global Moran's I (row-standardised weights; moran.test moments and a permutation p), local "
        + "Moran (LISA clusters HH/LL/HL/LH at alpha = 1 - --level, permutation p when --permutations > 0) and "
        + "Getis-Ord Gi* (binary weights including the area itself), all on the rates per --per inhabitants.",
        "Neighbours: --neighbours EDGES.csv (columns from,to, or the first two columns; links are symmetric), or "
            + "--boundaries FILE.geojson with --contiguity queen|rook (default queen) or --knn K (nearest polygon "
            + "centroids). --boundaries dataset:buurten uses the polygons of the embedded dataset 'buurten' "
            + "(dmstat concentration --dataset buurten --area code --count incidents --population inhabitants "
            + "--boundaries dataset:buurten). Areas without neighbours (islands) are kept, as spdep with "
            + "zero.policy = TRUE; areas with population 0 have no rate and are left out of the spatial statistics.",
        "Without a neighbour option the Moran and local fields are null."})
class ConcentrationCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.ArgGroup(exclusive = false, multiplicity = "1", heading = "Data:%n")
  DataOptions data = new DataOptions();

  @Option(names = "--area", required = true, paramLabel = "COL", description = "Area code column (CBS codes).")
  String area;

  @Option(names = "--count", required = true, paramLabel = "COL", description = "Event count column (whole numbers >= 0).")
  String count;

  @Option(names = "--population", required = true, paramLabel = "COL", description = "Inhabitants column (>= 0).")
  String population;

  @Option(names = "--neighbours", paramLabel = "EDGES.csv", description = "Edge list CSV of neighbouring areas.")
  Path neighbours;

  @Option(names = "--boundaries", paramLabel = "FILE.geojson",
      description = "GeoJSON FeatureCollection of (Multi)Polygons, or dataset:buurten for the embedded boundaries.")
  String boundaries;

  @Option(names = "--boundary-key", paramLabel = "PROP",
      description = "Feature property holding the area code (default: the feature id).")
  String boundaryKey;

  @Option(names = "--contiguity", paramLabel = "RULE", description = "queen or rook (with --boundaries; default queen).")
  String contiguity;

  @Option(names = "--knn", paramLabel = "K", description = "K nearest neighbours by polygon centroid (needs --boundaries).")
  Integer knn;

  @Option(names = "--per", paramLabel = "N", defaultValue = "1000", description = "Rates per N inhabitants (default: ${DEFAULT-VALUE}).")
  double per;

  @Option(names = "--top", paramLabel = "FRACTION", defaultValue = "0.10",
      description = "Top fraction of areas for the top share (default: ${DEFAULT-VALUE}).")
  double top;

  @Option(names = "--level", paramLabel = "P", defaultValue = "0.95",
      description = "Confidence level of the rate intervals; 1 - P is the local significance level (default: ${DEFAULT-VALUE}).")
  double level;

  @Option(names = "--permutations", paramLabel = "N", defaultValue = "999",
      description = "Permutations for Moran's I and local Moran p-values, 0 for none (default: ${DEFAULT-VALUE}).")
  int permutations;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the permutations (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--format", paramLabel = "FMT", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    Format fmt = Format.parse(format);
    AreaConcentration result = analyse();
    spec.commandLine().getOut().print(fmt.render(result, result::toTable));
    spec.commandLine().getOut().flush();
    return 0;
  }

  /**
   * Checks the options, binds the data and runs the analysis; errors name the data file, or the
   * neighbour/boundary file they come from (also used by the concentration charts).
   */
  AreaConcentration analyse() {
    checkOptions();
    Table table = data.load(spec.commandLine().getErr());
    try {
      return compute(table);
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      boolean external = m != null && ((neighbours != null && m.startsWith(neighbours.toString()))
          || (boundaries != null && m.startsWith(boundaries)));
      throw external ? e : data.where(e);
    }
  }

  private void checkOptions() {
    if (neighbours != null && boundaries != null) {
      throw new IllegalArgumentException("use either --neighbours or --boundaries, not both");
    }
    if (boundaries == null && (contiguity != null || knn != null || boundaryKey != null)) {
      throw new IllegalArgumentException((knn != null ? "--knn" : contiguity != null ? "--contiguity" : "--boundary-key")
          + " needs --boundaries FILE.geojson (polygon centroids and contiguity come from the boundaries)");
    }
    if (contiguity != null && knn != null) {
      throw new IllegalArgumentException("use either --contiguity or --knn, not both");
    }
    if (!(per > 0) || Double.isInfinite(per)) {
      throw Checks.badArgument("--per", "must be finite and > 0", per);
    }
    if (!(top > 0 && top <= 1)) {
      throw Checks.badArgument("--top", "must be in (0, 1]", top);
    }
    Checks.level(level);
    if (permutations < 0) {
      throw Checks.badArgument("--permutations", "must be >= 0", permutations);
    }
  }

  private AreaConcentration compute(Table table) {
    Column<?> codes = Columns.column(table, area);
    Columns.column(table, count);
    Columns.column(table, population);
    for (int r = 0; r < table.rowCount(); r++) {
      if (!Columns.isMissing(codes, r) && !AreaCode.isValid(Columns.text(codes, r))) {
        throw Checks.badCell(area, r + 1, "must be a CBS area code (GM + 4 digits, WK + 6 or BU + 8 characters, "
            + "upper case)", Columns.text(codes, r));
      }
    }
    AreaCounts counts = AreaCounts.from(table, area, count, population, MissingPolicy.FAIL);
    return AreaConcentration.analyse(counts, rated -> weights(counts.areas(), rated), describeNeighbours(), per, top,
        level, permutations, seed);
  }

  private String describeNeighbours() {
    String how;
    if (neighbours == null && boundaries == null) {
      how = "no neighbour option (--neighbours, --boundaries with --contiguity or --knn)";
    } else if (neighbours != null) {
      how = "edge list " + neighbours;
    } else if (knn != null) {
      how = knn + " nearest centroids from " + boundaries;
    } else {
      how = (contiguity == null ? "queen" : Contiguity.parse(contiguity).name().toLowerCase(Locale.ROOT))
          + " contiguity from " + boundaries;
    }
    return how;
  }

  /** Binary links among the rated areas, or empty without a neighbour option. */
  private Optional<SpatialWeights> weights(List<String> all, List<String> rated) {
    if (neighbours != null) {
      return Optional.of(AreaBoundaries.edges(neighbours, all, rated));
    }
    if (boundaries == null) {
      return Optional.empty();
    }
    Contiguity rule = contiguity == null ? Contiguity.QUEEN : Contiguity.parse(contiguity);
    List<AreaPolygon> polygons = AreaBoundaries.polygons(boundaries, boundaryKey);
    List<AreaPolygon> aligned;
    try {
      aligned = AreaBoundaries.align(polygons, rated, boundaries);
      if (knn != null) {
        return Optional.of(AreaBoundaries.knn(aligned, knn));
      }
      return Optional.of(AreaBoundaries.contiguity(aligned, rule));
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      throw m != null && m.startsWith(boundaries) ? e : new IllegalArgumentException(boundaries + ": " + m, e);
    }
  }

}
