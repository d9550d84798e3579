package io.github.dmstat.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.UniqueElements;

/**
 * The reader's dictionary of text cells: equal bytes get the same code, different bytes different
 * codes, numbered in order of first appearance, whatever their length (the short cells of 1 to 7
 * bytes and the others are kept in two tables) and after the tables grow.
 */
class DictTest {
  @Property(tries = 200, seed = "20261201")
  void codesFollowFirstAppearance(@ForAll @Size(max = 400) List<@StringLength(max = 12) String> cells,
      @ForAll @Size(min = 40, max = 80) @UniqueElements List<@StringLength(max = 10) String> more) {
    List<String> all = new ArrayList<>(cells);
    all.addAll(more); // enough levels to grow both tables
    all.addAll(cells);
    DelimitedParser.Dict d = new DelimitedParser.Dict();
    for (int round = 0; round < 2; round++) { // the second round after clear(): the arrays are reused
      Map<String, Integer> expected = new HashMap<>();
      for (int i = 0; i < all.size(); i++) {
        String cell = all.get(i);
        byte[] b = ("xx" + cell + "yy").getBytes(StandardCharsets.UTF_8);
        int code = d.code(b, 2, b.length - 2, i);
        Integer want = expected.computeIfAbsent(cell, k -> expected.size());
        assertEquals(want.intValue(), code, () -> "cell '" + cell + "'");
      }
      assertEquals(expected.size(), d.size);
      for (Map.Entry<String, Integer> e : expected.entrySet()) {
        int c = e.getValue();
        byte[] level = Arrays.copyOfRange(d.pool, d.start[c], d.start[c] + d.length[c]);
        assertArrayEquals(e.getKey().getBytes(StandardCharsets.UTF_8), level);
      }
      d.clear();
    }
  }
}
