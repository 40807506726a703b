package io.relayharness.scenario.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayharness.faults.TimelineStep;
import io.relayharness.scenario.Expectations;
import io.relayharness.scenario.TopologySpec;
import io.relayharness.verdict.VerdictContext;
import io.relayharness.verdict.VerdictParams;
import io.relayharness.verdict.VerdictSpec;
import io.relayharness.verdict.Verdicts;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the {@code expect} mapping and {@code expectFailure} list. Each key is a verdict, validated
 * by that verdict's own spec (the single definition of its parameters, defaults and bounds) against
 * the scenario's workers and timeline steps; {@code key:} with no value takes every default. The
 * verdicts judged in every run are added with their defaults when the file does not name them. Not
 * thread-safe: one per file.
 */
final class ExpectParser {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Fields f;
  private final VerdictContext context;
  private final TopologySpec topology;

  ExpectParser(Fields f, TopologySpec topology, List<TimelineStep> timeline) {
    this.f = f;
    this.topology = topology;
    this.context =
        new VerdictContext(
            topology.workerNames(),
            defaultWeights(topology),
            timeline.stream().map(TimelineStep::name).filter(Objects::nonNull).toList());
  }

  Expectations parse(JsonNode expectNode, List<String> expectFailure) {
    Map<String, VerdictParams> checks = new LinkedHashMap<>();
    boolean named = false;
    if (expectNode != null && !expectNode.isNull() && !expectNode.isMissingNode()) {
      if (!expectNode.isObject()) {
        f.error(
            "expect",
            "expected a mapping of verdict to parameters, got " + Fields.show(expectNode));
      } else {
        Iterator<Map.Entry<String, JsonNode>> it = expectNode.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          named = true;
          VerdictParams p = verdict(e.getKey(), e.getValue());
          if (p != null) {
            checks.put(e.getKey(), p);
          }
        }
      }
    }
    if (!named) {
      f.error("expect", "a scenario must expect something (verdicts: " + known() + ")");
    }
    Map<String, VerdictParams> all = new LinkedHashMap<>();
    for (String always : Verdicts.ALWAYS) {
      all.put(always, checks.containsKey(always) ? checks.get(always) : defaults(always));
    }
    all.putAll(checks);
    for (int i = 0; i < expectFailure.size(); i++) {
      if (!all.containsKey(expectFailure.get(i))) {
        f.error(
            "expectFailure[" + i + "]",
            "'"
                + expectFailure.get(i)
                + "' is not judged by this scenario (judged: "
                + String.join(", ", all.keySet())
                + ")");
      }
    }
    return new Expectations(all, expectFailure);
  }

  private VerdictParams verdict(String key, JsonNode node) {
    VerdictSpec spec = Verdicts.specs().get(key);
    if (spec == null) {
      String hint =
          Suggest.closest(key, Verdicts.specs().keySet())
              .map(c -> " (did you mean '" + c + "'?)")
              .orElse("");
      f.error(
          "expect." + key,
          hint.isEmpty() ? "unknown key (known verdicts: " + known() + ")" : "unknown key" + hint);
      return null;
    }
    Map<String, Object> raw = null;
    if (node != null && !node.isNull()) {
      if (!(node instanceof ObjectNode)) {
        f.error("expect." + key, "expected a mapping of parameters, got " + Fields.show(node));
        return null;
      }
      raw = JSON.convertValue(node, new TypeReference<Map<String, Object>>() {});
      List<String> known = spec.params().stream().map(p -> p.name()).toList();
      boolean unknown = false;
      for (String param : raw.keySet()) {
        if (spec.param(param) == null) {
          unknown = true;
          f.error(
              "expect." + key + "." + param,
              Suggest.closest(param, known)
                  .map(c -> "unknown key (did you mean '" + c + "'?)")
                  .orElse(
                      "unknown key (known: "
                          + (known.isEmpty() ? "none" : String.join(", ", known))
                          + ")"));
        }
      }
      if (unknown) {
        return null;
      }
    }
    try {
      VerdictParams params = spec.validate(raw, context);
      // the verdict's own checks across its parameters (e.g. routing needs phases or ownPools)
      spec.create(params);
      if (key.equals("routing") && params.bool("ownPools") && !topology.hasWorkerPools()) {
        f.error(
            "expect.routing.ownPools",
            "the topology has no worker pools: set topology.workerPools (a relay tier whose relays"
                + " each have their own workers)");
      }
      return params;
    } catch (IllegalArgumentException e) {
      f.error("", e.getMessage());
      return null;
    }
  }

  private VerdictParams defaults(String key) {
    return Verdicts.spec(key).validate(null, context);
  }

  private static String known() {
    return String.join(", ", Verdicts.specs().keySet());
  }

  /** The topology's randmap weights when they differ, else equal among the primary MX workers. */
  static Map<String, Double> defaultWeights(TopologySpec topology) {
    Map<String, Double> weights = new LinkedHashMap<>();
    boolean weighted = topology.weights().values().stream().anyMatch(w -> w != 1);
    List<String> primary = topology.primaryWorkers();
    for (String worker : topology.workerNames()) {
      double w = weighted ? topology.weights().get(worker) : (primary.contains(worker) ? 1.0 : 0.0);
      weights.put(worker, w);
    }
    return weights;
  }
}
