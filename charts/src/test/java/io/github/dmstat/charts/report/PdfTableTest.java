package io.github.dmstat.charts.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PDF table whose cells hold long unbreakable words: no column runs into the next. */
class PdfTableTest {
  /** Wider than the page at any size: it must be broken, in pieces that keep their order. */
  private static final String LONG = "https://www.cbs.nl/nl-nl/maatwerk/2024/" + "kerncijfers-wijken-en-buurten-".repeat(6)
      + "2024.csv";

  @TempDir
  Path dir;

  @Test
  void longWordsKeepTheirColumn() throws IOException {
    List<List<Report.Cell>> rows = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      rows.add(List.of(Report.Cell.of("Concentratie (tabel en Lorenzcurve) " + i),
          Report.Cell.of("Gini (ineq), gegeneraliseerde Gini (Bernasco & Steenbeek 2017), topaandeel, Hoover, "
              + "moran.test/moran.mc, localmoran, localG (Gi*), poly2nb queen"),
          Report.Cell.of("R scale/rank/order (4e-13)"), Report.Cell.of("kwb-2024-gemeenten-wijken.csv")));
    }
    rows.add(List.of(Report.Cell.of("a word wider than any column"), Report.Cell.of("x"), Report.Cell.of("y"),
        Report.Cell.of(LONG)));
    Report r = new Report("t", "", Locale.forLanguageTag("nl-NL"), List.of(new Report.Section("methods", "Methoden",
        List.of(new Report.TableBlock("m", "Methoden en bronnen", List.of("tabel of figuur", "methode", "getoetst aan",
            "data"), rows, "")))));
    Path pdf = PdfReport.write(r, dir);
    String text;
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      PDFTextStripper s = new PDFTextStripper();
      s.setSortByPosition(true);
      text = s.getText(doc);
    }
    // text that overlaps another column comes out of the stripper interleaved with it
    assertTrue(text.contains("kwb-2024-gemeenten-wijken.csv"), text);
    assertTrue(text.contains("moran.test/moran.mc,"), text);
    // the word too long for any column: broken into lines of its own, in order
    StringBuilder pieces = new StringBuilder();
    for (String token : text.split("\\s+")) {
      if (token.length() > 10 && LONG.contains(token)) {
        pieces.append(token);
      }
    }
    assertTrue(!text.contains(LONG) && pieces.toString().equals(LONG), "the long word, broken in order: " + text);
  }
}
