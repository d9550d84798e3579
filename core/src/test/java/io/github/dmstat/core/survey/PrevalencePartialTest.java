package io.github.dmstat.core.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.Columns;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The public mergeable partial gives what the table estimator gives, however the rows are split. */
class PrevalencePartialTest {
  private static final DesignSpec SPEC = DesignSpec.weights("w").withStrata("s").withPsu("p");
  private static final PrevalenceEstimator EST = PrevalenceEstimator.withDefaults().with(ReliabilityRule.NONE);

  /** 600 rows, 4 strata × 5 PSUs, 3 groups with some missing, outcome with some missing. */
  private static Table survey(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 600;
    double[] w = new double[n];
    String[] s = new String[n];
    String[] p = new String[n];
    String[] g = new String[n];
    IntColumn y = IntColumn.create("y", n);
    for (int i = 0; i < n; i++) {
      w[i] = 0.5 + 3 * r.nextDouble();
      s[i] = "S" + i % 4;
      p[i] = "P" + r.nextInt(5);
      g[i] = r.nextInt(30) == 0 ? "" : "g" + r.nextInt(3);
      if (r.nextInt(25) == 0) {
        y.setMissing(i);
      } else {
        y.set(i, r.nextDouble() < 0.25 ? 1 : 0);
      }
    }
    return Table.create("survey", DoubleColumn.create("w", w), StringColumn.create("s", s), StringColumn.create("p", p),
        StringColumn.create("g", g), y);
  }

  @Property(tries = 30)
  void splitAndMergedEqualsTheWholeTable(@ForAll @LongRange(min = 1, max = 10_000) long seed,
      @ForAll @IntRange(min = 1, max = 599) int cut, @ForAll @IntRange(min = 0, max = 598) int cut2) {
    Table t = survey(seed);
    PrevalenceTable whole = EST.estimate(t, SPEC, "y", List.of("g"));
    SurveyDesign design = SPEC.bind(t);
    byte[] y = Columns.flags(t, "y");
    Columns.Codes g = Columns.codes(t, List.of("g"));
    int a = Math.min(cut, cut2);
    int b = Math.max(cut, cut2);
    // three ranges, merged out of order
    PrevalencePartial last = EST.partial(design, g.levels()).add(y, g.codes(), b, t.rowCount());
    PrevalencePartial first = EST.partial(design, g.levels()).add(y, g.codes(), 0, a);
    PrevalencePartial middle = EST.partial(design, g.levels()).add(y, g.codes(), a, b);
    PrevalenceTable merged = last.merge(first).merge(middle).finish("y", List.of("g"));
    assertEquals(whole.design(), merged.design());
    assertEquals(whole.estimates().size(), merged.estimates().size());
    for (int k = 0; k < whole.estimates().size(); k++) {
      PrevalenceEstimate x = whole.estimates().get(k);
      PrevalenceEstimate m = merged.estimates().get(k);
      assertEquals(x.group(), m.group());
      assertEquals(x.n(), m.n());
      PrevalenceValue vx = x.value().orElseThrow();
      PrevalenceValue vm = m.value().orElseThrow();
      assertEquals(vx.prevalence(), vm.prevalence(), 1e-12 * vx.prevalence());
      assertEquals(vx.se(), vm.se(), 1e-10 * vx.se());
      assertEquals(vx.ciUpper(), vm.ciUpper(), 1e-10);
    }
  }

  @Test
  void missingGroupsAreCountedAndBadInputNamed() {
    Table t = survey(7);
    SurveyDesign design = SPEC.bind(t);
    byte[] y = Columns.flags(t, "y");
    Columns.Codes g = Columns.codes(t, List.of("g"));
    PrevalenceTable r = EST.partial(design, g.levels()).add(y, g.codes(), 0, t.rowCount()).finish("y", List.of("g"));
    assertEquals(g.missingRows(), r.design().exclusions().get("grouping value missing"));
    int[] bad = g.codes().clone();
    bad[10] = 3;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EST.partial(design, g.levels()).add(y, bad, 0, t.rowCount()));
    assertTrue(e.getMessage().contains("row 11") && e.getMessage().contains("3"), e.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> EST.partial(design, g.levels()).add(y, g.codes(), 0, 601));
    PrevalencePartial self = EST.partial(design, g.levels());
    assertThrows(IllegalArgumentException.class, () -> self.merge(self));
    assertThrows(IllegalArgumentException.class, () -> EST.partial(design, g.levels())
        .merge(EST.withLevel(0.9).partial(design, g.levels())));
    SurveyDesign other = SPEC.bind(survey(8));
    assertThrows(IllegalArgumentException.class,
        () -> EST.partial(design, g.levels()).merge(EST.partial(other, g.levels())));
  }
}
