package io.github.dmstat.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dmstat.core.Group;
import io.github.dmstat.core.survey.DesignSummary;
import io.github.dmstat.core.survey.KeyFigures;
import io.github.dmstat.core.survey.PrevalenceEstimate;
import io.github.dmstat.core.survey.PrevalenceTable;
import io.github.dmstat.core.survey.PrevalenceValue;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * JSON renderings of results (Jackson). Renderers compute nothing new; a suppressed estimate's
 * value fields are {@code null}, never a number.
 */
public final class Json {
  private Json() {}

  /** The mapper is made only when asked for: building one costs a short-lived command a fifth of a second. */
  private static final class Holder {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  private static final JsonFactory FACTORY = new JsonFactory();

  /** The shared mapper (pretty printing). */
  public static ObjectMapper mapper() {
    return Holder.MAPPER;
  }

  /**
   * Pretty-printed JSON text, exactly as the mapper's {@code INDENT_OUTPUT} writes it; trees of
   * plain nodes (objects, arrays, text, numbers, booleans, null) are walked with a bare
   * generator, without the mapper's serializer machinery.
   */
  public static String write(JsonNode node) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      if (!writeTree(g, node)) {
        return writeWithMapper(node);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String writeWithMapper(JsonNode node) {
    try {
      return Holder.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code node}; false when it holds a node kind that needs the mapper (POJO, binary). */
  private static boolean writeTree(JsonGenerator g, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT: {
        g.writeStartObject();
        for (var e : node.properties()) {
          g.writeFieldName(e.getKey());
          if (!writeTree(g, e.getValue())) {
            return false;
          }
        }
        g.writeEndObject();
        return true;
      }
      case ARRAY:
        g.writeStartArray();
        for (JsonNode n : node) {
          if (!writeTree(g, n)) {
            return false;
          }
        }
        g.writeEndArray();
        return true;
      case STRING:
        g.writeString(node.textValue());
        return true;
      case BOOLEAN:
        g.writeBoolean(node.booleanValue());
        return true;
      case NULL:
      case MISSING:
        g.writeNull();
        return true;
      case NUMBER:
        switch (node.numberType()) {
          case INT: g.writeNumber(node.intValue()); return true;
          case LONG: g.writeNumber(node.longValue()); return true;
          case DOUBLE: g.writeNumber(node.doubleValue()); return true;
          case FLOAT: g.writeNumber(node.floatValue()); return true;
          case BIG_INTEGER: g.writeNumber(node.bigIntegerValue()); return true;
          default: g.writeNumber(node.decimalValue()); return true;
        }
      default:
        return false;
    }
  }

  /** A new empty object. */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /**
   * {@code {"outcome", "by", "design": {...}, "ciMethod", "level", "reliabilityRule",
   * "estimates": [...]}}.
   */
  public static ObjectNode prevalence(PrevalenceTable t) {
    ObjectNode root = object();
    root.put("outcome", t.outcome());
    ArrayNode by = root.putArray("by");
    t.by().forEach(by::add);
    root.set("design", design(t.design()));
    root.put("ciMethod", t.method().label());
    root.put("level", t.level());
    root.put("reliabilityRule", t.rule().label());
    ArrayNode est = root.putArray("estimates");
    for (PrevalenceEstimate e : t.estimates()) {
      est.add(estimate(e));
    }
    return root;
  }

  /** The design summary. */
  public static ObjectNode design(DesignSummary d) {
    ObjectNode o = object();
    o.put("rows", d.rows());
    o.put("excluded", d.excluded());
    ObjectNode why = o.putObject("exclusions");
    for (Map.Entry<String, Long> e : d.exclusions().entrySet()) {
      why.put(e.getKey(), e.getValue());
    }
    o.put("strata", d.strata());
    o.put("psus", d.psus());
    o.put("degreesOfFreedom", d.degreesOfFreedom());
    return o;
  }

  /** One estimate; value fields null when suppressed. */
  public static ObjectNode estimate(PrevalenceEstimate e) {
    ObjectNode o = object();
    o.set("group", group(e.group()));
    o.put("n", e.n());
    o.put("weightSum", e.weightSum());
    PrevalenceValue v = e.value().orElse(null);
    number(o, "prevalence", v == null ? OptionalDouble.empty() : OptionalDouble.of(v.prevalence()));
    number(o, "se", v == null ? OptionalDouble.empty() : OptionalDouble.of(v.se()));
    number(o, "ciLower", v == null ? OptionalDouble.empty() : OptionalDouble.of(v.ciLower()));
    number(o, "ciUpper", v == null ? OptionalDouble.empty() : OptionalDouble.of(v.ciUpper()));
    number(o, "designEffect", v == null ? OptionalDouble.empty() : v.designEffect());
    number(o, "effectiveN", v == null ? OptionalDouble.empty() : v.effectiveN());
    o.put("degreesOfFreedom", e.degreesOfFreedom());
    o.put("reliability", e.reliability().name());
    o.put("note", e.note());
    return o;
  }

  /** {@code {column: value}} in column order. */
  public static ObjectNode group(Group g) {
    ObjectNode o = object();
    g.asMap().forEach(o::put);
    return o;
  }

  /** Puts a number or null. */
  public static void number(ObjectNode o, String field, OptionalDouble v) {
    if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
      o.put(field, v.getAsDouble());
    } else {
      o.putNull(field);
    }
  }

  /** Key figures: {@code {"period", "cells": [{"substance", "targetGroup", ...estimate}]}}. */
  public static ObjectNode keyFigures(KeyFigures k) {
    ObjectNode root = object();
    root.put("period", k.period().code());
    PrevalenceEstimate first = k.cells().get(0).estimate();
    root.put("ciMethod", first.method().label());
    root.put("level", first.level());
    ArrayNode cells = root.putArray("cells");
    for (KeyFigures.Cell c : k.cells()) {
      ObjectNode o = estimate(c.estimate());
      o.remove("group");
      ObjectNode head = object();
      head.put("substance", c.indicator().substance().code());
      head.put("targetGroup", c.indicator().group().code());
      head.setAll(o);
      cells.add(head);
    }
    return root;
  }
}
