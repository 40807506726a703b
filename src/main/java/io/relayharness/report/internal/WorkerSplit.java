package io.relayharness.report.internal;

import io.relayharness.ledger.SinkArrival;
import io.relayharness.observe.MessageTimeline;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How mail split over the workers: each message counted once, at the worker of its first arrival
 * (from the per-message timelines, else from the arrivals by harness id when there is no injector
 * ledger). Immutable; thread-safe.
 *
 * @param firstArrivals messages per worker (every known worker, zero included), by worker name
 * @param totalArrivals every arrival, duplicates included
 * @param source the files the counts came from, or "none"
 */
public record WorkerSplit(Map<String, Long> firstArrivals, long totalArrivals, String source) {

  public WorkerSplit {
    firstArrivals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(firstArrivals));
  }

  /** Counts the split of {@code run}. */
  public static WorkerSplit of(ReportedRun run) {
    Map<String, Long> counts = new TreeMap<>();
    workersOf(run).forEach(w -> counts.put(w, 0L));
    long total = 0;
    if (!run.timeline().isEmpty()) {
      for (MessageTimeline m : run.timeline()) {
        total += m.arrivals().size();
        if (m.delivered()) {
          counts.merge(RunSeries.workerName(m.firstWorker()), 1L, Long::sum);
        }
      }
      return new WorkerSplit(counts, total, "accepted.jsonl joined with arrivals.jsonl");
    }
    if (!run.arrivals().isEmpty()) {
      Map<String, SinkArrival> first = new HashMap<>();
      for (SinkArrival a : run.arrivals()) {
        total++;
        String id = a.harnessId() != null ? a.harnessId() : a.messageId();
        if (id != null) {
          first.merge(id, a, (x, y) -> y.arrivalEpochMs() < x.arrivalEpochMs() ? y : x);
        }
      }
      for (SinkArrival a : first.values()) {
        counts.merge(RunSeries.workerName(a.worker()), 1L, Long::sum);
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

  /**
   * Every worker of the run, sorted: the topology's {@code worker0..N-1} (scenario.yaml {@code
   * topology.workers}), so a worker that got nothing still shows, and every worker named in the
   * arrivals.
   */
  static List<String> workersOf(ReportedRun run) {
    TreeSet<String> names = new TreeSet<>();
    String count = run.scenarioLeaves().get("topology.workers");
    if (count != null && count.matches("\\d{1,3}")) {
      for (int i = 0; i < Integer.parseInt(count); i++) {
        names.add("worker" + i);
      }
    }
    for (SinkArrival a : run.arrivals()) {
      names.add(RunSeries.workerName(a.worker()));
    }
    return List.copyOf(names);
  }
}
