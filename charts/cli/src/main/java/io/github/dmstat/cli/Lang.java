package io.github.dmstat.cli;

import io.github.dmstat.core.Checks;
import java.util.List;
import java.util.Locale;

/** {@code --lang nl|en}. */
final class Lang {
  private Lang() {}

  static Locale parse(String s) {
    switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "nl":
        return Locale.forLanguageTag("nl-NL");
      case "en":
        return Locale.forLanguageTag("en-GB");
      default:
        throw Checks.unknownValue("--lang", s, List.of("en", "nl"));
    }
  }
}
