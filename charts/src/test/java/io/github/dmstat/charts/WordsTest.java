package io.github.dmstat.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The two word bundles: the same keys, format placeholders in the same order, every key the code asks for. */
class WordsTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("%[-+,.0-9]*[sdfgexXcn%]");

  @Test
  void bothLanguagesHaveTheSameKeysAndPlaceholders() {
    ResourceBundle en = Words.load("en");
    ResourceBundle nl = Words.load("nl");
    assertEquals(new TreeSet<>(en.keySet()), new TreeSet<>(nl.keySet()));
    assertTrue(en.keySet().size() > 200, "keys: " + en.keySet().size());
    for (String k : en.keySet()) {
      // the same arguments in the same order; one language may use fewer of them (String.format
      // ignores the rest: "Selected %s" against "Geselecteerde %s, met de reden per %s")
      List<String> a = placeholders(en.getString(k));
      List<String> b = placeholders(nl.getString(k));
      int n = Math.min(a.size(), b.size());
      assertEquals(a.subList(0, n), b.subList(0, n), k);
      // a space at either end joins the text to what follows or precedes it: both languages alike
      String e = en.getString(k);
      String d = nl.getString(k);
      assertEquals(e.startsWith(" "), d.startsWith(" "), k + ": a leading space in one language only");
      assertEquals(e.endsWith(" "), d.endsWith(" "), k + ": a trailing space in one language only");
    }
    assertEquals("gemeenten", Words.of(true).get("areaLevel.gemeente.many"));
    assertEquals("municipalities", Words.of(false).get("areaLevel.gemeente.many"));
  }

  @Test
  void everyKeyTheCodeAsksForIsThere() throws IOException {
    Set<String> known = Words.load("en").keySet();
    Pattern asked = Pattern.compile("(?:\\bw|\\.get)\\(\"([a-zA-Z]+\\.[^\"]+)\"\\)");
    List<String> missing = new ArrayList<>();
    int found = 0;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/github/dmstat/charts"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = asked.matcher(Files.readString(f));
        while (m.find()) {
          found++;
          if (!known.contains(m.group(1))) {
            missing.add(f.getFileName() + ": " + m.group(1));
          }
        }
      }
    }
    assertTrue(found > 200, "keys asked for: " + found);
    assertEquals(List.of(), missing);
  }

  private static List<String> placeholders(String s) {
    List<String> out = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(s);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
