package io.github.dmstat.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.area.AreaCode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class PreventieMetGezagTest {
  @Test
  void listsFifteenTwelveAndTwentyMunicipalities() {
    assertEquals(15, PreventieMetGezag.year(2022).size());
    assertEquals(12, PreventieMetGezag.year(2023).size());
    assertEquals(20, PreventieMetGezag.year(2024).size());
    assertEquals(27, PreventieMetGezag.programme27().size());
    assertEquals(47, PreventieMetGezag.all().size());
  }

  @Test
  void codesAreUniqueCbsMunicipalityCodes() {
    Set<String> codes = new HashSet<>();
    for (PreventieMetGezag.Municipality m : PreventieMetGezag.all()) {
      assertTrue(codes.add(m.code()), m.code());
      assertEquals(m.code(), AreaCode.parse(m.code()).municipality().value());
    }
    assertEquals("GM0363", PreventieMetGezag.all().get(0).code());
    assertEquals("Den Haag", PreventieMetGezag.find("GM0518").orElseThrow().name());
    assertEquals("Rotterdam", PreventieMetGezag.find("GM0599").orElseThrow().name());
    assertEquals("Utrecht", PreventieMetGezag.find("GM0344").orElseThrow().name());
  }

  @Test
  void theFourViaTheLiveabilityProgrammeAreMarkedInferred() {
    List<String> four = PreventieMetGezag.all().stream()
        .filter(m -> m.route() == PreventieMetGezag.Route.LIVEABILITY_PROGRAMME).map(PreventieMetGezag.Municipality::name)
        .toList();
    assertEquals(List.of("Delft", "Dordrecht", "Roosendaal", "Vlaardingen"), four);
    assertTrue(PreventieMetGezag.all().stream().allMatch(m -> m.inferred() == (m.route()
        == PreventieMetGezag.Route.LIVEABILITY_PROGRAMME)));
    assertEquals(8, PreventieMetGezag.all().stream()
        .filter(m -> m.route() == PreventieMetGezag.Route.CRIME_AND_SOCIOECONOMIC).count());
  }

  @Test
  void tableAndRegistryAgree() {
    Table t = Datasets.table("pmg-municipalities");
    assertEquals(47, t.rowCount());
    assertEquals(List.of("code", "name", "year", "route", "inferred", "source"), t.columnNames());
    assertEquals("GM1674", t.stringColumn("code").get(25));
    assertTrue(Datasets.describe("pmg-municipalities").contains("inferred"));
  }

  @Test
  void rejectsBadCodesAndRoutes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new PreventieMetGezag.Municipality("WK036300", "x", 2022, PreventieMetGezag.Route.FIRST_15, false, "s"));
    assertTrue(e.getMessage().contains("WK036300"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> PreventieMetGezag.Route.parse("lottery"));
    assertTrue(e.getMessage().contains("lottery") && e.getMessage().contains("flexible approach"), e.getMessage());
    assertEquals(PreventieMetGezag.Route.FLEXIBLE_APPROACH, PreventieMetGezag.Route.parse("Flexible approach"));
  }
}
