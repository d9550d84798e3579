package io.github.dmstat.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.charts.map.Classification;
import io.github.dmstat.charts.map.Maps;
import io.github.dmstat.charts.report.HtmlReport;
import io.github.dmstat.core.area.AreaPolygon;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/** A label with a character that XML cannot hold never makes an unreadable SVG or HTML. */
class XmlTextTest {
  @Test
  void dropsWhatXmlCannotHoldRawOrAsReference() {
    assertEquals("AB\tC\n", XmlText.clean("A\u0001B\tC\n\u001b"));
    assertEquals("x  y  &#65; &#x41; &#10;", XmlText.clean("x &#1; y &#x1F; &#65; &#x41; &#10;"));
    assertEquals("ok \uD83D\uDE00", XmlText.clean("ok \uD83D\uDE00\uD83D"));
    assertEquals("plain", XmlText.clean("plain"));
  }

  @Test
  void svgWithAControlCharacterInALabelParsesAsXml() throws Exception {
    List<AreaPolygon> areas = List.of(
        new AreaPolygon("GM0001", Optional.of("A\u0001B"), List.of(List.of(new double[] {0, 0, 1, 0, 1, 1, 0, 0}))),
        new AreaPolygon("GM0002", Optional.of("C"), List.of(List.of(new double[] {1, 0, 2, 0, 2, 1, 1, 0}))));
    String svg = Export.svgText(Maps.choropleth(areas, Map.of("GM0001", 1.0, "GM0002", 2.0), Classification.QUANTILES, 2,
        "Title\u0001 <&>", "unit\u0002", Locale.ENGLISH));
    assertFalse(svg.contains("\u0001") || svg.contains("&#1;") || svg.contains("&#2;"));
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    assertEquals("svg", f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)))
        .getDocumentElement().getNodeName());
    assertTrue(svg.contains("Title &lt;&amp;&gt;"), svg);
    assertEquals("a&lt;b", HtmlReport.esc("a\u0001<b"));
  }
}
