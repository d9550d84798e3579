package io.github.dmstat.core.crosstab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.Columns;
import io.github.dmstat.core.Reference;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.core.survey.LonelyPsu;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tech.tablesaw.api.Table;

/**
 * Agreement of {@link SurveyChiSquare} with R {@code survey} 4.1.1 {@code svychisq} (statistics
 * {@code F}, {@code Chisq}, {@code Wald}, {@code adjWald}) on the fixtures of
 * {@code reference/make_crosstab.R}: survey_small under three designs, survey_lonely (adjust and
 * remove), apistrat and apiclus1, domains ({@code subset}) and an explicit drop of the rows with
 * a missing value; 1e-8 relative. R's {@code na.rm = FALSE} case (NA statistics) is not compared.
 */
class ChiSquareReferenceTest {
  private static final String DIR = "reference/";
  private final Map<String, Table> tables = new HashMap<>();
  private final Map<String, TableTest> results = new HashMap<>();

  private TableTest result(Map<String, String> r) {
    return results.computeIfAbsent(r.get("case"), c -> {
      Table t = tables.computeIfAbsent(r.get("data"), f -> Reference.table(ChiSquareReferenceTest.class, DIR + f));
      DesignSpec spec = DesignSpec.weights(r.get("weight")).withLonelyPsu(LonelyPsu.parse(r.get("lonely")));
      spec = r.get("strata").isEmpty() ? spec : spec.withStrata(r.get("strata"));
      spec = r.get("psu").isEmpty() ? spec : spec.withPsu(r.get("psu"));
      spec = r.get("fpc").isEmpty() ? spec : spec.withFpc(r.get("fpc"));
      String domain = r.get("domain");
      if (domain.isEmpty()) {
        return SurveyChiSquare.test(t, spec, r.get("row"), r.get("col"));
      }
      if (domain.endsWith("!=NA")) {
        String col = domain.substring(0, domain.indexOf('!'));
        double[] v = Columns.numbers(t, col);
        boolean[] keep = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
          keep[i] = !Double.isNaN(v[i]);
        }
        return SurveyChiSquare.test(t, spec, r.get("row"), r.get("col"), keep);
      }
      String[] kv = domain.split("=");
      return SurveyChiSquare.test(t, spec, r.get("row"), r.get("col"), kv[0], kv[1]);
    });
  }

  @TestFactory
  Stream<DynamicTest> agreesWithSvychisq() {
    List<Map<String, String>> rows = Reference.rows(ChiSquareReferenceTest.class, DIR + "chisq_reference.csv").stream()
        .filter(r -> r.get("na_rm").equals("TRUE")).toList();
    assertTrue(rows.size() >= 60, "rows: " + rows.size());
    return rows.stream().map(r -> DynamicTest.dynamicTest(r.get("case") + " " + r.get("statistic"), () -> {
      TableTest t = result(r);
      String what = r.get("case") + " " + r.get("statistic");
      Reference.assertTableTest(r, t, what);
    }));
  }
}
