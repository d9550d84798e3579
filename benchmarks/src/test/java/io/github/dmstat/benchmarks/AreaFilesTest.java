package io.github.dmstat.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dmstat.cli.Main;
import io.github.dmstat.core.area.AreaCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AreaFiles} writes valid, deterministic input that {@code dmstat concentration} reads. */
class AreaFilesTest {
  @TempDir
  Path dir;

  @Test
  void tenByTenLatticeHasTheQueenLinksOnce() {
    List<List<String>> edges = AreaFiles.edges(100);
    // horizontal 9·10, vertical 10·9, two diagonals 9·9 each
    assertEquals(90 + 90 + 81 + 81, edges.size());
    Set<String> pairs = new HashSet<>();
    for (List<String> e : edges) {
      assertTrue(e.get(0).compareTo(e.get(1)) < 0, e.toString());
      assertTrue(pairs.add(e.get(0) + "-" + e.get(1)), "duplicate " + e);
    }
  }

  @Test
  void areasAreValidCodesAndEveryThousandthIsEmpty() {
    List<List<String>> areas = AreaFiles.areas(2000);
    assertEquals(2000, areas.size());
    for (int i = 0; i < areas.size(); i++) {
      List<String> a = areas.get(i);
      assertTrue(AreaCode.isValid(a.get(0)), a.get(0));
      boolean empty = i == 999 || i == 1999;
      assertEquals(empty, a.get(2).equals("0"), a.toString());
      assertTrue(!empty || a.get(1).equals("0"), a.toString());
    }
    assertEquals(areas, AreaFiles.areas(2000));
  }

  @Test
  void concentrationReadsTheFiles() throws IOException {
    AreaFiles.main(new String[] {"2000", dir.toString()});
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), "concentration", "--data",
        dir.resolve("areas-2000.csv").toString(), "--area", "code", "--count", "incidents", "--population", "inhabitants",
        "--neighbours", dir.resolve("edges-2000.csv").toString(), "--permutations", "9", "--format", "json");
    assertEquals(0, code, err.toString());
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertEquals(2000, j.at("/summary/areas").asInt());
    assertEquals(1998, j.at("/summary/moran/n").asInt());
    assertTrue(j.at("/summary/moran/i").asDouble() > 0.3, j.at("/summary/moran").toString());
    assertTrue(Files.size(dir.resolve("edges-2000.csv")) > 0);
  }
}
