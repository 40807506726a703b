package io.relayharness.report.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayharness.ledger.AcceptedMail;
import io.relayharness.ledger.JsonLines;
import io.relayharness.ledger.SinkArrival;
import io.relayharness.observe.DeliveryAttempt;
import io.relayharness.observe.FaultEvent;
import io.relayharness.observe.MessageTimeline;
import io.relayharness.observe.QueueSample;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The time series a report charts, as JSON for the page. Every x value is seconds since the run's
 * origin, {@link ReportedRun#originEpochMs()}: the first injected message, so the time the harness
 * spent before the load (building images, starting containers) is not on the axis and two runs
 * overlay by time since their first message. Rates are counted from the ledgers' own timestamps,
 * per whole second since the origin (second k holds the events in [k, k + 1) and is drawn at x =
 * k): offered at each transaction's start, accepted / rejected / failed at its deciding reply (all
 * from accepted.jsonl), delivered per worker at each arrival (arrivals.jsonl). rates.jsonl is not
 * used: its counters are sampled at uneven intervals, so a late sample shows as a spike. Stateless;
 * thread-safe.
 */
public final class RunSeries {

  /** At most this many points per scatter series; more are thinned evenly. */
  public static final int MAX_SCATTER_POINTS = 5000;

  private static final List<String> OUTCOMES = List.of("accepted", "rejected", "failed");

  private RunSeries() {}

  /**
   * Builds {originEpochMs, origin, durationSec, rates, delivered, queue, retries, latencyByAccept,
   * faults, workers}.
   */
  public static ObjectNode of(ReportedRun run) {
    long origin = run.originEpochMs();
    ObjectNode out = JsonLines.MAPPER.createObjectNode();
    out.put("originEpochMs", origin);
    out.put("origin", run.originDescription());
    out.put("durationSec", Math.max(0, seconds(run.endEpochMs(), origin)));
    PerSecond perSecond = perSecond(run, origin);
    out.set("rates", perSecond.rates());
    out.set("delivered", perSecond.delivered());
    out.set("queue", queue(run.queue(), origin));
    out.set("retries", retries(run.attempts(), origin));
    out.set("latencyByAccept", latencyByAccept(run.timeline(), origin));
    out.set("faults", faults(run.observations().faults(), origin));
    ArrayNode workers = out.putArray("workers");
    WorkerSplit.workersOf(run).forEach(workers::add);
    return out;
  }

  /** Seconds from {@code originEpochMs} to {@code epochMs}, to the hundredth. */
  public static double seconds(long epochMs, long originEpochMs) {
    return Math.round((epochMs - originEpochMs) / 10.0) / 100.0;
  }

  /** The whole second since {@code originEpochMs} that {@code epochMs} falls in (floor). */
  public static long second(long epochMs, long originEpochMs) {
    return Math.floorDiv(epochMs - originEpochMs, 1000L);
  }

  /** The per-second rate series: {offered, accepted, rejected, failed} and delivered per worker. */
  private record PerSecond(ObjectNode rates, ObjectNode delivered) {}

  private static PerSecond perSecond(ReportedRun run, long origin) {
    Map<String, TreeMap<Long, Long>> rates = new LinkedHashMap<>();
    rates.put("offered", new TreeMap<>());
    OUTCOMES.forEach(o -> rates.put(o, new TreeMap<>()));
    for (AcceptedMail m : run.accepted()) {
      if (m.startEpochMs() > 0) {
        count(rates.get("offered"), second(m.startEpochMs(), origin));
      }
      String outcome = m.outcome() == null ? "" : m.outcome().name().toLowerCase(Locale.ROOT);
      if (OUTCOMES.contains(outcome) && m.endEpochMs() > 0) {
        count(rates.get(outcome), second(m.endEpochMs(), origin));
      }
    }
    Map<String, TreeMap<Long, Long>> delivered = new TreeMap<>();
    WorkerSplit.workersOf(run).forEach(w -> delivered.put(w, new TreeMap<>()));
    for (SinkArrival a : run.arrivals()) {
      count(
          delivered.computeIfAbsent(workerName(a.worker()), w -> new TreeMap<>()),
          second(a.arrivalEpochMs(), origin));
    }
    // One range for every series, from the origin to the last event, with the seconds that had
    // none as 0, so the lines drop to zero instead of bridging a gap. Nothing before the origin
    // is charted (the axis starts there; only mail the harness did not send could arrive then).
    long last = -1;
    for (Map<String, TreeMap<Long, Long>> group : List.of(rates, delivered)) {
      for (TreeMap<Long, Long> counts : group.values()) {
        if (!counts.isEmpty()) {
          last = Math.max(last, counts.lastKey());
        }
      }
    }
    // No ledger: no series (the page says why) rather than a flat line at zero.
    boolean anyOffered = rates.values().stream().anyMatch(c -> !c.isEmpty());
    boolean anyDelivered = delivered.values().stream().anyMatch(c -> !c.isEmpty());
    ObjectNode ratesOut = JsonLines.MAPPER.createObjectNode();
    for (Map.Entry<String, TreeMap<Long, Long>> e : rates.entrySet()) {
      ratesOut.set(e.getKey(), anyOffered ? dense(e.getValue(), last) : emptyArray());
    }
    ObjectNode deliveredOut = JsonLines.MAPPER.createObjectNode();
    if (anyDelivered) {
      for (Map.Entry<String, TreeMap<Long, Long>> e : delivered.entrySet()) {
        deliveredOut.set(e.getKey(), dense(e.getValue(), last));
      }
    }
    return new PerSecond(ratesOut, deliveredOut);
  }

  private static void count(TreeMap<Long, Long> counts, long second) {
    counts.merge(second, 1L, Long::sum);
  }

  /** [second, count] for every second from 0 to {@code last}, zeros included. */
  private static ArrayNode dense(TreeMap<Long, Long> counts, long last) {
    ArrayNode points = emptyArray();
    for (long k = 0; k <= last; k++) {
      points.add(point(k, counts.getOrDefault(k, 0L)));
    }
    return points;
  }

  private static ArrayNode emptyArray() {
    return JsonLines.MAPPER.createArrayNode();
  }

  /** Queue samples from the origin on (the sampler starts with the harness, before the load). */
  private static ObjectNode queue(List<QueueSample> samples, long origin) {
    Map<String, ToDoubleFunction<QueueSample>> fields = new LinkedHashMap<>();
    fields.put("total", QueueSample::total);
    fields.put("active", QueueSample::active);
    fields.put("deferred", QueueSample::deferred);
    fields.put("incoming", QueueSample::incoming);
    fields.put("hold", QueueSample::hold);
    fields.put("oldestAgeSeconds", QueueSample::oldestAgeSeconds);
    ObjectNode out = JsonLines.MAPPER.createObjectNode();
    fields.forEach(
        (field, value) -> {
          ArrayNode points = out.putArray(field);
          for (QueueSample s : samples) {
            if (s.epochMs() >= origin) {
              points.add(point(seconds(s.epochMs(), origin), value.applyAsDouble(s)));
            }
          }
        });
    return out;
  }

  /** Deferred attempts per worker (null worker = "no worker"), y = message age in seconds. */
  private static ObjectNode retries(List<DeliveryAttempt> attempts, long origin) {
    Map<String, ArrayNode> byWorker = new TreeMap<>();
    for (DeliveryAttempt a : attempts) {
      if (!a.deferred()) {
        continue;
      }
      String worker = a.worker() == null ? "no worker" : a.worker();
      byWorker
          .computeIfAbsent(worker, w -> JsonLines.MAPPER.createArrayNode())
          .add(point(seconds(a.epochMs(), origin), a.delaySeconds()));
    }
    ObjectNode out = JsonLines.MAPPER.createObjectNode();
    byWorker.forEach((w, points) -> out.set(w, thin(points)));
    return out;
  }

  /** End-to-end latency (ms) by accept time, per worker of the first arrival. */
  private static ObjectNode latencyByAccept(List<MessageTimeline> timeline, long origin) {
    Map<String, ArrayNode> byWorker = new TreeMap<>();
    for (MessageTimeline m : timeline) {
      if (m.endToEndMs() == null || !m.accepted()) {
        continue;
      }
      byWorker
          .computeIfAbsent(workerName(m.firstWorker()), w -> JsonLines.MAPPER.createArrayNode())
          .add(point(seconds(m.acceptEpochMs(), origin), Math.max(1, m.endToEndMs())));
    }
    ObjectNode out = JsonLines.MAPPER.createObjectNode();
    byWorker.forEach((w, points) -> out.set(w, thin(points)));
    return out;
  }

  private static ArrayNode faults(List<FaultEvent> faults, long origin) {
    ArrayNode out = JsonLines.MAPPER.createArrayNode();
    for (FaultEvent f : faults) {
      ObjectNode o = out.addObject();
      o.put("startSec", seconds(f.startEpochMs(), origin));
      if (f.endEpochMs() != null) {
        o.put("endSec", seconds(f.endEpochMs(), origin));
      } else {
        o.putNull("endSec");
      }
      // the span the verdicts judge as "in effect": from the end of the apply to the start of the
      // undo (a DNS change, a restart take seconds); the band is drawn darker there
      o.put("effectStartSec", seconds(f.inEffect().startEpochMs(), origin));
      if (f.inEffect().endEpochMs() != null) {
        o.put("effectEndSec", seconds(f.inEffect().endEpochMs(), origin));
      } else {
        o.putNull("effectEndSec");
      }
      o.put("action", f.action() == null ? "fault" : f.action());
      o.put("target", f.target() == null ? "" : f.target());
      o.put("detail", f.detail() == null ? "" : f.detail());
    }
    return out;
  }

  /** A worker name for a chart series: "unknown" when none was recorded. */
  static String workerName(String worker) {
    return worker == null ? "unknown" : worker;
  }

  private static ArrayNode point(double x, double y) {
    ArrayNode p = JsonLines.MAPPER.createArrayNode();
    p.add(x);
    p.add(y);
    return p;
  }

  private static ArrayNode thin(ArrayNode points) {
    if (points.size() <= MAX_SCATTER_POINTS) {
      return points;
    }
    ArrayNode out = JsonLines.MAPPER.createArrayNode();
    double step = points.size() / (double) MAX_SCATTER_POINTS;
    for (int i = 0; i < MAX_SCATTER_POINTS; i++) {
      out.add(points.get((int) (i * step)));
    }
    return out;
  }
}
