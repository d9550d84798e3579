package io.github.dmstat.cli;

import io.github.dmstat.core.io.ReadOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * How to read the user's own files: the same options in every command that reads one (an
 * argument group, so that {@code --help} shows them under one heading). Builds a
 * {@link ReadOptions}, the object Java users pass to {@code Csv.read}.
 */
final class ReadingOptions {
  @Option(names = "--delimiter", paramLabel = "SEP", description = "Field separator: , ; TAB | (default: detected from the header line).")
  String delimiter;

  @Option(names = "--decimal", paramLabel = "MARK", description = "Decimal mark: . or , (default: , when the separator is ;, else .).")
  String decimal;

  @Option(names = "--thousands", paramLabel = "MARK", defaultValue = "none",
      description = "Thousands mark inside numbers: none, . , or space (default: ${DEFAULT-VALUE}: a number with one is an error naming it).")
  String thousands = "none";

  @Option(names = "--encoding", paramLabel = "NAME", defaultValue = "UTF-8",
      description = "File encoding, e.g. windows-1252 for Excel on Windows (default: ${DEFAULT-VALUE}; a byte-order mark is honoured).")
  String encoding = "UTF-8";

  @Option(names = "--na-values", paramLabel = "V[,V...]", defaultValue = "NA,.",
      description = "Cells that mean missing, in every column; empty cells are always missing (default: ${DEFAULT-VALUE}).")
  String naValues = "NA,.";

  @Option(names = "--true-values", paramLabel = "V[,V...]", defaultValue = "1,true,ja,yes",
      description = "Outcome codes for 1, any case (default: ${DEFAULT-VALUE}).")
  String trueValues = "1,true,ja,yes";

  @Option(names = "--false-values", paramLabel = "V[,V...]", defaultValue = "0,false,nee,no",
      description = "Outcome codes for 0, any case (default: ${DEFAULT-VALUE}).")
  String falseValues = "0,false,nee,no";

  @Option(names = "--where", paramLabel = "COL=V[,V...]",
      description = "Keep rows whose cell (trimmed) is one of the values; repeat for more conditions (all must hold).")
  List<String> where = new ArrayList<>();

  @Option(names = "--sheet", paramLabel = "NAME|N", description = "Sheet of an .xlsx workbook (default: the first).")
  String sheet;

  /** The read options these settings describe; bad values are errors naming the option. */
  ReadOptions options() {
    ReadOptions o = ReadOptions.withDefaults();
    if (delimiter != null) {
      o = o.withDelimiter(delimiter(delimiter));
    }
    if (decimal != null) {
      if (!decimal.equals(".") && !decimal.equals(",")) {
        throw new IllegalArgumentException("--decimal must be . or , but was '" + decimal + "'");
      }
      o = o.withDecimal(decimal.charAt(0));
    }
    o = o.withThousands(thousands(thousands));
    o = o.withEncoding(encoding);
    List<String> na = new ArrayList<>(List.of(""));
    na.addAll(values(naValues));
    o = o.withNaValues(na).withTrueValues(values(trueValues)).withFalseValues(values(falseValues));
    List<ReadOptions.Where> filters = new ArrayList<>();
    for (String w : where) {
      filters.add(ReadOptions.Where.parse(w));
    }
    o = o.withWhere(filters);
    if (sheet != null) {
      o = o.withSheet(sheet);
    }
    return o;
  }

  /** Whether any reading option differs from its default (they apply to files only). */
  boolean changed() {
    return delimiter != null || decimal != null || !thousands.equals("none") || !encoding.equals("UTF-8")
        || !naValues.equals("NA,.") || !trueValues.equals("1,true,ja,yes") || !falseValues.equals("0,false,nee,no")
        || !where.isEmpty() || sheet != null;
  }

  private static char delimiter(String s) {
    try {
      return ReadOptions.parseDelimiter(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--delimiter " + e.getMessage());
    }
  }

  private static char thousands(String s) {
    try {
      return ReadOptions.parseThousands(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--thousands " + e.getMessage());
    }
  }

  private static List<String> values(String list) {
    List<String> out = new ArrayList<>();
    for (String v : list.split(",", -1)) {
      if (!v.isBlank()) {
        out.add(v.strip());
      }
    }
    return out;
  }
}
