package io.github.dmstat.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file is cut into blocks at newlines, then (when a block ended inside a quoted cell) by quote
 * parity, then read as one block: a quote inside an unquoted cell (text, not a quote) before a
 * quoted cell with a line break that crosses a block boundary upsets the parity, and the reader
 * once returned no frame at all.
 */
class QuoteCutsTest {
  @Test
  void strayQuoteBeforeAMultiLineCellAcrossBlocks(@TempDir Path dir) throws IOException {
    StringBuilder csv = new StringBuilder("a,b\n1,a\"b\n");
    int before = 0;
    while (csv.length() < 327_600) {
      csv.append("1,x\n");
      before++;
    }
    String multiLine = "p\n" + "q".repeat(300);
    csv.append("1,\"").append(multiLine).append("\"\n");
    int after = 100_000;
    csv.append("1,y\n".repeat(after));
    Path file = dir.resolve("stray.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    Frame f = Csv.frame(file, ReadOptions.withDefaults(), Map.of("b", ColumnType.TEXT));
    assertEquals(1 + before + 1 + after, f.rows());
    assertEquals(List.of("a\"b", "x", multiLine, "y"), f.levels("b"));
    int row = 1 + before; // the multi-line cell
    assertEquals(multiLine, f.levels("b").get(f.codes("b")[row]));
    assertEquals(3 + before, f.line(row)); // header line 1, a"b on line 2
    assertEquals(5 + before, f.line(row + 1)); // after the cell's own two lines
  }
}
