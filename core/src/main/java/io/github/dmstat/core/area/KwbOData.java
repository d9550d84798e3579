package io.github.dmstat.core.area;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dmstat.core.Checks;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Reads the CBS OData JSON of <i>Kerncijfers wijken en buurten</i> (tables 85318NED 2022,
 * 85618NED 2023, 85984NED 2024: {@code {"value":[{"WijkenEnBuurten":"GM0014    ",
 * "Gemeentenaam_1":"Groningen ","AantalInwoners_5":243768, ...}]}}).
 *
 * <p>The result has columns {@code code} (stripped of OData's space padding and validated as an
 * {@link AreaCode}; the national row {@code NL00} is kept with level {@code country}), {@code level}
 * ({@code country|municipality|district|neighbourhood}), {@code name}
 * (the municipality name, stripped; empty when absent) and {@code inhabitants} (an int; missing
 * where the value is {@code null} or CBS's {@code "."} for unknown/confidential). Fields are
 * found by their prefix ({@code Gemeentenaam_}, {@code AantalInwoners_}) since the numeric
 * suffix differs between table versions. Rows are kept in file order; none are dropped.
 */
public final class KwbOData {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final java.util.regex.Pattern COUNTRY = java.util.regex.Pattern.compile("NL[0-9]{2}");

  private KwbOData() {}

  /**
   * Reads a UTF-8 file; see {@link #read(Reader)}.
   *
   * @param file the OData JSON file
   * @return columns {@code code, level, name, inhabitants}, one row per OData row, in file order
   * @throws IllegalArgumentException when the file is missing or its content breaks a rule of
   *     {@link #read(Reader)}
   * @throws UncheckedIOException when the file cannot be read
   */
  public static Table read(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(r);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": file not found");
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads OData JSON.
   *
   * @param in the OData JSON text
   * @return columns {@code code, level, name, inhabitants}, one row per OData row, in input order
   * @throws IllegalArgumentException when there is no {@code value} array, a row has no
   *     {@code WijkenEnBuurten} code or an invalid one, or inhabitants is not a whole number
   *     (row 1-based and value named)
   */
  public static Table read(Reader in) {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("CBS OData: malformed JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode rows = root == null ? null : root.get("value");
    if (rows == null || !rows.isArray()) {
      throw new IllegalArgumentException("CBS OData: expected an object with a 'value' array");
    }
    StringColumn code = StringColumn.create("code");
    StringColumn level = StringColumn.create("level");
    StringColumn name = StringColumn.create("name");
    IntColumn inhabitants = IntColumn.create("inhabitants");
    int r = 0;
    for (JsonNode row : rows) {
      r++;
      JsonNode c = row.get("WijkenEnBuurten");
      if (c == null || c.isNull()) {
        throw Checks.badCell("WijkenEnBuurten", r, "must be present", null);
      }
      String text = c.asText().strip();
      if (COUNTRY.matcher(text).matches()) {
        code.append(text);
        level.append("country");
      } else {
        AreaCode ac;
        try {
          ac = AreaCode.parse(text);
        } catch (IllegalArgumentException e) {
          throw Checks.badCell("WijkenEnBuurten", r, "must be a CBS area code (NL00, GM/WK/BU)", c.asText());
        }
        code.append(ac.value());
        level.append(ac.level().name().toLowerCase(java.util.Locale.ROOT));
      }
      JsonNode n = field(row, "Gemeentenaam_");
      name.append(n == null || n.isNull() ? "" : n.asText().strip());
      JsonNode inh = field(row, "AantalInwoners_");
      String field = fieldName(row, "AantalInwoners_");
      if (inh == null || inh.isNull() || (inh.isTextual() && (inh.asText().isBlank() || inh.asText().strip().equals(".")))) {
        inhabitants.appendMissing();
      } else {
        double v;
        if (inh.isNumber()) {
          v = inh.doubleValue();
        } else {
          try {
            v = Double.parseDouble(inh.asText().strip());
          } catch (NumberFormatException e) {
            throw Checks.badCell(field, r, "must be a whole number >= 0, '.' or null", inh.asText());
          }
        }
        if (!(v >= 0) || v != Math.rint(v) || v > Integer.MAX_VALUE) {
          throw Checks.badCell(field, r, "must be a whole number >= 0, '.' or null", inh.asText());
        }
        inhabitants.append((int) v);
      }
    }
    return Table.create("kerncijfers wijken en buurten").addColumns(code, level, name, inhabitants);
  }

  private static JsonNode field(JsonNode row, String prefix) {
    String f = fieldName(row, prefix);
    return f == null ? null : row.get(f);
  }

  private static String fieldName(JsonNode row, String prefix) {
    for (Iterator<String> it = row.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (k.startsWith(prefix)) {
        return k;
      }
    }
    return prefix;
  }
}
