package io.github.dmstat.core.calibration;

import static io.github.dmstat.core.Reference.close;
import static io.github.dmstat.core.Reference.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.Reference;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.core.survey.Statistic;
import io.github.dmstat.core.survey.StatisticEstimate;
import io.github.dmstat.core.survey.StatisticTable;
import io.github.dmstat.core.survey.SurveyStatistics;
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
 * Agreement of {@link Calibration} with R {@code survey} 4.1.1 ({@code postStratify}, {@code rake},
 * {@code calibrate} with linear, raking and logit functions, bounds on g and on the weights, a
 * rescaled case) on the fixtures of {@code reference/make_calibration.R}: every calibrated weight
 * (1e-10 relative), the g-weight range and the rows at a bound, and the totals and means with their
 * standard errors after calibration, overall and by domain (1e-8), through
 * {@link DesignSpec#withCalibration}. R's tolerances are tightened there (rake {@code epsilon =
 * 1e-11}, calibrate {@code epsilon = 1e-12}, {@code maxit = 100}) and here the same. Where R warns
 * or returns weights that meet the last margin only (inconsistent or infeasible margins), dmstat
 * stops with a message that names the margin.
 */
class CalibrationReferenceTest {
  private static final String DIR = "reference/";
  private static final DesignSpec SMALL = DesignSpec.weights("weight").withStrata("stratum").withPsu("psu").withFpc("fpc");
  private static final DesignSpec CLUS1 = DesignSpec.weights("pw").withPsu("dnum").withFpc("fpc");
  private final Map<String, Table> tables = new HashMap<>();

  private Table data(String file) {
    return tables.computeIfAbsent(file, f -> Reference.table(CalibrationReferenceTest.class, DIR + f));
  }

  private static Margins margins(String c) {
    return Margins.of(Reference.table(CalibrationReferenceTest.class, DIR + "margins_" + c + ".csv"));
  }

  /** The cases of make_calibration.R that R completes, as R was called. */
  private static final Map<String, Function<Margins, Calibration>> CASES = Map.ofEntries(
      Map.entry("ps_agesex", Calibration::postStratify),
      Map.entry("rake_agesex", m -> Calibration.rake(m).withTolerance(1e-11, 100)),
      Map.entry("cal_small_raking", m -> Calibration.calibrate(m, CalibrationMethod.RAKING).withTolerance(1e-12, 100)),
      Map.entry("cal_small_linear_bounded", m -> Calibration.calibrate(m, CalibrationMethod.LINEAR).withBounds(0.8, 1.2)
          .withTolerance(1e-12, 100)),
      Map.entry("cal_linear", m -> Calibration.calibrate(m, CalibrationMethod.LINEAR)),
      Map.entry("cal_raking", m -> Calibration.calibrate(m, CalibrationMethod.RAKING).withTolerance(1e-12, 100)),
      Map.entry("cal_logit", m -> Calibration.calibrate(m, CalibrationMethod.LOGIT).withBounds(0.7, 1.7)
          .withTolerance(1e-12, 100)),
      Map.entry("cal_linear_bounded", m -> Calibration.calibrate(m, CalibrationMethod.LINEAR).withBounds(0.6, 1.6)
          .withTolerance(1e-12, 100)),
      Map.entry("cal_raking_bounded", m -> Calibration.calibrate(m, CalibrationMethod.RAKING).withBounds(0.6, 1.6)
          .withTolerance(1e-12, 100)),
      Map.entry("cal_linear_boundsconst", m -> Calibration.calibrate(m, CalibrationMethod.LINEAR).withWeightBounds(21, 54)
          .withTolerance(1e-12, 100)));

  private static boolean small(String c) {
    return c.startsWith("ps_") || c.startsWith("rake_") || c.startsWith("cal_small");
  }

  private Calibration calibration(String c) {
    return CASES.get(c).apply(margins(c));
  }

  @TestFactory
  Stream<DynamicTest> weightsAndGWeightsAgree() {
    List<DynamicTest> tests = new ArrayList<>();
    Map<String, Map<String, String>> g = new HashMap<>();
    for (Map<String, String> r : Reference.rows(CalibrationReferenceTest.class, DIR + "gweights_reference.csv")) {
      g.put(r.get("case"), r);
    }
    for (String c : CASES.keySet()) {
      tests.add(DynamicTest.dynamicTest(c, () -> {
        Table t = data(small(c) ? "survey_small.csv" : "api_clus1_stats.csv");
        DesignSpec spec = small(c) ? SMALL : CLUS1;
        Calibration cal = calibration(c);
        double[] w = cal.weights(t, spec);
        List<Map<String, String>> expected = Reference.rows(CalibrationReferenceTest.class, DIR + "weights_" + c + ".csv");
        assertEquals(expected.size(), w.length);
        for (int i = 0; i < w.length; i++) {
          close(num(expected.get(i), "weight_calibrated"), w[i], 1e-10, c + " row " + (i + 1));
        }
        CalibrationReport rep = cal.report(t, spec);
        Map<String, String> gr = g.get(c);
        close(num(gr, "min_g"), rep.minG(), 1e-10, c + " min g");
        close(num(gr, "max_g"), rep.maxG(), 1e-10, c + " max g");
        assertEquals((long) num(gr, "n_at_lower"), rep.atLower(), c + " at lower");
        assertEquals((long) num(gr, "n_at_upper"), rep.atUpper(), c + " at upper");
        close(num(gr, "sum_calibrated"), rep.sumAfter(), 1e-10, c + " sum");
      }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> estimatesAfterCalibrationAgree() {
    List<Map<String, String>> rows = Reference.rows(CalibrationReferenceTest.class, DIR + "estimates_reference.csv").stream()
        .filter(r -> CASES.containsKey(r.get("case")) || r.get("case").startsWith("none_")).toList();
    assertTrue(rows.size() > 200, "rows: " + rows.size());
    Map<String, StatisticTable> cache = new HashMap<>();
    return rows.stream().map(r -> DynamicTest.dynamicTest(r.get("case") + " " + r.get("statistic") + " " + r.get("variable")
        + " [" + r.get("group") + "]", () -> {
          String c = r.get("case");
          boolean isSmall = c.equals("none_small") || small(c);
          String key = c + "|" + r.get("statistic") + "|" + r.get("variable") + "|" + r.get("by");
          StatisticTable t = cache.computeIfAbsent(key, k -> {
            DesignSpec spec = isSmall ? SMALL : CLUS1;
            if (!c.startsWith("none_")) {
              spec = spec.withCalibration(calibration(c));
            }
            List<String> by = r.get("by").isEmpty() ? List.of() : List.of(r.get("by"));
            return SurveyStatistics.withDefaults().with(ReliabilityRule.NONE).estimate(Statistic.parse(r.get("statistic")),
                data(isSmall ? "survey_small.csv" : "api_clus1_stats.csv"), spec, r.get("variable"), null, by);
          });
          StatisticEstimate e = r.get("group").isEmpty() ? t.estimates().get(0) : t.find(r.get("group")).orElseThrow();
          close(num(r, "estimate"), e.value().orElseThrow().estimate(), 1e-9, key + " " + r.get("group") + " estimate");
          close(num(r, "se"), e.value().orElseThrow().se(), 1e-8, key + " " + r.get("group") + " se");
        }));
  }

  @Test
  void whereRWarnsDmstatStopsAndNamesTheMargin() {
    Table small = data("survey_small.csv");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Calibration.rake(margins("rake_inconsistent")).withTolerance(1e-11, 100).weights(small, SMALL));
    assertTrue(e.getMessage().contains("disagree on the population size") && e.getMessage().contains("'sex'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Calibration.rake(margins("rake_nonconv")).weights(small, SMALL));
    assertTrue(e.getMessage().startsWith("raking did not converge in 10 passes: margin '"), e.getMessage());
    Table clus1 = data("api_clus1_stats.csv");
    e = assertThrows(IllegalArgumentException.class, () -> Calibration.calibrate(margins("cal_linear_bounded_fail"),
        CalibrationMethod.LINEAR).withBounds(0.6, 1.4).withTolerance(1e-12, 100).weights(clus1, CLUS1));
    assertTrue(e.getMessage().contains("did not converge in 100 steps") && e.getMessage().contains("margin '"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Calibration.calibrate(margins("cal_raking_infeasible"),
        CalibrationMethod.RAKING).withTolerance(1e-12, 100).weights(clus1, CLUS1));
    assertTrue(e.getMessage().contains("did not converge"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Calibration.calibrate(margins("cal_logit"),
        CalibrationMethod.LOGIT).weights(clus1, CLUS1));
    assertTrue(e.getMessage().contains("finite bounds"), e.getMessage());
  }

  @Test
  void everyEstimatorUsesTheCalibratedDesign() {
    Table small = data("survey_small.csv");
    DesignSpec spec = SMALL.withCalibration(calibration("ps_agesex"));
    io.github.dmstat.core.survey.PrevalenceTable p = io.github.dmstat.core.survey.PrevalenceEstimator.withDefaults()
        .with(ReliabilityRule.NONE).estimate(small, spec, "used", List.of("sex"));
    StatisticTable m = SurveyStatistics.withDefaults().with(ReliabilityRule.NONE).mean(small, spec, "used", List.of("sex"));
    for (String sex : List.of("F", "M")) {
      close(m.find(sex).orElseThrow().value().orElseThrow().estimate(),
          p.find(sex).orElseThrow().value().orElseThrow().prevalence(), 1e-12, sex + " prevalence");
      close(m.find(sex).orElseThrow().value().orElseThrow().se(), p.find(sex).orElseThrow().value().orElseThrow().se(),
          1e-10, sex + " se");
    }
    // the mergeable partial cannot finish a calibrated variance without the rows: a clear refusal
    io.github.dmstat.core.survey.SurveyDesign d = spec.bind(small);
    assertTrue(d.reweighted());
    io.github.dmstat.core.survey.PrevalencePartial partial = io.github.dmstat.core.survey.PrevalenceEstimator.withDefaults()
        .partial(d, List.of(List.of()));
    byte[] y = io.github.dmstat.core.Columns.flags(small, "used");
    partial.add(y, new int[small.rowCount()], 0, small.rowCount());
    assertThrows(UnsupportedOperationException.class, () -> partial.finish("used", List.of()));
  }
}
