package io.relayharness.observe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scenario a run ran ({@code scenario.yaml}) as its leaves: dotted path to value, arrays as
 * {@code [i]}, e.g. {@code topology.workers → 3}. How the run folder hands the scenario to readers
 * that compare or look up single keys without the scenario model. Stateless; thread-safe.
 */
final class ScenarioLeaves {

  private ScenarioLeaves() {}

  /** Returns every leaf of {@code tree} as path to text, sorted by path. */
  static Map<String, String> of(JsonNode tree) {
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
