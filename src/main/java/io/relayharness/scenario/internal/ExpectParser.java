package io.relayharness.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayharness.faults.TimelineStep;
import io.relayharness.scenario.Expectations;
import io.relayharness.scenario.TopologySpec;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the {@code expect} mapping: one entry per verdict, parameters and defaults from the
 * settings table; {@code key:} with no value checks the verdict with its defaults. Not thread-safe:
 * one per file.
 */
final class ExpectParser {

  private final Fields f;
  private final TopologySpec topology;
  private final List<TimelineStep> timeline;

  ExpectParser(Fields f, TopologySpec topology, List<TimelineStep> timeline) {
    this.f = f;
    this.topology = topology;
    this.timeline = timeline;
  }

  Expectations parse(ObjectNode expect) {
    return new Expectations(
        has(expect, "loss") ? new Expectations.Loss(intOf(expect, "loss", "maxLost")) : null,
        has(expect, "duplicates") ? duplicates(obj(expect, "duplicates")) : null,
        has(expect, "integrity")
            ? new Expectations.Integrity(intOf(expect, "integrity", "maxMismatched"))
            : null,
        has(expect, "evenness") ? evenness(obj(expect, "evenness")) : null,
        has(expect, "queueing") ? queueing(obj(expect, "queueing")) : null,
        has(expect, "retryTiming")
            ? new Expectations.RetryTiming(
                intOf(expect, "retryTiming", "toleranceMs"),
                intOf(expect, "retryTiming", "minGaps"))
            : null,
        has(expect, "slo") ? slo(obj(expect, "slo")) : null,
        has(expect, "delivery") ? delivery(obj(expect, "delivery")) : null,
        has(expect, "rejected") ? rejected(obj(expect, "rejected")) : null);
  }

  private static boolean has(ObjectNode expect, String key) {
    return expect.has(key);
  }

  private ObjectNode obj(ObjectNode expect, String key) {
    return f.object(expect.get(key), "expect." + key);
  }

  private int intOf(ObjectNode expect, String key, String param) {
    return (int) f.integer(obj(expect, key), "expect." + key, param);
  }

  private Expectations.Duplicates duplicates(ObjectNode node) {
    Long maxTotal = f.nullableInteger(node, "expect.duplicates", "maxTotal");
    return new Expectations.Duplicates(
        (int) f.integer(node, "expect.duplicates", "maxUnexplained"),
        maxTotal == null ? null : maxTotal.intValue());
  }

  private Expectations.Evenness evenness(ObjectNode node) {
    String path = "expect.evenness";
    Map<String, Double> weights = new LinkedHashMap<>();
    JsonNode raw = node.get("weights");
    List<String> workers = topology.workerNames();
    if (raw != null && !raw.isNull()) {
      if (!raw.isObject()) {
        f.error(
            path + ".weights", "expected a mapping of worker to weight, got " + Fields.show(raw));
      } else {
        ObjectNode map = (ObjectNode) raw;
        Iterator<String> it = map.fieldNames();
        boolean unknown = false;
        while (it.hasNext()) {
          String worker = it.next();
          if (!workers.contains(worker)) {
            f.error(path + ".weights." + worker, ScenarioParser.unknownWorker(worker, workers));
            unknown = true;
          }
        }
        for (String worker : workers) {
          Double w = map.has(worker) ? f.nullableNumber(map, path + ".weights", worker) : null;
          weights.put(worker, w == null ? 0.0 : w);
        }
        if (!unknown && weights.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
          f.error(path + ".weights", "the weights add up to 0");
        }
      }
    } else {
      weights.putAll(defaultWeights());
    }
    return new Expectations.Evenness(
        weights, f.number(node, path, "minPValue"), f.number(node, path, "maxRelativeDeviation"));
  }

  /** The topology's randmap weights when they differ, else equal among the primary MX workers. */
  private Map<String, Double> defaultWeights() {
    Map<String, Double> weights = new LinkedHashMap<>();
    boolean weighted = topology.weights().values().stream().anyMatch(w -> w != 1);
    List<String> primary = topology.primaryWorkers();
    for (String worker : topology.workerNames()) {
      double w = weighted ? topology.weights().get(worker) : (primary.contains(worker) ? 1.0 : 0.0);
      weights.put(worker, w);
    }
    return weights;
  }

  private Expectations.Queueing queueing(ObjectNode node) {
    String path = "expect.queueing";
    String during = f.text(node, path, "during");
    List<String> names =
        timeline.stream().map(TimelineStep::name).filter(Objects::nonNull).toList();
    if (during == null && !node.has("during")) {
      f.error(path + ".during", "required key is missing (the name of a timeline step)");
    } else if (during != null && !names.contains(during)) {
      f.error(
          path + ".during",
          "no timeline step is named '"
              + during
              + "' (named steps: "
              + (names.isEmpty() ? "none" : String.join(", ", names))
              + ")");
    }
    return new Expectations.Queueing(
        during, (int) f.integer(node, path, "minPeak"), f.number(node, path, "maxDrainSeconds"));
  }

  private Expectations.Slo slo(ObjectNode node) {
    String path = "expect.slo";
    return new Expectations.Slo(
        f.nullableNumber(node, path, "minAcceptedRate"),
        f.nullableNumber(node, path, "maxP95Ms"),
        f.nullableNumber(node, path, "maxP99Ms"),
        f.nullableNumber(node, path, "maxErrorRate"));
  }

  private Expectations.Delivery delivery(ObjectNode node) {
    String path = "expect.delivery";
    return new Expectations.Delivery(
        f.nullableNumber(node, path, "maxP95Ms"), f.nullableNumber(node, path, "maxP99Ms"));
  }

  private Expectations.Rejected rejected(ObjectNode node) {
    String path = "expect.rejected";
    Long code = f.nullableInteger(node, path, "code");
    return new Expectations.Rejected(
        (int) f.integer(node, path, "minRejected"), code == null ? null : code.intValue());
  }
}
