package io.relayharness.report.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Relay settings compared: one run's effective settings against Postfix's defaults (run.json
 * relaySettings vs relayDefaults), and two runs' settings against each other. Stateless.
 */
public final class ConfigDiff {

  private ConfigDiff() {}

  /**
   * One setting in a diff; {@code a}/{@code b} are null when the run does not set it.
   *
   * @param name the postconf name
   * @param a the value in the (first) run
   * @param b the value in the second run, or null for a single-run diff
   * @param postfixDefault Postfix's default, or null when unknown
   */
  public record Row(String name, String a, String b, String postfixDefault) {}

  /** The settings of {@code run} (run.json tree) whose value is not Postfix's default. */
  public static List<Row> againstDefaults(JsonNode run) {
    TreeMap<String, String> settings = map(run.path("relaySettings"));
    TreeMap<String, String> defaults = map(run.path("relayDefaults"));
    List<Row> out = new ArrayList<>();
    settings.forEach(
        (name, value) -> {
          String d = defaults.get(name);
          if (!Objects.equals(norm(value), norm(d))) {
            out.add(new Row(name, value, null, d));
          }
        });
    return out;
  }

  /** How many settings {@code run} lists in all. */
  public static int settingCount(JsonNode run) {
    return map(run.path("relaySettings")).size();
  }

  /** The settings whose value differs between the two runs (run.json trees). */
  public static List<Row> between(JsonNode runA, JsonNode runB) {
    TreeMap<String, String> a = map(runA.path("relaySettings"));
    TreeMap<String, String> b = map(runB.path("relaySettings"));
    TreeMap<String, String> defaults = map(runA.path("relayDefaults"));
    defaults.putAll(map(runB.path("relayDefaults")));
    TreeSet<String> names = new TreeSet<>(a.keySet());
    names.addAll(b.keySet());
    List<Row> out = new ArrayList<>();
    for (String name : names) {
      String va = a.getOrDefault(name, defaults.get(name));
      String vb = b.getOrDefault(name, defaults.get(name));
      if (!Objects.equals(norm(va), norm(vb))) {
        out.add(new Row(name, a.get(name), b.get(name), defaults.get(name)));
      }
    }
    return out;
  }

  private static TreeMap<String, String> map(JsonNode object) {
    TreeMap<String, String> out = new TreeMap<>();
    if (object != null && object.isObject()) {
      object
          .fields()
          .forEachRemaining(
              e -> out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
    }
    return out;
  }

  /** Postfix lists: "a, b" and "a,b" and "a b" mean the same; compare on normalised spacing. */
  private static String norm(String value) {
    return value == null
        ? null
        : value.trim().replaceAll("\\s*,\\s*", ", ").replaceAll("\\s+", " ");
  }
}
