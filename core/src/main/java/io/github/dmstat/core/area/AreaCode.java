package io.github.dmstat.core.area;

import io.github.dmstat.core.Checks;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A CBS area code: municipality {@code GM}+4 digits, district (wijk) {@code WK}+6, neighbourhood
 * (buurt) {@code BU}+8. The first four characters after the prefix are the municipality digits;
 * since 2023 the wijk and buurt parts may also contain upper-case letters, so they are
 * {@code [0-9A-Z]}.
 *
 * <p><b>Case.</b> CBS (OData, StatLine) and PDOK always publish codes in upper case, and codes are
 * join keys, so this class does <i>not</i> upper-case anything: {@code gm0014} is rejected rather
 * than silently changed (a lower-case code means the input was edited by hand and would not join
 * with the published tables). Surrounding white space (CBS OData pads codes with spaces to 10
 * characters, e.g. {@code "GM0014    "}) is removed by {@link #parse(String)}.
 *
 * @param value the code without padding, e.g. {@code WK001400}
 */
public record AreaCode(String value) implements Comparable<AreaCode> {
  private static final Pattern VALID = Pattern.compile("GM[0-9]{4}|WK[0-9]{4}[0-9A-Z]{2}|BU[0-9]{4}[0-9A-Z]{4}");

  /**
   * Validates the code as is (no stripping, no case change); see {@link #parse(String)} for padded text.
   *
   * @param value the code without padding, e.g. {@code WK001400}
   * @throws IllegalArgumentException naming the value when it is null or not a valid CBS code
   */
  public AreaCode {
    if (value == null || !VALID.matcher(value).matches()) {
      throw Checks.badArgument("area code",
          "must be GM + 4 digits, WK + 6 or BU + 8 characters (digits after the prefix, [0-9A-Z] after the"
              + " municipality digits, upper case)", value);
    }
  }

  /**
   * Parses a code, removing surrounding white space (OData padding).
   *
   * @param text the code, e.g. {@code "GM0014    "}
   * @return the code without padding
   * @throws IllegalArgumentException naming the code when it is not a valid CBS code
   */
  public static AreaCode parse(String text) {
    if (text == null) {
      throw Checks.badArgument("area code", "must be present", null);
    }
    return new AreaCode(text.strip());
  }

  /**
   * True when {@code text} (after stripping white space) is a valid code.
   *
   * @param text the text to test; {@code null} is not valid
   * @return whether {@link #parse(String)} would accept it
   */
  public static boolean isValid(String text) {
    return text != null && VALID.matcher(text.strip()).matches();
  }

  /**
   * The level, from the prefix.
   *
   * @return {@code GM}: municipality, {@code WK}: district, {@code BU}: neighbourhood
   */
  public AreaLevel level() {
    switch (value.charAt(0)) {
      case 'G':
        return AreaLevel.MUNICIPALITY;
      case 'W':
        return AreaLevel.DISTRICT;
      default:
        return AreaLevel.NEIGHBOURHOOD;
    }
  }

  /**
   * The enclosing area: buurt → wijk → municipality; empty for a municipality.
   *
   * @return the parent code, e.g. {@code WK001400} for {@code BU00140000}
   */
  public Optional<AreaCode> parent() {
    switch (level()) {
      case NEIGHBOURHOOD:
        return Optional.of(new AreaCode("WK" + value.substring(2, 8)));
      case DISTRICT:
        return Optional.of(new AreaCode("GM" + value.substring(2, 6)));
      default:
        return Optional.empty();
    }
  }

  /**
   * The municipality this code lies in (itself for a municipality).
   *
   * @return the {@code GM} code with the same four municipality digits
   */
  public AreaCode municipality() {
    return level() == AreaLevel.MUNICIPALITY ? this : new AreaCode("GM" + value.substring(2, 6));
  }

  @Override
  public int compareTo(AreaCode o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
