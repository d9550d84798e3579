package io.github.dmstat.charts.report;

import io.github.dmstat.cli.ExampleData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.dmstat.core.io.Csv;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.datasets.Datasets;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The embedded survey and the same survey written to CSV and read back as a user's file give the
 * same prevalence tables in the report (the age column of a file read as text once selected the
 * wrong rows for "15–17 by region").
 */
class UserSurveyReportTest {
  @TempDir
  Path dir;

  @Test
  void embeddedSurveyAndTheSameSurveyAsCsvGiveIdenticalTables() throws IOException {
    Table adults = Datasets.table("adults");
    DesignSpec design = Datasets.design("adults").orElseThrow();
    Path file = dir.resolve("adults.csv");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      Csv.write(w, adults);
    }
    Report embedded = DrugMonitorReport.build(DrugMonitorReport.Options.defaults().withExample(ExampleData.get()), Progress.none());
    Report fromFile = DrugMonitorReport.build(DrugMonitorReport.Options.defaults().withExample(ExampleData.get())
        .withSurvey(new DrugMonitorReport.UserSurvey("adults.csv", Csv.read(file), design, "age")), Progress.none());
    Map<String, Report.TableBlock> a = byId(embedded);
    Map<String, Report.TableBlock> b = byId(fromFile);
    List<String> survey = List.of("key-figures", "cannabis-age-sex", "young-by-region");
    for (String id : survey) {
      assertFalse(a.get(id).rows().isEmpty(), id);
      assertEquals(a.get(id).header(), b.get(id).header(), id);
      assertEquals(a.get(id).rows(), b.get(id).rows(), id);
    }
  }

  private static Map<String, Report.TableBlock> byId(Report r) {
    return r.tables().stream().collect(Collectors.toMap(Report.TableBlock::id, Function.identity()));
  }
}
