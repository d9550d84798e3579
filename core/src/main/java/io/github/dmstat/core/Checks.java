package io.github.dmstat.core;

import java.util.Collection;
import java.util.Locale;

/**
 * The one place that formats messages for bad arguments and bad data.
 *
 * <p>Every message names the field (column), the row where there is one, the rule and the
 * offending value, e.g. {@code column 'weight', row 17: must be finite and >= 0 but was '-12.5'}.
 * Rows are counted from 1 over the data rows (a CSV file's header is not a row).
 */
public final class Checks {
  private Checks() {}

  /**
   * A bad cell of a bound table: {@code column 'c', row r: rule but was 'v'}.
   *
   * @param column the column name
   * @param row the data row, counted from 1 (the header is not a row)
   * @param rule what the cell must be, e.g. {@code "must be finite and >= 0"}
   * @param value the offending value: a string as it is, anything else as {@link #quote} writes it;
   *     {@code null} shows as {@code <missing>}
   * @return the exception, for the caller to throw
   */
  public static io.github.dmstat.core.io.DataException badCell(String column, int row, String rule, Object value) {
    String text = value == null ? null : value instanceof String ? (String) value : quote(value);
    return io.github.dmstat.core.io.DataException.rule(column, row, rule, text);
  }

  /**
   * The rule for head counts (people, events, dwellings): a fraction there is most often a
   * thousands separator read as a decimal mark ({@code "243.768"} inhabitants).
   */
  public static final String HEAD_COUNT = "must be a whole number >= 0 (a head count; if its '.' or ',' separates "
      + "thousands, read the file with --thousands . or --thousands ,)";

  /**
   * A bad argument: {@code field rule but was v}.
   *
   * @param field the argument's name, the first word of the message
   * @param rule what it must be, e.g. {@code "must be strictly between 0 and 1"}
   * @param value the offending value, as {@link #quote} writes it
   * @return the exception, for the caller to throw
   */
  public static IllegalArgumentException badArgument(String field, String rule, Object value) {
    return new IllegalArgumentException(field + " " + rule + " but was " + quote(value));
  }

  /**
   * An unknown column: {@code column 'c' not found; available: [...]}.
   *
   * @param column the column name asked for
   * @param available the column names there are, listed in the message
   * @return the exception, for the caller to throw
   */
  public static IllegalArgumentException unknownColumn(String column, Collection<String> available) {
    return new IllegalArgumentException(
        "column '" + column + "' not found; available: " + available);
  }

  /**
   * A value outside a fixed set: {@code field 'v' is not one of [a, b, c]}.
   *
   * @param field the argument's name, the first word of the message
   * @param value the value given, as {@link #quote} writes it
   * @param valid the accepted values, listed in the message
   * @return the exception, for the caller to throw
   */
  public static IllegalArgumentException unknownValue(String field, Object value, Collection<?> valid) {
    return new IllegalArgumentException(
        field + " " + quote(value) + " is not one of " + valid);
  }

  /**
   * Requires a finite probability level strictly between 0 and 1.
   *
   * @param level the level, e.g. {@code 0.95}
   * @return {@code level} unchanged
   * @throws IllegalArgumentException if {@code level} is not strictly between 0 and 1 (or is NaN)
   */
  public static double level(double level) {
    if (!(level > 0 && level < 1)) {
      throw badArgument("level", "must be strictly between 0 and 1", level);
    }
    return level;
  }

  /**
   * Requires {@code value} finite and {@code >= 0}.
   *
   * @param field the name the message gives the value
   * @param value the value
   * @return {@code value} unchanged
   * @throws IllegalArgumentException if {@code value} is negative, infinite or NaN
   */
  public static double finiteNonNegative(String field, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw badArgument(field, "must be finite and >= 0", value);
    }
    return value;
  }

  /**
   * Requires {@code value} finite.
   *
   * @param field the name the message gives the value
   * @param value the value
   * @return {@code value} unchanged
   * @throws IllegalArgumentException if {@code value} is infinite or NaN
   */
  public static double finite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw badArgument(field, "must be finite", value);
    }
    return value;
  }

  /**
   * Quotes strings, leaves numbers readable.
   *
   * @param value any value, or {@code null}
   * @return {@code <missing>} for {@code null}; a whole {@code Double} or {@code Float} below 1e15 in
   *     size as {@code 12.0}, other ones as {@link Double#toString(double)}; other numbers as their
   *     {@code toString()}; anything else in single quotes
   */
  public static String quote(Object value) {
    if (value == null) {
      return "<missing>";
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%.1f", d) : Double.toString(d);
    }
    if (value instanceof Number) {
      return value.toString();
    }
    return "'" + value + "'";
  }

  /**
   * An estimate carries its numbers exactly when it is not suppressed: a suppressed cell has no
   * value anywhere (the disclosure rule every estimate record enforces).
   *
   * @param reliability the estimate's publication status
   * @param value its numbers
   * @throws NullPointerException when either is {@code null}
   * @throws IllegalArgumentException when a suppressed estimate has a value or another has none
   */
  public static void valueMatchesStatus(io.github.dmstat.core.disclosure.Reliability reliability,
      java.util.Optional<?> value) {
    java.util.Objects.requireNonNull(reliability, "reliability");
    java.util.Objects.requireNonNull(value, "value");
    boolean suppressed = reliability == io.github.dmstat.core.disclosure.Reliability.SUPPRESSED;
    if (suppressed == value.isPresent()) {
      throw new IllegalArgumentException(suppressed ? "a suppressed estimate must not carry a value"
          : "an estimate that is not suppressed needs a value");
    }
  }
}
