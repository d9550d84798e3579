package io.github.dmstat.charts.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.dmstat.core.spatial.MultipleTesting;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The report runs enough permutations for its local tests that a corrected p can pass (a
 * permutation p is at least 1/(n + 1)), and its cluster caption says the rule the clusters were
 * judged by.
 */
class ClusterCaptionTest {
  @Test
  void permutationsReachTheCorrectedThreshold() {
    assertEquals(999, ConcentrationSection.localPermutations(531, 0.05, MultipleTesting.NONE));
    assertEquals(999, ConcentrationSection.localPermutations(50, 0.05, MultipleTesting.BONFERRONI));
    assertEquals(9_999, ConcentrationSection.localPermutations(51, 0.05, MultipleTesting.BONFERRONI));
    assertEquals(9_999, ConcentrationSection.localPermutations(342, 1 - 0.95, MultipleTesting.BENJAMINI_HOCHBERG));
    assertEquals(9_999, ConcentrationSection.localPermutations(500, 0.05, MultipleTesting.BENJAMINI_HOCHBERG));
    // capped: the caption says what that means
    assertEquals(ConcentrationSection.MAX_LOCAL_PERMUTATIONS,
        ConcentrationSection.localPermutations(14_000, 0.05, MultipleTesting.BENJAMINI_HOCHBERG));
  }

  @Test
  void captionSaysTheRule() {
    assertEquals("Local Moran clusters (HH, LL, HL, LH): permutation p < 0.05 (999 permutations); not significant in grey.",
        ConcentrationSection.clusterCaption(Locale.ENGLISH, 1 - 0.95, MultipleTesting.NONE, 999, 529));
    assertEquals("Local Moran clusters (HH, LL, HL, LH): permutation p < 0.1 after Benjamini–Hochberg correction"
        + " (9,999 permutations); not significant in grey.",
        ConcentrationSection.clusterCaption(Locale.ENGLISH, 1 - 0.9, MultipleTesting.BENJAMINI_HOCHBERG, 9_999, 340));
    assertEquals("Local Moran clusters (HH, LL, HL, LH): permutation p < 0.05 after Benjamini–Hochberg correction"
        + " (9,999 permutations); not significant in grey. An area passes the correction only where at least 3"
        + " areas reach the smallest permutation p, 1/10,000.",
        ConcentrationSection.clusterCaption(Locale.ENGLISH, 0.05, MultipleTesting.BENJAMINI_HOCHBERG, 9_999, 1_200));
    assertEquals("Lokale Moran-clusters (HH, LL, HL, LH): p < 0,05 met permutatietoets na Bonferroni-correctie"
        + " (9.999 permutaties); niet significant in grijs. Geen gebied kan de correctie doorstaan: de kleinste p van de"
        + " permutatietoets, 1/10.000, ligt boven de drempel voor 1.200 toetsen.",
        ConcentrationSection.clusterCaption(Locale.forLanguageTag("nl-NL"), 0.05, MultipleTesting.BONFERRONI, 9_999, 1_200));
  }
}
