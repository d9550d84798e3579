package io.github.dmstat.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.model.RecallPeriod;
import io.github.dmstat.core.model.Substance;
import io.github.dmstat.core.model.TargetGroup;
import io.github.dmstat.core.survey.DesignSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class DatasetsTest {

  @Test
  void listsTheEmbeddedDatasetsSurveysFirst() {
    assertEquals(List.of("adults", "pupils", "ndm-figures"), Datasets.names().subList(0, 3));
    assertEquals(Datasets.names().size(), new java.util.HashSet<>(Datasets.names()).size(), "names are unique");
    for (String name : Datasets.names()) {
      assertTrue(Datasets.table(name).rowCount() > 0, name);
      assertTrue(Datasets.describe(name).startsWith(name), name);
    }
  }

  @Test
  void tablesHaveTheDocumentedSizes() {
    assertEquals(12_000, Datasets.table("adults").rowCount());
    assertEquals(5_500, Datasets.table("pupils").rowCount());
    assertEquals(NdmFigures.all().size(), Datasets.table("ndm-figures").rowCount());
  }

  @Test
  void embeddedSurveysAreTheSeededGenerators() {
    SyntheticSurveyTest.assertSameTable(SyntheticSurvey.adults(20220101, 12_000).table(), Datasets.table("adults"));
    SyntheticSurveyTest.assertSameTable(SyntheticSurvey.pupils(20230101, 5_500).table(), Datasets.table("pupils"));
    SyntheticSurvey adults = Datasets.survey("adults").orElseThrow();
    assertEquals(0.078, adults.truePrevalence(Substance.CANNABIS, RecallPeriod.LAST_YEAR, TargetGroup.ADULTS_18_PLUS),
        1e-12);
    assertTrue(Datasets.survey("ndm-figures").isEmpty());
  }

  @Test
  void surveysHaveADesignAndFiguresDoNot() {
    for (String name : List.of("adults", "pupils")) {
      DesignSpec d = Datasets.design(name).orElseThrow();
      assertEquals("weight", d.weight());
      assertEquals("stratum", d.strata().orElseThrow());
      assertEquals("psu", d.psu().orElseThrow());
      Table t = Datasets.table(name);
      d.bind(t);
    }
    assertTrue(Datasets.design("ndm-figures").isEmpty());
  }

  @Test
  void describesEveryDataset() {
    assertTrue(Datasets.describe("adults").contains("12000"));
    assertTrue(Datasets.describe("pupils").contains("5500"));
    assertTrue(Datasets.describe("ndm-figures").contains("15"));
  }

  @Test
  void rejectsUnknownNamesListingTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.table("x"));
    assertEquals("dataset 'x' is not one of " + Datasets.names(), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Datasets.design("Adults"));
    assertThrows(IllegalArgumentException.class, () -> Datasets.describe(null));
    assertThrows(IllegalArgumentException.class, () -> Datasets.survey(""));
  }
}
