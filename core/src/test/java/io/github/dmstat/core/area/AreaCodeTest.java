package io.github.dmstat.core.area;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AreaCodeTest {

  @Test
  void parsesLevelsAndParents() {
    AreaCode bu = AreaCode.parse("BU00140000");
    assertEquals(AreaLevel.NEIGHBOURHOOD, bu.level());
    assertEquals(Optional.of(AreaCode.parse("WK001400")), bu.parent());
    assertEquals(Optional.of(AreaCode.parse("GM0014")), bu.parent().orElseThrow().parent());
    assertEquals(Optional.empty(), AreaCode.parse("GM0014").parent());
    assertEquals("GM0014", bu.municipality().value());
    assertEquals(AreaLevel.DISTRICT, AreaCode.parse("WK0014A1").level());
  }

  @Test
  void stripsODataPadding() {
    assertEquals("GM0014", AreaCode.parse("GM0014    ").value());
    assertEquals("BU0014000A", AreaCode.parse(" BU0014000A ").value());
  }

  @Test
  void acceptsLettersInWijkAndBuurtPartSince2023() {
    assertEquals(AreaLevel.NEIGHBOURHOOD, AreaCode.parse("BU0363AB0C").level());
    assertEquals("WK0363AB", AreaCode.parse("BU0363AB0C").parent().orElseThrow().value());
  }

  @ParameterizedTest
  @ValueSource(strings = {"gm0014", "GM014", "GM00140", "GMAB12", "WK00140", "BU001400000", "XX0014", "", "BU00A40000",
      "WK0014a1"})
  void rejectsInvalidCodesNamingThem(String code) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AreaCode.parse(code));
    assertTrue(e.getMessage().contains("'" + code.strip() + "'"), e.getMessage());
  }

  @Test
  void rejectsMissingCode() {
    assertThrows(IllegalArgumentException.class, () -> AreaCode.parse(null));
  }

  @Test
  void levelParsesDutchAndEnglish() {
    assertEquals(AreaLevel.DISTRICT, AreaLevel.parse("wijk"));
    assertEquals(AreaLevel.NEIGHBOURHOOD, AreaLevel.parse("Neighbourhood"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AreaLevel.parse("province"));
    assertTrue(e.getMessage().contains("'province'") && e.getMessage().contains("municipality"), e.getMessage());
  }

  @Property
  void parentOfBuurtIsPrefixOfItsCode(@ForAll @IntRange(min = 0, max = 9999) int gm, @ForAll @IntRange(min = 0, max = 99) int wk,
      @ForAll @IntRange(min = 0, max = 99) int bu) {
    AreaCode c = AreaCode.parse(String.format("BU%04d%02d%02d", gm, wk, bu));
    AreaCode w = c.parent().orElseThrow();
    assertTrue(c.value().substring(2, 8).equals(w.value().substring(2)));
    assertEquals(c.municipality(), w.municipality());
    assertEquals(List.of(AreaLevel.DISTRICT, AreaLevel.MUNICIPALITY), List.of(w.level(), w.municipality().level()));
  }
}
