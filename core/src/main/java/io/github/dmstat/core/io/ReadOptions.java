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

  /** A row filter: keep rows whose trimmed cell in {@code column} is one of {@code values}. */
  public record Where(String column, List<String> values) {
    public Where {
      Objects.requireNonNull(column, "column");
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("where '" + column + "': needs at least one value");
      }
    }

    /** Parses {@code COL=V[,V...]}. */
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

  /** Detected delimiter, UTF-8, the default missing, true and false values, all rows. */
  public static ReadOptions withDefaults() {
    return new ReadOptions((char) 0, (char) 0, NONE, StandardCharsets.UTF_8, List.of("", "NA", "."),
        List.of("1", "true", "ja", "yes"), List.of("0", "false", "nee", "no"), List.of(), null,
        Runtime.getRuntime().availableProcessors());
  }

  /** A delimiter as written by a user: {@code , ; | TAB} ({@code tab}, a tab, {@code \t}). */
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

  /** A thousands mark as written by a user: {@code none . , space} ({@link #NONE} for none). */
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

  /** Field separator: {@code , ; \t |}. */
  public ReadOptions withDelimiter(char d) {
    if (d != ',' && d != ';' && d != '\t' && d != '|') {
      throw new IllegalArgumentException("delimiter must be one of , ; TAB | but was '" + DataException.show(String.valueOf(d)) + "'");
    }
    return new ReadOptions(d, decimal, thousands, encoding, naValues, trueValues, falseValues, where, sheet, threads);
  }

  /** Decimal mark: {@code .} or {@code ,}. */
  public ReadOptions withDecimal(char d) {
    if (d != '.' && d != ',') {
      throw new IllegalArgumentException("decimal mark must be . or , but was '" + DataException.show(String.valueOf(d)) + "'");
    }
    return new ReadOptions(delimiter, d, thousands, encoding, naValues, trueValues, falseValues, where, sheet, threads);
  }

  /** Thousands (grouping) mark inside numbers: {@link #NONE}, {@code .}, {@code ,} or a space. */
  public ReadOptions withThousands(char t) {
    if (t != NONE && t != '.' && t != ',' && t != ' ') {
      throw new IllegalArgumentException("thousands mark must be none, '.', ',' or space but was '"
          + DataException.show(String.valueOf(t)) + "'");
    }
    return new ReadOptions(delimiter, decimal, t, encoding, naValues, trueValues, falseValues, where, sheet, threads);
  }

  /** File encoding (default UTF-8; Excel on Windows writes {@code windows-1252}). */
  public ReadOptions withEncoding(Charset cs) {
    return new ReadOptions(delimiter, decimal, thousands, cs, naValues, trueValues, falseValues, where, sheet, threads);
  }

  /** File encoding by name, e.g. {@code windows-1252}; an unknown name is an error. */
  public ReadOptions withEncoding(String name) {
    try {
      return withEncoding(Charset.forName(name.strip()));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new IllegalArgumentException("encoding '" + DataException.show(name) + "' is not known; e.g. UTF-8, windows-1252, ISO-8859-1");
    }
  }

  /** Cells that mean missing, in every column (compared after trimming, case-sensitive). */
  public ReadOptions withNaValues(Collection<String> values) {
    return new ReadOptions(delimiter, decimal, thousands, encoding, stripped(values), trueValues, falseValues, where, sheet, threads);
  }

  /** Outcome codes read as 1 (case-insensitive). */
  public ReadOptions withTrueValues(Collection<String> values) {
    return new ReadOptions(delimiter, decimal, thousands, encoding, naValues, stripped(values), falseValues, where, sheet, threads);
  }

  /** Outcome codes read as 0 (case-insensitive). */
  public ReadOptions withFalseValues(Collection<String> values) {
    return new ReadOptions(delimiter, decimal, thousands, encoding, naValues, trueValues, stripped(values), where, sheet, threads);
  }

  /** Also keep only rows whose trimmed cell in {@code column} is one of {@code values} (all filters must hold). */
  public ReadOptions where(String column, Collection<String> values) {
    List<Where> w = new ArrayList<>(where);
    w.add(new Where(column, stripped(values)));
    return new ReadOptions(delimiter, decimal, thousands, encoding, naValues, trueValues, falseValues, w, sheet, threads);
  }

  /** Replaces the row filters. */
  public ReadOptions withWhere(List<Where> filters) {
    return new ReadOptions(delimiter, decimal, thousands, encoding, naValues, trueValues, falseValues, filters, sheet, threads);
  }

  /** Sheet of an {@code .xlsx} workbook: its name, or its number from 1. */
  public ReadOptions withSheet(String nameOrNumber) {
    return new ReadOptions(delimiter, decimal, thousands, encoding, naValues, trueValues, falseValues, where,
        Objects.requireNonNull(nameOrNumber, "sheet"), threads);
  }

  /** Threads that parse parts of a large file at once (default: the available processors). */
  public ReadOptions withThreads(int n) {
    return new ReadOptions(delimiter, decimal, thousands, encoding, naValues, trueValues, falseValues, where, sheet, n);
  }

  /** The delimiter, or empty when it is detected from the header line. */
  public Optional<Character> delimiter() {
    return delimiter == 0 ? Optional.empty() : Optional.of(delimiter);
  }

  /** The decimal mark given, or empty for the default that follows the delimiter. */
  public Optional<Character> decimal() {
    return decimal == 0 ? Optional.empty() : Optional.of(decimal);
  }

  /**
   * The decimal mark used with {@code delimiter}: the one given, else {@code ,} after {@code ;} and
   * {@code .} otherwise, but never the thousands mark ({@code --thousands .} alone makes it {@code ,}).
   */
  public char decimalFor(char usedDelimiter) {
    if (decimal != 0) {
      return decimal;
    }
    char d = usedDelimiter == ';' ? ',' : '.';
    return d == thousands ? (d == '.' ? ',' : '.') : d;
  }

  /** The thousands mark, {@link #NONE} for none. */
  public char thousands() {
    return thousands;
  }

  public Charset encoding() {
    return encoding;
  }

  public List<String> naValues() {
    return naValues;
  }

  public List<String> trueValues() {
    return trueValues;
  }

  public List<String> falseValues() {
    return falseValues;
  }

  public List<Where> where() {
    return where;
  }

  public Optional<String> sheet() {
    return Optional.ofNullable(sheet);
  }

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
