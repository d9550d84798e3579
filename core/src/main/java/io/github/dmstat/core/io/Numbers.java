package io.github.dmstat.core.io;

import java.nio.charset.StandardCharsets;

/**
 * Numbers as data files write them: plain decimal or scientific notation only, with a chosen
 * decimal mark and an optional thousands mark; never Java's own extras ({@code 2f}, {@code 2.0d},
 * {@code 0x1p1}, {@code Infinity}, {@code NaN}).
 *
 * <p>Grammar: {@code [+-] digits [mark digits] [(e|E) [+-] digits]}, where the integer digits may
 * be grouped by the thousands mark in groups of exactly three ({@code 1.234.567}); a space as
 * thousands mark also accepts the no-break spaces U+00A0 and U+202F. The value is the correctly
 * rounded double of the decimal text (as {@link Double#parseDouble}), so the same number written
 * with a decimal comma, a thousands mark or in another encoding gives the same double to the bit.
 * When a cell is not a number, {@link #problem} says why in words a user can act on
 * ("has a thousands separator; pass --thousands .").
 */
public final class Numbers {
  private Numbers() {}

  private static final double[] POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
    1e20, 1e21, 1e22};

  /**
   * {@code mantissa × 10^exponent}, correctly rounded, for a mantissa of at most 15 significant
   * digits and {@code |exponent| <= 22}: Clinger's fast path (both operands exact, one correctly
   * rounded operation; W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990).
   */
  static double exact(long mantissa, int exponent) {
    return exponent >= 0 ? mantissa * POW10[exponent] : mantissa / POW10[-exponent];
  }

  /**
   * Parses {@code b[from, to)} (already trimmed); {@code NaN} when it is not a number in this
   * grammar (the caller reports it with {@link #problem}).
   */
  static double parse(byte[] b, int from, int to, byte decimal, byte thousands) {
    int i = from;
    if (i >= to) {
      return Double.NaN;
    }
    boolean negative = false;
    if (b[i] == '-' || b[i] == '+') {
      negative = b[i] == '-';
      i++;
    }
    long mantissa = 0;
    int significant = 0; // digits kept in the mantissa (leading zeros not counted)
    int dropped = 0; // integer digits beyond 19 significant ones
    int digits = 0;
    int group = -1; // digits since the last thousands mark (-1: none seen)
    boolean nonZeroDropped = false;
    while (i < to) {
      byte c = b[i];
      if (c >= '0' && c <= '9') {
        digits++;
        if (group >= 0) {
          group++;
        }
        if (significant < 19) {
          if (mantissa != 0 || c != '0') {
            mantissa = mantissa * 10 + (c - '0');
            significant++;
          }
        } else {
          dropped++;
          nonZeroDropped |= c != '0';
        }
        i++;
      } else if (thousands != 0 && digits > 0 && isThousands(b, i, to, thousands)) {
        if (group >= 0 ? group != 3 : digits > 3) {
          return Double.NaN;
        }
        group = 0;
        i += thousandsLength(b, i, thousands);
      } else {
        break;
      }
    }
    if (group >= 0 && group != 3) {
      return Double.NaN;
    }
    int exponent = dropped;
    int fraction = 0;
    if (i < to && b[i] == decimal) {
      i++;
      while (i < to && b[i] >= '0' && b[i] <= '9') {
        fraction++;
        if (significant < 19) {
          if (mantissa != 0 || b[i] != '0') {
            mantissa = mantissa * 10 + (b[i] - '0');
            significant++;
          }
          exponent--;
        } else {
          nonZeroDropped |= b[i] != '0';
        }
        i++;
      }
    }
    if (digits + fraction == 0) {
      return Double.NaN;
    }
    if (i < to && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      boolean eneg = false;
      if (i < to && (b[i] == '-' || b[i] == '+')) {
        eneg = b[i] == '-';
        i++;
      }
      int e = 0;
      int ed = 0;
      while (i < to && b[i] >= '0' && b[i] <= '9') {
        if (e < 100_000) {
          e = e * 10 + (b[i] - '0');
        }
        ed++;
        i++;
      }
      if (ed == 0) {
        return Double.NaN;
      }
      exponent += eneg ? -e : e;
    }
    if (i != to) {
      return Double.NaN;
    }
    double v;
    if (mantissa == 0) {
      v = 0.0;
    } else if (!nonZeroDropped && significant <= 15 && exponent >= -22 && exponent <= 22) {
      v = exact(mantissa, exponent);
    } else {
      v = slow(b, from, to, decimal, thousands);
    }
    return negative ? -v : v;
  }

  /** The canonical text ({@code .} as mark, no grouping) through {@link Double#parseDouble}. */
  private static double slow(byte[] b, int from, int to, byte decimal, byte thousands) {
    StringBuilder s = new StringBuilder(to - from);
    for (int i = from; i < to; ) {
      if (thousands != 0 && isThousands(b, i, to, thousands) && i > from && b[i - 1] >= '0' && b[i - 1] <= '9') {
        i += thousandsLength(b, i, thousands);
        continue;
      }
      byte c = b[i++];
      if (c == '-' || c == '+') {
        continue; // sign handled by the caller (an exponent sign follows 'e' below)
      }
      if (c == decimal) {
        s.append('.');
      } else if (c == 'e' || c == 'E') {
        s.append('e');
        if (i < to && (b[i] == '-' || b[i] == '+')) {
          s.append((char) b[i++]);
        }
      } else {
        s.append((char) c);
      }
    }
    return Double.parseDouble(s.toString());
  }

  private static boolean isThousands(byte[] b, int i, int to, byte thousands) {
    if (b[i] == thousands) {
      return true;
    }
    if (thousands == ' ') {
      // U+00A0 (C2 A0) and U+202F (E2 80 AF) in UTF-8, U+00A0 as A0 in single-byte encodings
      return (b[i] & 0xFF) == 0xA0 || ((b[i] & 0xFF) == 0xC2 && i + 1 < to && (b[i + 1] & 0xFF) == 0xA0)
          || ((b[i] & 0xFF) == 0xE2 && i + 2 < to && (b[i + 1] & 0xFF) == 0x80 && (b[i + 2] & 0xFF) == 0xAF);
    }
    return false;
  }

  private static int thousandsLength(byte[] b, int i, byte thousands) {
    if (thousands == ' ' && (b[i] & 0xFF) == 0xC2) {
      return 2;
    }
    if (thousands == ' ' && (b[i] & 0xFF) == 0xE2) {
      return 3;
    }
    return 1;
  }

  /**
   * Parses a cell's text with the given marks; {@code NaN} when it is not a number.
   *
   * @param text the cell text; surrounding white space is ignored
   * @param decimal the decimal mark, {@code .} or {@code ,}
   * @param thousands the thousands mark, or {@link ReadOptions#NONE} for none
   * @return the correctly rounded double; {@code NaN} when the text is not a number in this grammar
   *     (also for empty text), infinite when it is too large for a double
   */
  public static double parse(String text, char decimal, char thousands) {
    byte[] b = text.strip().getBytes(StandardCharsets.UTF_8);
    return parse(b, 0, b.length, (byte) decimal, (byte) thousands);
  }

  /**
   * Parses with a {@code .} decimal mark and no thousands mark; {@code NaN} when it is not a number.
   *
   * @param text the cell text; surrounding white space is ignored
   * @return the correctly rounded double; {@code NaN} when the text is not a number in this grammar
   *     (also for empty text), infinite when it is too large for a double
   */
  public static double parse(String text) {
    return parse(text, '.', ReadOptions.NONE);
  }

  /**
   * Why {@code text} is not a number under these marks, in words that say what to pass:
   * a thousands separator, a decimal comma or point, or simply "is not a number".
   *
   * @param text a cell text that {@link #parse(String, char, char)} did not read as a number
   * @param decimal the decimal mark it was read with
   * @param thousands the thousands mark it was read with, or {@link ReadOptions#NONE}
   * @return the problem, to follow the quoted value in a message, e.g.
   *     {@code "has a decimal comma; pass --decimal ,"}
   */
  public static String problem(String text, char decimal, char thousands) {
    String t = text.strip();
    char other = decimal == '.' ? ',' : '.';
    boolean hasOther = t.indexOf(other) >= 0;
    if (hasOther && thousands != other && t.matches("[-+]?\\d{1,3}([" + java.util.regex.Pattern.quote(String.valueOf(other))
        + "]\\d{3})+([" + java.util.regex.Pattern.quote(String.valueOf(decimal)) + "]\\d*)?")) {
      if (t.indexOf(decimal) >= 0 || !t.matches("[-+]?\\d{1,3}[" + java.util.regex.Pattern.quote(String.valueOf(other)) + "]\\d{3}")) {
        return "has a thousands separator; pass --thousands " + other;
      }
      return "has a '" + other + "' that is a thousands separator or a decimal " + (other == ',' ? "comma" : "point")
          + "; pass --thousands " + other + " or --decimal " + other;
    }
    if (hasOther && t.matches("[-+]?\\d*[" + java.util.regex.Pattern.quote(String.valueOf(other)) + "]\\d+([eE][-+]?\\d+)?")) {
      return "has a decimal " + (other == ',' ? "comma" : "point") + "; pass --decimal " + other;
    }
    if (thousands == ReadOptions.NONE && t.matches("[-+]?\\d{1,3}([ \\u00A0\\u202F]\\d{3})+([.,]\\d*)?")) {
      return "has a thousands separator; pass --thousands space";
    }
    if (thousands != ReadOptions.NONE && t.matches("[-+]?[\\d" + java.util.regex.Pattern.quote(String.valueOf(thousands))
        + "]+([" + java.util.regex.Pattern.quote(String.valueOf(decimal)) + "]\\d*)?")) {
      return "is not a number: the thousands mark '" + thousands + "' must separate groups of three digits";
    }
    return "is not a number";
  }

  /**
   * The message for a head count (people, events, dwellings) that is not a whole number, which is
   * most often a thousands separator read as a decimal mark.
   *
   * @param decimal the decimal mark the count was read with
   * @return the problem, naming {@code --thousands} with that mark
   */
  public static String fractionalCount(char decimal) {
    return "is not a whole number; counts are head counts: if '" + decimal + "' separates thousands, pass --thousands "
        + decimal;
  }
}
