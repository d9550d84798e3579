package io.github.dmstat.core.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.disclosure.Reliability;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.io.Csv;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Bad input gets a clear error naming column, row and value; nothing is dropped silently. */
class BadInputTest {
  private static final String HEADER = "stratum,psu,weight,used,sex\n";
  private static final String GOOD = "A,1,1.5,1,F\nA,2,2.0,0,M\nB,1,1.0,0,F\nB,2,3.0,1,M\n";

  private static Table csv(String text) throws IOException {
    return Csv.read(new StringReader(text), "test.csv", "test");
  }

  private static String error(String text, DesignSpec spec, String outcome, String... by) {
    return assertThrows(IllegalArgumentException.class,
        () -> PrevalenceEstimator.withDefaults().estimate(csv(text), spec, outcome, by)).getMessage();
  }

  private static final DesignSpec SPEC = DesignSpec.weights("weight").withStrata("stratum").withPsu("psu");

  @Test
  void rejectsNegativeWeights() {
    String m = error(HEADER + GOOD + "B,2,-12.5,1,F\n", SPEC, "used");
    assertEquals("column 'weight', row 5: must be finite and >= 0 but was '-12.5'", m);
  }

  @Test
  void rejectsNaNAndTextWeights() {
    assertTrue(error(HEADER + GOOD + "B,2,NaN,1,F\n", SPEC, "used").contains("row 5"));
    String m = error(HEADER + GOOD + "B,2,heavy,1,F\n", SPEC, "used");
    assertTrue(m.contains("'weight'") && m.contains("row 5") && m.contains("'heavy'"), m);
  }

  @Test
  void rejectsOutcomeOtherThanZeroOne() {
    String m = error(HEADER + GOOD + "B,2,1,2,F\n", SPEC, "used");
    assertEquals("column 'used', row 5: must be 0, 1, true, false or empty but was '2'", m);
  }

  @Test
  void listsAvailableColumnsForAnUnknownColumn() {
    String m = error(HEADER + GOOD, SPEC, "cannabis");
    assertEquals("column 'cannabis' not found; available: [stratum, psu, weight, used, sex]", m);
  }

  @Test
  void namesTheStratumWithALonelyPsu() {
    String m = error(HEADER + GOOD + "C,1,1,1,F\n", SPEC, "used");
    assertTrue(m.contains("stratum 'C'") && m.contains("only one PSU"), m);
  }

  @Test
  void lonelyPsuPoliciesAcceptTheDesign() throws IOException {
    for (LonelyPsu p : new LonelyPsu[] {LonelyPsu.ADJUST, LonelyPsu.REMOVE, LonelyPsu.CERTAINTY}) {
      PrevalenceTable t = PrevalenceEstimator.withDefaults().with(ReliabilityRule.NONE)
          .estimate(csv(HEADER + GOOD + "C,1,1,1,F\n"), SPEC.withLonelyPsu(p), "used");
      assertEquals(5, t.estimates().get(0).n());
    }
  }

  @Test
  void raggedEmptyAndHeaderOnlyFilesAreErrors() {
    String ragged = assertThrows(IllegalArgumentException.class, () -> csv(HEADER + "A,1,1.5\n")).getMessage();
    assertEquals("test.csv: line 2: has 3 fields but the header has 5", ragged);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> csv("")).getMessage().contains("empty file"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> csv(HEADER)).getMessage().contains("header only"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> csv("a,a\n1,2\n")).getMessage().contains("duplicate"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> csv("a,b\n\"1,2\n")).getMessage().contains("unterminated"));
  }

  @Test
  void unknownOptionValuesListTheValidOnes() {
    assertEquals("interval method 'probit' is not one of [logit, beta, mean, wilson, clopper-pearson, jeffreys]",
        assertThrows(IllegalArgumentException.class, () -> IntervalMethod.parse("probit")).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> LonelyPsu.parse("average")).getMessage()
        .contains("[fail, adjust, remove, certainty]"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ReliabilityRule.parse("cbs")).getMessage()
        .contains("[none, nchs, nsduh]"));
  }

  @Test
  void fpcMustBeConstantWithinStratumAndAtLeastTheSample() {
    String base = "stratum,psu,weight,used,fpc\nA,1,1,1,10\nA,2,1,0,10\nB,1,1,0,1\nB,2,1,1,5\n";
    String m = error(base, SPEC.withFpc("fpc"), "used");
    assertTrue(m.contains("'fpc'") && m.contains("row 4") && m.contains("stratum 'B'"), m);
  }

  @Test
  void missingOutcomesAndGroupsAreCountedNotDropped() throws IOException {
    Table t = csv(HEADER + GOOD + "A,1,1,,F\nB,1,2,1,\n");
    PrevalenceTable p = PrevalenceEstimator.withDefaults().with(ReliabilityRule.NONE).estimate(t, SPEC, "used", "sex");
    assertEquals(2, p.design().excluded());
    assertEquals(1L, p.design().exclusions().get("outcome 'used' missing"));
    assertEquals(1L, p.design().exclusions().get("grouping value missing"));
    assertEquals(6, p.design().rows());
  }

  @Test
  void smallCellsAreSuppressedAndCarryNoValue() throws IOException {
    PrevalenceTable p = PrevalenceEstimator.withDefaults().estimate(csv(HEADER + GOOD), SPEC, "used");
    PrevalenceEstimate e = p.estimates().get(0);
    assertEquals(Reliability.SUPPRESSED, e.reliability());
    assertTrue(e.value().isEmpty());
    assertTrue(e.note().contains("n=4 < 30"), e.note());
    assertTrue(p.toTable().doubleColumn("prevalence").isMissing(0));
    assertFalse(p.toString().contains("50.00"), p.toString());
  }
}
