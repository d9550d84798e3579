package io.github.dmstat.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class SyntheticMunicipalitiesTest {
  @Test
  void sameSeedGivesTheSameTable() {
    Table a = SyntheticMunicipalities.generate(7, 342).table();
    Table b = SyntheticMunicipalities.generate(7, 342).table();
    assertEquals(a.toString(), b.toString());
    assertEquals(342, a.rowCount());
  }

  @Test
  void aboutOneInSevenHasEightyThousandInhabitants() {
    Table t = SyntheticMunicipalities.generate(2023, 342).table();
    long big = t.intColumn("inhabitants").isGreaterThanOrEqualTo(80_000).size();
    assertTrue(big > 25 && big < 80, "municipalities >= 80,000: " + big);
  }

  @Test
  void indicatorsTrackTheTrueRisk() {
    SyntheticMunicipalities m = SyntheticMunicipalities.generate(11, 2000);
    Table t = m.table();
    double[] risk = new double[t.rowCount()];
    for (int i = 0; i < risk.length; i++) {
      risk[i] = m.trueRisk(t.stringColumn("code").get(i));
    }
    double[] lbm = t.doubleColumn("lbm").asDoubleArray();
    assertTrue(SyntheticGeographyTest.correlation(risk, lbm) < -0.8, "lbm falls with risk");
    assertTrue(SyntheticGeographyTest.correlation(risk, t.doubleColumn("drug_crime").asDoubleArray()) > 0.3, "drug crime rises with risk");
  }

  @Test
  void rejectsImpossibleSizes() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SyntheticMunicipalities.generate(1, 1))
        .getMessage().contains("1"));
  }
}
