package io.relayharness.report.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/** Two scenarios (YAML trees) compared leaf by leaf, as dotted paths. Stateless; thread-safe. */
public final class ScenarioDiff {

  private ScenarioDiff() {}

  /**
   * One leaf that differs; a side is null when the path is absent there.
   *
   * @param path the dotted path, arrays as {@code [i]}
   * @param a the value in the first scenario
   * @param b the value in the second scenario
   */
  public record Row(String path, String a, String b) {}

  /** The leaves whose values differ between {@code a} and {@code b}, sorted by path. */
  public static List<Row> between(JsonNode a, JsonNode b) {
    Map<String, String> fa = flatten(a);
    Map<String, String> fb = flatten(b);
    TreeSet<String> paths = new TreeSet<>(fa.keySet());
    paths.addAll(fb.keySet());
    List<Row> out = new ArrayList<>();
    for (String p : paths) {
      if (!Objects.equals(fa.get(p), fb.get(p))) {
        out.add(new Row(p, fa.get(p), fb.get(p)));
      }
    }
    return out;
  }

  /** Every leaf of {@code tree} as path to text. */
  public static Map<String, String> flatten(JsonNode tree) {
    Map<String, String> out = new TreeMap<>();
    flatten(tree, "", out);
    return out;
  }

  private static void flatten(JsonNode node, String path, Map<String, String> out) {
    if (node == null || node.isMissingNode()) {
      return;
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(node.get(i), path + "[" + i + "]", out);
      }
    } else {
      out.put(path, node.isNull() ? "null" : node.asText());
    }
  }
}
