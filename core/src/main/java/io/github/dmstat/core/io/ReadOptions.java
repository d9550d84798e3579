package io.github.dmstat.core.io;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to read a user's data file: the settings that CBS exports and Dutch Excel make necessary.
 * Immutable; change with the {@code with…} methods. The command line builds the same object from
 * its options ({@code --delimiter}, {@code --decimal}, {@code --thousands}, {@code --encoding},
 * {@code --na-values}, {@code --true-values}, {@code --false-values}, {@code --where},
 * {@code --sheet}).
 *
 * <table>
 * <caption>Settings and defaults</caption>
 * <tr><th>setting</th><th>default</th></tr>
 * <tr><td>delimiter</td><td>detected from the header line among {@code , ; TAB |}</td></tr>
 * <tr><td>decimal mark</td><td>{@code ,} when the delimiter is {@code ;}, else {@code .}</td></tr>
 * <tr><td>thousands mark</td><td>none: a number written with a grouping mark is an error that names it</td></tr>
 * <tr><td>encoding</td><td>UTF-8 (a byte-order mark is honoured; invalid UTF-8 is an error)</td></tr>
 * <tr><td>missing values</td><td>empty, {@code NA}, {@code .} (CBS: "gegevens ontbreken"), in every column</td></tr>
 * <tr><td>true / false values</td><td>{@code 1, true, ja, yes} / {@code 0, false, nee, no}, any case</td></tr>
 * <tr><td>where</td><td>all rows</td></tr>
 * <tr><td>sheet</td><td>the first sheet of an {@code .xlsx} workbook</td></tr>
 * </table>
 *
 * <p>Cells are trimmed (spaces, and tabs unless the tab is the delimiter), so codes padded with
 * spaces as CBS OData writes them ({@code "GM0014    "}) match.
 *
 * <pre>{@code
 * ReadOptions dutch = ReadOptions.withDefaults().withDelimiter(';').withThousands('.')
 *     .withNaValues(List.of("", ".", "x")).where("level", List.of("gemeente"));
 * }</pre>
 */
public final class ReadOptions {
  /** No thousands mark. */
  public static final char NONE = 0;

  private final char delimiter;
  private final char decimal;
  private final char thousands;
  private final Charset encoding;
  private final List<String> naValues;
  private final List<String> trueValues;
  private final List<String> falseValues;
  private final List<Where> where;
  private final String sheet;
  private final int threads;

  /**
   * A row filter: keep rows whose trimmed cell in {@code column} is one of {@code values}.
   *
   * @param column the column name, as in the header
   * @param values the cell values to keep, compared case-sensitively; at least one
   */
  public record Where(String column, List<String> values) {
    /**
     * Copies {@code values} into an unmodifiable list.
     *
     * @param column the column name, as in the header
     * @param values the cell values to keep; at least one
     * @throws NullPointerException when {@code column} or a value is {@code null}
     * @throws IllegalArgumentException when {@code values} is empty
     */
    public Where {
      Objects.requireNonNull(column, "column");
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("where '" + column + "': needs at least one value");
      }
    }

    /**
     * Parses {@code COL=V[,V...]}.
     *
     * @param text the filter as written on the command line; the name and each value are trimmed
     * @return the filter
     * @throws IllegalArgumentException when there is no {@code =} or it comes first
     */
    public static Where parse(String text) {
      int eq = text.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--where '" + DataException.show(text) + "' must be COL=VALUE[,VALUE...]");
      }
      List<String> vs = new ArrayList<>();
      for (String v : text.substring(eq + 1).split(",", -1)) {
        vs.add(v.strip());
      }
      return new Where(text.substring(0, eq).strip(), vs);
    }

    @Override
    public String toString() {
      return column + "=" + String.join(",", values);
    }
  }

  private ReadOptions(char delimiter, char decimal, char thousands, Charset encoding, List<String> naValues,
      List<String> trueValues, List<String> falseValues, List<Where> where, String sheet, int threads) {
    this.delimiter = delimiter;
    this.decimal = decimal;
    this.thousands = thousands;
    this.encoding = Objects.requireNonNull(encoding, "encoding");
    this.naValues = List.copyOf(naValues);
    this.trueValues = List.copyOf(trueValues);
    this.falseValues = List.copyOf(falseValues);
    this.where = List.copyOf(where);
    this.sheet = sheet;
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1 but was " + threads);
    }
    this.threads = threads;
    if (decimal != 0 && decimal == thousands) {
      throw new IllegalArgumentException("the decimal mark and the thousands mark are both '" + decimal + "'");
    }
    Set<String> t = lower(trueValues);
    for (String f : lower(falseValues)) {
      if (t.contains(f)) {
        throw new IllegalArgumentException("'" + f + "' is both a true and a false value");
      }
    }
  }

  /**
   * Detected delimiter, UTF-8, the default missing, true and false values, all rows.
   *
   * @return the defaults of the table above, with one parsing thread per available processor
   */
  public static ReadOptions withDefaults() {
    return new ReadOptions((char) 0, (char) 0, NONE, StandardCharsets.UTF_8, List.of("", "NA", "."),
        List.of("1", "true", "ja", "yes"), List.of("0", "false", "nee", "no"), List.of(), null,
        Runtime.getRuntime().availableProcessors());
  }

  /**
   * A delimiter as written by a user: {@code , ; | TAB} ({@code tab}, a tab, {@code \t}).
   *
   * @param s the text of {@code --delimiter}; {@code tab} in any case
   * @return the delimiter character
   * @throws IllegalArgumentException when {@code s} is none of these
   */
  public static char parseDelimiter(String s) {
    switch (s.toLowerCase(Locale.ROOT)) {
      case ",": return ',';
      case ";": return ';';
      case "|": return '|';
      case "tab": case "\t": case "\\t": return '\t';
      default:
        throw new IllegalArgumentException("must be one of , ; TAB | but was '" + DataException.show(s) + "'");
    }
  }

  /**
   * A thousands mark as written by a user: {@code none . , space} ({@link #NONE} for none).
   *
   * @param s the text of {@code --thousands}: {@code none} or empty, {@code .}, {@code ,}, {@code space}
   *     or a space; words in any case
   * @return the mark, {@code ' '} for a space, {@link #NONE} for none
   * @throws IllegalArgumentException when {@code s} is none of these
   */
  public static char parseThousands(String s) {
    switch (s.toLowerCase(Locale.ROOT)) {
      case "none": case "": return NONE;
      case ".": return '.';
      case ",": return ',';
      case "space": case " ": return ' ';
      default:
        throw new IllegalArgumentException("must be one of none . , space but was '" + DataException.show(s) + "'");
    }
  }

  /**
   * Field separator: {@code , ; \t |}.
   *
   * @param d the delimiter
   * @return a copy with this delimiter instead of detection
   * @throws IllegalArgumentException when {@code d} is not one of these
   */
  public ReadOptions withDelimiter(char d) {
    if (d != ',' && d != ';' && d != '\t' && d != '|') {
      throw new IllegalArgumentException("delimiter must be one of , ; TAB | but was '" + DataException.show(String.valueOf(d)) + "'");
    }
    return new ReadOptions(d, decimal, thousands, encoding, naValues, trueValues, falseValues, where, sheet, threads);
  }

  /**
   * Decimal mark: {@code .} or {@code ,}.
   *
   * @param d the decimal mark
   * @return a copy with this decimal mark, whatever the delimiter
   * @throws IllegalArgumentException when {@code d} is not one of these, or is the thousands mark
   */
  public ReadOptions withDecimal(char d) {
    if (d != '.' && d != ',') {
      throw new IllegalArgumentException("decimal mark must be . or , but was '" + DataException.show(String.valueOf(d)) + "'");
    }
    return new ReadOptions(delimiter, d, thousands, encoding, naValues, trueValues, falseValues, where, sheet, threads);
  }

  /**
   * Thousands (grouping) mark inside numbers: {@link #NONE}, {@code .}, {@code ,} or a space.
   *
   * @param t the thousands mark; a space also accepts the no-break spaces U+00A0 and U+202F
   * @return a copy with this thousands mark
   * @throws IllegalArgumentException when {@code t} is not one of these, or is the decimal mark given
   */
  public ReadOptions withThousands(char t) {
    if (t != NONE && t != '.' && t != ',' && t != ' ') {
      throw new IllegalArgumentException("thousands mark must be none, '.', ',' or space but was '"
          + DataException.show(String.valueOf(t)) + "'");
    }
    return new ReadOptions(delimiter, decimal, t, encoding, naValues, trueValues, falseValues, where, sheet, threads);
  }

  /**
   * File encoding (default UTF-8; Excel on Windows writes {@code windows-1252}).
   *
   * @param cs the encoding; a byte-order mark in the file overrides it
   * @return a copy with this encoding
   * @throws NullPointerException when {@code cs} is {@code null}
   */
  public ReadOptions withEncoding(Charset cs) {
    return new ReadOptions(delimiter, decimal, thousands, cs, naValues, trueValues, falseValues, where, sheet, threads);
  }

  /**
   * File encoding by name, e.g. {@code windows-1252}; an unknown name is an error.
   *
   * @param name a charset name or alias, as {@link Charset#forName(String)} takes it (trimmed)
   * @return a copy with this encoding
   * @throws IllegalArgumentException when no such encoding is known
   */
  public ReadOptions withEncoding(String name) {
    try {
      return withEncoding(Charset.forName(name.strip()));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new IllegalArgumentException("encoding '" + DataException.show(name) + "' is not known; e.g. UTF-8, windows-1252, ISO-8859-1");
    }
  }

  /**
   * Cells that mean missing, in every column (compared after trimming, case-sensitive).
   *
   * @param values the missing-value codes, trimmed; they replace the defaults, which include the empty
   *     cell {@code ""}
   * @return a copy with these missing values
   * @throws NullPointerException when a value is {@code null}
   */
  public ReadOptions withNaValues(Collection<String> values) {
    return new ReadOptions(delimiter, decimal, thousands, encoding, stripped(values), trueValues, falseValues, where, sheet, threads);
  }

  /**
   * Outcome codes read as 1 (case-insensitive).
   *
   * @param values the true values, trimmed; they replace the defaults
   * @return a copy with these true values
   * @throws IllegalArgumentException when a value is also a false value (ignoring case)
   */
  public ReadOptions withTrueValues(Collection<String> values) {
    return new ReadOptions(delimiter, decimal, thousands, encoding, naValues, stripped(values), falseValues, where, sheet, threads);
  }

  /**
   * Outcome codes read as 0 (case-insensitive).
   *
   * @param values the false values, trimmed; they replace the defaults
   * @return a copy with these false values
   * @throws IllegalArgumentException when a value is also a true value (ignoring case)
   */
  public ReadOptions withFalseValues(Collection<String> values) {
    return new ReadOptions(delimiter, decimal, thousands, encoding, naValues, trueValues, stripped(values), where, sheet, threads);
  }

  /**
   * Also keep only rows whose trimmed cell in {@code column} is one of {@code values} (all filters must
   * hold).
   *
   * @param column the column name, as in the header
   * @param values the cell values to keep, trimmed and compared case-sensitively; at least one
   * @return a copy with this filter added
   * @throws IllegalArgumentException when {@code values} is empty
   */
  public ReadOptions where(String column, Collection<String> values) {
    List<Where> w = new ArrayList<>(where);
    w.add(new Where(column, stripped(values)));
    return new ReadOptions(delimiter, decimal, thousands, encoding, naValues, trueValues, falseValues, w, sheet, threads);
  }

  /**
   * Replaces the row filters.
   *
   * @param filters the filters, all of which a row must pass; empty for all rows
   * @return a copy with these filters
   */
  public ReadOptions withWhere(List<Where> filters) {
    return new ReadOptions(delimiter, decimal, thousands, encoding, naValues, trueValues, falseValues, filters, sheet, threads);
  }

  /**
   * Sheet of an {@code .xlsx} workbook: its name, or its number from 1.
   *
   * @param nameOrNumber the sheet name (case-sensitive), or, when no sheet has that name, its position
   *     in the workbook counted from 1 (hidden sheets included)
   * @return a copy that reads this sheet
   * @throws NullPointerException when {@code nameOrNumber} is {@code null}
   */
  public ReadOptions withSheet(String nameOrNumber) {
    return new ReadOptions(delimiter, decimal, thousands, encoding, naValues, trueValues, falseValues, where,
        Objects.requireNonNull(nameOrNumber, "sheet"), threads);
  }

  /**
   * Threads that parse parts of a large file at once (default: the available processors).
   *
   * @param n the number of threads, {@code >= 1}
   * @return a copy with this number of threads
   * @throws IllegalArgumentException when {@code n < 1}
   */
  public ReadOptions withThreads(int n) {
    return new ReadOptions(delimiter, decimal, thousands, encoding, naValues, trueValues, falseValues, where, sheet, n);
  }

  /**
   * The delimiter, or empty when it is detected from the header line.
   *
   * @return the delimiter given, or empty
   */
  public Optional<Character> delimiter() {
    return delimiter == 0 ? Optional.empty() : Optional.of(delimiter);
  }

  /**
   * The decimal mark given, or empty for the default that follows the delimiter.
   *
   * @return the decimal mark given, or empty (see {@link #decimalFor(char)})
   */
  public Optional<Character> decimal() {
    return decimal == 0 ? Optional.empty() : Optional.of(decimal);
  }

  /**
   * The decimal mark used with {@code delimiter}: the one given, else {@code ,} after {@code ;} and
   * {@code .} otherwise, but never the thousands mark ({@code --thousands .} alone makes it {@code ,}).
   *
   * @param usedDelimiter the delimiter given or detected
   * @return the decimal mark, {@code .} or {@code ,}
   */
  public char decimalFor(char usedDelimiter) {
    if (decimal != 0) {
      return decimal;
    }
    char d = usedDelimiter == ';' ? ',' : '.';
    return d == thousands ? (d == '.' ? ',' : '.') : d;
  }

  /**
   * The thousands mark, {@link #NONE} for none.
   *
   * @return the thousands mark, {@code ' '} for a space
   */
  public char thousands() {
    return thousands;
  }

  /**
   * The file encoding, used unless the file starts with a byte-order mark.
   *
   * @return the encoding, UTF-8 by default
   */
  public Charset encoding() {
    return encoding;
  }

  /**
   * The cells that mean missing, in every column (compared after trimming, case-sensitive).
   *
   * @return the missing-value codes, trimmed; unmodifiable
   */
  public List<String> naValues() {
    return naValues;
  }

  /**
   * The outcome codes read as 1 (case-insensitive).
   *
   * @return the true values, trimmed; unmodifiable
   */
  public List<String> trueValues() {
    return trueValues;
  }

  /**
   * The outcome codes read as 0 (case-insensitive).
   *
   * @return the false values, trimmed; unmodifiable
   */
  public List<String> falseValues() {
    return falseValues;
  }

  /**
   * The row filters, all of which a row must pass.
   *
   * @return the filters in the order added, empty for all rows; unmodifiable
   */
  public List<Where> where() {
    return where;
  }

  /**
   * The sheet of an {@code .xlsx} workbook to read.
   *
   * @return the sheet name or number as given, or empty for the first sheet that is not hidden
   */
  public Optional<String> sheet() {
    return Optional.ofNullable(sheet);
  }

  /**
   * The threads that parse parts of a large file at once.
   *
   * @return the number of threads, {@code >= 1}
   */
  public int threads() {
    return threads;
  }

  private static List<String> stripped(Collection<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      out.add(Objects.requireNonNull(v, "value").strip());
    }
    return out;
  }

  private static Set<String> lower(List<String> values) {
    Set<String> s = new LinkedHashSet<>();
    for (String v : values) {
      s.add(v.toLowerCase(Locale.ROOT));
    }
    return s;
  }

  @Override
  public String toString() {
    return "ReadOptions[delimiter=" + (delimiter == 0 ? "detect" : DataException.show(String.valueOf(delimiter)))
        + ", decimal=" + (decimal == 0 ? "default" : String.valueOf(decimal))
        + ", thousands=" + (thousands == NONE ? "none" : "'" + thousands + "'") + ", encoding=" + encoding.name()
        + ", na=" + naValues + ", true=" + trueValues + ", false=" + falseValues
        + (where.isEmpty() ? "" : ", where=" + where) + (sheet == null ? "" : ", sheet=" + sheet) + "]";
  }
}
