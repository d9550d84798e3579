package io.github.dmstat.core.io;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Bad input data: a cell, line or file that cannot be read or bound, named so that a user can find
 * it in an editor.
 *
 * <p>The message is one line of the form
 * {@code survey.csv: line 36, column 'gewicht': '1.050,3' has a thousands separator; pass --thousands .}
 * where the line is counted as an editor shows it (the header is line 1) and the value is shown
 * with control characters escaped and long values cut (see {@link #show(String)}; the problem is
 * escaped but never cut, so that a list of choices in it stays whole). Any part that
 * is not known is left out. The command line maps exactly this exception (and other
 * {@link IllegalArgumentException}s) to exit code 2.
 */
public class DataException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  /** Longest value shown in a message before it is cut with "...". */
  public static final int MAX_SHOWN = 60;

  /** The file name as the user gave it; {@code null} when not known. */
  private final String file;
  /** The line as an editor shows it (header = 1); {@code <= 0} when not known. */
  private final long line;
  /** The data row (1-based) in a bound table; {@code <= 0} when not known. */
  private final long row;
  /** The column name; {@code null} when the problem is not with a cell. */
  private final String column;
  /** The offending cell text; {@code null} when there is none. */
  private final String value;
  /** What is wrong, without the place. */
  private final String problem;
  /** Whether {@link #problem} is a rule that {@link #value} breaks ({@code rule but was 'v'}). */
  private final boolean rule;

  /**
   * A problem with one place in a file.
   *
   * @param file the file name as the user gave it ({@code null}: not known)
   * @param line the line as an editor shows it, header = 1 ({@code <= 0}: not known)
   * @param column the column name ({@code null}: not a cell problem)
   * @param value the offending cell text ({@code null}: none)
   * @param problem what is wrong, e.g. {@code "is not a number"}
   */
  public DataException(String file, long line, String column, String value, String problem) {
    this(file, line, 0, column, value, problem, false);
  }

  private DataException(String file, long line, long row, String column, String value, String problem, boolean rule) {
    super(format(file, line, row, column, value, problem, rule));
    this.file = file;
    this.line = line;
    this.row = row;
    this.column = column;
    this.value = value;
    this.problem = problem;
    this.rule = rule;
  }

  /**
   * A cell of a bound table that breaks a rule, known by its data row (1-based, the header is not
   * a row) until a reader that knows the file's lines places it: {@code column 'c', row r: rule but was 'v'}.
   *
   * @param column the column name
   * @param row the data row, 1-based ({@code <= 0}: not known)
   * @param rule the rule the cell breaks, e.g. {@code "must be >= 0"}
   * @param value the cell text ({@code null}: missing, shown as {@code <missing>})
   * @return the exception, without file or line
   */
  public static DataException rule(String column, long row, String rule, String value) {
    return new DataException(null, 0, row, column, value, rule, true);
  }

  /**
   * The same problem attributed to {@code file} (when this one names none).
   *
   * @param fileName the file name as the user gave it
   * @return this exception when it already names a file, else a copy that names {@code fileName}
   */
  public DataException inFile(String fileName) {
    return file != null ? this : new DataException(fileName, line, row, column, value, problem, rule);
  }

  /**
   * The same problem at {@code line} (when this one names none).
   *
   * @param editorLine the line as an editor shows it, header = 1
   * @return this exception when it already names a line, else a copy at {@code editorLine}
   */
  public DataException atLine(long editorLine) {
    return line > 0 ? this : new DataException(file, editorLine, row, column, value, problem, rule);
  }

  /**
   * The data row (1-based) this problem was found in, when it was found in a bound table.
   *
   * @return the data row, or empty when not known
   */
  public OptionalLong row() {
    return row > 0 ? OptionalLong.of(row) : OptionalLong.empty();
  }

  /**
   * The file the problem is in.
   *
   * @return the file name as the user gave it, or empty when not known
   */
  public Optional<String> file() {
    return Optional.ofNullable(file);
  }

  /**
   * The line the problem is on.
   *
   * @return the line as an editor shows it (header = 1), or empty when not known
   */
  public OptionalLong line() {
    return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
  }

  /**
   * The column of the offending cell.
   *
   * @return the column name, or empty when the problem is not with a cell
   */
  public Optional<String> column() {
    return Optional.ofNullable(column);
  }

  /**
   * The offending cell text, unescaped and not cut.
   *
   * @return the cell text, or empty when there is none (or, for a broken rule, the cell was missing)
   */
  public Optional<String> value() {
    return Optional.ofNullable(value);
  }

  /**
   * What is wrong, without the place.
   *
   * @return the problem as given, e.g. {@code "is not a number"}
   */
  public String problem() {
    return problem;
  }

  private static String format(String file, long line, long row, String column, String value, String problem,
      boolean rule) {
    StringBuilder place = new StringBuilder();
    if (file != null) {
      place.append(show(file));
    }
    if (line > 0) {
      place.append(place.length() > 0 ? ": " : "").append("line ").append(line);
    } else if (row > 0 && column != null) {
      place.append(place.length() > 0 ? ": " : "").append("column '").append(show(column)).append("', row ").append(row);
      column = null;
    }
    if (column != null) {
      place.append(place.length() > 0 ? (line > 0 ? ", " : ": ") : "").append("column '").append(show(column)).append('\'');
    }
    StringBuilder m = new StringBuilder(place);
    if (m.length() > 0) {
      m.append(": ");
    }
    if (rule) {
      return m.append(show(problem, Integer.MAX_VALUE)).append(" but was ").append(value == null ? "<missing>" : "'" + show(value) + "'").toString();
    }
    if (value != null) {
      m.append('\'').append(show(value)).append("' ");
    }
    m.append(show(problem, Integer.MAX_VALUE));
    return m.toString();
  }

  /**
   * A value as it can stand in a one-line message: control characters (and other invisible
   * ones) as {@code \n}, {@code \t} or {@code \}{@code uXXXX}, cut after {@value #MAX_SHOWN}
   * characters with "...".
   *
   * @param s the text; {@code null} gives {@code ""}
   * @return the escaped text, cut when it is longer
   */
  public static String show(String s) {
    return show(s, MAX_SHOWN);
  }

  /**
   * Escaped as {@link #show(String)}, cut after {@code max} characters (never inside a surrogate pair).
   * Text at most three characters longer than {@code max} is not cut.
   *
   * @param s the text; {@code null} gives {@code ""}
   * @param max the most characters shown before {@code "..."}, counted before escaping
   * @return the escaped text, cut when it is longer
   */
  public static String show(String s, int max) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(Math.min(s.length(), max) + 8);
    int shown = 0;
    for (int i = 0; i < s.length(); i++) {
      if (shown >= max && s.length() - i > 3) {
        if (Character.isLowSurrogate(s.charAt(i)) && b.length() > 0) {
          b.setLength(b.length() - 1);
        }
        b.append("...");
        break;
      }
      char c = s.charAt(i);
      switch (c) {
        case '\n': b.append("\\n"); break;
        case '\r': b.append("\\r"); break;
        case '\t': b.append("\\t"); break;
        default:
          if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
              || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
            b.append(String.format("\\u%04X", (int) c));
          } else {
            b.append(c);
          }
      }
      shown++;
    }
    return b.toString();
  }
}
