package io.github.dmstat.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class SyntheticSurveyPropertiesTest {

  @Property(tries = 25)
  void anySeedAndSizeGivesNestedOutcomesAndPositiveWeights(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 3_000) int rows, @ForAll @IntRange(min = 2015, max = 2030) int year) {
    SyntheticSurvey s = SyntheticSurvey.adults(seed, rows, year);
    checkSample(s, rows);
    SyntheticSurveyTest.assertNested(s);
  }

  @Property(tries = 15)
  void anySeedAndSizeGivesAValidPupilSample(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3_000) int rows) {
    SyntheticSurvey s = SyntheticSurvey.pupils(seed, rows);
    checkSample(s, rows);
    SyntheticSurveyTest.assertNested(s);
  }

  @Property(tries = 10)
  void regeneratingWithTheSameSeedGivesTheSameTable(@ForAll long seed, @ForAll @IntRange(min = 1, max = 500) int rows) {
    SyntheticSurveyTest.assertSameTable(SyntheticSurvey.adults(seed, rows).table(),
        SyntheticSurvey.adults(seed, rows).table());
  }

  private static void checkSample(SyntheticSurvey s, int rows) {
    Table t = s.table();
    assertEquals(rows, t.rowCount());
    IntColumn id = t.intColumn("id");
    DoubleColumn w = t.doubleColumn("weight");
    for (int r = 0; r < rows; r++) {
      assertEquals(r + 1, id.getInt(r));
      double v = w.getDouble(r);
      assertTrue(v > 0 && Double.isFinite(v), "weight " + v + " in row " + (r + 1));
      assertTrue(!t.stringColumn("stratum").get(r).isEmpty() && !t.stringColumn("psu").get(r).isEmpty());
    }
  }
}
