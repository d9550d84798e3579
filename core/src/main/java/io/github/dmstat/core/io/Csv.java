package io.github.dmstat.core.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Strict CSV (RFC 4180) in and out.
 *
 * <p>Reading gives a Tablesaw {@link Table} whose columns are all text, so that binding a column
 * to a role (weight, outcome, ...) validates each cell once and can name its row and value. Empty
 * cells stay empty strings (missing). A ragged row, an empty file, a header without rows,
 * duplicate or empty header names and unterminated quotes are errors naming the file and line.
 *
 * <p>Writing quotes cells that need it and neutralises cells that a spreadsheet would read as a
 * formula (leading {@code = + - @}, tab or carriage return) by prefixing a single quote, unless
 * the cell is a plain number.
 */
public final class Csv {
  private Csv() {}

  /** Reads a CSV file with a header row. */
  public static Table read(Path file) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(r, file.toString(), name);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": file not found");
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /** Reads CSV text with a header row; {@code source} names it in messages. */
  public static Table read(Reader in, String source, String tableName) throws IOException {
    List<List<String>> records = parse(in, source);
    if (records.isEmpty() || (records.size() == 1 && records.get(0).size() == 1 && records.get(0).get(0).isEmpty())) {
      throw new IllegalArgumentException(source + ": empty file (expected a header row and data rows)");
    }
    List<String> header = records.get(0);
    Set<String> seen = new HashSet<>();
    for (int c = 0; c < header.size(); c++) {
      String h = header.get(c).strip();
      if (c == 0 && h.startsWith("\uFEFF")) {
        h = h.substring(1);
      }
      header.set(c, h);
      if (h.isEmpty()) {
        throw new IllegalArgumentException(source + ": line 1: header column " + (c + 1) + " has no name");
      }
      if (!seen.add(h)) {
        throw new IllegalArgumentException(source + ": line 1: duplicate column name '" + h + "'");
      }
    }
    if (records.size() == 1) {
      throw new IllegalArgumentException(source + ": header only, no data rows");
    }
    int cols = header.size();
    int rows = records.size() - 1;
    String[][] data = new String[cols][rows];
    for (int r = 0; r < rows; r++) {
      List<String> rec = records.get(r + 1);
      if (rec.size() != cols) {
        throw new IllegalArgumentException(source + ": line " + lineOf(rec) + " (row " + (r + 1) + "): has "
            + rec.size() + " fields but the header has " + cols);
      }
      for (int c = 0; c < cols; c++) {
        data[c][r] = rec.get(c);
      }
    }
    Table t = Table.create(tableName);
    for (int c = 0; c < cols; c++) {
      t.addColumns(StringColumn.create(header.get(c), data[c]));
    }
    return t;
  }

  private static int lineOf(List<String> rec) {
    return ((Record) rec).line;
  }

  /** A parsed record and the line it starts on. */
  private static final class Record extends ArrayList<String> {
    private static final long serialVersionUID = 1L;
    final int line;

    Record(int line) {
      this.line = line;
    }
  }

  private static List<List<String>> parse(Reader in, String source) throws IOException {
    StringBuilder all = new StringBuilder();
    char[] buf = new char[1 << 16];
    for (int k; (k = in.read(buf)) != -1; ) {
      all.append(buf, 0, k);
    }
    List<List<String>> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int len = all.length();
    int line = 1;
    int i = 0;
    while (i < len) {
      Record rec = new Record(line);
      boolean endOfRecord = false;
      while (!endOfRecord) {
        cell.setLength(0);
        if (i < len && all.charAt(i) == '"') {
          int startLine = line;
          i++;
          while (true) {
            if (i >= len) {
              throw new IllegalArgumentException(source + ": line " + startLine + ": unterminated quoted field");
            }
            char c = all.charAt(i++);
            if (c == '"') {
              if (i < len && all.charAt(i) == '"') {
                cell.append('"');
                i++;
              } else {
                break;
              }
            } else {
              if (c == '\n') {
                line++;
              }
              cell.append(c);
            }
          }
          if (i < len && all.charAt(i) != ',' && all.charAt(i) != '\n' && all.charAt(i) != '\r') {
            throw new IllegalArgumentException(source + ": line " + line + ": text after a closing quote");
          }
        } else {
          while (i < len) {
            char c = all.charAt(i);
            if (c == ',' || c == '\n' || c == '\r') {
              break;
            }
            cell.append(c);
            i++;
          }
        }
        rec.add(cell.toString());
        if (i < len && all.charAt(i) == ',') {
          i++;
        } else {
          if (i < len && all.charAt(i) == '\r') {
            i++;
          }
          if (i < len && all.charAt(i) == '\n') {
            i++;
          }
          line++;
          endOfRecord = true;
        }
      }
      if (!(rec.size() == 1 && rec.get(0).isEmpty())) {
        out.add(rec);
      }
    }
    return out;
  }

  /** Writes rows as CSV: quoting where needed and neutralising formula-like cells. */
  public static void write(Writer out, List<String> header, List<List<String>> rows) {
    try {
      writeRecord(out, header);
      for (List<String> row : rows) {
        if (row.size() != header.size()) {
          throw new IllegalArgumentException("CSV row has " + row.size() + " cells but the header has " + header.size());
        }
        writeRecord(out, row);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a Tablesaw table as CSV (missing cells empty, formula-safe, numbers unformatted). */
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

  /** A table as CSV text. */
  public static String toString(Table table) {
    java.io.StringWriter w = new java.io.StringWriter();
    write(w, table);
    return w.toString();
  }

  private static void writeRecord(Writer out, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(cells.get(i)));
    }
    out.write('\n');
  }

  /** One CSV cell: empty for null, formula-safe, quoted when needed. */
  public static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String v = value;
    char first = v.charAt(0);
    if ((first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
        && !isPlainNumber(v)) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
      v = '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }

  private static boolean isPlainNumber(String v) {
    return v.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
  }
}
