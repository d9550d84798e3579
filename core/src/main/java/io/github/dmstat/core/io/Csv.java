package io.github.dmstat.core.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Data files in, CSV out.
 *
 * <p><b>Reading</b> ({@link #read(Path, ReadOptions)}, {@link #frame}) follows the files as CBS and
 * Dutch Excel write them: the delimiter is detected ({@code , ; TAB |}), a decimal comma goes
 * with {@code ;}, a byte-order mark is honoured, CRLF line ends, quoted cells padded with spaces
 * (all cells are trimmed), missing-value codes ({@code .}, {@code NA}, ...), row filters and
 * {@code .xlsx} workbooks (by extension) — see {@link ReadOptions}. Numbers follow
 * {@link Numbers}: a thousands mark must be declared, so {@code 243.768} is never silently read
 * as 243.768 inhabitants. Every problem is a {@link DataException} naming the file, the line as an
 * editor shows it (header = line 1), the column and the value. The engine parses bytes straight
 * into primitive arrays, in parallel blocks, converting only the columns asked for.
 *
 * <p><b>Writing</b> quotes cells that need it and neutralises cells that a spreadsheet would read
 * as a formula (leading {@code = + - @}, tab or carriage return) by prefixing a single quote,
 * unless the cell is a plain number.
 */
public final class Csv {
  private Csv() {}

  /**
   * Reads a file with the default options into a table with typed columns (see {@link #read(Path, ReadOptions)}).
   *
   * @param file a delimited text file, or an {@code .xlsx} workbook (by extension)
   * @return every column of the file, in file order, in a table named after the file
   * @throws DataException when the file is missing, empty or has no data rows, or a cell cannot be read
   */
  public static Table read(Path file) {
    return read(file, ReadOptions.withDefaults());
  }

  /**
   * Reads a whole file into a Tablesaw table: a column whose present cells are all numbers becomes
   * a number column (whole numbers without a leading zero an int or long column, others a double
   * column), every other column a string column; missing cells are missing.
   *
   * @param file a delimited text file, or an {@code .xlsx} workbook (by extension)
   * @param options how to read it: delimiter, marks, encoding, missing codes, row filters, sheet
   * @return every column of the file, in file order, in a table named after the file
   * @throws DataException when the file is missing, empty or has no data rows, or a cell cannot be read
   */
  public static Table read(Path file, ReadOptions options) {
    return frame(file, options, null).toTable();
  }

  /**
   * Reads the named columns of a file, each as its {@link ColumnType}, into primitive arrays; the
   * other columns are stepped over. {@code columns == null} reads every column as
   * {@link ColumnType#AUTO}. Files ending in {@code .xlsx} are read as workbooks (the sheet of
   * {@link ReadOptions#sheet()}).
   *
   * @param file a delimited text file, or an {@code .xlsx} workbook (by extension)
   * @param options how to read it: delimiter, marks, encoding, missing codes, row filters, sheet
   * @param columns column name to type; {@code null}: every column, as {@link ColumnType#AUTO}
   * @return the columns read, in file order, with the line of every row
   * @throws DataException when a named column is not in the file, or the file or a cell cannot be read
   */
  public static Frame frame(Path file, ReadOptions options, Map<String, ColumnType> columns) {
    return frame(file, options, columns, columns == null ? ColumnType.AUTO : null);
  }

  /**
   * Reads a whole file as {@link #read(Path, ReadOptions)} does, but the named columns (where the
   * file has them) as the given types: e.g. outcome columns as {@link ColumnType#FLAG}, so that the
   * read options' true, false and missing codes ({@code ja}/{@code nee}/{@code 9}) apply to them.
   *
   * @param file a delimited text file, or an {@code .xlsx} workbook (by extension)
   * @param options how to read it: delimiter, marks, encoding, missing codes, row filters, sheet
   * @param types column name to type; other columns as {@link ColumnType#AUTO}; names the file lacks are ignored
   * @return every column of the file, in file order, in a table named after the file
   * @throws DataException when the file is missing, empty or has no data rows, or a cell cannot be read
   */
  public static Table read(Path file, ReadOptions options, Map<String, ColumnType> types) {
    return frame(file, options, types, ColumnType.AUTO).toTable();
  }

  /**
   * Reads every column as text, as written but trimmed: no numbers are inferred. Only the read
   * options' missing values become missing cells (pass {@code withNaValues(List.of(""))} to keep
   * codes such as {@code NA} as text).
   *
   * @param file a delimited text file, or an {@code .xlsx} workbook (by extension)
   * @param options how to read it; the number marks and true and false values do not apply
   * @return every column of the file as a string column, in file order, in a table named after the file
   * @throws DataException when the file is missing, empty or has no data rows, or a cell cannot be read
   */
  public static Table readText(Path file, ReadOptions options) {
    return frame(file, options, null, ColumnType.TEXT).toTable();
  }

  /**
   * Reads the named columns as their types and every other column as {@code others}
   * ({@code null}: the other columns are not read). {@code columns == null} reads every column as
   * {@code others}. With both, named columns that the file lacks are passed over.
   *
   * @param file a delimited text file, or an {@code .xlsx} or {@code .xls} name, read as a workbook
   * @param options how to read it: delimiter, marks, encoding, missing codes, row filters, sheet
   * @param columns column name to type; {@code null}: every column as {@code others}
   * @param others type of every column not named; {@code null}: only the named columns are read
   * @return the columns read, in file order, with the line of every row
   * @throws DataException when the file is missing, a directory, unreadable, empty or has no data rows,
   *     a column to read is not in it, or a cell cannot be read
   * @throws UncheckedIOException when reading fails for another reason
   */
  public static Frame frame(Path file, ReadOptions options, Map<String, ColumnType> columns, ColumnType others) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    if (Files.isDirectory(file)) {
      throw new DataException(name, 0, null, null, "is a directory, not a data file");
    }
    try {
      if (name.toLowerCase(Locale.ROOT).endsWith(".xlsx") || name.toLowerCase(Locale.ROOT).endsWith(".xls")) {
        byte[] csv = Xlsx.toCsv(file, options.sheet().orElse(null));
        ReadOptions asCsv = options.withDelimiter(',').withDecimal('.').withThousands(ReadOptions.NONE)
            .withEncoding(StandardCharsets.UTF_8);
        return DelimitedParser.parse(DelimitedParser.of(csv), name, asCsv, columns, others);
      }
      return DelimitedParser.parse(DelimitedParser.of(file), name, options, columns, others);
    } catch (NoSuchFileException e) {
      throw new DataException(file.toString(), 0, null, null, "file not found");
    } catch (AccessDeniedException e) {
      throw new DataException(file.toString(), 0, null, null, "cannot be read: permission denied");
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads CSV text with a header row into text columns, as written but trimmed (only empty cells
   * are missing); {@code source} names it in messages.
   *
   * @param in the text, read to its end (not closed); the delimiter is detected from the header
   * @param source the name that error messages give the text, e.g. a file or resource name
   * @param tableName the name of the table returned
   * @return every column as a string column, in the order of the header
   * @throws IOException when {@code in} cannot be read
   * @throws DataException when the text is empty, has only a header, or a header or record is malformed
   */
  public static Table read(Reader in, String source, String tableName) throws IOException {
    StringBuilder all = new StringBuilder();
    char[] buf = new char[1 << 16];
    for (int k; (k = in.read(buf)) != -1; ) {
      all.append(buf, 0, k);
    }
    Table t = DelimitedParser.parse(DelimitedParser.of(all.toString().getBytes(StandardCharsets.UTF_8)), source,
        ReadOptions.withDefaults().withNaValues(List.of("")), null, ColumnType.TEXT).toTable();
    t.setName(tableName);
    return t;
  }

  /**
   * Writes rows as CSV: quoting where needed and neutralising formula-like cells.
   *
   * @param out where the text goes, one record per line ending in {@code \n}; flushed, not closed
   * @param header the column names, written as the first record
   * @param rows the records, each with as many cells as {@code header}; a {@code null} cell is written empty
   * @throws IllegalArgumentException when a row has not as many cells as the header
   */
  public static void write(Writer out, List<String> header, List<List<String>> rows) {
    write(out, header, rows, ',');
  }

  /**
   * Writes rows with a delimiter ({@code ,} or {@code ;}): quoting where needed and neutralising
   * formula-like cells. With {@code ;} (as Dutch Excel writes it) numbers may have a decimal comma.
   *
   * @param out where the text goes, one record per line ending in {@code \n}; flushed, not closed
   * @param header the column names, written as the first record
   * @param rows the records, each with as many cells as {@code header}; a {@code null} cell is written empty
   * @param delimiter {@code ,} or {@code ;}
   * @throws IllegalArgumentException when the delimiter is another character or a row has not as many
   *     cells as the header
   */
  public static void write(Writer out, List<String> header, List<List<String>> rows, char delimiter) {
    if (delimiter != ',' && delimiter != ';') {
      throw new IllegalArgumentException("delimiter must be , or ; but was '" + delimiter + "'");
    }
    try {
      writeRecord(out, header, delimiter);
      for (List<String> row : rows) {
        if (row.size() != header.size()) {
          throw new IllegalArgumentException("CSV row has " + row.size() + " cells but the header has " + header.size());
        }
        writeRecord(out, row, delimiter);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a Tablesaw table as CSV (missing cells empty, formula-safe, numbers unformatted).
   *
   * @param out where the text goes, header first, lines ending in {@code \n}; flushed, not closed
   * @param table the table; its column names become the header
   */
  public static void write(Writer out, Table table) {
    List<String> header = table.columnNames();
    List<List<String>> rows = new ArrayList<>();
    for (int r = 0; r < table.rowCount(); r++) {
      List<String> row = new ArrayList<>(header.size());
      for (String c : header) {
        var col = table.column(c);
        row.add(col.isMissing(r) ? "" : col.getUnformattedString(r));
      }
      rows.add(row);
    }
    write(out, header, rows);
  }

  /**
   * A table as CSV text, as {@link #write(Writer, Table)} writes it.
   *
   * @param table the table; its column names become the header
   * @return the CSV text, header first, each line ending in {@code \n}
   */
  public static String toString(Table table) {
    java.io.StringWriter w = new java.io.StringWriter();
    write(w, table);
    return w.toString();
  }

  private static void writeRecord(Writer out, List<String> cells, char delimiter) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(delimiter);
      }
      out.write(cell(cells.get(i), delimiter));
    }
    out.write('\n');
  }

  /**
   * One CSV cell: empty for null, formula-safe, quoted when needed.
   *
   * @param value the cell text; {@code null} or empty for an empty cell
   * @return the text to write between {@code ,} delimiters
   */
  public static String cell(String value) {
    return cell(value, ',');
  }

  /**
   * One cell of a file with this delimiter: empty for null, formula-safe (a cell that a
   * spreadsheet would take for a formula gets a leading {@code '}, a negative number does not),
   * quoted when needed.
   *
   * @param value the cell text; {@code null} or empty for an empty cell
   * @param delimiter the file's delimiter; with {@code ;} a plain number may have a decimal comma
   * @return the text to write between delimiters, in {@code "} with {@code "} doubled when it holds the
   *     delimiter, a quote or a line break
   */
  public static String cell(String value, char delimiter) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String v = value;
    char first = v.charAt(0);
    if ((first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
        && !isPlainNumber(v, delimiter == ';' ? ',' : '.')) {
      v = "'" + v;
    }
    if (v.indexOf(delimiter) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
      v = '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }

  private static boolean isPlainNumber(String v, char decimal) {
    String d = decimal == ',' ? "," : "\\.";
    return v.matches("[-+]?(\\d+" + d + "?\\d*|" + d + "\\d+)([eE][-+]?\\d+)?");
  }
}
