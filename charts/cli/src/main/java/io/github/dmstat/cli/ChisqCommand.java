package io.github.dmstat.cli;

import io.github.dmstat.core.crosstab.SurveyChiSquare;
import io.github.dmstat.core.crosstab.TableTest;
import io.github.dmstat.core.crosstab.TestStatistic;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** {@code dmstat chisq}: design-based tests of independence of a two-way table ({@link SurveyChiSquare}). */
@Command(name = "chisq", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Design-based test of independence of two categorical columns (e.g. is use higher among students "
        + "than non-students?): the Rao-Scott F test (R survey's svychisq default), the first-order Rao-Scott "
        + "chi-square and the Wald tests, with the weighted cell proportions.",
        "Rows where either column is empty are left out; --domain COL=VALUE tests within a domain (R subset)."})
class ChisqCommand extends ReplicableCommand {
  @Option(names = "--row", required = true, paramLabel = "COL", description = "Row variable.")
  String row;

  @Option(names = "--column", required = true, paramLabel = "COL", description = "Column variable.")
  String column;

  @Option(names = "--domain", paramLabel = "COL=VALUE", description = "Test within the rows where COL is VALUE.")
  String domain;

  @Option(names = "--min-count", paramLabel = "N", defaultValue = "30",
      description = "Show a cell proportion only when its row and column level each have at least N rows (default: "
          + "${DEFAULT-VALUE}, as the NCHS rule; 0 shows all).")
  long minCount;

  @Option(names = "--format", paramLabel = "FMT", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  String format;


  @Override
  public Integer call() {
    Format fmt = Format.parse(format);
    Table table = data.load(spec.commandLine().getErr(), List.of());
    TableTest t;
    try {
      if (replicated()) {
        if (domain != null) {
          throw new IllegalArgumentException("--domain is for Taylor designs; filter the rows with --where instead");
        }
        t = SurveyChiSquare.test(table, replicates.design(table, design()), row, column);
      } else if (domain == null) {
        t = SurveyChiSquare.test(table, design(), row, column);
      } else {
        int eq = domain.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("--domain: '" + domain + "' is not COL=VALUE");
        }
        t = SurveyChiSquare.test(table, design(), row, column, domain.substring(0, eq), domain.substring(eq + 1));
      }
    } catch (IllegalArgumentException e) {
      throw data.where(e);
    }
    if (minCount < 0) {
      throw new IllegalArgumentException("--min-count must be >= 0 but was " + minCount);
    }
    TableTest result = t.withMinimumCount(minCount);
    print(fmt.render(result, () -> tests(result)));
    return 0;
  }

  private static Table tests(TableTest t) {
    StringColumn name = StringColumn.create("statistic");
    DoubleColumn value = DoubleColumn.create("value");
    DoubleColumn df1 = DoubleColumn.create("numeratorDf");
    DoubleColumn df2 = DoubleColumn.create("denominatorDf");
    DoubleColumn p = DoubleColumn.create("p");
    for (TestStatistic s : List.of(t.f(), t.chisq(), t.wald(), t.adjustedWald())) {
      name.append(s.name());
      value.append(s.value());
      df1.append(s.numeratorDf());
      if (Double.isFinite(s.denominatorDf())) {
        df2.append(s.denominatorDf());
      } else {
        df2.appendMissing();
      }
      p.append(s.pValue());
    }
    return Table.create("tests", name, value, df1, df2, p);
  }
}
