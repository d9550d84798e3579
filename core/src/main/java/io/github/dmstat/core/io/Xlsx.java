package io.github.dmstat.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;

/**
 * One sheet of an Excel {@code .xlsx} workbook as CSV bytes, so that a workbook goes through the
 * same strict parsing, binding and messages as a {@link Csv} file.
 *
 * <p>Line {@code N} of the CSV is row {@code N} of the sheet: empty and absent rows become empty
 * lines (which the CSV parser skips but counts), trailing empty rows are dropped. Every non-empty
 * line has the same number of fields: the rightmost non-empty cell of any row sets the width,
 * shorter rows are padded with empty cells (styled but empty cells do not count). Cells are
 * written without formatting:
 * <ul>
 *   <li>numbers as plain decimals ({@code 243768}, {@code 0.1}, {@code 0.0000001}): the shortest
 *       text that reads back as the same {@code double}; magnitudes below 1e-20 or from 1e21 on
 *       in scientific notation ({@code 1.5E-25}), which {@link Double#parseDouble} reads;
 *   <li>dates and times as their serial number (days since 1900, or 1904), not formatted;
 *   <li>booleans as {@code true} / {@code false}; text as it is (not trimmed), with the
 *       {@code _xHHHH_} escapes of the file format decoded;
 *   <li>formulas as the value Excel saved with them; a formula without a saved value (a file
 *       written by a program that does not calculate) is an error, since an empty cell would
 *       silently count as missing;
 *   <li>error values ({@code #N/A}, {@code #DIV/0!}) as their text.
 * </ul>
 *
 * <p>Why <a href="https://github.com/dhatim/fastexcel">fastexcel-reader</a> (Apache-2.0,
 * maintained): the reader itself is about 40 KB and streams rows through the aalto-xml StAX
 * parser, reading the zip with commons-compress (about 3 MB with all their dependencies). Apache
 * POI, the usual choice, is about 20 MB with many dependencies and by default builds the whole
 * workbook in memory. The old binary {@code .xls} format is not supported.
 */
final class Xlsx {
  private Xlsx() {}

  /** Largest sheet row number (Excel specifications and limits). */
  static final int MAX_ROWS = 1_048_576;
  /** Largest number of sheet columns (XFD). */
  static final int MAX_COLUMNS = 16_384;
  /** Plain decimals for magnitudes in [1e-20, 1e21); scientific notation outside. */
  private static final int MAX_PLAIN_EXPONENT = 20;
  /** Largest byte array the JVM reliably allocates. */
  private static final int MAX_BYTES = Integer.MAX_VALUE - 16;

  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

  /**
   * Reads one sheet as UTF-8 CSV (RFC 4180: {@code ,} between fields, {@code \n} after each line,
   * fields with {@code , " \r \n} quoted with {@code ""} doubled).
   *
   * @param file the workbook
   * @param sheet {@code null}: the first sheet that is not hidden; a sheet name (case-sensitive);
   *     or, when no sheet has that name, a number: the sheet at that position in the workbook
   *     (hidden sheets included, as error messages list them), counted from 1
   * @throws DataException naming the file when it is missing, not an {@code .xlsx} workbook, or
   *     has no such sheet, or the sheet is empty or has a formula without a saved value
   */
  static byte[] toCsv(Path file, String sheet) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    checkSignature(file, name);
    ReadableWorkbook workbook;
    try {
      workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(false, true));
    } catch (IOException | RuntimeException e) {
      throw withCause(new DataException(name, 0, null, null, "not an .xlsx workbook (" + reason(e) + ")"), e);
    }
    try (workbook) {
      Sheet s = select(workbook, sheet, name);
      byte[] csv = new Converter(name, s.getName()).convert(s);
      if (csv.length == 0) {
        throw new DataException(name, 0, null, null, "sheet '" + s.getName() + "' is empty; sheets: " + names(workbook));
      }
      return csv;
    } catch (IOException e) {
      throw withCause(new DataException(name, 0, null, null, "cannot be read (" + reason(e) + ")"), e);
    }
  }

  /** Rejects a missing file, an old {@code .xls} and anything that is not a zip before opening. */
  private static void checkSignature(Path file, String name) {
    byte[] head = new byte[8];
    int n = 0;
    try (InputStream in = Files.newInputStream(file)) {
      for (int k; n < head.length && (k = in.read(head, n, head.length - n)) > 0; ) {
        n += k;
      }
    } catch (NoSuchFileException e) {
      throw new DataException(name, 0, null, null, "file not found");
    } catch (AccessDeniedException e) {
      throw new DataException(name, 0, null, null, "cannot be read (permission denied)");
    } catch (IOException e) {
      throw withCause(new DataException(name, 0, null, null,
          Files.isDirectory(file) ? "is a folder, not a file" : "cannot be read (" + reason(e) + ")"), e);
    }
    if (startsWith(head, n, OLE2)) {
      throw new DataException(name, 0, null, null, "is an old binary Excel (.xls) file or an encrypted "
          + "workbook, which cannot be read; save it as .xlsx (without a password) or as CSV (UTF-8)");
    }
    if (!startsWith(head, n, ZIP)) {
      throw new DataException(name, 0, null, null, "not an .xlsx workbook (an .xlsx file is a zip archive; "
          + (n == 0 ? "this file is empty)" : "this one is not)"));
    }
  }

  private static boolean startsWith(byte[] head, int n, byte[] signature) {
    return n >= signature.length && Arrays.equals(head, 0, signature.length, signature, 0, signature.length);
  }

  private static Sheet select(ReadableWorkbook workbook, String wanted, String file) {
    List<Sheet> sheets = workbook.getSheets().collect(Collectors.toList());
    if (sheets.isEmpty()) {
      throw new DataException(file, 0, null, null, "the workbook has no sheets");
    }
    if (wanted == null) {
      return sheets.stream().filter(s -> s.getVisibility() == SheetVisibility.VISIBLE).findFirst()
          .orElse(sheets.get(0));
    }
    for (Sheet s : sheets) {
      if (wanted.equals(s.getName())) {
        return s;
      }
    }
    List<String> names = names(workbook);
    if (!wanted.isEmpty() && wanted.chars().allMatch(c -> c >= '0' && c <= '9')) {
      int number = wanted.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(wanted);
      if (number >= 1 && number <= sheets.size()) {
        return sheets.get(number - 1);
      }
      throw new DataException(file, 0, null, null, "sheet " + wanted + " not found (sheets are counted from 1); "
          + sheets.size() + (sheets.size() == 1 ? " sheet: " : " sheets: ") + names);
    }
    throw new DataException(file, 0, null, null, "sheet '" + wanted + "' not found; sheets: " + names);
  }

  private static List<String> names(ReadableWorkbook workbook) {
    return workbook.getSheets().map(Sheet::getName).collect(Collectors.toList());
  }

  /** Streams the rows of one sheet into CSV bytes. */
  private static final class Converter {
    private final String file;
    private final String sheet;
    private byte[] buf = new byte[1 << 16];
    private int size;
    /** Per written (non-empty) line: where its {@code \n} is and how many fields it has. */
    private int[] lineEnd = new int[1024];
    private int[] fields = new int[1024];
    private int lines;
    private int width;
    /** Last sheet row seen, and last one written as a line. */
    private int lastRow;
    private int writtenRow;
    private String[] cells = new String[16];

    Converter(String file, String sheet) {
      this.file = file;
      this.sheet = sheet;
    }

    /** The CSV bytes; none for a sheet without a non-empty cell. */
    byte[] convert(Sheet s) throws IOException {
      try (Stream<Row> rows = s.openStream()) {
        Iterator<Row> it = rows.iterator();
        while (it.hasNext()) {
          row(it.next());
        }
      } catch (ExcelReaderException | IllegalStateException | NumberFormatException | IndexOutOfBoundsException
          | UncheckedIOException e) {
        throw withCause(new DataException(file, 0, null, null, "sheet '" + sheet + "' cannot be read"
            + (lastRow > 0 ? " after row " + lastRow : "") + " (" + reason(e) + ")"), e);
      }
      pad();
      return Arrays.copyOf(buf, size);
    }

    private void row(Row row) {
      // Row numbers ascend; a row without its number (r attribute) follows the previous one.
      int number = Math.max(row.getRowNum(), lastRow + 1);
      if (number > MAX_ROWS) {
        throw new DataException(file, 0, null, null, "sheet '" + sheet + "' has a row " + number
            + ", beyond Excel's last row " + MAX_ROWS);
      }
      lastRow = number;
      int n = row.getCellCount();
      if (n > MAX_COLUMNS) {
        throw new DataException(file, number, null, null, "sheet '" + sheet + "' has a cell in column " + n
            + ", beyond Excel's last column " + MAX_COLUMNS);
      }
      if (n > cells.length) {
        cells = new String[Math.max(n, 2 * cells.length)];
      }
      int used = 0;
      for (int c = 0; c < n; c++) {
        String t = text(row.getCell(c), number);
        cells[c] = t;
        if (!t.isEmpty()) {
          used = c + 1;
        }
      }
      if (used == 0) {
        return;
      }
      for (int r = writtenRow + 1; r < number; r++) {
        put((byte) '\n');
      }
      for (int c = 0; c < used; c++) {
        if (c > 0) {
          put((byte) ',');
        }
        field(cells[c]);
      }
      if (lines == lineEnd.length) {
        lineEnd = Arrays.copyOf(lineEnd, 2 * lines);
        fields = Arrays.copyOf(fields, 2 * lines);
      }
      lineEnd[lines] = size;
      fields[lines++] = used;
      width = Math.max(width, used);
      put((byte) '\n');
      writtenRow = number;
    }

    private String text(Cell cell, int row) {
      if (cell == null) {
        return "";
      }
      Object v = cell.getValue();
      switch (cell.getType()) {
        case EMPTY:
          return "";
        case NUMBER:
          return v instanceof BigDecimal ? number((BigDecimal) v) : raw(cell);
        case BOOLEAN:
          return v instanceof Boolean ? v.toString() : raw(cell);
        case STRING:
          return v == null ? "" : unescape(v.toString());
        case ERROR:
          return raw(cell);
        case FORMULA:
          if (cell.getFormula() != null && cell.getRawValue() == null) {
            throw new DataException(file, row, null, null, "cell " + cell.getAddress() + " has a formula (="
                + DataException.show(cell.getFormula()) + ") without a saved value; open the file in Excel or "
                + "LibreOffice and save it");
          }
          if (v instanceof BigDecimal) {
            return number((BigDecimal) v);
          }
          if (v instanceof Boolean) {
            return v.toString();
          }
          return v == null ? raw(cell) : unescape(v.toString());
        default:
          return raw(cell);
      }
    }

    private static String raw(Cell cell) {
      String r = cell.getRawValue();
      return r == null ? "" : r;
    }

    private void field(String s) {
      boolean quote = false;
      for (int i = 0; i < s.length() && !quote; i++) {
        char c = s.charAt(i);
        quote = c == ',' || c == '"' || c == '\n' || c == '\r';
      }
      if (!quote) {
        put(s);
        return;
      }
      put((byte) '"');
      put(s.replace("\"", "\"\""));
      put((byte) '"');
    }

    private void put(String s) {
      boolean ascii = true;
      for (int i = 0; i < s.length() && ascii; i++) {
        ascii = s.charAt(i) < 0x80;
      }
      if (ascii) {
        room(s.length());
        for (int i = 0; i < s.length(); i++) {
          buf[size++] = (byte) s.charAt(i);
        }
      } else {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        room(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
      }
    }

    private void put(byte b) {
      room(1);
      buf[size++] = b;
    }

    private void room(long more) {
      long need = size + more;
      if (need > buf.length) {
        if (need > MAX_BYTES) {
          throw tooLarge();
        }
        buf = Arrays.copyOf(buf, (int) Math.min(MAX_BYTES, Math.max(need, 2L * buf.length)));
      }
    }

    private DataException tooLarge() {
      return new DataException(file, 0, null, null, "sheet '" + sheet + "' is too large to read (over 2 GB as CSV)");
    }

    /** Appends empty fields to short lines, in place, moving the text from the end backwards. */
    private void pad() {
      long extra = 0;
      for (int i = 0; i < lines; i++) {
        extra += width - fields[i];
      }
      if (extra == 0) {
        return;
      }
      room(extra);
      int shift = (int) extra;
      int end = size;
      for (int i = lines - 1; i >= 0 && shift > 0; i--) {
        int at = lineEnd[i];
        System.arraycopy(buf, at, buf, at + shift, end - at);
        int missing = width - fields[i];
        shift -= missing;
        Arrays.fill(buf, at + shift, at + shift + missing, (byte) ',');
        end = at;
      }
      size += (int) extra;
    }
  }

  /**
   * A number as the shortest plain decimal that reads back as the same {@code double}; integers
   * without {@code .0}. Magnitudes below 1e-20 or from 1e21 on in scientific notation
   * ({@code 1.5E-25}, {@code 2E+21}), so that no cell grows to hundreds of digits.
   */
  static String number(BigDecimal exact) {
    double d = exact.doubleValue();
    if (d == 0) {
      return "0";
    }
    if (!Double.isFinite(d)) {
      return exact.toString();
    }
    BigDecimal b = BigDecimal.valueOf(d).stripTrailingZeros();
    int exponent = b.precision() - b.scale() - 1;
    return Math.abs(exponent) <= MAX_PLAIN_EXPONENT ? b.toPlainString() : b.toString();
  }

  /**
   * Decodes the {@code _xHHHH_} escapes with which the file format stores characters that XML
   * cannot hold (ECMA-376 Part 1, 22.9.2.19 ST_Xstring), e.g. {@code _x000D_} for a carriage return;
   * a literal {@code _x} before four hex digits and {@code _} is stored as {@code _x005F_x}.
   */
  static String unescape(String s) {
    int i = s.indexOf("_x");
    if (i < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    int from = 0;
    for (; i >= 0; i = s.indexOf("_x", i)) {
      if (i + 7 <= s.length() && s.charAt(i + 6) == '_' && isHex(s, i + 2, i + 6)) {
        b.append(s, from, i).append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
        i += 7;
        from = i;
      } else {
        i += 2;
      }
    }
    return b.append(s, from, s.length()).toString();
  }

  private static boolean isHex(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'F' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  private static String reason(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t instanceof ExcelReaderException
        || t instanceof UncheckedIOException)) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.strip();
  }

  private static DataException withCause(DataException d, Throwable cause) {
    d.initCause(cause);
    return d;
  }
}
