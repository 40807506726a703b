package io.relayharness.experiment;

import io.relayharness.ledger.AcceptedMail;
import io.relayharness.observe.EndToEndLatency;
import io.relayharness.observe.FaultEvent;
import io.relayharness.observe.LoadStats;
import io.relayharness.observe.MessageTimeline;
import io.relayharness.observe.Percentiles;
import io.relayharness.observe.QueueSample;
import io.relayharness.observe.RunFolder;
import io.relayharness.observe.RunObservations;
import io.relayharness.verdict.VerdictResult;
import io.relayharness.verdict.VerdictResults;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads one run folder (through {@code observe}'s typed records and {@code verdicts.json}) into the
 * figures an A/B comparison judges:
 *
 * <ul>
 *   <li>{@code accepted rate}: accepted messages per second of load ({@link LoadStats});
 *   <li>{@code accept p95}, {@code accept p99}: the injector's accept latency;
 *   <li>{@code e2e p50/p95/p99}: accept to first arrival at a worker, per message;
 *   <li>{@code queue peak}: the largest relay queue sample;
 *   <li>{@code drain time}: from the end of the last fault (the end of the load when there was no
 *       fault) to the first queue sample at 0; absent when the queue never emptied;
 *   <li>{@code retry lateness p50/p95}: from the retryTiming verdict's figures, when judged;
 *   <li>{@code share <worker>}: the worker's share of first arrivals, in %;
 *   <li>{@code max share}: the largest of those shares, whichever worker it fell on: a skew that
 *       lands on a different worker in each run (connection caching under a burst) moves this,
 *       while each worker's own share only gets noisier;
 *   <li>{@code lost}: accepted messages that reached no worker; {@code duplicates}: extra copies;
 *   <li>relay tier only: {@code share <relay>}, the relay's share of the messages the relays took
 *       (each message counted once per relay that took it, as tierSplit counts), in %, so a change
 *       in the split between the relays is judged like a change in the split between the workers;
 *       and {@code queue peak <relay>}, the largest sample of that relay's queue;
 *   <li>{@code verdict <name>}: 1 when the verdict passed, 0 when it failed.
 * </ul>
 *
 * A figure that cannot be computed (no queue samples, no delivered message) is left out. Stateless;
 * thread-safe.
 */
public final class RunMetrics {

  /** Prefix of the per-worker share metrics. */
  public static final String SHARE_PREFIX = "share ";

  /** Prefix of the per-verdict pass metrics. */
  public static final String VERDICT_PREFIX = "verdict ";

  static final Metric ACCEPTED_RATE = new Metric("accepted rate", "msg/s", Metric.Kind.LEVEL);
  static final Metric ACCEPT_P95 = new Metric("accept p95", "ms", Metric.Kind.LATENCY);
  static final Metric ACCEPT_P99 = new Metric("accept p99", "ms", Metric.Kind.LATENCY);
  static final Metric E2E_P50 = new Metric("e2e p50", "ms", Metric.Kind.LATENCY);
  static final Metric E2E_P95 = new Metric("e2e p95", "ms", Metric.Kind.LATENCY);
  static final Metric E2E_P99 = new Metric("e2e p99", "ms", Metric.Kind.LATENCY);
  static final Metric QUEUE_PEAK = new Metric("queue peak", "messages", Metric.Kind.LEVEL);
  static final Metric DRAIN = new Metric("drain time", "s", Metric.Kind.DURATION);
  static final Metric RETRY_P50 = new Metric("retry lateness p50", "ms", Metric.Kind.LATENCY);
  static final Metric RETRY_P95 = new Metric("retry lateness p95", "ms", Metric.Kind.LATENCY);
  static final Metric SHARE_MAX = new Metric("max share", "%", Metric.Kind.LEVEL);
  static final Metric LOST = new Metric("lost", "messages", Metric.Kind.COUNT);
  static final Metric DUPLICATES = new Metric("duplicates", "extra copies", Metric.Kind.COUNT);

  /** Prefix of the per-relay queue peak metrics of a relay tier. */
  public static final String QUEUE_PEAK_PREFIX = "queue peak ";

  private RunMetrics() {}

  /** Reads the run folder at {@code dir}. */
  public static Map<Metric, Double> of(Path dir) {
    RunFolder folder = RunFolder.open(dir);
    return of(folder.readObservations(), VerdictResults.read(folder));
  }

  /** Computes the figures of one run's observations and verdicts, in a fixed order. */
  public static Map<Metric, Double> of(
      RunObservations obs, java.util.List<VerdictResult> verdicts) {
    Map<Metric, Double> m = new LinkedHashMap<>();
    LoadStats load = obs.loadStats();
    if (load.total() > 0) {
      m.put(ACCEPTED_RATE, load.acceptedPerSec());
    }
    put(m, ACCEPT_P95, load.acceptLatencyP95Ms());
    put(m, ACCEPT_P99, load.acceptLatencyP99Ms());
    Percentiles e2e = EndToEndLatency.of(obs.timelines()).percentiles();
    put(m, E2E_P50, e2e.percentile(50));
    put(m, E2E_P95, e2e.percentile(95));
    put(m, E2E_P99, e2e.percentile(99));
    if (!obs.queueSamples().isEmpty()) {
      m.put(
          QUEUE_PEAK,
          (double) obs.queueSamples().stream().mapToInt(QueueSample::total).max().orElse(0));
    }
    Double drain = drainSeconds(obs);
    if (drain != null) {
      m.put(DRAIN, drain);
    }
    for (VerdictResult v : verdicts) {
      if (v.name().equals("retryTiming")) {
        put(m, RETRY_P50, nullToNaN(v.figure("latenessP50Ms")));
        put(m, RETRY_P95, nullToNaN(v.figure("latenessP95Ms")));
      }
    }
    Map<String, Double> shares = shares(obs);
    shares.forEach((worker, share) -> m.put(share(worker), share));
    if (!shares.isEmpty()) {
      m.put(SHARE_MAX, shares.values().stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }
    long lost = 0;
    long extra = 0;
    for (MessageTimeline t : obs.timelines()) {
      if (t.outcome() == AcceptedMail.Outcome.ACCEPTED && t.arrivals().isEmpty()) {
        lost++;
      }
      extra += Math.max(0, t.arrivals().size() - 1);
    }
    m.put(LOST, (double) lost);
    m.put(DUPLICATES, (double) extra);
    obs.tiers()
        .ifPresent(
            tiers -> {
              Map<String, Long> took = tiers.receivedByRelay();
              long all = took.values().stream().mapToLong(Long::longValue).sum();
              if (all > 0) {
                took.forEach((relay, n) -> m.put(share(relay), 100.0 * n / all));
              }
              Map<String, Integer> peaks = new TreeMap<>();
              tiers.regions().keySet().forEach(r -> peaks.put(r, 0));
              tiers.queues().forEach(q -> peaks.merge(q.relay(), q.depth(), Math::max));
              if (!tiers.queues().isEmpty()) {
                peaks.forEach((relay, peak) -> m.put(queuePeak(relay), (double) peak));
              }
            });
    for (VerdictResult v : verdicts) {
      m.put(verdict(v.name()), v.passed() ? 1.0 : 0.0);
    }
    return m;
  }

  /** The share metric of {@code worker}. */
  public static Metric share(String worker) {
    return new Metric(SHARE_PREFIX + worker, "%", Metric.Kind.LEVEL);
  }

  /** The queue peak metric of the tier relay {@code relay}. */
  public static Metric queuePeak(String relay) {
    return new Metric(QUEUE_PEAK_PREFIX + relay, "messages", Metric.Kind.LEVEL);
  }

  /** The pass metric of the verdict called {@code name}. */
  public static Metric verdict(String name) {
    return new Metric(VERDICT_PREFIX + name, "pass rate", Metric.Kind.PASS_RATE);
  }

  /**
   * Seconds from the end of the last fault (or of the load, without faults) to the first queue
   * sample at 0 at or after it; null when the queue never emptied or nothing was sampled.
   */
  static Double drainSeconds(RunObservations obs) {
    long from = Long.MIN_VALUE;
    for (FaultEvent f : obs.faults()) {
      from = Math.max(from, f.endEpochMs() != null ? f.endEpochMs() : f.startEpochMs());
    }
    if (from == Long.MIN_VALUE) {
      from = obs.accepted().stream().mapToLong(AcceptedMail::endEpochMs).max().orElse(0);
    }
    for (QueueSample s : obs.queueSamples()) {
      if (s.epochMs() >= from && s.total() == 0) {
        return (s.epochMs() - from) / 1000.0;
      }
    }
    return null;
  }

  /** Each worker's share of first arrivals, in %, by worker name. */
  static Map<String, Double> shares(RunObservations obs) {
    Map<String, Long> counts = new TreeMap<>();
    long total = 0;
    for (MessageTimeline t : obs.timelines()) {
      if (!t.arrivals().isEmpty()) {
        counts.merge(t.arrivals().get(0).worker(), 1L, Long::sum);
        total++;
      }
    }
    Map<String, Double> shares = new TreeMap<>();
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      shares.put(e.getKey(), 100.0 * e.getValue() / total);
    }
    return shares;
  }

  private static void put(Map<Metric, Double> m, Metric metric, double value) {
    if (Double.isFinite(value)) {
      m.put(metric, value);
    }
  }

  private static double nullToNaN(Double v) {
    return v == null ? Double.NaN : v;
  }
}
