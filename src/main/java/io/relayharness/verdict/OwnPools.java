package io.relayharness.verdict;

import io.relayharness.ledger.SinkArrival;
import io.relayharness.observe.RunObservations;
import io.relayharness.observe.TierHop;
import io.relayharness.observe.TierObservations;
import io.relayharness.observe.TimeWindow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Routing per relay, for a relay tier whose relays have their own worker pools: every message a
 * relay delivered went to a worker of that relay's pool, in every phase of the timeline. Two
 * witnesses, each by message: the relay's own log ({@code status=sent} to a worker) and the sinks'
 * ledgers (the arrival's relay queue id, from its {@code Received:} header, names the relay that
 * handed it over). A message either shows outside the pool is named by its Message-ID. Each relay
 * must have delivered {@code minMessages} to prove anything, and some arrival must be traced to a
 * relay. Stateless; thread-safe.
 *
 * <pre>
 *   sender ──► relay0 ──► pool of relay0 only     relay log: status=sent relay=worker1...
 *          └─► relay1 ──► pool of relay1 only     sink ledger: Received: ... id QID (relay1's)
 * </pre>
 */
final class OwnPools {

  /**
   * The phase of a moment after the first step began and before the last ended, in no step's
   * in-effect window: while a step was being applied or undone, or between two steps.
   */
  static final String BETWEEN = "between steps or while one was applied or undone";

  /** How many offending Message-IDs a failure names before it says how many more. */
  private static final int NAMED = 5;

  private OwnPools() {}

  /** Where one message of one relay went, and by which witness. */
  private record Delivery(
      String relay, String messageId, String worker, long epochMs, boolean fromSink) {}

  /**
   * Judges the run, adding its rows to {@code table} (phase, relay, pool, worker, relay log, sinks,
   * result), its figures under {@code pools.} and its failures.
   *
   * @param phaseOf the phase a moment belongs to ({@code before}, a step, {@code between}, {@code
   *     after})
   */
  static void judge(
      RunObservations obs,
      java.util.function.LongFunction<String> phaseOf,
      int minMessages,
      Table.Builder table,
      Map<String, Double> figures,
      List<String> failures) {
    if (obs.tiers().isEmpty()) {
      failures.add("ownPools: the run had no relay tier");
      return;
    }
    TierObservations tiers = obs.tiers().get();
    if (!tiers.hasPools()) {
      failures.add(
          "ownPools: the relays shared every worker (the topology has no topology.workerPools)");
      return;
    }
    Map<String, List<String>> pools = tiers.pools();
    List<Delivery> deliveries = new ArrayList<>();
    Map<String, TierHop> byQueueId = new HashMap<>();
    Set<String> logged = new LinkedHashSet<>();
    for (TierHop h : tiers.hops()) {
      byQueueId.put(h.queueId(), h);
      if (h.deliveredEpochMs() != null && logged.add(h.relay() + "\u0000" + h.messageId())) {
        String worker = h.worker() == null ? "(unknown)" : h.worker();
        deliveries.add(new Delivery(h.relay(), h.messageId(), worker, h.deliveredEpochMs(), false));
      }
    }
    long traced = 0;
    for (SinkArrival a : obs.arrivals()) {
      TierHop h = a.relayQueueId() == null ? null : byQueueId.get(a.relayQueueId());
      if (h != null) {
        traced++;
        String id = a.messageId() != null ? a.messageId() : h.messageId();
        deliveries.add(new Delivery(h.relay(), id, a.worker(), a.arrivalEpochMs(), true));
      }
    }
    figures.put("pools.tracedArrivals", (double) traced);

    // phase -> relay -> worker -> {relay log, sinks}
    Map<String, Map<String, Map<String, long[]>>> counts = new LinkedHashMap<>();
    Map<String, Set<String>> outside = new TreeMap<>();
    Map<String, Long> perRelay = new TreeMap<>();
    pools.keySet().forEach(r -> perRelay.put(r, 0L));
    for (Delivery d : deliveries) {
      counts
          .computeIfAbsent(phaseOf.apply(d.epochMs()), p -> new TreeMap<>())
          .computeIfAbsent(d.relay(), r -> new TreeMap<>())
          .computeIfAbsent(d.worker(), w -> new long[2])[d.fromSink() ? 1 : 0]++;
      if (!d.fromSink()) {
        perRelay.merge(d.relay(), 1L, Long::sum);
      }
      if (!pools.getOrDefault(d.relay(), List.of()).contains(d.worker())) {
        outside.computeIfAbsent(d.relay(), r -> new LinkedHashSet<>()).add(d.messageId());
      }
    }
    counts.forEach(
        (phase, relays) ->
            relays.forEach(
                (relay, workers) ->
                    workers.forEach(
                        (worker, n) -> {
                          boolean in = pools.getOrDefault(relay, List.of()).contains(worker);
                          table.row(
                              phase,
                              relay,
                              String.join(", ", pools.getOrDefault(relay, List.of())),
                              worker,
                              n[0],
                              n[1],
                              in ? "ok" : "FAILED: outside the pool");
                        })));
    long outsideTotal = outside.values().stream().mapToLong(Set::size).sum();
    figures.put("pools.outside", (double) outsideTotal);
    perRelay.forEach(
        (relay, n) -> {
          figures.put("pools." + relay + ".delivered", n.doubleValue());
          figures.put(
              "pools." + relay + ".outside", (double) outside.getOrDefault(relay, Set.of()).size());
          if (n < minMessages) {
            failures.add(
                relay
                    + " delivered "
                    + n
                    + " messages, fewer than the "
                    + minMessages
                    + " its pool needs to be judged");
          }
        });
    if (traced == 0) {
      failures.add(
          "no arrival at a worker could be traced to a relay by its queue id (Received: header)");
    }
    outside.forEach(
        (relay, ids) ->
            failures.add(
                relay
                    + " delivered "
                    + ids.size()
                    + " of "
                    + perRelay.getOrDefault(relay, 0L)
                    + " messages outside its pool ["
                    + String.join(", ", pools.getOrDefault(relay, List.of()))
                    + "]: "
                    + named(ids)));
  }

  /** A one-line summary of the split per relay, for a run that held. */
  static String summary(RunObservations obs) {
    TierObservations tiers = obs.tiers().orElseThrow();
    StringBuilder s = new StringBuilder("every relay delivered only to its own pool (");
    Map<String, Map<String, Long>> split = tiers.deliveredByRelayAndWorker();
    List<String> parts = new ArrayList<>();
    split.forEach((relay, workers) -> parts.add(relay + " → " + workers));
    return s.append(String.join("; ", parts)).append(')').toString();
  }

  private static String named(Set<String> ids) {
    List<String> list = List.copyOf(ids);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < Math.min(NAMED, list.size()); i++) {
      s.append(i == 0 ? "" : ", ").append(list.get(i));
    }
    if (list.size() > NAMED) {
      s.append(" and ").append(list.size() - NAMED).append(" more");
    }
    return s.toString();
  }

  /**
   * The phase of a moment: the step in effect, else before, {@link #BETWEEN} or after the steps.
   */
  static java.util.function.LongFunction<String> phases(
      Map<String, TimeWindow> inEffect, Map<String, TimeWindow> steps, long runEnd) {
    return t -> {
      for (Map.Entry<String, TimeWindow> e : inEffect.entrySet()) {
        TimeWindow w = e.getValue();
        if (t >= w.startEpochMs() && t <= (w.endEpochMs() == null ? runEnd : w.endEpochMs())) {
          return e.getKey();
        }
      }
      if (steps.isEmpty()) {
        return RoutingRules.BEFORE;
      }
      long first = steps.values().stream().mapToLong(TimeWindow::startEpochMs).min().orElse(t);
      long last =
          steps.values().stream()
              .mapToLong(w -> w.endEpochMs() == null ? runEnd : w.endEpochMs())
              .max()
              .orElse(t);
      return t < first ? RoutingRules.BEFORE : t > last ? RoutingRules.AFTER : BETWEEN;
    };
  }
}
