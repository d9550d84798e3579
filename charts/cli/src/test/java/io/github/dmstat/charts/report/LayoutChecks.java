package io.github.dmstat.charts.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * What a reader would see as broken in a report, measured: in the browser (Chromium at 1280 px)
 * text of inline SVG below 9 px, text boxes of one SVG that overlap, tables wider than their
 * column; in the PDF text below 7 points. For tests.
 */
final class LayoutChecks {
  private LayoutChecks() {}

  /** The smallest text a chart may show in the browser (px). */
  static final double MIN_PX = 9;
  /** The smallest text in the PDF (points). */
  static final double MIN_PT = 7;

  private static final String SCRIPT = String.join("\n",
      "(() => {",
      "  const out = {texts: 0, small: [], overlaps: [], overflow: []};",
      "  document.querySelectorAll('figure.chart svg').forEach((svg, si) => {",
      "    const boxes = [];",
      "    svg.querySelectorAll('text').forEach(t => {",
      "      const s = t.textContent.trim();",
      "      if (!s) return;",
      "      out.texts++;",
      "      const m = t.getScreenCTM();",
      "      const px = parseFloat(getComputedStyle(t).fontSize) * (m ? Math.hypot(m.a, m.b) : 1);",
      "      if (px < " + MIN_PX + ") out.small.push('figure ' + (si + 1) + ': \"' + s + '\" ' + px.toFixed(1) + ' px');",
      "      const r = t.getBoundingClientRect();",
      "      boxes.push([r.left, r.top, r.right, r.bottom, s]);",
      "    });",
      "    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {",
      "      const a = boxes[i], b = boxes[j];",
      "      const w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]), h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);",
      "      if (w > 1 && h > 1) out.overlaps.push('figure ' + (si + 1) + ': \"' + a[4] + '\" and \"' + b[4] + '\"');",
      "    }",
      "  });",
      "  document.querySelectorAll('div.table').forEach((d, i) => {",
      "    if (d.scrollWidth > d.clientWidth + 1) out.overflow.push('table ' + (i + 1) + ': ' + d.scrollWidth + ' > ' + d.clientWidth + ' px');",
      "  });",
      "  return JSON.stringify(out);",
      "})()");

  /** The browser's findings for the page open in {@code browser}: texts, small, overlaps, overflow. */
  static JsonNode browser(HeadlessChromium browser) throws Exception {
    return new ObjectMapper().readTree(browser.evaluate(SCRIPT).asText());
  }

  /** Every piece of text of the PDF below {@link #MIN_PT} points, with its page. */
  static List<String> smallPdfText(Path pdf) throws IOException {
    List<String> small = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      PDFTextStripper s = new PDFTextStripper() {
        @Override
        protected void processTextPosition(TextPosition t) {
          // the size on the page: the text rendering matrix holds the font size, the text matrix and
          // the transformations of the page and of a figure's form
          float size = t.getYScale();
          if (t.getUnicode() != null && !t.getUnicode().isBlank() && size < MIN_PT - 1e-3) {
            small.add("page " + getCurrentPageNo() + ": '" + t.getUnicode() + "' " + size + " pt");
          }
          super.processTextPosition(t);
        }
      };
      s.getText(doc);
    }
    return small;
  }

  /** The first of {@code words} that the text holds as a word, if any. */
  static Optional<String> anyWord(String text, List<String> words) {
    for (String w : words) {
      if (java.util.regex.Pattern.compile("(?<![\\p{L}-])" + java.util.regex.Pattern.quote(w) + "(?![\\p{L}-])",
          java.util.regex.Pattern.CASE_INSENSITIVE).matcher(text).find()) {
        return Optional.of(w);
      }
    }
    return Optional.empty();
  }
}
