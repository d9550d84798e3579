package io.github.dmstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JShell startup script loads and gives the library's types by their simple names. */
class ShellStartupTest {
  @Test
  void startupScriptLoadsAndTheLibraryIsThere() throws IOException {
    try (Shell shell = new Shell()) {
      List<String> v = shell.run("var adults = Datasets.adults();\n"
          + "var t = PrevalenceEstimator.withDefaults().estimate(adults.table(), adults.design(), "
          + "\"cannabis_last_year\", \"agegroup\", \"sex\");\n"
          + "t.find(\"18-24\", \"M\").get().toString()\n");
      String last = v.get(v.size() - 1);
      assertTrue(last.startsWith("\"Prevalence[agegroup=18-24, sex=M: "), last);
      assertEquals(List.of("true"), shell.run("t.toTable().rowCount() == 14"));
      // a type of every imported package, by its simple name (no two packages share one)
      assertEquals(List.of("true"), shell.run("List.of(AreaCode.class, Gini.class, ReliabilityRule.class, Csv.class, "
          + "Substance.class, MetaAnalysis.class, CompositeIndex.class, Moran.class, DesignSpec.class, SyntheticSurvey.class, "
          + "ForestChart.class, Maps.class, DrugMonitorReport.class, IndicatorScaling.class, BinomialInterval.class, "
          + "RateInterval.class, Standardisation.class, AreaLevel.class, ReportAreaLevel.class, SurveyGlm.class, "
          + "SurveyStatistics.class, StatisticTable.class, TermTest.class, SurveyChiSquare.class, Calibration.class, "
          + "ReplicateDesign.class)"
          + ".size() == 26"));
    }
  }
}
