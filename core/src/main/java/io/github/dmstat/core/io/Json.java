package io.github.dmstat.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dmstat.core.Group;
import io.github.dmstat.core.survey.DesignSummary;
import io.github.dmstat.core.survey.KeyFigures;
import io.github.dmstat.core.survey.PrevalenceEstimate;
import io.github.dmstat.core.survey.PrevalenceTable;
import io.github.dmstat.core.survey.PrevalenceValue;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * JSON renderings of results (Jackson). Renderers compute nothing new; a suppressed estimate's
 * value fields are {@code null}, never a number.
 */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  /** The shared mapper (pretty printing). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Pretty-printed JSON text. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new empty object. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
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
