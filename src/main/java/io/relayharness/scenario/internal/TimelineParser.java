package io.relayharness.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayharness.faults.Blackhole;
import io.relayharness.faults.DnsChange;
import io.relayharness.faults.FaultAction;
import io.relayharness.faults.FaultActions;
import io.relayharness.faults.FaultScope;
import io.relayharness.faults.KillWorker;
import io.relayharness.faults.PauseWorker;
import io.relayharness.faults.ProxyDown;
import io.relayharness.faults.ProxyUp;
import io.relayharness.faults.RelayFault;
import io.relayharness.faults.RestartRelay;
import io.relayharness.faults.SinkFault;
import io.relayharness.faults.StartWorker;
import io.relayharness.faults.TimelineStep;
import io.relayharness.faults.ToxicFault;
import io.relayharness.faults.UnpauseWorker;
import io.relayharness.scenario.Durations;
import io.relayharness.scenario.LoadSpec;
import io.relayharness.scenario.ScenarioSchema;
import io.relayharness.scenario.TopologySpec;
import io.relayharness.vocab.SmtpStage;
import io.relayharness.vocab.ToxicKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code timeline} list: times, windows, targets and each action's parameters, checked
 * against the topology and the length of the load. Not thread-safe: one per file.
 */
final class TimelineParser {

  /** Keys every step may have, whatever its action. */
  private static final List<String> COMMON = List.of("at", "for", "name", "action", "target");

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

  private final Fields f;
  private final TopologySpec topology;
  private final long loadEndMs;

  /**
   * Creates a parser.
   *
   * @param loadKnown whether the load steps were read without problems; when not, times are not
   *     checked against the load's end (that would only repeat the load's problem)
   */
  TimelineParser(Fields f, TopologySpec topology, LoadSpec load, boolean loadKnown) {
    this.f = f;
    this.topology = topology;
    this.loadEndMs = loadKnown ? load.stepsSeconds() * 1000L : Long.MAX_VALUE / 4;
  }

  List<TimelineStep> parse(JsonNode node) {
    List<TimelineStep> steps = new ArrayList<>();
    if (node == null || node.isNull()) {
      return steps;
    }
    if (!node.isArray()) {
      f.error("timeline", "expected a list of steps, got " + Fields.show(node));
      return steps;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      TimelineStep step = step(i, node.get(i), names);
      if (step != null) {
        steps.add(step);
      }
    }
    return steps;
  }

  private TimelineStep step(int index, JsonNode item, Set<String> names) {
    String path = "timeline[" + index + "]";
    if (item == null || !item.isObject()) {
      f.error(path, "expected a mapping (at, action, target, ...), got " + Fields.show(item));
      return null;
    }
    ObjectNode node = f.object(item, path);
    String action = f.choice(node, path, "action");
    long atMs = f.durationMs(node, path, "at");
    if (atMs > loadEndMs) {
      f.error(
          path + ".at",
          Durations.format(atMs) + " is past the end of the load (" + loadEnd() + ")");
    }
    Long forMs = null;
    if (Fields.has(node, "for")) {
      long ms = f.durationMs(node, path, "for");
      if (ms == 0) {
        f.error(path + ".for", "must be longer than 0s");
      } else if (ms > 0) {
        forMs = ms;
        if (atMs >= 0 && atMs <= loadEndMs && atMs + ms > loadEndMs) {
          f.error(
              path + ".for",
              Durations.format(ms)
                  + " makes the window end at "
                  + Durations.format(atMs + ms)
                  + ", past the end of the load ("
                  + loadEnd()
                  + ")");
        }
      }
    }
    String name = f.text(node, path, "name");
    if (name != null) {
      if (!NAME.matcher(name).matches()) {
        f.error(path + ".name", "'" + name + "' is not a window name (letters, digits, - and _)");
      } else if (!names.add(name)) {
        f.error(path + ".name", "'" + name + "' names an earlier step too; names must be unique");
      }
    }
    if (action == null) {
      return null;
    }
    FaultActions.Info info = FaultActions.info(action).orElseThrow();
    Set<String> known = ScenarioSchema.childKeys("timeline[]");
    Iterator<String> keys = node.fieldNames();
    while (keys.hasNext()) {
      String key = keys.next();
      if (known.contains(key) && !COMMON.contains(key) && !info.params().contains(key)) {
        f.error(
            path + "." + key,
            "not a parameter of action '"
                + action
                + "' ("
                + (info.params().isEmpty()
                    ? "it takes none"
                    : "its parameters: " + String.join(", ", info.params()))
                + ")");
      }
    }
    if (forMs != null && !info.undoable()) {
      f.error(
          path + ".for",
          "action '" + action + "' opens no window that could be undone; remove 'for'");
    }
    FaultScope scope = scope(node, path, action, info);
    if (scope == null || atMs < 0) {
      return null;
    }
    FaultAction built = build(node, path, index, name, action, scope);
    return built == null ? null : new TimelineStep(index, atMs, forMs, name, built);
  }

  private String loadEnd() {
    return Durations.format(loadEndMs) + ", the sum of load.steps";
  }

  private FaultScope scope(ObjectNode node, String path, String action, FaultActions.Info info) {
    String at = path + ".target";
    JsonNode target = node.get("target");
    List<String> workers = topology.workerNames();
    if (action.equals(ToxicFault.NAME) && (Fields.has(node, "region") || namesRelays(target))) {
      return relayLinkScope(node, target, path);
    }
    if (info.onTierRelays() || (!info.onWorkers() && topology.isTier())) {
      return tierScope(target, at, action);
    }
    if (!info.onWorkers()) {
      if (target != null && !(target.isTextual() && target.asText().equals(FaultScope.RELAY))) {
        f.error(at, "action '" + action + "' acts on the relay; target must be 'relay' or absent");
      }
      return FaultScope.relay();
    }
    if (target == null || target.isNull()) {
      f.error(at, "required key is missing (worker0..N-1, a list of workers, or all-workers)");
      return null;
    }
    List<String> named = new ArrayList<>();
    if (target.isTextual() && target.asText().equals(FaultScope.ALL_WORKERS)) {
      return new FaultScope(FaultScope.ALL_WORKERS, workers);
    } else if (target.isTextual()) {
      for (String part : target.asText().split(",")) {
        named.add(part.strip());
      }
    } else if (target.isArray() && !target.isEmpty()) {
      for (JsonNode item : target) {
        named.add(item.isTextual() ? item.asText() : Fields.show(item));
      }
    } else {
      f.error(
          at,
          "expected a worker name, a list of workers or all-workers, got " + Fields.show(target));
      return null;
    }
    boolean ok = true;
    for (String worker : named) {
      if (worker.equals(FaultScope.RELAY)) {
        f.error(at, "action '" + action + "' acts on workers, not the relay");
        ok = false;
      } else if (!workers.contains(worker) && action.equals(ToxicFault.NAME) && topology.isTier()) {
        f.error(at, unknownLink(worker, workers));
        ok = false;
      } else if (!workers.contains(worker)) {
        f.error(at, ScenarioParser.unknownWorker(worker, workers));
        ok = false;
      }
    }
    if (!ok) {
      return null;
    }
    return named.size() == 1 ? FaultScope.worker(named.get(0)) : FaultScope.workers(named);
  }

  /** The problem with a toxic target that names neither a worker nor a relay of a tier. */
  private String unknownLink(String name, List<String> workers) {
    List<String> relays = topology.relayNames();
    String known =
        workers.get(0)
            + ".."
            + workers.get(workers.size() - 1)
            + " and "
            + relays.get(0)
            + ".."
            + relays.get(relays.size() - 1);
    return topology.regionNames().contains(name)
        ? "'" + name + "' is a region; a toxic on every relay link of it says region: " + name
        : "unknown worker or relay '" + name + "' (the topology has " + known + ")";
  }

  /** Whether a target names a tier relay (relay0..N-1), alone or in a list. */
  private boolean namesRelays(JsonNode target) {
    List<String> relays = topology.relayNames();
    if (target == null || relays.isEmpty()) {
      return false;
    }
    List<String> named = new ArrayList<>();
    if (target.isTextual()) {
      for (String part : target.asText().split(",")) {
        named.add(part.strip());
      }
    } else if (target.isArray()) {
      target.forEach(item -> named.add(item.asText()));
    }
    return named.stream().anyMatch(relays::contains);
  }

  /**
   * The relay links a toxic acts on: relays named by {@code target} ({@code relay1}, a list) or
   * every relay of a region named by {@code region}, never both, and never mixed with workers.
   */
  private FaultScope relayLinkScope(ObjectNode node, JsonNode target, String path) {
    if (!Fields.has(node, "region")) {
      Iterable<JsonNode> items = target.isArray() ? target : List.of(target);
      for (JsonNode item : items) {
        for (String part : item.asText().split(",")) {
          if (topology.workerNames().contains(part.strip())) {
            f.error(
                path + ".target",
                "'"
                    + part.strip()
                    + "' is a worker link and the others are relay links; a toxic step acts on"
                    + " one kind, give each its own step");
            return null;
          }
        }
      }
      return tierScope(target, path + ".target", ToxicFault.NAME);
    }
    String at = path + ".region";
    if (target != null && !target.isNull()) {
      f.error(
          at, "give target (workers or relays) or region (every relay link of a region), not both");
      return null;
    }
    String region = f.text(node, path, "region");
    if (region == null) {
      return null;
    }
    List<String> regions = topology.regionNames();
    if (topology.relayNames().isEmpty()) {
      f.error(
          at,
          "'"
              + region
              + "': a region is a group of relays of a relay tier; this topology has one relay (set"
              + " topology.relays to 2..4)");
      return null;
    }
    if (!regions.contains(region)) {
      f.error(
          at,
          "unknown region '"
              + region
              + "' (the topology's regions: "
              + String.join(", ", regions)
              + ")");
      return null;
    }
    return new FaultScope(region, topology.relaysIn(region));
  }

  /**
   * The relays a tier action acts on: relay names ({@code relay0}, a list, or {@code
   * relay0,relay1}) or, for {@code region-partition}, region names. Every name is checked against
   * the topology.
   */
  private FaultScope tierScope(JsonNode target, String at, String action) {
    boolean byRegion = action.equals(RelayFault.PARTITION);
    List<String> relays = topology.relayNames();
    List<String> regions = topology.regionNames();
    String expected = byRegion ? "a region name or a list of regions" : "a relay name or a list";
    if (relays.isEmpty()) {
      f.error(
          at,
          "action '"
              + action
              + "' acts on the relays of a relay tier; this topology has one relay (set"
              + " topology.relays to 2..4)");
      return null;
    }
    if (target == null || target.isNull()) {
      f.error(at, "required key is missing (" + expected + ")");
      return null;
    }
    List<String> named = new ArrayList<>();
    if (target.isTextual()) {
      for (String part : target.asText().split(",")) {
        named.add(part.strip());
      }
    } else if (target.isArray() && !target.isEmpty()) {
      for (JsonNode item : target) {
        named.add(item.isTextual() ? item.asText() : Fields.show(item));
      }
    } else {
      f.error(at, "expected " + expected + ", got " + Fields.show(target));
      return null;
    }
    List<String> covered = new ArrayList<>();
    boolean ok = true;
    for (String name : named) {
      if (byRegion && regions.contains(name)) {
        covered.addAll(topology.relaysIn(name));
      } else if (!byRegion && relays.contains(name)) {
        covered.add(name);
      } else {
        ok = false;
        f.error(
            at,
            byRegion
                ? "unknown region '"
                    + name
                    + "' (the topology's regions: "
                    + String.join(", ", regions)
                    + ")"
                : ScenarioParser.unknownRelay(name, relays));
      }
    }
    return ok ? new FaultScope(String.join(",", named), covered) : null;
  }

  private FaultAction build(
      ObjectNode node, String path, int index, String name, String action, FaultScope scope) {
    String base = name != null ? name : "step" + index;
    return switch (action) {
      case ProxyDown.NAME -> new ProxyDown(scope);
      case ProxyUp.NAME -> new ProxyUp(scope);
      case Blackhole.NAME -> new Blackhole(scope, base + "-blackhole");
      case KillWorker.NAME -> new KillWorker(scope);
      case StartWorker.NAME -> new StartWorker(scope);
      case PauseWorker.NAME -> new PauseWorker(scope);
      case UnpauseWorker.NAME -> new UnpauseWorker(scope);
      case RestartRelay.NAME -> scope.isRelay() ? RestartRelay.ofRelay() : new RestartRelay(scope);
      case RelayFault.KILL,
          RelayFault.DISK_LOST,
          RelayFault.PAUSE,
          RelayFault.LINK_DOWN,
          RelayFault.PARTITION ->
          new RelayFault(action, scope);
      case ToxicFault.NAME -> toxic(node, path, base, scope);
      case SinkFault.NAME -> sinkFault(node, path, scope);
      case DnsChange.NAME -> dns(node, path, scope);
      default -> throw new IllegalStateException("action without a builder: " + action);
    };
  }

  private FaultAction toxic(ObjectNode node, String path, String base, FaultScope scope) {
    String type = f.choice(node, path, "type");
    if (type == null && !Fields.has(node, "type")) {
      f.error(path + ".type", "required for action 'toxic' (latency, bandwidth, timeout, ...)");
    }
    ToxicKind kind = type == null ? null : ToxicKind.byApiName(type).orElse(null);
    String stream = f.choice(node, path, "stream");
    double toxicity = f.number(node, path, "toxicity");
    String at = path + ".attributes";
    JsonNode raw = node.get("attributes");
    Map<String, Long> attributes = new LinkedHashMap<>();
    if (raw != null && !raw.isNull() && !raw.isObject()) {
      f.error(at, "expected a mapping of attribute to number, got " + Fields.show(raw));
    } else if (raw != null && raw.isObject()) {
      ObjectNode map = (ObjectNode) raw;
      List<String> allowed = kind == null ? null : kind.attributeNames();
      Iterator<String> it = map.fieldNames();
      while (it.hasNext()) {
        String key = it.next();
        if (allowed != null && !allowed.contains(key)) {
          String hint =
              Suggest.closest(key, allowed).map(c -> "did you mean '" + c + "'? ").orElse("");
          f.error(
              at + "." + key,
              "not an attribute of toxic '"
                  + type
                  + "' ("
                  + hint
                  + "its attributes: "
                  + String.join(", ", allowed)
                  + ")");
        } else {
          Long value = f.nullableInteger(map, at, key);
          if (value != null) {
            attributes.put(key, value);
          }
        }
      }
    }
    if (kind != null) {
      kind.requiredAttribute()
          .filter(required -> !attributes.containsKey(required.name()))
          .ifPresent(
              required ->
                  f.error(at, "toxic '" + type + "' needs attribute '" + required.name() + "'"));
    }
    return type == null
        ? null
        : new ToxicFault(scope, base + "-" + type, type, stream, toxicity, attributes);
  }

  private FaultAction sinkFault(ObjectNode node, String path, FaultScope scope) {
    String at = path + ".fault";
    if (!Fields.has(node, "fault")) {
      f.error(at, "required for action 'sink-fault' (stage, code, text, count|probability, ...)");
      return null;
    }
    ObjectNode fault = f.object(node.get("fault"), at);
    String stage = f.choice(fault, at, "stage");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("stage", stage);
    int code = (int) f.integer(fault, at, "code");
    String text = f.text(fault, at, "text");
    Long count = f.nullableInteger(fault, at, "count");
    Double probability = f.nullableNumber(fault, at, "probability");
    if (count != null && probability != null) {
      f.error(at, "give count or probability, not both");
    }
    if (count != null) {
      out.put("count", count.intValue());
    }
    if (probability != null) {
      out.put("probability", probability);
    }
    String faultAction = f.choice(fault, at, "action");
    out.put("action", faultAction);
    if ("drop-before-250".equals(faultAction)
        && stage != null
        && !SmtpStage.EOD.wireName().equals(stage)) {
      f.error(
          at + ".stage",
          "'"
              + stage
              + "' with action drop-before-250: dropping before the 250 happens at stage eod");
    }
    // The sink takes a reply code and text only for a reply; a drop carries neither.
    if (!"drop-before-250".equals(faultAction)) {
      out.put("code", code);
      out.put("text", text);
    }
    int delayMs = (int) f.integer(fault, at, "delayMs");
    if (delayMs > 0) {
      out.put("delayMs", delayMs);
    }
    return stage == null ? null : new SinkFault(scope, out);
  }

  private FaultAction dns(ObjectNode node, String path, FaultScope scope) {
    boolean drop = f.bool(node, path, "drop");
    Long preference = f.nullableInteger(node, path, "preference");
    if (drop == (preference != null)) {
      f.error(path, "action 'dns' needs either drop: true or preference: N");
      return null;
    }
    return new DnsChange(scope, drop, preference == null ? null : preference.intValue());
  }
}
