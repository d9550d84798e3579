package io.github.dmstat.charts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text as XML 1.0 (SVG, XHTML) can hold it. XML allows tab, line feed and carriage return among
 * the control characters and nothing else below U+0020, nor U+FFFE, U+FFFF or an unpaired
 * surrogate, written raw or as a character reference ({@code &#1;}). A label from data with such a
 * character (a pasted U+0001, say) would make the whole SVG unreadable; {@link #clean} drops it.
 */
public final class XmlText {
  private XmlText() {}

  private static final Pattern REFERENCE = Pattern.compile("&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));");

  /**
   * {@code s} without the characters XML 1.0 cannot hold, raw or as character references.
   *
   * @param s the text, may be null
   * @return the text with those characters and references dropped; null when {@code s} is null
   */
  public static String clean(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = allowed(c) && !(Character.isHighSurrogate(c) && (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))))
          && !(Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1))));
      if (!ok && b == null) {
        b = new StringBuilder(s.length()).append(s, 0, i);
      } else if (ok && b != null) {
        b.append(c);
      }
    }
    String out = b == null ? s : b.toString();
    if (out.indexOf("&#") < 0) {
      return out;
    }
    Matcher m = REFERENCE.matcher(out);
    StringBuilder r = new StringBuilder(out.length());
    while (m.find()) {
      long cp;
      try {
        cp = m.group(1) != null ? Long.parseLong(m.group(1), 16) : Long.parseLong(m.group(2));
      } catch (NumberFormatException e) {
        cp = -1;
      }
      boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
          || (cp >= 0x10000 && cp <= 0x10FFFF);
      m.appendReplacement(r, ok ? Matcher.quoteReplacement(m.group()) : "");
    }
    m.appendTail(r);
    return r.toString();
  }

  private static boolean allowed(char c) {
    return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
  }

  /**
   * Text for XML or HTML content and attribute values: cleaned ({@link #clean}), then
   * {@code < > & " '} as entities.
   *
   * @param text the text, not null
   * @return the text, safe in XML content and in single- or double-quoted attribute values
   */
  public static String escape(String text) {
    String s = clean(text);
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
