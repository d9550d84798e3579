package io.github.dmstat.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.model.RecallPeriod;
import io.github.dmstat.core.model.Substance;
import io.github.dmstat.core.model.TargetGroup;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Every number is checked against the project's domain brief (DOMAIN.md, "Target groups and recall periods"). */
class NdmFiguresTest {
  private static final TargetGroup ADULTS = TargetGroup.ADULTS_18_PLUS;

  private static PublishedFigure figure(Substance s, RecallPeriod p, TargetGroup g, int year) {
    return NdmFigures.find(s, p, g, year).orElseThrow(() -> new AssertionError("missing " + s + " " + p + " " + g));
  }

  @Test
  void holdsTheAdultLastYearFiguresOf2022() {
    Object[][] expected = {{Substance.CANNABIS, 0.078}, {Substance.ECSTASY, 0.039}, {Substance.COCAINE, 0.024},
        {Substance.AMPHETAMINE, 0.014}, {Substance.LAUGHING_GAS, 0.013}};
    for (Object[] e : expected) {
      PublishedFigure f = figure((Substance) e[0], RecallPeriod.LAST_YEAR, ADULTS, 2022);
      assertEquals((double) e[1], f.value(), 0.0, f.toString());
      assertEquals("=", f.qualifier());
      assertEquals(PublishedFigure.PROPORTION, f.unit());
      assertEquals(NdmFigures.NDM, f.source());
    }
    for (Substance s : List.of(Substance.KETAMINE, Substance.MUSHROOMS, Substance.MMC3)) {
      PublishedFigure f = figure(s, RecallPeriod.LAST_YEAR, ADULTS, 2022);
      assertEquals("<", f.qualifier());
      assertEquals(0.01, f.value(), 0.0);
    }
  }

  @Test
  void holdsCannabisLifetimeDailyYoungAdultsAndPupils() {
    assertEquals(0.236, figure(Substance.CANNABIS, RecallPeriod.LIFETIME, ADULTS, 2022).value(), 0.0);
    assertEquals(0.015, figure(Substance.CANNABIS, RecallPeriod.DAILY, ADULTS, 2022).value(), 0.0);
    PublishedFigure young = figure(Substance.CANNABIS, RecallPeriod.LAST_YEAR, TargetGroup.YOUNG_ADULTS_18_24, 2022);
    assertEquals(0.25, young.value(), 0.0);
    assertEquals("≈", young.qualifier());
    PublishedFigure pupils = figure(Substance.CANNABIS, RecallPeriod.LIFETIME, TargetGroup.PUPILS_12_16, 2023);
    assertEquals(0.085, pupils.value(), 0.0);
    assertTrue(pupils.note().contains("trend break"), pupils.note());
  }

  @Test
  void holdsDrugRelatedDeaths2019To2021() {
    int[][] expected = {{2019, 252}, {2020, 295}, {2021, 298}};
    for (int[] e : expected) {
      PublishedFigure f = NdmFigures.deaths(e[0]).orElseThrow();
      assertEquals(e[1], f.value(), 0.0);
      assertEquals(PublishedFigure.DEATHS, f.unit());
      assertEquals(NdmFigures.CBS_DEATHS, f.source());
      assertEquals(Optional.empty(), f.substance());
    }
    assertEquals(Optional.empty(), NdmFigures.deaths(2022));
  }

  @Test
  void listIsUnmodifiableAndCompleteAndTheTableMatchesIt() {
    List<PublishedFigure> all = NdmFigures.all();
    assertEquals(15, all.size());
    assertThrows(UnsupportedOperationException.class, () -> all.add(all.get(0)));
    Table t = NdmFigures.toTable();
    assertEquals(List.of("indicator", "substance", "period", "group", "year", "value", "unit", "qualifier", "source",
        "note"), t.columnNames());
    assertEquals(15, t.rowCount());
    assertEquals("cannabis", t.stringColumn("substance").get(0));
    assertEquals("last_year", t.stringColumn("period").get(0));
    assertEquals("adults", t.stringColumn("group").get(0));
    assertEquals(0.078, t.doubleColumn("value").getDouble(0), 0.0);
    assertEquals(298, t.doubleColumn("value").getDouble(14), 0.0);
    assertEquals("", t.stringColumn("substance").get(14));
    assertEquals(2021, t.intColumn("year").getInt(14));
  }

  @Test
  void figuresPrintOnOneLine() {
    assertEquals("PublishedFigure[2022, adults 18+, cannabis, last year: 7.80% (" + NdmFigures.NDM + ")]",
        NdmFigures.all().get(0).toString());
    assertEquals("PublishedFigure[2019, drug-related deaths: 252 deaths (" + NdmFigures.CBS_DEATHS + ")]",
        NdmFigures.deaths(2019).orElseThrow().toString());
    assertEquals("< 1.00%", figure(Substance.MMC3, RecallPeriod.LAST_YEAR, ADULTS, 2022).formattedValue());
  }

  @Test
  void rejectsInvalidFigures() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PublishedFigure.prevalence(Substance.CANNABIS, RecallPeriod.LIFETIME, ADULTS, 2022, 7.8, "=", "x", ""));
    assertTrue(e.getMessage().contains("7.8"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new PublishedFigure("deaths", Optional.empty(),
        Optional.empty(), Optional.empty(), 2020, 12.5, PublishedFigure.DEATHS, "=", "CBS", ""));
    assertTrue(e.getMessage().contains("12.5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new PublishedFigure("x", Optional.empty(),
        Optional.empty(), Optional.empty(), 2020, 0.5, "percent", "=", "CBS", ""));
    assertTrue(e.getMessage().contains("'percent'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new PublishedFigure("x", Optional.empty(),
        Optional.empty(), Optional.empty(), 2020, 0.5, PublishedFigure.PROPORTION, "~", "CBS", ""));
    assertTrue(e.getMessage().contains("'~'"), e.getMessage());
  }
}
