package io.relayharness.report.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How mail split over the workers: each message counted once, at the worker of its first arrival
 * (from timeline.jsonl, else from arrivals.jsonl by harness id). Immutable; thread-safe.
 *
 * @param firstArrivals messages per worker (every known worker, zero included), by worker name
 * @param totalArrivals every arrival, duplicates included
 * @param source the file the counts came from, or "none"
 */
public record WorkerSplit(Map<String, Long> firstArrivals, long totalArrivals, String source) {

  public WorkerSplit {
    firstArrivals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(firstArrivals));
  }

  /** Counts the split of {@code run}. */
  public static WorkerSplit of(RunFolder run) {
    Map<String, Long> counts = new TreeMap<>();
    workersOf(run).forEach(w -> counts.put(w, 0L));
    long total = 0;
    if (!run.timeline().isEmpty()) {
      for (JsonNode m : run.timeline()) {
        String w = firstWorker(m);
        JsonNode arrivals = m.get("arrivals");
        total += arrivals != null && arrivals.isArray() ? arrivals.size() : 0;
        if (w != null) {
          counts.merge(w, 1L, Long::sum);
        }
      }
      return new WorkerSplit(counts, total, "timeline.jsonl");
    }
    if (!run.arrivals().isEmpty()) {
      Map<String, JsonNode> first = new HashMap<>();
      for (JsonNode a : run.arrivals()) {
        total++;
        String id = Json.textOr(a, "harnessId", Json.textOr(a, "messageId", null));
        if (id == null) {
          continue;
        }
        first.merge(
            id,
            a,
            (x, y) ->
                Json.longOr(y, "arrivalEpochMs", 0) < Json.longOr(x, "arrivalEpochMs", 0) ? y : x);
      }
      for (JsonNode a : first.values()) {
        counts.merge(Json.textOr(a, "worker", "unknown"), 1L, Long::sum);
      }
      return new WorkerSplit(counts, total, "arrivals.jsonl");
    }
    return new WorkerSplit(counts, 0, "none");
  }

  /** Messages counted (first arrivals). */
  public long messages() {
    return firstArrivals.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The share of messages at {@code worker}, 0..1 (0 when there are none). */
  public double share(String worker) {
    long n = messages();
    return n == 0 ? 0 : firstArrivals.getOrDefault(worker, 0L) / (double) n;
  }

  /** The largest |share - 1/k| / (1/k) over the k workers: 0 for a perfectly even split. */
  public double maxRelativeDeviationFromEven() {
    int k = firstArrivals.size();
    if (k == 0 || messages() == 0) {
      return 0;
    }
    double even = 1.0 / k;
    return firstArrivals.keySet().stream()
        .mapToDouble(w -> Math.abs(share(w) - even) / even)
        .max()
        .orElse(0);
  }

  /** The worker of a timeline entry's earliest arrival, or null when it never arrived. */
  static String firstWorker(JsonNode message) {
    JsonNode arrivals = message.get("arrivals");
    if (arrivals == null || !arrivals.isArray() || arrivals.isEmpty()) {
      return null;
    }
    JsonNode first = arrivals.get(0);
    for (JsonNode a : arrivals) {
      if (Json.longOr(a, "epochMs", Long.MAX_VALUE)
          < Json.longOr(first, "epochMs", Long.MAX_VALUE)) {
        first = a;
      }
    }
    return Json.textOr(first, "worker", "unknown");
  }

  /**
   * Every worker of the run, sorted: the topology's {@code worker0..N-1} (scenario.yaml {@code
   * topology.workers}), so a worker that got nothing still shows, and every worker named in the
   * arrivals.
   */
  static List<String> workersOf(RunFolder run) {
    TreeSet<String> names = new TreeSet<>();
    JsonNode count = run.scenario().path("topology").path("workers");
    if (count.canConvertToInt() && count.asInt() > 0 && count.asInt() <= 1000) {
      for (int i = 0; i < count.asInt(); i++) {
        names.add("worker" + i);
      }
    }
    for (JsonNode a : run.arrivals()) {
      if (Json.has(a, "worker")) {
        names.add(Json.textOr(a, "worker", ""));
      }
    }
    for (JsonNode m : run.timeline()) {
      JsonNode arrivals = m.get("arrivals");
      if (arrivals != null && arrivals.isArray()) {
        arrivals.forEach(a -> names.add(Json.textOr(a, "worker", "unknown")));
      }
    }
    return List.copyOf(names);
  }
}
