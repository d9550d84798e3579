package io.github.dmstat.core.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-group, per-period means that a difference-in-differences chart shows. */
class DiffInDiffMeansTest {
  @Test
  void meansPerGroupAndPeriodAreSortedAndExact() {
    String[] unit = {"a", "a", "b", "b", "c", "c", "d", "d"};
    byte[] treated = {1, 1, 1, 1, 0, 0, 0, 0};
    int[] period = {0, 1, 0, 1, 0, 1, 0, 1};
    double[] y = {10, 14, 12, 20, 9, 10, 11, 13};
    DiffInDiff d = DiffInDiff.fit(unit, treated, period, y, 0.95);
    List<DiffInDiff.PeriodMean> m = d.means();
    assertEquals(4, m.size());
    assertFalse(m.get(0).treated());
    assertEquals(0, m.get(0).period());
    assertEquals(10.0, m.get(0).mean(), 1e-12);
    assertEquals(11.5, m.get(1).mean(), 1e-12);
    assertTrue(m.get(2).treated());
    assertEquals(11.0, m.get(2).mean(), 1e-12);
    assertEquals(17.0, m.get(3).mean(), 1e-12);
    assertEquals(2, m.get(3).rows());
    // the DiD estimate is the difference of the mean differences in a balanced 2x2 panel
    assertEquals((17.0 - 11.0) - (11.5 - 10.0), d.effect().estimate(), 1e-12);
  }
}
