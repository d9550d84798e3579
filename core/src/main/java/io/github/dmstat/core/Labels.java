package io.github.dmstat.core;

import java.util.Arrays;

/** Parsing of {@link Coded} enums, with the one error message for an unknown value. */
public final class Labels {
  private Labels() {}

  /**
   * The constant of {@code type} whose code (or enum name) equals {@code text}, ignoring case
   * and surrounding blanks; otherwise {@code IllegalArgumentException}
   * {@code "<field> '<text>' is not one of [<labels>]"}.
   *
   * @param <E> the enum type
   * @param type the enum class
   * @param field the name of what is parsed, the first word of the error message
   * @param text the text to parse; {@code null} is read as empty
   * @return the matching constant
   * @throws IllegalArgumentException if no constant's code or name matches, listing the codes
   */
  public static <E extends Enum<E> & Coded> E parse(Class<E> type, String field, String text) {
    String t = text == null ? "" : text.strip();
    for (E e : type.getEnumConstants()) {
      if (e.code().equalsIgnoreCase(t) || e.name().equalsIgnoreCase(t)) {
        return e;
      }
    }
    throw Checks.unknownValue(field, text, Arrays.stream(type.getEnumConstants()).map(Coded::code).toList());
  }
}
