package io.github.dmstat.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dmstat.core.concentration.Rates;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.outcomes.EffectSize;
import io.github.dmstat.core.outcomes.Measure;
import io.github.dmstat.core.outcomes.MetaAnalysis;
import io.github.dmstat.core.outcomes.MetaMethod;
import io.github.dmstat.core.outcomes.TwoByTwo;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.core.survey.PrevalenceEstimator;
import io.github.dmstat.core.survey.PrevalenceTable;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** {@code Json.write(anything)}: the command line's shapes for its results, Jackson's for the rest. */
class JsonResultsTest {
  private static PrevalenceTable table(ReliabilityRule rule) {
    int n = 40;
    double[] w = new double[n];
    String[] s = new String[n];
    String[] p = new String[n];
    String[] g = new String[n];
    IntColumn y = IntColumn.create("y", n);
    for (int i = 0; i < n; i++) {
      w[i] = 1 + i % 3;
      s[i] = "S" + i % 2;
      p[i] = "P" + i % 4;
      g[i] = i < 36 ? "big" : "tiny";
      y.set(i, i % 5 == 0 ? 1 : 0);
    }
    Table t = Table.create("t", DoubleColumn.create("w", w), StringColumn.create("s", s), StringColumn.create("p", p),
        StringColumn.create("g", g), y);
    return PrevalenceEstimator.withDefaults().with(rule).estimate(t, DesignSpec.weights("w").withStrata("s").withPsu("p"),
        "y", "g");
  }

  @Test
  void commandResultsHaveTheCommandsShape() {
    PrevalenceTable t = table(ReliabilityRule.NCHS);
    assertEquals(Json.write(Json.prevalence(t)), Json.write(t));
    MetaAnalysis m = MetaAnalysis.fromCounts(List.of("a", "b", "c"), List.of(new TwoByTwo(10, 50, 15, 50),
        new TwoByTwo(8, 40, 14, 42), new TwoByTwo(20, 90, 22, 80)), Measure.RR, MetaMethod.REML, 0.95);
    assertEquals(Json.write(Json.effects(m)), Json.write(m));
    JsonNode pooled = Json.tree(m).get("pooled");
    assertEquals(m.i2(), pooled.get("i2").doubleValue(), 0, "i2 in percent, as the record holds it");
  }

  @Test
  void everyResultWritesEnumsAsTokensNoNaNAndNoMissingMeasure() {
    // pooled given effects: no measure, no natural scale
    MetaAnalysis given = MetaAnalysis.of(List.of("a", "b"), new double[] {0.1, -0.2}, new double[] {0.04, 0.09},
        MetaMethod.DL, 0.95);
    JsonNode g = Json.tree(given);
    assertTrue(g.get("pooled").get("measure").isNull(), g.toString());
    assertTrue(g.get("studies").get(0).get("estimate") == null, g.toString());
    // one curve: the survival command's shape
    var curve = io.github.dmstat.core.outcomes.KaplanMeier.fit(new double[] {1, 2, 3}, new byte[] {1, 1, 1}, "x", 0.95);
    JsonNode c = Json.tree(curve);
    assertTrue(c.has("curves") && c.has("timesRequested"), c.toString());
    // records through Jackson: enum tokens, not constant names; NaN as null
    JsonNode est = Json.tree(table(ReliabilityRule.NCHS).estimates().get(0));
    assertEquals("logit", est.get("method").textValue(), est.toString());
    String text = Json.write(Json.tree(new io.github.dmstat.core.outcomes.Coefficient("x", 1, 0, Double.NaN, 0.5)));
    assertTrue(!text.contains("NaN") && text.contains("null"), text);
  }

  @Test
  void aSuppressedEstimateHasNoValueInTheJson() {
    PrevalenceTable t = table(ReliabilityRule.NCHS);
    JsonNode tiny = null;
    for (JsonNode e : Json.tree(t).get("estimates")) {
      if (e.toString().contains("tiny")) {
        tiny = e;
      }
    }
    assertTrue(tiny != null && tiny.get("prevalence").isNull() && tiny.get("se").isNull(), String.valueOf(tiny));
  }

  @Test
  void otherResultsThroughJacksonWithOptionalsAsValueOrNull() {
    EffectSize e = EffectSize.of(new TwoByTwo(10, 50, 15, 50), Measure.RR, 0.95);
    JsonNode j = Json.tree(e);
    assertEquals(e.estimate(), j.get("estimate").doubleValue(), 0);
    assertEquals("RR", j.get("measure").textValue());
    var rate = Rates.perThousand().of(12, 3_400);
    JsonNode r = Json.tree(rate);
    assertEquals(rate.rate(), r.get("rate").doubleValue(), 0);
    String text = Json.write(rate);
    assertTrue(!text.contains("\"present\""), text);
    // an Optional inside a record: the estimate's value object or null
    JsonNode est = Json.mapper().valueToTree(table(ReliabilityRule.NCHS).estimates().get(0));
    assertTrue(est.get("value").isObject() || est.get("value").isNull(), est.toString());
  }
}
