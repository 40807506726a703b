package io.relayharness.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayharness.scenario.ScenarioSchema;
import io.relayharness.scenario.Setting;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads from a scenario's YAML tree that take defaults, types and bounds from {@link
 * ScenarioSchema} and collect every problem as {@code file: key.path: message} instead of stopping
 * at the first. A read that fails returns the setting's default so reading can go on. Not
 * thread-safe: one instance per file being read.
 */
public final class Fields {

  private final String source;
  private final List<String> errors = new ArrayList<>();

  /** Creates a reader whose messages start with {@code source} (the file name). */
  public Fields(String source) {
    this.source = source;
  }

  /** Records a problem at {@code path}. */
  public void error(String path, String message) {
    errors.add(source + ": " + (path.isEmpty() ? "" : path + ": ") + message);
  }

  /** Returns the problems recorded so far. */
  public List<String> errors() {
    return List.copyOf(errors);
  }

  /** Returns {@code parent.key} as a path. */
  public static String join(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  /** Returns the schema pattern of a concrete path: indices become {@code []}. */
  public static String pattern(String path) {
    return path.replaceAll("\\[\\d+]", "[]");
  }

  /** Returns the setting of a concrete path, trying a {@code <name>} key for map entries. */
  public static Setting setting(String path) {
    String pattern = pattern(path);
    Optional<Setting> exact = ScenarioSchema.find(pattern);
    if (exact.isPresent()) {
      return exact.get();
    }
    int dot = pattern.lastIndexOf('.');
    String prefix = (dot < 0 ? "" : pattern.substring(0, dot)) + ".<";
    return ScenarioSchema.settings().stream()
        .filter(s -> s.path().startsWith(prefix) && s.path().indexOf('.', prefix.length()) < 0)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no setting for " + path));
  }

  /** Returns a value as the message shows it: text in quotes, others as YAML writes them. */
  public static String show(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isTextual()) {
      return "'" + node.asText() + "'";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    return node.toString();
  }

  /**
   * Returns the mapping at {@code path} (an empty one when absent or wrong) and reports keys the
   * schema does not know there.
   */
  public ObjectNode object(JsonNode node, String path) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!node.isObject()) {
      error(path, "expected a mapping of keys, got " + show(node));
      return JsonNodeFactory.instance.objectNode();
    }
    checkKeys((ObjectNode) node, path, ScenarioSchema.childKeys(pattern(path)));
    return (ObjectNode) node;
  }

  /** Reports the keys of {@code node} that are not in {@code known}. */
  public void checkKeys(ObjectNode node, String path, Collection<String> known) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      if (!known.contains(key)) {
        unknownKey(join(path, key), key, known);
      }
    }
  }

  /** Reports an unknown key with the closest known one, or the list of known ones. */
  public void unknownKey(String path, String key, Collection<String> known) {
    Optional<String> close = Suggest.closest(key, known);
    if (close.isPresent()) {
      error(path, "unknown key (did you mean '" + close.get() + "'?)");
    } else {
      error(path, "unknown key (known here: " + String.join(", ", known) + ")");
    }
  }

  /** Returns whether the key is present with a non-null value. */
  public static boolean has(ObjectNode parent, String key) {
    JsonNode n = parent.get(key);
    return n != null && !n.isNull();
  }

  private JsonNode present(ObjectNode parent, String path, String key, Setting s) {
    JsonNode node = parent.get(key);
    if (node == null || node.isMissingNode()) {
      if (s.required()) {
        error(join(path, key), "required key is missing");
      }
      return null;
    }
    if (node.isNull()) {
      if (!s.nullable()) {
        error(join(path, key), "must have a value (null is not allowed here)");
      }
      return null;
    }
    return node;
  }

  /** Reads a whole number; returns the default (or 0) when absent or bad. */
  public long integer(ObjectNode parent, String path, String key) {
    Long value = nullableInteger(parent, path, key);
    if (value != null) {
      return value;
    }
    Object d = setting(join(path, key)).defaultValue();
    return d instanceof Number n ? n.longValue() : 0;
  }

  /** Reads a whole number that may be null (no bound); the default when absent. */
  public Long nullableInteger(ObjectNode parent, String path, String key) {
    String at = join(path, key);
    Setting s = setting(at);
    JsonNode node = present(parent, path, key, s);
    if (node == null) {
      return parent.has(key) || s.defaultValue() == null
          ? null
          : ((Number) s.defaultValue()).longValue();
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      error(at, "expected a whole number, got " + show(node));
      return defaultLong(s);
    }
    long value = node.asLong();
    if (!s.inBounds(value)) {
      error(at, outOfBounds(show(node), s));
      return defaultLong(s);
    }
    return value;
  }

  private static Long defaultLong(Setting s) {
    return s.defaultValue() instanceof Number n ? n.longValue() : null;
  }

  /** Reads a number; returns the default (or 0) when absent or bad. */
  public double number(ObjectNode parent, String path, String key) {
    Double value = nullableNumber(parent, path, key);
    if (value != null) {
      return value;
    }
    Object d = setting(join(path, key)).defaultValue();
    return d instanceof Number n ? n.doubleValue() : 0;
  }

  /** Reads a number that may be null (no bound); the default when absent. */
  public Double nullableNumber(ObjectNode parent, String path, String key) {
    String at = join(path, key);
    Setting s = setting(at);
    JsonNode node = present(parent, path, key, s);
    if (node == null) {
      return parent.has(key) || s.defaultValue() == null
          ? null
          : ((Number) s.defaultValue()).doubleValue();
    }
    if (!node.isNumber()) {
      error(at, "expected a number, got " + show(node));
      return defaultDouble(s);
    }
    double value = node.asDouble();
    if (!s.inBounds(value)) {
      error(at, outOfBounds(show(node), s));
      return defaultDouble(s);
    }
    return value;
  }

  private static Double defaultDouble(Setting s) {
    return s.defaultValue() instanceof Number n ? n.doubleValue() : null;
  }

  private static String outOfBounds(String shown, Setting s) {
    if (s.min() != null && s.max() != null) {
      return shown
          + " is out of bounds (allowed: "
          + s.boundsText().replace(" .. ", " to ").replace("\\|", "|")
          + ")";
    }
    return shown + " is out of bounds (" + s.boundsText() + ")";
  }

  /** Reads true or false; returns the default when absent or bad. */
  public boolean bool(ObjectNode parent, String path, String key) {
    String at = join(path, key);
    Setting s = setting(at);
    JsonNode node = present(parent, path, key, s);
    boolean fallback = Boolean.TRUE.equals(s.defaultValue());
    if (node == null) {
      return fallback;
    }
    if (!node.isBoolean()) {
      error(at, "expected true or false, got " + show(node));
      return fallback;
    }
    return node.asBoolean();
  }

  /** Reads text; returns the default (may be null) when absent or bad. */
  public String text(ObjectNode parent, String path, String key) {
    String at = join(path, key);
    Setting s = setting(at);
    JsonNode node = present(parent, path, key, s);
    String fallback = s.defaultValue() == null ? null : s.defaultValue().toString();
    if (node == null) {
      return fallback;
    }
    if (!node.isTextual()) {
      error(at, "expected text, got " + show(node));
      return fallback;
    }
    return node.asText();
  }

  /** Reads one word of the setting's choices; returns the default (may be null) when absent. */
  public String choice(ObjectNode parent, String path, String key) {
    String at = join(path, key);
    Setting s = setting(at);
    JsonNode node = present(parent, path, key, s);
    String fallback = s.defaultValue() == null ? null : s.defaultValue().toString();
    if (node == null) {
      return fallback;
    }
    if (!node.isValueNode()) {
      error(at, "expected one of " + String.join(", ", s.choices()) + ", got " + show(node));
      return fallback;
    }
    String word = node.asText();
    if (!s.choices().contains(word)) {
      Optional<String> hint =
          Suggest.closest(word, s.choices()).map(c -> " (did you mean '" + c + "'?)");
      error(
          at,
          "unknown value "
              + show(node)
              + hint.orElse("")
              + "; one of: "
              + String.join(", ", s.choices()));
      return fallback;
    }
    return word;
  }

  /** Reads a duration such as {@code 10s}; returns -1 when absent or bad. */
  public long durationMs(ObjectNode parent, String path, String key) {
    String at = join(path, key);
    Setting s = setting(at);
    JsonNode node = present(parent, path, key, s);
    if (node == null) {
      return -1;
    }
    long ms = node.isTextual() ? io.relayharness.scenario.Durations.parseMs(node.asText()) : -1;
    if (ms < 0) {
      error(
          at,
          "cannot read "
              + show(node)
              + " as a duration (write e.g. 500ms, 10s, 1m, 1m30s; a bare number has no unit)");
    }
    return ms;
  }

  /** Reads a list of words; returns the default (or empty) when absent or bad. */
  public List<String> words(ObjectNode parent, String path, String key) {
    String at = join(path, key);
    Setting s = setting(at);
    JsonNode node = present(parent, path, key, s);
    if (node == null) {
      return List.of();
    }
    if (!node.isArray()) {
      error(at, "expected a list of words, got " + show(node));
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      if (!item.isTextual()) {
        error(at + "[" + i + "]", "expected a word, got " + show(item));
      } else {
        out.add(item.asText());
      }
    }
    return out;
  }
}
