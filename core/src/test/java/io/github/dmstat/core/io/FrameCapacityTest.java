package io.github.dmstat.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.internal.FrameAccess;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.core.survey.PrevalenceEstimator;
import io.github.dmstat.core.survey.PrevalenceTable;
import io.github.dmstat.core.survey.SurveyDesign;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The reader leaves its columns longer than the rows read (sized from the bytes per row); nothing
 * of the spare part may show: not in the public arrays, the table, the design or the estimates.
 */
class FrameCapacityTest {
  private static final DesignSpec SPEC = DesignSpec.weights("weight").withStrata("stratum").withPsu("psu");

  @TempDir
  Path dir;

  /**
   * 200,000 rows of which about two thirds are left out by a filter, so the columns (sized from the
   * bytes per row of the whole file) are much longer than the rows kept.
   */
  private Path file() throws IOException {
    SplittableRandom r = new SplittableRandom(7);
    StringBuilder b = new StringBuilder("soort,weight,stratum,psu,used,group\n");
    for (int i = 0; i < 200_000; i++) {
      int psu = r.nextInt(40);
      String soort = r.nextInt(3) == 0 ? "respondent" : "non-respondent";
      String used = r.nextInt(40) == 0 ? "" : r.nextDouble() < 0.15 ? "1" : "0";
      b.append(soort).append(',').append(0.5 + r.nextInt(30_000) / 1e4).append(",s").append(psu / 4).append(",p")
          .append(psu).append(',').append(used).append(",g").append(r.nextInt(7)).append('\n');
    }
    Path p = dir.resolve("survey.csv");
    Files.write(p, b.toString().getBytes(StandardCharsets.UTF_8));
    return p;
  }

  @Test
  void spareCapacityNeverShows() throws IOException {
    Path p = file();
    ReadOptions o = ReadOptions.withDefaults().where("soort", List.of("respondent"));
    PrevalenceEstimator est = PrevalenceEstimator.withDefaults().with(ReliabilityRule.NONE);
    Map<String, ColumnType> cols = PrevalenceEstimator.columns(SPEC, "used", List.of("group"));
    Frame f = Csv.frame(p, o, cols);
    int n = f.rows();
    assertTrue(n > 50_000 && n < 90_000, "rows kept: " + n);
    // the condition this test is about: the reader's own array is longer than the rows
    assertTrue(FrameAccess.numbers(f, "weight").length > n, "spare capacity: " + FrameAccess.numbers(f, "weight").length);

    SurveyDesign design = SurveyDesign.from(f, SPEC);
    assertEquals(n, design.rows());
    PrevalenceTable fromFrame = est.estimate(f, SPEC, "used", List.of("group"));

    // the public accessors and the table have exactly n entries
    assertEquals(n, f.numbers("weight").length);
    assertEquals(n, f.codes("stratum").length);
    assertEquals(n, f.flags("used").length);
    Table t = f.toTable();
    assertEquals(n, t.rowCount());
    PrevalenceTable fromTable = est.estimate(t, SPEC, "used", List.of("group"));
    assertEquals(fromTable.estimates(), fromFrame.estimates());
    assertEquals(n, fromFrame.design().rows());

    // and the same from a file that holds the kept rows only
    Path kept = dir.resolve("kept.csv");
    List<String> lines = Files.readAllLines(p);
    StringBuilder b = new StringBuilder(lines.get(0)).append('\n');
    for (String l : lines.subList(1, lines.size())) {
      if (l.startsWith("respondent,")) {
        b.append(l).append('\n');
      }
    }
    Files.writeString(kept, b.toString());
    Frame k = Csv.frame(kept, ReadOptions.withDefaults(), cols);
    assertEquals(n, k.rows());
    assertEquals(est.estimate(k, SPEC, "used", List.of("group")).estimates(), fromFrame.estimates());
  }
}
