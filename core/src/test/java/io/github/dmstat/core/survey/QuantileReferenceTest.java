package io.github.dmstat.core.survey;

import static io.github.dmstat.core.Reference.close;
import static io.github.dmstat.core.Reference.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.Reference;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.io.ReadOptions;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tech.tablesaw.api.Table;

/**
 * Agreement of {@link SurveyQuantiles} with R {@code survey} 4.1.1 {@code svyquantile} (and
 * {@code svyby}) on the fixtures of {@code reference/quantile/make_quantile.R}: three designs,
 * domains, ties (a median inside a tie's jump), knife edges (a cumulative weight exactly at the
 * probability), the {@code math}, {@code school} and {@code hf7} rules, the {@code mean} and
 * {@code beta} intervals, levels 0.95 and 0.9, and bounds that R leaves {@code NaN}. Estimates and
 * bounds are data values and must match exactly (1e-12); standard errors 1e-8. Each case runs from
 * a table and from a frame.
 */
class QuantileReferenceTest {
  private static final String DIR = "reference/quantile/";
  private final Map<String, Table> tables = new HashMap<>();

  @TestFactory
  Stream<DynamicTest> agreesWithSvyquantile() {
    List<Map<String, String>> rows = Reference.rows(QuantileReferenceTest.class, DIR + "quantile_reference.csv");
    assertTrue(rows.size() > 200, "rows: " + rows.size());
    Map<String, QuantileTable> cache = new HashMap<>();
    List<DynamicTest> tests = new ArrayList<>();
    for (Map<String, String> r : rows) {
      for (boolean frame : new boolean[] {false, true}) {
        tests.add(DynamicTest.dynamicTest(r.get("case") + " " + r.get("variable") + " [" + r.get("group") + "] p="
            + r.get("quantile") + " " + r.get("qrule") + "/" + r.get("interval_type") + "/" + r.get("level")
            + (frame ? " (frame)" : ""), () -> check(r, frame, cache)));
      }
    }
    return tests.stream();
  }

  private void check(Map<String, String> r, boolean frame, Map<String, QuantileTable> cache) {
    String key = String.join("|", r.get("case"), r.get("variable"), r.get("by"), r.get("qrule"), r.get("interval_type"),
        r.get("level"), Boolean.toString(frame));
    QuantileTable t = cache.computeIfAbsent(key, k -> estimate(r, frame));
    String[] values = r.get("group").isEmpty() ? new String[0]
        : Arrays.stream(r.get("group").split(";")).map(kv -> kv.substring(kv.indexOf('=') + 1)).toArray(String[]::new);
    QuantileEstimate e = t.find(num(r, "quantile"), values).orElseThrow(() -> new AssertionError("no " + r));
    String what = key + " " + r.get("group") + " p=" + r.get("quantile");
    QuantileValue v = e.value().orElseThrow(() -> new AssertionError(what + " suppressed: " + e.note()));
    close(num(r, "estimate"), v.estimate(), 1e-12, what + " estimate");
    bound(r.get("ci_lower"), v.ciLower(), what + " ci_lower");
    bound(r.get("ci_upper"), v.ciUpper(), what + " ci_upper");
    if (r.get("se").equals("NaN") || r.get("se").isEmpty()) {
      assertTrue(v.se().isEmpty(), what + " se should be undefined");
    } else {
      close(num(r, "se"), v.se().orElseThrow(), 1e-8, what + " se");
    }
  }

  private static void bound(String expected, OptionalDouble actual, String what) {
    if (expected.equals("NaN") || expected.isEmpty()) {
      assertTrue(actual.isEmpty(), what + " should be undefined but was " + actual);
    } else {
      assertTrue(actual.isPresent(), what + " missing; R gives " + expected);
      close(Double.parseDouble(expected), actual.getAsDouble(), 1e-12, what);
    }
  }

  private QuantileTable estimate(Map<String, String> r, boolean frame) {
    DesignSpec spec = DesignSpec.weights(r.get("weight")).withLonelyPsu(LonelyPsu.parse(r.get("lonely")));
    spec = r.get("strata").isEmpty() ? spec : spec.withStrata(r.get("strata"));
    spec = r.get("psu").isEmpty() ? spec : spec.withPsu(r.get("psu"));
    spec = r.get("fpc").isEmpty() ? spec : spec.withFpc(r.get("fpc"));
    List<String> by = r.get("by").isEmpty() ? List.of() : Arrays.asList(r.get("by").split("\\+"));
    SurveyQuantiles q = SurveyQuantiles.withDefaults().with(ReliabilityRule.NONE).with(QuantileRule.parse(r.get("qrule")))
        .with(QuantileInterval.parse(r.get("interval_type"))).withLevel(num(r, "level"));
    double[] p = {0.1, 0.25, 0.5, 0.75, 0.9};
    if (!frame) {
      Table data = tables.computeIfAbsent(r.get("data"), f -> Reference.table(QuantileReferenceTest.class, DIR + f));
      return q.estimate(data, spec, r.get("variable"), by, p);
    }
    try {
      Path file = Path.of(QuantileReferenceTest.class.getResource(DIR + r.get("data")).toURI());
      return q.estimate(Csv.frame(file, ReadOptions.withDefaults(), SurveyStatistics.columns(spec, List.of(r.get("variable")),
          by)), spec, r.get("variable"), by, p);
    } catch (URISyntaxException ex) {
      throw new IllegalStateException(ex);
    }
  }

  @TestFactory
  Stream<DynamicTest> rulesAgreeWithRsRuleFunctions() {
    List<Map<String, String>> rows = Reference.rows(QuantileReferenceTest.class, DIR + "qrule_reference.csv");
    assertTrue(rows.size() > 300, "rows: " + rows.size());
    return rows.stream().map(r -> DynamicTest.dynamicTest(r.get("id") + " " + r.get("qrule") + " p=" + r.get("p"), () -> {
      double[] x = Arrays.stream(r.get("x").split(";")).mapToDouble(Double::parseDouble).toArray();
      double[] w = Arrays.stream(r.get("w").split(";")).mapToDouble(Double::parseDouble).toArray();
      // as the estimator: records with weight zero are dropped, the others sorted stably by value
      Integer[] order = java.util.stream.IntStream.range(0, x.length).filter(i -> w[i] > 0).boxed().toArray(Integer[]::new);
      Arrays.sort(order, java.util.Comparator.comparingDouble(i -> x[i]));
      double[] xs = new double[order.length];
      double[] ws = new double[order.length];
      for (int k = 0; k < order.length; k++) {
        xs[k] = x[order[k]];
        ws[k] = w[order[k]];
      }
      double q = QuantileRule.parse(r.get("qrule")).apply(xs, SurveyQuantiles.cumulative(ws), xs.length, num(r, "p"));
      close(num(r, "expected"), q, 1e-12, r.get("id") + " " + r.get("note"));
    }));
  }
}
