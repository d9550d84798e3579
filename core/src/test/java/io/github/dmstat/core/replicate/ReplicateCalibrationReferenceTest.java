package io.github.dmstat.core.replicate;

import static io.github.dmstat.core.Reference.close;
import static io.github.dmstat.core.Reference.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.Reference;
import io.github.dmstat.core.calibration.Calibration;
import io.github.dmstat.core.calibration.CalibrationMethod;
import io.github.dmstat.core.calibration.Margins;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.survey.Statistic;
import io.github.dmstat.core.survey.StatisticEstimate;
import io.github.dmstat.core.survey.StatisticTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tech.tablesaw.api.Table;

/**
 * Calibrated replicate designs ({@link ReplicateDesign#calibrated}) against R {@code survey} 4.1.1
 * ({@code postStratify}, {@code rake} and {@code calibrate} on a {@code svrepdesign}; fixtures of
 * {@code reference/calibration/make_calibration_rep.R}): every replicate calibrated with the same
 * method and totals. Weights 1e-10 relative, totals and means with their replicate SEs 1e-8, for
 * {@code mse} both ways. Where R warns and keeps an unconverged replicate, dmstat stops and names
 * the replicate.
 */
class ReplicateCalibrationReferenceTest {
  private static final String DIR = "reference/calibration/";
  private final ReplicateFixtures fixtures = new ReplicateFixtures(DIR);

  private static Margins margins(String file) {
    return Margins.of(Reference.table(ReplicateCalibrationReferenceTest.class, DIR + file));
  }

  /** Case → (design, calibration). */
  private static final Map<String, String> DESIGNS = Map.of("ps_agesex", "small_jkn", "rake_agesex", "small_jkn",
      "cal_linear", "clus1_jk1", "cal_logit_wide", "clus1_boot");
  private static final Map<String, Function<Margins, Calibration>> CASES = Map.of(
      "ps_agesex", Calibration::postStratify,
      "rake_agesex", m -> Calibration.rake(m).withTolerance(1e-11, 100),
      "cal_linear", m -> Calibration.calibrate(m, CalibrationMethod.LINEAR),
      "cal_logit_wide", m -> Calibration.calibrate(m, CalibrationMethod.LOGIT).withBounds(0.4, 4).withTolerance(1e-12, 100));
  private static final Map<String, String> MARGINS = Map.of("ps_agesex", "margins_ps_agesex.csv", "rake_agesex",
      "margins_rake_agesex.csv", "cal_linear", "margins_cal_linear.csv", "cal_logit_wide", "margins_cal_logit.csv");

  private final Map<String, ReplicateDesign> calibrated = new HashMap<>();

  private ReplicateDesign calibrated(String c, String mse) {
    return calibrated.computeIfAbsent(c + "|" + mse, k -> fixtures.design(DESIGNS.get(c), mse)
        .calibrated(CASES.get(c).apply(margins(MARGINS.get(c))), fixtures.table(DESIGNS.get(c))));
  }

  @TestFactory
  Stream<DynamicTest> weightsAgree() {
    return CASES.keySet().stream().map(c -> DynamicTest.dynamicTest(c, () -> {
      ReplicateDesign d = calibrated(c, "FALSE");
      Table expected = Reference.table(ReplicateCalibrationReferenceTest.class, DIR + "weights_" + c + ".csv");
      assertEquals(expected.rowCount(), d.rows());
      for (int i = 0; i < d.rows(); i++) {
        close(Double.parseDouble(expected.stringColumn("w").get(i)), d.weights()[i], 1e-10, c + " w row " + (i + 1));
        for (int r = 0; r < d.replicates(); r++) {
          double e = Double.parseDouble(expected.stringColumn("rep" + (r + 1)).get(i));
          assertTrue(Math.abs(e - d.weight(r, i)) <= 1e-10 * Math.max(e, 1e-300) || e == d.weight(r, i),
              c + " rep" + (r + 1) + " row " + (i + 1) + ": " + e + " vs " + d.weight(r, i));
        }
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> estimatesAgree() {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Map<String, String> r : Reference.rows(ReplicateCalibrationReferenceTest.class, DIR + "estimates_reference.csv")) {
      String c = r.get("case").replace("_mse", "");
      if (CASES.containsKey(c)) {
        rows.add(r);
      }
    }
    assertTrue(rows.size() > 50, "rows " + rows.size());
    Map<String, StatisticTable> cache = new HashMap<>();
    return rows.stream().map(r -> DynamicTest.dynamicTest(r.get("case") + " " + r.get("statistic") + " " + r.get("variable")
        + " [" + r.get("group") + "]", () -> {
          String c = r.get("case").replace("_mse", "");
          String mse = r.get("case").endsWith("_mse") ? "TRUE" : "FALSE";
          String key = r.get("case") + "|" + r.get("statistic") + "|" + r.get("variable") + "|" + r.get("by");
          StatisticTable t = cache.computeIfAbsent(key, k -> ReplicateStatistics.withDefaults().with(ReliabilityRule.NONE)
              .estimate(Statistic.parse(r.get("statistic")), fixtures.table(DESIGNS.get(c)), calibrated(c, mse),
                  r.get("variable"), null, r.get("by").isEmpty() ? List.of() : List.of(r.get("by"))));
          StatisticEstimate e = r.get("group").isEmpty() ? t.estimates().get(0) : t.find(r.get("group")).orElseThrow();
          close(num(r, "estimate"), e.value().orElseThrow().estimate(), 1e-10, key + " estimate");
          close(num(r, "se"), e.value().orElseThrow().se(), 1e-8, key + " se");
        }));
  }

  @Test
  void aReplicateThatCannotBeCalibratedIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fixtures.design("clus1_boot", "FALSE")
        .calibrated(Calibration.calibrate(margins("margins_cal_logit.csv"), CalibrationMethod.LOGIT).withBounds(0.7, 1.7)
            .withTolerance(1e-12, 100), fixtures.table("clus1_boot")));
    assertTrue(e.getMessage().startsWith("replicate "), e.getMessage());
  }
}
