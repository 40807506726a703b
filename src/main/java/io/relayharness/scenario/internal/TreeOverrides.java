package io.relayharness.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.relayharness.scenario.Durations;
import io.relayharness.scenario.Overrides;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies command-line overrides to a scenario's YAML tree before it is validated: {@code --set
 * key.path=value} first, then {@code --rate} and {@code --duration} on the load steps. Problems are
 * reported through {@link Fields} as {@code --set ...: message}. Not thread-safe.
 */
public final class TreeOverrides {

  private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_<>-]+)((?:\\[\\d+])*)");
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");
  private static final List<List<String>> RATE_KEYS =
      List.of(
          List.of("constant", "rate"),
          List.of("ramp", "from"),
          List.of("ramp", "to"),
          List.of("spike", "rate"));

  private final ObjectMapper yaml;
  private final Fields f;

  /** Creates an applier that parses values with {@code yaml} and reports through {@code f}. */
  public TreeOverrides(ObjectMapper yaml, Fields f) {
    this.yaml = yaml;
    this.f = f;
  }

  /** Applies every override to {@code root} in place. */
  public void apply(ObjectNode root, Overrides overrides) {
    for (String set : overrides.sets()) {
      set(root, set);
    }
    if (overrides.ratePerSec() != null) {
      rate(root, overrides.ratePerSec());
    }
    if (overrides.duration() != null) {
      duration(root, overrides.duration());
    }
  }

  private void set(ObjectNode root, String assignment) {
    int eq = assignment.indexOf('=');
    if (eq <= 0) {
      f.error("--set " + assignment, "expected key.path=value");
      return;
    }
    String path = assignment.substring(0, eq).strip();
    String text = assignment.substring(eq + 1);
    String where = "--set " + path;
    List<Object> steps = new ArrayList<>();
    for (String part : path.split("\\.", -1)) {
      Matcher m = SEGMENT.matcher(part);
      if (!m.matches()) {
        f.error(where, "'" + part + "' is not a key (write e.g. load.steps[0].constant.rate=200)");
        return;
      }
      steps.add(m.group(1));
      Matcher i = INDEX.matcher(m.group(2));
      while (i.find()) {
        steps.add(Integer.parseInt(i.group(1)));
      }
    }
    JsonNode value = parseValue(text);
    JsonNode node = root;
    String walked = "";
    for (int s = 0; s < steps.size(); s++) {
      Object step = steps.get(s);
      boolean last = s == steps.size() - 1;
      Object next = last ? null : steps.get(s + 1);
      if (step instanceof String key) {
        if (!(node instanceof ObjectNode obj)) {
          f.error(where, walked + " is not a mapping");
          return;
        }
        walked = Fields.join(walked, key);
        if (last) {
          obj.set(key, value);
          return;
        }
        JsonNode child = obj.get(key);
        if (child == null || child.isNull()) {
          child = next instanceof Integer ? obj.putArray(key) : obj.putObject(key);
        }
        node = child;
      } else {
        int index = (Integer) step;
        if (!(node instanceof ArrayNode array)) {
          f.error(where, walked + " is not a list");
          return;
        }
        if (index > array.size()) {
          f.error(
              where,
              "index "
                  + index
                  + " is out of range ("
                  + walked
                  + " has "
                  + array.size()
                  + " entries)");
          return;
        }
        walked = walked + "[" + index + "]";
        if (last) {
          if (index == array.size()) {
            array.add(value);
          } else {
            array.set(index, value);
          }
          return;
        }
        if (index == array.size()) {
          array.add(next instanceof Integer ? array.arrayNode() : array.objectNode());
        }
        node = array.get(index);
      }
    }
  }

  /** Reads a value as YAML ({@code 200} is a number, {@code true} a boolean), else as text. */
  private JsonNode parseValue(String text) {
    if (text.isEmpty()) {
      return TextNode.valueOf("");
    }
    try {
      JsonNode node = yaml.readTree(text);
      return node == null || node.isMissingNode() ? TextNode.valueOf(text) : node;
    } catch (Exception e) {
      return TextNode.valueOf(text);
    }
  }

  /** Scales every step's rates so the highest becomes {@code ratePerSec}. */
  private void rate(ObjectNode root, double ratePerSec) {
    if (ratePerSec <= 0) {
      f.error("--rate", Fields.show(DoubleNode.valueOf(ratePerSec)) + " must be above 0");
      return;
    }
    List<ObjectNode> bodies = stepBodies(root);
    double peak = 0;
    for (ObjectNode body : bodies) {
      for (List<String> key : RATE_KEYS) {
        JsonNode rate = body.path(key.get(0)).path(key.get(1));
        if (rate.isNumber()) {
          peak = Math.max(peak, rate.asDouble());
        }
      }
    }
    if (peak <= 0) {
      f.error("--rate", "the scenario's load steps have no rate above 0 to scale");
      return;
    }
    double factor = ratePerSec / peak;
    for (ObjectNode body : bodies) {
      for (List<String> key : RATE_KEYS) {
        JsonNode kind = body.get(key.get(0));
        if (kind instanceof ObjectNode obj && obj.path(key.get(1)).isNumber()) {
          double scaled = Math.round(obj.get(key.get(1)).asDouble() * factor * 100) / 100.0;
          obj.put(key.get(1), scaled);
        }
      }
    }
  }

  /** Stretches the steps' lengths so they add up to {@code text} (whole seconds). */
  private void duration(ObjectNode root, String text) {
    long ms = Durations.parseMs(text);
    if (ms <= 0 || ms % 1000 != 0) {
      f.error(
          "--duration", "'" + text + "' is not a whole number of seconds above 0 (e.g. 30s, 2m)");
      return;
    }
    long target = ms / 1000;
    List<ObjectNode> lengths = new ArrayList<>();
    long total = 0;
    for (ObjectNode body : stepBodies(root)) {
      for (String kind : List.of("constant", "ramp", "spike")) {
        JsonNode k = body.get(kind);
        if (k instanceof ObjectNode obj && obj.path("seconds").isIntegralNumber()) {
          lengths.add(obj);
          total += obj.get("seconds").asLong();
        }
      }
    }
    if (total <= 0) {
      f.error("--duration", "the scenario's load steps have no length to stretch");
      return;
    }
    if (target < lengths.size()) {
      f.error(
          "--duration",
          text + " is shorter than one second per load step (" + lengths.size() + " steps)");
      return;
    }
    long assigned = 0;
    for (int i = 0; i < lengths.size(); i++) {
      ObjectNode obj = lengths.get(i);
      long seconds =
          i == lengths.size() - 1
              ? target - assigned
              : Math.max(1, Math.round(obj.get("seconds").asDouble() * target / total));
      seconds = Math.max(1, Math.min(seconds, target - assigned - (lengths.size() - 1 - i)));
      obj.set("seconds", IntNode.valueOf((int) seconds));
      assigned += seconds;
    }
  }

  private static List<ObjectNode> stepBodies(ObjectNode root) {
    List<ObjectNode> out = new ArrayList<>();
    JsonNode steps = root.path("load").path("steps");
    if (steps.isArray()) {
      for (JsonNode step : steps) {
        if (step instanceof ObjectNode obj) {
          out.add(obj);
        }
      }
    }
    return out;
  }
}
