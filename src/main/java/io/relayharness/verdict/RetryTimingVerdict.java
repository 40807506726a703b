package io.relayharness.verdict;

import io.relayharness.observe.DeliveryAttempt;
import io.relayharness.observe.MessageTimeline;
import io.relayharness.observe.RelayMessage;
import io.relayharness.observe.RelayTimers;
import io.relayharness.observe.RunObservations;
import io.relayharness.verdict.internal.Fmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Retry timing: each retry after a deferral against Postfix's rule. When a delivery is deferred at
 * time D for a message of age A (time since it entered the queue), the queue manager parks it until
 * D + clamp(A, minimal_backoff_time, maximal_backoff_time); the next queue scan (every
 * queue_run_delay) picks it up. So the next attempt is expected in
 *
 * <pre>
 *   [D + clamp(A, min, max),  D + clamp(A, min, max) + queue_run_delay]   ± toleranceMs
 * </pre>
 *
 * With 5 s / 20 s / 5 s, a message deferred on arrival is retried at 0, 7, 17, 37, 57, 77 s. The
 * timers come from the relay's effective settings. Attempts are grouped per (queue id, recipient);
 * the age is taken from the injector's accept time, else the relay's first log line for the queue
 * id, else the first attempt. At least {@code minGaps} gaps must be observed. Immutable;
 * thread-safe.
 */
public final class RetryTimingVerdict implements Verdict {

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

  @Override
  public VerdictResult evaluate(RunObservations obs) {
    RelayTimers timers = obs.relayTimers();
    Map<String, Long> acceptedAt = new HashMap<>();
    for (MessageTimeline t : obs.timelines()) {
      if (t.queueId() != null) {
        acceptedAt.putIfAbsent(t.queueId(), t.acceptEpochMs());
      }
    }
    Map<String, List<DeliveryAttempt>> groups = new LinkedHashMap<>();
    for (DeliveryAttempt a : obs.attempts()) {
      if (a.recipient() != null) {
        groups.computeIfAbsent(a.queueId() + " " + a.recipient(), k -> new ArrayList<>()).add(a);
      }
    }
    Table.Builder table =
        Table.builder(
            "Retry gaps",
            "queue id",
            "recipient",
            "attempt",
            "deferred at",
            "age at deferral",
            "backoff",
            "expected after deferral",
            "observed after deferral",
            "verdict");
    List<String> bad = new ArrayList<>();
    List<Object[]> goodRows = new ArrayList<>();
    int gaps = 0;
    double worstMissMs = 0;
    for (List<DeliveryAttempt> attempts : groups.values()) {
      attempts.sort(java.util.Comparator.comparingLong(DeliveryAttempt::epochMs));
      String queueId = attempts.get(0).queueId();
      long arrivedAt = arrivalOf(queueId, acceptedAt, obs.relayMessages(), attempts.get(0));
      for (int i = 0; i + 1 < attempts.size(); i++) {
        DeliveryAttempt deferral = attempts.get(i);
        if (!deferral.deferred()) {
          continue;
        }
        DeliveryAttempt next = attempts.get(i + 1);
        gaps++;
        long ageMs = Math.max(0, deferral.epochMs() - arrivedAt);
        long backoffMs = timers.backoffMs(ageMs);
        long earliest = backoffMs;
        long latest = backoffMs + timers.queueRunDelayMs();
        long observed = next.epochMs() - deferral.epochMs();
        String verdict;
        double missMs = 0;
        if (observed < earliest - config.toleranceMs()) {
          missMs = earliest - observed;
          verdict = "early by " + Fmt.seconds(missMs);
        } else if (observed > latest + config.toleranceMs()) {
          missMs = observed - latest;
          verdict = "late by " + Fmt.seconds(missMs);
        } else {
          verdict = "ok";
        }
        worstMissMs = Math.max(worstMissMs, missMs);
        Object[] row = {
          queueId,
          deferral.recipient(),
          i + 2,
          Fmt.time(deferral.epochMs()),
          Fmt.seconds(ageMs),
          Fmt.seconds(backoffMs),
          Fmt.offset(earliest)
              + " .. "
              + Fmt.offset(latest)
              + " ± "
              + Fmt.seconds(config.toleranceMs()),
          Fmt.offset(observed),
          verdict
        };
        if ("ok".equals(verdict)) {
          goodRows.add(row);
        } else {
          table.row(row);
          bad.add(
              "attempt "
                  + (i + 2)
                  + " of "
                  + queueId
                  + " came "
                  + Fmt.offset(observed)
                  + " after the deferral at "
                  + Fmt.time(deferral.epochMs())
                  + ", expected "
                  + Fmt.offset(earliest)
                  + " .. "
                  + Fmt.offset(latest)
                  + " ± "
                  + Fmt.seconds(config.toleranceMs())
                  + " ("
                  + verdict
                  + ")");
        }
      }
    }
    goodRows.forEach(table::row);
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("gaps", (double) gaps);
    figures.put("outside", (double) bad.size());
    figures.put("worstMissMs", worstMissMs);
    figures.put("minimalBackoffMs", (double) timers.minimalBackoffMs());
    figures.put("maximalBackoffMs", (double) timers.maximalBackoffMs());
    figures.put("queueRunDelayMs", (double) timers.queueRunDelayMs());
    boolean passed = bad.isEmpty() && gaps >= config.minGaps();
    String rule =
        "backoff clamp(age, "
            + Fmt.seconds(timers.minimalBackoffMs())
            + ", "
            + Fmt.seconds(timers.maximalBackoffMs())
            + ") + queue scan every "
            + Fmt.seconds(timers.queueRunDelayMs());
    String summary;
    if (!bad.isEmpty()) {
      summary =
          bad.size() + " of " + gaps + " retry gaps outside " + rule + "; first: " + bad.get(0);
    } else if (gaps < config.minGaps()) {
      summary = "only " + gaps + " retry gaps observed, expected >= " + config.minGaps();
    } else {
      summary = "all " + gaps + " retry gaps follow " + rule;
    }
    return new VerdictResult(
        name(), passed, summary, figures, gaps == 0 ? List.of() : List.of(table.build()));
  }

  private static long arrivalOf(
      String queueId,
      Map<String, Long> acceptedAt,
      Map<String, RelayMessage> relayMessages,
      DeliveryAttempt first) {
    Long accepted = acceptedAt.get(queueId);
    if (accepted != null) {
      return accepted;
    }
    RelayMessage m = relayMessages.get(queueId);
    return m != null ? Math.min(m.firstSeenEpochMs(), first.epochMs()) : first.epochMs();
  }
}
