package io.relayharness.report.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** Null-tolerant reads of fields from generic JSON trees. Stateless; thread-safe. */
public final class Json {

  private Json() {}

  /** The field as a long, or {@code fallback} when absent, null or not a number. */
  public static long longOr(JsonNode node, String field, long fallback) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.isNumber() ? v.asLong() : fallback;
  }

  /** The field as a double, or {@code fallback} when absent, null or not a number. */
  public static double doubleOr(JsonNode node, String field, double fallback) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.isNumber() ? v.asDouble() : fallback;
  }

  /** The field as text, or {@code fallback} when absent or null; numbers and booleans as text. */
  public static String textOr(JsonNode node, String field, String fallback) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull() || v.isMissingNode()) {
      return fallback;
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }

  /** Whether the field is present and not null. */
  public static boolean has(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && !v.isNull() && !v.isMissingNode();
  }
}
