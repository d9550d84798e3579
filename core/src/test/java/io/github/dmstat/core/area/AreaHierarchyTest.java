package io.github.dmstat.core.area;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AreaHierarchyTest {

  @Test
  void buildsChildrenAcrossLevels() {
    AreaHierarchy h = AreaHierarchy.of(2024, List.of("GM0014", "WK001401", "WK001400", "BU00140000", "BU00140001",
        "GM0034"));
    assertEquals(2024, h.year());
    assertEquals(List.of(AreaCode.parse("WK001400"), AreaCode.parse("WK001401")), h.children(AreaCode.parse("GM0014")));
    assertEquals(2, h.children(AreaCode.parse("WK001400")).size());
    assertEquals(List.of(), h.children(AreaCode.parse("GM0034")));
    assertEquals(List.of(), h.implied());
    assertTrue(h.toString().contains("2 municipalities"), h.toString());
  }

  @Test
  void addsMissingParentsAndReportsThem() {
    AreaHierarchy h = AreaHierarchy.of(2023, List.of("BU03630A01"));
    assertEquals(List.of(AreaCode.parse("WK03630A"), AreaCode.parse("GM0363")), h.implied());
    assertEquals(List.of(AreaCode.parse("BU03630A01")), h.children(AreaCode.parse("WK03630A")));
  }

  @Test
  void rejectsDuplicateCodesNamingThem() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AreaHierarchy.of(2024, List.of("GM0014", "GM0034", "GM0014  ")));
    assertTrue(e.getMessage().contains("'GM0014'") && e.getMessage().contains("position 3"), e.getMessage());
  }

  @Test
  void rejectsUnknownCodeInLookup() {
    AreaHierarchy h = AreaHierarchy.of(2024, List.of("GM0014"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.children(AreaCode.parse("GM0034")));
    assertTrue(e.getMessage().contains("'GM0034'"), e.getMessage());
  }

  @Test
  void rejectsImplausibleYear() {
    assertThrows(IllegalArgumentException.class, () -> AreaHierarchy.of(24, List.of("GM0014")));
  }
}
