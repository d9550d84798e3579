package io.github.dmstat.core.area;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dmstat.core.Checks;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import io.github.dmstat.core.io.DataException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads area boundaries from a GeoJSON {@code FeatureCollection} (RFC 7946), as published by PDOK
 * for the CBS <i>gebiedsindelingen</i> and <i>Wijk- en Buurtkaart</i>.
 *
 * <p>Features are streamed one at a time (Jackson streaming, one tree per feature), so large
 * files need memory for the result only. Geometries must be {@code Polygon} or
 * {@code MultiPolygon}; holes are kept; a third coordinate (height) is ignored. Coordinates are
 * kept as read (WGS84 longitude/latitude for RFC 7946 files; no projection is applied).
 *
 * <p>Errors name the feature by its 1-based index (and key where known): a missing key, a
 * missing or non-polygon geometry (with its type), a malformed ring.
 */
public final class GeoJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String AUTO_NAME = "\u0000auto";

  /** The key property that means the feature's own {@code id} (not one of its properties). */
  public static final String FEATURE_ID = "\u0000id";

  /** The name property that means the areas have no names. */
  public static final String NO_NAMES = "\u0000none";

  private GeoJson() {}

  /**
   * Reads a UTF-8 file; see {@link #read(Reader, String)} (names from {@code statnaam} or {@code name}).
   *
   * @param file the GeoJSON file
   * @param keyProperty feature property holding the area key, or {@link #FEATURE_ID} for the feature {@code id}
   * @return one polygon per feature, in file order
   * @throws IllegalArgumentException (a {@link DataException} naming the file) when the file is missing,
   *     not valid UTF-8 or not valid GeoJSON
   * @throws UncheckedIOException when the file cannot be read
   */
  public static List<AreaPolygon> read(Path file, String keyProperty) {
    return read(file, keyProperty, AUTO_NAME);
  }

  /**
   * Reads a UTF-8 file (GeoJSON is UTF-8, RFC 7946); see {@link #read(Reader, String, String)}.
   *
   * @param file the GeoJSON file
   * @param keyProperty feature property holding the area key, or {@link #FEATURE_ID} for the feature {@code id}
   * @param nameProperty feature property holding the area name, or {@link #NO_NAMES} for none
   * @return one polygon per feature, in file order
   * @throws IllegalArgumentException (a {@link DataException} naming the file) when the file is missing,
   *     not valid UTF-8 or not valid GeoJSON
   * @throws UncheckedIOException when the file cannot be read
   */
  public static List<AreaPolygon> read(Path file, String keyProperty, String nameProperty) {
    return read(file, keyProperty, nameProperty, StandardCharsets.UTF_8);
  }

  /**
   * Reads a file in the given encoding, as the CSV reader does: a UTF-8 byte-order mark is
   * honoured, text that is not valid in the encoding is an error naming the file and line, and
   * every error names the file.
   *
   * @param file the GeoJSON file
   * @param keyProperty feature property holding the area key, or {@link #FEATURE_ID} for the feature {@code id}
   * @param nameProperty feature property holding the area name, or {@link #NO_NAMES} for none
   * @param encoding the encoding of the file when it has no UTF-8 byte-order mark
   * @return one polygon per feature, in file order
   * @throws IllegalArgumentException (a {@link DataException} naming the file) when the file is missing,
   *     not valid in the encoding or not valid GeoJSON
   * @throws UncheckedIOException when the file cannot be read
   */
  public static List<AreaPolygon> read(Path file, String keyProperty, String nameProperty, Charset encoding) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new DataException(file.toString(), 0, null, null, "file not found");
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    }
    int from = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    Charset cs = from == 3 ? StandardCharsets.UTF_8 : encoding;
    ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, out, true);
    if (r.isError()) {
      int line = 1;
      for (int i = from; i < in.position(); i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new DataException(name, line, null, null, "is not valid " + cs.name() + " text"
          + (cs.equals(StandardCharsets.UTF_8) ? "; GeoJSON files are UTF-8 (RFC 7946): save it as UTF-8" : ""));
    }
    out.flip();
    try {
      return read(new java.io.StringReader(out.toString()), keyProperty, nameProperty);
    } catch (DataException e) {
      throw e.inFile(name);
    } catch (IllegalArgumentException e) {
      throw new DataException(name, 0, null, null, String.valueOf(e.getMessage()));
    }
  }

  /**
   * Reads features keyed by property {@code keyProperty} (or by the feature's {@code id} when
   * {@code null}); the key is stripped of white space. The name is taken from property
   * {@code statnaam} when present, else {@code name}, else absent.
   *
   * @param in the GeoJSON text
   * @param keyProperty feature property holding the area key, or {@link #FEATURE_ID} for the feature {@code id}
   * @return one polygon per feature, in input order
   * @throws IllegalArgumentException for malformed JSON, a feature without key, or a geometry
   *     that is not a (Multi)Polygon, naming the feature
   */
  public static List<AreaPolygon> read(Reader in, String keyProperty) {
    return read(in, keyProperty, AUTO_NAME);
  }

  /**
   * Reads features keyed by property {@code keyProperty} (feature {@code id} when {@code null})
   * with names from {@code nameProperty} ({@code null}: no names).
   *
   * @param in the GeoJSON text
   * @param keyProperty feature property holding the area key, or {@link #FEATURE_ID} for the feature {@code id}
   * @param nameProperty feature property holding the area name, or {@link #NO_NAMES} for none
   * @return one polygon per feature, in input order
   * @throws IllegalArgumentException for malformed JSON, a feature without key, or a geometry
   *     that is not a (Multi)Polygon, naming the feature
   */
  public static List<AreaPolygon> read(Reader in, String keyProperty, String nameProperty) {
    Objects.requireNonNull(keyProperty, "keyProperty (GeoJson.FEATURE_ID for the feature id)");
    Objects.requireNonNull(nameProperty, "nameProperty (GeoJson.NO_NAMES for none)");
    List<AreaPolygon> out = new ArrayList<>();
    try (JsonParser p = new JsonFactory().createParser(in)) {
      p.setCodec(MAPPER);
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("GeoJSON: expected a FeatureCollection object");
      }
      boolean sawFeatures = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        if ("features".equals(field)) {
          if (t != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("GeoJSON: 'features' must be an array");
          }
          sawFeatures = true;
          while (p.nextToken() == JsonToken.START_OBJECT) {
            JsonNode f = p.readValueAsTree();
            out.add(feature(f, out.size() + 1, keyProperty, nameProperty));
          }
        } else if ("type".equals(field)) {
          if (!"FeatureCollection".equals(p.getValueAsString())) {
            throw Checks.badArgument("GeoJSON type", "must be 'FeatureCollection'", p.getValueAsString());
          }
        } else {
          p.skipChildren();
        }
      }
      if (!sawFeatures) {
        throw new IllegalArgumentException("GeoJSON: no 'features' array found");
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("GeoJSON: malformed JSON after " + out.size() + " feature(s): "
          + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static AreaPolygon feature(JsonNode f, int index, String keyProperty, String nameProperty) {
    JsonNode props = f.path("properties");
    boolean byId = FEATURE_ID.equals(keyProperty);
    JsonNode keyNode = byId ? f.get("id") : props.get(keyProperty);
    if (keyNode == null || keyNode.isNull() || keyNode.asText().isBlank()) {
      throw new IllegalArgumentException("GeoJSON feature " + index + ": has no "
          + (byId ? "feature id" : "property '" + keyProperty + "'")
          + (props.isObject() ? "; properties: " + fieldNames(props) : ""));
    }
    String key = keyNode.asText().strip();
    Optional<String> name = Optional.empty();
    String nameField = NO_NAMES.equals(nameProperty) ? null : nameProperty;
    if (AUTO_NAME.equals(nameProperty)) {
      nameField = props.has("statnaam") ? "statnaam" : props.has("name") ? "name" : null;
    }
    if (nameField != null) {
      JsonNode n = props.get(nameField);
      if (n != null && !n.isNull() && !n.asText().isBlank()) {
        name = Optional.of(n.asText().strip());
      }
    }
    String what = "GeoJSON feature " + index + " ('" + key + "')";
    JsonNode g = f.get("geometry");
    if (g == null || g.isNull()) {
      throw new IllegalArgumentException(what + ": has no geometry");
    }
    String type = g.path("type").asText("");
    JsonNode coords = g.get("coordinates");
    List<List<double[]>> polygons = new ArrayList<>();
    if ("Polygon".equals(type)) {
      polygons.add(polygon(coords, what));
    } else if ("MultiPolygon".equals(type)) {
      if (coords == null || !coords.isArray() || coords.isEmpty()) {
        throw new IllegalArgumentException(what + ": MultiPolygon without polygons");
      }
      for (JsonNode pc : coords) {
        polygons.add(polygon(pc, what));
      }
    } else {
      throw new IllegalArgumentException(what + ": geometry type '" + type
          + "' is not supported (expected Polygon or MultiPolygon)");
    }
    return new AreaPolygon(key, name, polygons);
  }

  private static List<double[]> polygon(JsonNode rings, String what) {
    if (rings == null || !rings.isArray() || rings.isEmpty()) {
      throw new IllegalArgumentException(what + ": polygon without rings");
    }
    List<double[]> out = new ArrayList<>(rings.size());
    for (JsonNode ring : rings) {
      if (!ring.isArray() || ring.size() < 3) {
        throw new IllegalArgumentException(what + ": ring with fewer than 3 positions");
      }
      double[] xy = new double[ring.size() * 2];
      int k = 0;
      for (JsonNode pos : ring) {
        if (!pos.isArray() || pos.size() < 2 || !pos.get(0).isNumber() || !pos.get(1).isNumber()) {
          throw new IllegalArgumentException(what + ": position " + (k / 2 + 1) + " is not [x, y]: " + pos);
        }
        xy[k++] = pos.get(0).doubleValue();
        xy[k++] = pos.get(1).doubleValue();
      }
      out.add(xy);
    }
    return out;
  }

  private static List<String> fieldNames(JsonNode props) {
    List<String> names = new ArrayList<>();
    props.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
