package io.relayharness.verdict;

import io.relayharness.ledger.SinkArrival;
import io.relayharness.observe.DeliveryAttempt;
import io.relayharness.observe.FaultEvent;
import io.relayharness.observe.MessageTimeline;
import io.relayharness.observe.Percentiles;
import io.relayharness.observe.QueueSample;
import io.relayharness.observe.RelayMessage;
import io.relayharness.observe.RelayTimers;
import io.relayharness.observe.RelayWarning;
import io.relayharness.observe.RunObservations;
import io.relayharness.verdict.internal.Fmt;
import io.relayharness.verdict.internal.ScanTicks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Retry timing: every retry after a deferral against Postfix's rule, predicted to the scan tick.
 *
 * <p>When a delivery of a message that arrived in the queue at time A is deferred at time D, the
 * queue manager parks the message until {@code due = D + clamp(D - A, minimal_backoff_time,
 * maximal_backoff_time)}. Only a deferred-queue scan picks it up again, and those run every {@code
 * queue_run_delay}, so the next attempt is <b>predicted</b> at the first scan tick at or after due.
 * With 5 s / 5 s / 20 s (scan, minimal, maximal) a message deferred on arrival is tried at 0, 7,
 * 17, 37, 57, 77 s. The arrival A is the injector's accept time, else the first attempt's time
 * minus its {@code delay=}, else the relay's first line for the queue id.
 *
 * <p>The next attempt comes at the first deferred-queue scan at or after due. Scans run every
 * {@code queue_run_delay}, but their phase is not observable and drifts (the next scan is timed
 * from the end of the previous one, which takes longer with a full queue): fitting one fixed phase
 * to a run put 6 of 1084 retries "one scan late" that Postfix had taken at its first scan after
 * due. So the prediction is the window [due, due + queue_run_delay]: the retry's <b>predicted</b>
 * time is the point of that window nearest to it. The phase that best fits the run ({@link
 * ScanTicks#fit}) is still reported, for reading the charts. A relay restart starts a new queue
 * manager; a retry whose deferral and attempt lie on either side of a restart is not judged.
 *
 * <p>Per retry the <b>lateness</b> is actual minus predicted. The verdict fails when
 *
 * <ul>
 *   <li>a retry is early or late by more than {@code toleranceMs};
 *   <li>fewer than {@code minGaps} retries were judged (no retries prove nothing);
 *   <li>a deferral was <b>forgotten</b>: no further attempt (nor an expiry) for that queue id and
 *       recipient although the run went on past due + one scan period + tolerance, and the message
 *       was not removed from the queue;
 *   <li>the relay's timers ({@code postconf}) differ from the {@code expect*} values.
 * </ul>
 *
 * Attempts are chained per (queue id, recipient); an expiry line of the whole message ends every
 * chain of its queue id. Flushes ({@code postqueue -f}) retry out of schedule, but the relay log
 * parser does not report them, so they cannot be excluded: a flushed retry shows as early. A
 * destination throttled after failures defers without connecting ("delivery temporarily
 * suspended"); such lines are attempts like any other. Immutable; thread-safe.
 */
public final class RetryTimingVerdict implements Verdict {

  /** Rows of the worst-retries table besides every retry outside the tolerance. */
  public static final int WORST_ROWS = 20;

  /** The fault action that restarts the relay (and so its queue manager's scan timer). */
  static final String RELAY_RESTART = "relay-restart";

  private final RetryTimingConfig config;

  /** Makes the verdict with {@code config}. */
  public RetryTimingVerdict(RetryTimingConfig config) {
    this.config = config;
  }

  /** Makes the verdict with the defaults. */
  public RetryTimingVerdict() {
    this(RetryTimingConfig.DEFAULT);
  }

  @Override
  public String name() {
    return "retryTiming";
  }

  /** One attempt that followed a deferral of the same queue id and recipient. */
  private static final class Retry {
    final String queueId;
    final String recipient;
    final int attemptNo;
    final DeliveryAttempt deferral;
    final DeliveryAttempt next;
    final long ageMs;
    final long backoffMs;
    final long dueMs;
    long predictedMs;
    long latenessMs;
    String verdict;

    Retry(
        String queueId,
        String recipient,
        int attemptNo,
        DeliveryAttempt deferral,
        DeliveryAttempt next,
        long ageMs,
        long backoffMs) {
      this.queueId = queueId;
      this.recipient = recipient;
      this.attemptNo = attemptNo;
      this.deferral = deferral;
      this.next = next;
      this.ageMs = ageMs;
      this.backoffMs = backoffMs;
      this.dueMs = deferral.epochMs() + backoffMs;
    }

    boolean outside() {
      return !"ok".equals(verdict);
    }
  }

  /** A deferral no attempt followed although one was due before the run ended. */
  private record Forgotten(
      String queueId,
      String recipient,
      DeliveryAttempt deferral,
      long ageMs,
      long dueMs,
      long latestMs) {}

  @Override
  public VerdictResult evaluate(RunObservations obs) {
    RelayTimers timers = obs.relayTimers();
    long tolerance = config.toleranceMs();
    long period = timers.queueRunDelayMs();

    List<String> failures = new ArrayList<>();
    Table timerTable = timerChecks(obs, timers, failures);
    int timerMismatches = failures.size();

    Map<String, Long> arrivedAt = arrivals(obs);
    List<long[]> restarts = restarts(obs);
    List<Retry> retries = new ArrayList<>();
    List<Retry> notJudged = new ArrayList<>();
    List<Forgotten> forgotten = new ArrayList<>();
    long runEnd = runEnd(obs);
    for (List<DeliveryAttempt> chain : chains(obs.attempts())) {
      String queueId = chain.get(0).queueId();
      String recipient =
          chain.stream()
              .map(DeliveryAttempt::recipient)
              .filter(r -> r != null)
              .findFirst()
              .orElse(null);
      long arrived = arrivedAt.getOrDefault(queueId, chain.get(0).epochMs());
      for (int i = 0; i < chain.size(); i++) {
        DeliveryAttempt deferral = chain.get(i);
        if (!deferral.deferred()) {
          continue;
        }
        long ageMs = Math.max(0, deferral.epochMs() - arrived);
        long backoffMs = timers.backoffMs(ageMs);
        if (i + 1 < chain.size()) {
          Retry r =
              new Retry(queueId, recipient, i + 2, deferral, chain.get(i + 1), ageMs, backoffMs);
          if (segment(restarts, deferral.epochMs()) == segment(restarts, r.next.epochMs())) {
            retries.add(r);
          } else {
            notJudged.add(r);
          }
          continue;
        }
        RelayMessage m = obs.relayMessages().get(queueId);
        if (m != null && m.removedEpochMs() != null && m.removedEpochMs() >= deferral.epochMs()) {
          continue;
        }
        long due = deferral.epochMs() + backoffMs;
        long latest = due + period + tolerance;
        for (long[] restart : restarts) {
          if (restart[0] > deferral.epochMs() && restart[0] <= latest) {
            latest = Math.max(latest, restart[1] + period + tolerance);
          }
        }
        if (runEnd > latest) {
          forgotten.add(new Forgotten(queueId, recipient, deferral, ageMs, due, latest));
        }
      }
    }

    judge(retries, restarts, period, tolerance);
    List<Long> phases = new ArrayList<>();
    for (int s = 0; s <= restarts.size(); s++) {
      phases.add(phaseOf(retries, restarts, s, period, tolerance).phaseMs());
    }

    List<Retry> early = retries.stream().filter(r -> r.latenessMs < -tolerance).toList();
    List<Retry> late = retries.stream().filter(r -> r.latenessMs > tolerance).toList();
    long[] lateness = retries.stream().mapToLong(r -> r.latenessMs).toArray();
    Percentiles p = Percentiles.of(lateness);
    double worstMiss =
        retries.stream()
            .filter(Retry::outside)
            .mapToDouble(r -> Math.abs(r.latenessMs))
            .max()
            .orElse(0);

    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("gaps", (double) retries.size());
    figures.put("early", (double) early.size());
    figures.put("late", (double) late.size());
    figures.put("outside", (double) (early.size() + late.size()));
    figures.put("forgotten", (double) forgotten.size());
    figures.put("notJudged", (double) notJudged.size());
    figures.put("latenessP50Ms", p.percentile(50));
    figures.put("latenessP95Ms", p.percentile(95));
    figures.put("latenessMaxMs", p.max());
    figures.put(
        "latenessMinMs",
        lateness.length == 0
            ? Double.NaN
            : (double) java.util.Arrays.stream(lateness).min().getAsLong());
    figures.put("worstMissMs", worstMiss);
    figures.put("scanPhaseMs", (double) phases.get(0));
    figures.put("minimalBackoffMs", (double) timers.minimalBackoffMs());
    figures.put("maximalBackoffMs", (double) timers.maximalBackoffMs());
    figures.put("queueRunDelayMs", (double) period);
    figures.put("timerMismatches", (double) timerMismatches);

    List<Retry> outside = new ArrayList<>(early);
    outside.addAll(late);
    outside.sort(Comparator.comparingLong((Retry r) -> -Math.abs(r.latenessMs)));
    if (!outside.isEmpty()) {
      failures.add(
          early.size()
              + " early and "
              + late.size()
              + " late of "
              + retries.size()
              + " retries; worst: "
              + describe(outside.get(0), tolerance));
    }
    if (!forgotten.isEmpty()) {
      failures.add(
          forgotten.size()
              + " forgotten deferral"
              + (forgotten.size() == 1 ? "" : "s")
              + " (no attempt by the latest expected time, run ended "
              + Fmt.time(runEnd)
              + "): "
              + firstIds(forgotten.stream().map(Forgotten::queueId).toList()));
    }
    if (retries.size() < config.minGaps()) {
      failures.add(
          "only "
              + retries.size()
              + " retries judged, expected >= "
              + config.minGaps()
              + (retries.isEmpty() ? " (no retry proves nothing)" : ""));
    }

    String rule =
        "each retry at the first queue scan (every "
            + Fmt.seconds(period)
            + ") at or after deferral + clamp(age, "
            + Fmt.seconds(timers.minimalBackoffMs())
            + ", "
            + Fmt.seconds(timers.maximalBackoffMs())
            + ") ± "
            + Fmt.seconds(tolerance)
            + ", >= "
            + config.minGaps()
            + " retries judged, no deferral forgotten"
            + (obs.relaySettings().isEmpty() && obs.relayDefaults().isEmpty()
                ? " (relay settings not read: Postfix's defaults assumed)"
                : "");
    String seen =
        retries.size()
            + " retries judged ("
            + early.size()
            + " early, "
            + late.size()
            + " late), "
            + forgotten.size()
            + " forgotten"
            + (notJudged.isEmpty() ? "" : ", " + notJudged.size() + " across a relay restart")
            + (retries.isEmpty()
                ? ""
                : "; lateness p50 "
                    + Fmt.offset(p.percentile(50))
                    + ", p95 "
                    + Fmt.offset(p.percentile(95))
                    + ", max "
                    + Fmt.offset(p.max()));
    boolean passed = failures.isEmpty();
    String summary =
        "expected "
            + rule
            + "; saw "
            + seen
            + (passed ? "" : "; FAILED: " + String.join("; ", failures));

    List<Table> tables = new ArrayList<>();
    tables.add(timerTable);
    if (!retries.isEmpty()) {
      tables.add(worstTable(retries, tolerance));
      tables.add(histogram(retries, tolerance));
    }
    if (!forgotten.isEmpty()) {
      tables.add(forgottenTable(forgotten, runEnd));
    }
    return new VerdictResult(name(), passed, summary, figures, tables);
  }

  private Table timerChecks(RunObservations obs, RelayTimers timers, List<String> failures) {
    Table.Builder t =
        Table.builder("Relay timers", "setting", "relay (postconf)", "expected", "result");
    check(
        t,
        failures,
        "minimal_backoff_time",
        timers.minimalBackoffMs(),
        config.expectMinimalBackoffMs());
    check(
        t,
        failures,
        "maximal_backoff_time",
        timers.maximalBackoffMs(),
        config.expectMaximalBackoffMs());
    check(t, failures, "queue_run_delay", timers.queueRunDelayMs(), config.expectQueueRunDelayMs());
    return t.build();
  }

  private static void check(
      Table.Builder t, List<String> failures, String setting, long actualMs, Integer expectedMs) {
    if (expectedMs == null) {
      t.row(setting, Fmt.seconds(actualMs), "not checked", "");
      return;
    }
    boolean ok = actualMs == expectedMs.longValue();
    t.row(setting, Fmt.seconds(actualMs), Fmt.seconds(expectedMs), ok ? "ok" : "MISMATCH");
    if (!ok) {
      failures.add(
          "relay's "
              + setting
              + " is "
              + actualMs
              + " ms ("
              + Fmt.seconds(actualMs)
              + "), the scenario expected "
              + expectedMs
              + " ms ("
              + Fmt.seconds(expectedMs)
              + ")");
    }
  }

  /**
   * Computes each retry's prediction (the nearest point of [due, due + scan period]) and lateness.
   */
  private static void judge(List<Retry> retries, List<long[]> restarts, long period, long tol) {
    for (int s = 0; s <= restarts.size(); s++) {
      for (Retry r : retries) {
        if (segment(restarts, r.next.epochMs()) != s) {
          continue;
        }
        long actual = r.next.epochMs();
        r.predictedMs = Math.max(r.dueMs, Math.min(actual, r.dueMs + period));
        r.latenessMs = r.next.epochMs() - r.predictedMs;
        if (r.latenessMs < -tol) {
          r.verdict = "early by " + Fmt.seconds(-r.latenessMs);
        } else if (r.latenessMs > tol) {
          r.verdict = "late by " + Fmt.seconds(r.latenessMs);
        } else {
          r.verdict = "ok";
        }
      }
    }
  }

  private static ScanTicks phaseOf(
      List<Retry> retries, List<long[]> restarts, int segment, long period, long tol) {
    List<ScanTicks.Observed> observed = new ArrayList<>();
    for (Retry r : retries) {
      if (segment(restarts, r.next.epochMs()) == segment) {
        observed.add(new ScanTicks.Observed(r.dueMs, r.next.epochMs()));
      }
    }
    return ScanTicks.fit(period, observed, tol);
  }

  private static String describe(Retry r, long tolerance) {
    return "attempt "
        + r.attemptNo
        + " of "
        + r.queueId
        + " came "
        + Fmt.offset(r.next.epochMs() - r.deferral.epochMs())
        + " after the deferral at "
        + Fmt.time(r.deferral.epochMs())
        + " (age "
        + Fmt.seconds(r.ageMs)
        + ", backoff "
        + Fmt.seconds(r.backoffMs)
        + ", due "
        + Fmt.offset(r.dueMs - r.deferral.epochMs())
        + "), predicted "
        + Fmt.offset(r.predictedMs - r.deferral.epochMs())
        + " ± "
        + Fmt.seconds(tolerance)
        + ": "
        + r.verdict;
  }

  private static Table worstTable(List<Retry> retries, long tolerance) {
    Table.Builder t =
        Table.builder(
            "Worst retries",
            "queue id",
            "recipient",
            "attempt",
            "deferred at",
            "age at deferral",
            "backoff",
            "due after deferral",
            "predicted after deferral",
            "actual after deferral",
            "lateness",
            "verdict");
    List<Retry> sorted = new ArrayList<>(retries);
    sorted.sort(
        Comparator.comparing((Retry r) -> !r.outside())
            .thenComparingLong(r -> -Math.abs(r.latenessMs)));
    int okShown = 0;
    for (Retry r : sorted) {
      if (!r.outside() && okShown++ >= WORST_ROWS) {
        break;
      }
      long d = r.deferral.epochMs();
      t.row(
          r.queueId,
          r.recipient,
          r.attemptNo,
          Fmt.time(d),
          Fmt.seconds(r.ageMs),
          Fmt.seconds(r.backoffMs),
          Fmt.offset(r.dueMs - d),
          Fmt.offset(r.predictedMs - d) + " ± " + Fmt.seconds(tolerance),
          Fmt.offset(r.next.epochMs() - d),
          Fmt.offset(r.latenessMs),
          r.verdict);
    }
    return t.build();
  }

  /** Lateness buckets: beyond tolerance on each side, and steps within it. */
  private static Table histogram(List<Retry> retries, long tolerance) {
    TreeSet<Long> edges = new TreeSet<>();
    edges.add(-tolerance);
    edges.add(tolerance);
    for (long e : new long[] {-5000, -2000, -1000, -500, 0, 500, 1000, 2000, 5000}) {
      if (e > -tolerance && e < tolerance) {
        edges.add(e);
      }
    }
    List<Long> bounds = new ArrayList<>(edges);
    List<String> labels = new ArrayList<>();
    List<int[]> counts = new ArrayList<>();
    labels.add("early: < " + Fmt.offset(-tolerance));
    for (int i = 0; i + 1 < bounds.size(); i++) {
      labels.add(
          Fmt.offset(bounds.get(i))
              + " .. "
              + Fmt.offset(bounds.get(i + 1))
              + (i + 2 == bounds.size() ? " (inclusive)" : ""));
    }
    if (bounds.size() == 1) {
      labels.add("exactly " + Fmt.offset(tolerance));
    }
    labels.add("late: > " + Fmt.offset(tolerance));
    for (int i = 0; i < labels.size(); i++) {
      counts.add(new int[1]);
    }
    for (Retry r : retries) {
      long l = r.latenessMs;
      int bucket;
      if (l < -tolerance) {
        bucket = 0;
      } else if (l > tolerance) {
        bucket = labels.size() - 1;
      } else if (bounds.size() == 1) {
        bucket = 1;
      } else {
        bucket = bounds.size() - 1;
        for (int i = 0; i + 1 < bounds.size(); i++) {
          if (l < bounds.get(i + 1)) {
            bucket = i + 1;
            break;
          }
        }
      }
      counts.get(bucket)[0]++;
    }
    Table.Builder t = Table.builder("Lateness distribution", "lateness", "retries", "share");
    for (int i = 0; i < labels.size(); i++) {
      int c = counts.get(i)[0];
      t.row(labels.get(i), c, Fmt.percent((double) c / retries.size()));
    }
    return t.build();
  }

  private static Table forgottenTable(List<Forgotten> forgotten, long runEnd) {
    Table.Builder t =
        Table.builder(
            "Forgotten deferrals",
            "queue id",
            "recipient",
            "deferred at",
            "age at deferral",
            "due",
            "next attempt expected by",
            "run ended",
            "deferral detail");
    for (Forgotten f : forgotten) {
      t.row(
          f.queueId(),
          f.recipient(),
          Fmt.time(f.deferral().epochMs()),
          Fmt.seconds(f.ageMs()),
          Fmt.time(f.dueMs()),
          Fmt.time(f.latestMs()),
          Fmt.time(runEnd),
          f.deferral().detail());
    }
    return t.build();
  }

  /** Attempts per (queue id, recipient) in time order; an expiry ends each chain of its id. */
  private static List<List<DeliveryAttempt>> chains(List<DeliveryAttempt> attempts) {
    Map<String, Map<String, List<DeliveryAttempt>>> byQueueId = new LinkedHashMap<>();
    List<DeliveryAttempt> expiries = new ArrayList<>();
    for (DeliveryAttempt a : attempts) {
      if (a.queueId() == null) {
        continue;
      }
      if (a.recipient() == null) {
        expiries.add(a);
        continue;
      }
      byQueueId
          .computeIfAbsent(a.queueId(), k -> new LinkedHashMap<>())
          .computeIfAbsent(a.recipient(), k -> new ArrayList<>())
          .add(a);
    }
    for (DeliveryAttempt e : expiries) {
      Map<String, List<DeliveryAttempt>> perRecipient = byQueueId.get(e.queueId());
      if (perRecipient != null) {
        perRecipient.values().forEach(chain -> chain.add(e));
      }
    }
    List<List<DeliveryAttempt>> out = new ArrayList<>();
    for (Map<String, List<DeliveryAttempt>> perRecipient : byQueueId.values()) {
      for (List<DeliveryAttempt> chain : perRecipient.values()) {
        chain.sort(Comparator.comparingLong(DeliveryAttempt::epochMs));
        out.add(chain);
      }
    }
    return out;
  }

  /**
   * When each queue id arrived in the relay's queue: the injector's accept time, else the first
   * attempt's time minus its {@code delay=}, else the relay's first line for it.
   */
  private static Map<String, Long> arrivals(RunObservations obs) {
    Map<String, Long> out = new HashMap<>();
    for (MessageTimeline t : obs.timelines()) {
      if (t.queueId() != null) {
        out.putIfAbsent(t.queueId(), t.acceptEpochMs());
      }
    }
    Map<String, Long> fromDelay = new HashMap<>();
    for (DeliveryAttempt a : obs.attempts()) {
      if (a.queueId() != null && a.recipient() != null && !out.containsKey(a.queueId())) {
        long at = a.epochMs() - Math.round(a.delaySeconds() * 1000);
        fromDelay.merge(a.queueId(), at, Math::min);
      }
    }
    out.putAll(fromDelay);
    obs.relayMessages().forEach((id, m) -> out.putIfAbsent(id, m.firstSeenEpochMs()));
    return out;
  }

  /** Relay restarts as [start, end] (end = start when unknown), in time order. */
  private static List<long[]> restarts(RunObservations obs) {
    List<long[]> out = new ArrayList<>();
    for (FaultEvent f : obs.faults()) {
      if (RELAY_RESTART.equals(f.action())) {
        long end = f.endEpochMs() == null ? f.startEpochMs() : f.endEpochMs();
        out.add(new long[] {f.startEpochMs(), Math.max(end, f.startEpochMs())});
      }
    }
    out.sort(Comparator.comparingLong(r -> r[0]));
    return out;
  }

  /** Returns how many restarts began at or before {@code t}: its queue manager's lifetime. */
  private static int segment(List<long[]> restarts, long t) {
    int s = 0;
    for (long[] r : restarts) {
      if (r[0] <= t) {
        s++;
      }
    }
    return s;
  }

  /** The run's end, else the last thing observed. */
  private static long runEnd(RunObservations obs) {
    if (obs.runEndEpochMs() != null) {
      return obs.runEndEpochMs();
    }
    long end = obs.runStartEpochMs();
    for (DeliveryAttempt a : obs.attempts()) {
      end = Math.max(end, a.epochMs());
    }
    for (SinkArrival a : obs.arrivals()) {
      end = Math.max(end, a.arrivalEpochMs());
    }
    for (QueueSample q : obs.queueSamples()) {
      end = Math.max(end, q.epochMs());
    }
    for (RelayWarning w : obs.warnings()) {
      end = Math.max(end, w.epochMs());
    }
    return end;
  }

  private static String firstIds(List<String> ids) {
    List<String> distinct = ids.stream().distinct().toList();
    String shown = String.join(", ", distinct.subList(0, Math.min(10, distinct.size())));
    return distinct.size() > 10 ? shown + " and " + (distinct.size() - 10) + " more" : shown;
  }
}
