package io.github.dmstat.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.charts.Export;
import io.github.dmstat.charts.Figure;
import io.github.dmstat.charts.ForestChart;
import io.github.dmstat.core.outcomes.MetaAnalysis;
import io.github.dmstat.core.outcomes.MetaMethod;
import io.github.dmstat.core.outcomes.Measure;
import io.github.dmstat.core.outcomes.TwoByTwo;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What an application gets when it depends on {@code dmstat-charts} alone (this module's only
 * dependency): no command line, no logging binding, no embedded datasets; and it can draw.
 */
class EmbeddingTest {
  /** The jars and folders of the class path, by file name. */
  private static List<String> classPath() {
    List<String> out = new ArrayList<>();
    for (String p : System.getProperty("java.class.path").split(File.pathSeparator)) {
      out.add(new File(p).getName());
    }
    return out;
  }

  private static boolean loadable(String className) {
    try {
      Class.forName(className, false, EmbeddingTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  @Test
  void noCommandLineNoLoggingBindingNoDatasets() {
    List<String> cp = classPath();
    for (String jar : cp) {
      assertTrue(!jar.startsWith("picocli") && !jar.startsWith("slf4j-nop") && !jar.startsWith("slf4j-simple")
          && !jar.startsWith("logback") && !jar.startsWith("dmstat-datasets") && !jar.startsWith("dmstat-cli"),
          "on the class path of a dmstat-charts user: " + jar + " (all: " + cp + ")");
    }
    assertTrue(!loadable("picocli.CommandLine"), "picocli");
    assertTrue(!loadable("org.slf4j.nop.NOPServiceProvider"), "slf4j-nop");
    assertTrue(!loadable("io.github.dmstat.datasets.Datasets"), "dmstat-datasets");
    assertTrue(!loadable("io.github.dmstat.cli.Main"), "dmstat-cli");
    // what it does bring: the library itself
    assertTrue(loadable("io.github.dmstat.charts.ForestChart"));
    assertTrue(loadable("io.github.dmstat.core.outcomes.MetaAnalysis"));
  }

  @Test
  void drawsAForestPlot() {
    List<String> labels = List.of("Almere", "Breda", "Zwolle");
    List<TwoByTwo> counts = List.of(new TwoByTwo(30, 120, 45, 118), new TwoByTwo(22, 95, 31, 101),
        new TwoByTwo(18, 80, 20, 77));
    MetaAnalysis m = MetaAnalysis.fromCounts(labels, counts, Measure.RR, MetaMethod.REML, 0.95);
    Figure f = Figure.of(ForestChart.of(m, Locale.UK));
    String svg = Export.svgText(f);
    for (String label : labels) {
      assertTrue(svg.contains(label), label + " in the forest plot");
    }
    assertEquals(3, m.studies().size());
    assertTrue(Export.pngBytes(f, 96).length > 1_000, "a PNG of the plot");
  }
}
