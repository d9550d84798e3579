package io.github.dmstat.core.replicate;

import static io.github.dmstat.core.Reference.close;
import static io.github.dmstat.core.Reference.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.Reference;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.core.survey.LonelyPsu;
import io.github.dmstat.core.survey.Statistic;
import io.github.dmstat.core.survey.StatisticEstimate;
import io.github.dmstat.core.survey.StatisticTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tech.tablesaw.api.Table;

/**
 * Agreement of {@link ReplicateDesign} and {@link ReplicateStatistics} with R {@code survey} 4.1.1
 * ({@code svrepdesign}, {@code as.svrepdesign}, {@code svymean}, {@code svytotal}, {@code svyratio},
 * {@code svyby}, {@code na.rm = TRUE}) on the fixtures of {@code reference/make_replicate.R}: JK1
 * (with and without fpc), JKn (with and without fpc), bootstrap (R's random numbers for the seed,
 * one replicate without the domain), and supplied BRR, Fay, JK1, JKn and bootstrap weights, each
 * with {@code mse = FALSE} and {@code TRUE}; domains with missing values. Estimates 1e-10, SEs 1e-8
 * relative; the replicate weights made here equal R's to 1e-12. BRR and Fay made from a Taylor
 * design (a Hadamard matrix) are not built here: their supplied weights are tested.
 */
class ReplicateReferenceTest {
  private static final String DIR = "reference/";
  private final Map<String, Table> tables = new HashMap<>();
  private final Map<String, ReplicateDesign> designs = new HashMap<>();
  private final ReplicateFixtures fixtures = new ReplicateFixtures(DIR);

  private Table data(String file) {
    return tables.computeIfAbsent(file, f -> Reference.table(ReplicateReferenceTest.class, DIR + f));
  }

  private static Map<String, Map<String, String>> cases() {
    Map<String, Map<String, String>> m = new HashMap<>();
    for (Map<String, String> r : Reference.rows(ReplicateReferenceTest.class, DIR + "designs_reference.csv")) {
      m.put(r.get("case") + "|" + r.get("mse"), r);
    }
    return m;
  }

  private static double[] rscales(String c) {
    return Reference.rows(ReplicateReferenceTest.class, DIR + "rscales_reference.csv").stream()
        .filter(r -> r.get("case").equals(c)).mapToDouble(r -> num(r, "rscale")).toArray();
  }

  /** The data with the replicate weight columns of the design's file added (same rows, same order). */
  private Table withReplicates(Map<String, String> d) {
    return fixtures.table(d.get("design"));
  }

  private ReplicateDesign design(Map<String, String> d) {
    return designs.computeIfAbsent(d.get("case") + "|" + d.get("mse"), k -> {
      boolean mse = d.get("mse").equals("TRUE");
      int reps = (int) num(d, "replicates");
      ReplicateType type = ReplicateType.parse(d.get("type"));
      if (d.get("origin").equals("svrepdesign")) {
        Table t = withReplicates(d);
        List<String> cols = new ArrayList<>();
        for (int r = 1; r <= reps; r++) {
          cols.add("rep" + r);
        }
        if (type == ReplicateType.FAY) {
          return ReplicateDesign.fay(t, "w_full", cols, num(d, "rho"), mse);
        }
        double scale = type == ReplicateType.BRR ? Double.NaN : num(d, "scale");
        return ReplicateDesign.supplied(t, "w_full", cols, type, scale,
            type == ReplicateType.JKN ? rscales(d.get("case")) : null, mse);
      }
      DesignSpec spec = DesignSpec.weights(d.get("weight")).withLonelyPsu(LonelyPsu.FAIL);
      spec = d.get("strata").isEmpty() ? spec : spec.withStrata(d.get("strata"));
      spec = d.get("psu").isEmpty() ? spec : spec.withPsu(d.get("psu"));
      spec = d.get("fpc").isEmpty() ? spec : spec.withFpc(d.get("fpc"));
      var taylor = spec.bind(data(d.get("data")));
      ReplicateDesign rd = switch (type) {
        case JK1 -> ReplicateDesign.jk1(taylor);
        case JKN -> ReplicateDesign.jkn(taylor);
        case BOOTSTRAP -> ReplicateDesign.bootstrap(taylor, reps, (long) num(d, "seed"));
        default -> throw new IllegalStateException("not built here: " + type);
      };
      return rd.withMse(mse);
    });
  }

  @TestFactory
  Stream<DynamicTest> estimatesAgreeWithSvrepdesign() {
    Map<String, Map<String, String>> cases = cases();
    List<Map<String, String>> rows = Reference.rows(ReplicateReferenceTest.class, DIR + "estimates_reference.csv").stream()
        .filter(r -> !(r.get("case").endsWith("_as") && (r.get("type").equals("BRR") || r.get("type").equals("Fay"))))
        .toList();
    assertTrue(rows.size() > 900, "rows: " + rows.size());
    Map<String, StatisticTable> cache = new HashMap<>();
    return rows.stream().map(r -> DynamicTest.dynamicTest(r.get("case") + " mse=" + r.get("mse") + " " + r.get("statistic")
        + " " + r.get("variable") + " [" + r.get("group") + "]", () -> {
          Map<String, String> d = cases.get(r.get("case") + "|" + r.get("mse"));
          String key = String.join("|", r.get("case"), r.get("mse"), r.get("statistic"), r.get("variable"),
              r.get("denominator"), r.get("by"));
          StatisticTable t = cache.computeIfAbsent(key, k -> {
            List<String> by = r.get("by").isEmpty() ? List.of() : Arrays.asList(r.get("by").split("\\+"));
            Table data = d.get("origin").equals("svrepdesign") ? withReplicates(d) : data(d.get("data"));
            return ReplicateStatistics.withDefaults().with(ReliabilityRule.NONE).estimate(Statistic.parse(r.get("statistic")),
                data, design(d), r.get("variable"), r.get("denominator").isEmpty() ? null : r.get("denominator"), by);
          });
          String[] values = r.get("group").isEmpty() ? new String[0] : Arrays.stream(r.get("group").split(";"))
              .map(kv -> kv.substring(kv.indexOf('=') + 1)).toArray(String[]::new);
          StatisticEstimate e = t.find(values).orElseThrow(() -> new AssertionError("no domain " + r.get("group")));
          close(num(r, "estimate"), e.value().orElseThrow().estimate(), 1e-10, key + " estimate");
          close(num(r, "se"), e.value().orElseThrow().se(), 1e-8, key + " se");
        }));
  }

  @Test
  void replicateWeightsMadeHereAreRs() {
    Map<String, Map<String, String>> cases = cases();
    for (String c : List.of("clus1_jk1_as", "small_jkn_as", "strat_jkn_as", "clus1_boot_as", "small_boot_as")) {
      Map<String, String> d = cases.get(c + "|FALSE");
      ReplicateDesign rd = design(d);
      Table reps = data(d.get("repweights_file"));
      assertEquals((int) num(d, "replicates"), rd.replicates(), c);
      close(num(d, "scale"), rd.scale(), 1e-14, c + " scale");
      double[] expectedRs = rscales(c);
      double[] rs = rd.rscales();
      double[] sortedA = expectedRs.clone();
      double[] sortedB = rs.clone();
      Arrays.sort(sortedA);
      Arrays.sort(sortedB);
      for (int k = 0; k < rs.length; k++) {
        close(sortedA[k], sortedB[k], 1e-14, c + " rscale");
      }
      for (int r = 0; r < rd.replicates(); r++) {
        for (int i = 0; i < rd.rows(); i++) {
          double expected = Double.parseDouble(reps.stringColumn("rep" + (r + 1)).get(i));
          assertTrue(Math.abs(expected - rd.weight(r, i)) <= 1e-12 * Math.max(1, expected),
              c + " rep" + (r + 1) + " row " + (i + 1) + ": " + expected + " vs " + rd.weight(r, i));
        }
      }
    }
  }

  @Test
  void rsRandomNumbers() {
    for (Map<String, String> r : Reference.rows(ReplicateReferenceTest.class, DIR + "rng_reference.csv")) {
      if (!r.get("sequence").equals("runif")) {
        continue;
      }
      RRandom rng = new RRandom((long) num(r, "seed"));
      int index = (int) num(r, "index");
      double u = 0;
      for (int k = 0; k < index; k++) {
        u = rng.uniform();
      }
      close(num(r, "value"), u, 1e-15, "runif seed " + r.get("seed") + " #" + index);
    }
  }
}
