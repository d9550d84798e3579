package io.github.dmstat.core.survey;

import static io.github.dmstat.core.Reference.close;
import static io.github.dmstat.core.Reference.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.Reference;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.io.Frame;
import io.github.dmstat.core.io.ReadOptions;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tech.tablesaw.api.Table;

/**
 * Agreement of {@link SurveyStatistics} with R {@code survey} 4.1.1 ({@code svytotal},
 * {@code svymean}, {@code svyratio} on {@code subset(design, domain)}, {@code na.rm = TRUE}) on the
 * fixtures of {@code reference/make_statistics.R}: R's {@code apistrat} (stratified element
 * sample with fpc) and {@code apiclus1} (one-stage cluster sample with fpc), and a synthetic
 * stratified cluster sample with missing values, zero weights and a lonely PSU, also read as an
 * element sample and as a simple random sample. Estimates 1e-10, standard errors and design
 * effects 1e-8 relative. Each case runs from a table and from a frame read by {@link Csv#frame}.
 */
class StatisticsReferenceTest {
  private static final String DIR = "reference/";
  private final Map<String, Table> tables = new HashMap<>();

  @TestFactory
  Stream<DynamicTest> agreesWithRSurvey() {
    List<Map<String, String>> rows = Reference.rows(StatisticsReferenceTest.class, DIR + "statistics_reference.csv");
    assertTrue(rows.size() > 200, "reference rows: " + rows.size());
    Map<String, StatisticTable> cache = new HashMap<>();
    List<DynamicTest> tests = new ArrayList<>();
    for (Map<String, String> r : rows) {
      for (boolean frame : new boolean[] {false, true}) {
        String name = r.get("case") + " " + r.get("statistic") + " " + r.get("variable")
            + (r.get("denominator").isEmpty() ? "" : "/" + r.get("denominator")) + " [" + r.get("group") + "]"
            + (frame ? " (frame)" : "");
        tests.add(DynamicTest.dynamicTest(name, () -> check(r, frame, cache)));
      }
    }
    return tests.stream();
  }

  private void check(Map<String, String> r, boolean fromFrame, Map<String, StatisticTable> cache) throws Exception {
    String key = String.join("|", r.get("case"), r.get("statistic"), r.get("variable"), r.get("denominator"),
        r.get("by"), Boolean.toString(fromFrame));
    StatisticTable t = cache.computeIfAbsent(key, k -> estimate(r, fromFrame));
    String[] values = r.get("group").isEmpty() ? new String[0]
        : Arrays.stream(r.get("group").split(";")).map(kv -> kv.substring(kv.indexOf('=') + 1)).toArray(String[]::new);
    StatisticEstimate e = t.find(values).orElseThrow(() -> new AssertionError("no domain " + r.get("group")));
    String what = key + " " + r.get("group");
    assertEquals((long) num(r, "n"), e.n(), what + " n");
    StatisticValue v = e.value().orElseThrow(() -> new AssertionError(what + " suppressed: " + e.note()));
    close(num(r, "estimate"), v.estimate(), 1e-10, what + " estimate");
    close(num(r, "se"), v.se(), 1e-8, what + " se");
    if (r.get("deff").isEmpty()) {
      assertTrue(v.designEffect().isEmpty(), what + " deff should be undefined");
    } else {
      close(num(r, "deff"), v.designEffect().orElseThrow(), 1e-8, what + " deff");
    }
    double z = 1.959963984540054;
    close(v.estimate() - z * v.se(), v.ciLower(), 1e-12, what + " ciLower");
    close(v.estimate() + z * v.se(), v.ciUpper(), 1e-12, what + " ciUpper");
  }

  private StatisticTable estimate(Map<String, String> r, boolean fromFrame) {
    DesignSpec spec = DesignSpec.weights(r.get("weight")).withLonelyPsu(LonelyPsu.parse(r.get("lonely")));
    spec = r.get("strata").isEmpty() ? spec : spec.withStrata(r.get("strata"));
    spec = r.get("psu").isEmpty() ? spec : spec.withPsu(r.get("psu"));
    spec = r.get("fpc").isEmpty() ? spec : spec.withFpc(r.get("fpc"));
    List<String> by = r.get("by").isEmpty() ? List.of() : Arrays.asList(r.get("by").split("\\+"));
    Statistic s = Statistic.parse(r.get("statistic"));
    String den = r.get("denominator").isEmpty() ? null : r.get("denominator");
    SurveyStatistics est = SurveyStatistics.withDefaults().with(ReliabilityRule.NONE);
    if (!fromFrame) {
      Table data = tables.computeIfAbsent(r.get("data"), f -> Reference.table(StatisticsReferenceTest.class, DIR + f));
      return est.estimate(s, data, spec, r.get("variable"), den, by);
    }
    List<String> vars = den == null ? List.of(r.get("variable")) : List.of(r.get("variable"), den);
    Frame f = Csv.frame(resource(r.get("data")), ReadOptions.withDefaults(), SurveyStatistics.columns(spec, vars, by));
    return est.estimate(s, f, spec, r.get("variable"), den, by);
  }

  private static Path resource(String file) {
    try {
      return Path.of(StatisticsReferenceTest.class.getResource(DIR + file).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
