package io.relayharness.verdict;

import static io.relayharness.observe.Fixtures.T0;
import static io.relayharness.observe.Fixtures.accepted;
import static io.relayharness.observe.Fixtures.attempt;
import static io.relayharness.verdict.VerdictAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.ledger.AcceptedMail;
import io.relayharness.observe.DeliveryAttempt;
import io.relayharness.observe.FaultEvent;
import io.relayharness.observe.RelayMessage;
import io.relayharness.observe.RunObservations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryTimingVerdictTest {

  /** The relay settings of the measured outage: 5 s / 20 s, queue scan every 5 s. */
  private static final Map<String, String> FAST =
      Map.of("minimal_backoff_time", "5s", "maximal_backoff_time", "20s", "queue_run_delay", "5s");

  /** The Postfix schedule observed for a message deferred on arrival at 0 s (scan phase 2 s). */
  private static final double[] OBSERVED = {0, 7, 17, 37, 57, 77};

  /** A message accepted at 3.5 s on the same scan ticks: due 8.5 → 12, 20.5 → 22, 40.5 → 42. */
  private static final double[] LATER = {3.5, 12.15, 22.1, 42.2};

  private static final RetryTimingConfig STRICT = new RetryTimingConfig(1000, 2);

  /** Collects messages: each accepted at its first attempt, deferred at all but its last. */
  private static final class Run {
    private final List<AcceptedMail> accepted = new ArrayList<>();
    private final List<DeliveryAttempt> attempts = new ArrayList<>();
    private final List<FaultEvent> faults = new ArrayList<>();
    private final Map<String, RelayMessage> relayMessages = new HashMap<>();
    private Map<String, String> settings = FAST;
    private Long end;

    /** Adds a message attempted at {@code seconds}, sent at the last. */
    Run message(String queueId, double... seconds) {
      return attempts(queueId, true, seconds);
    }

    /** Adds a message attempted at {@code seconds}, every attempt deferred. */
    Run stuck(String queueId, double... seconds) {
      return attempts(queueId, false, seconds);
    }

    private Run attempts(String queueId, boolean sentAtLast, double... seconds) {
      accepted.add(accepted("h-" + queueId, queueId, at(seconds[0])));
      for (int i = 0; i < seconds.length; i++) {
        boolean sent = sentAtLast && i == seconds.length - 1;
        attempts.add(
            attempt(
                queueId,
                at(seconds[i]),
                sent ? "sent" : "deferred",
                sent ? "worker0" : null,
                sent
                    ? "250 2.0.0 Ok"
                    : "connect to worker0.int.example.com[127.0.1.10]:2525: Connection refused"));
      }
      return this;
    }

    Run plus(DeliveryAttempt a) {
      attempts.add(a);
      return this;
    }

    Run settings(Map<String, String> relaySettings) {
      settings = relaySettings;
      return this;
    }

    Run endAt(double seconds) {
      end = at(seconds);
      return this;
    }

    Run restart(double fromSeconds, double toSeconds) {
      faults.add(
          new FaultEvent(at(fromSeconds), at(toSeconds), "relay-restart", "relay", "restart"));
      return this;
    }

    Run removed(String queueId, double seconds) {
      relayMessages.put(
          queueId,
          new RelayMessage(queueId, null, null, null, null, null, at(0), at(seconds), "removed"));
      return this;
    }

    RunObservations build() {
      return RunObservations.builder()
          .run(T0, end)
          .accepted(accepted)
          .attempts(attempts)
          .faults(faults)
          .relayMessages(relayMessages)
          .relaySettings(settings)
          .build();
    }
  }

  private static long at(double seconds) {
    return T0 + Math.round(seconds * 1000);
  }

  @Test
  void shouldPassTheObservedPostfixScheduleToTheScanTick() {
    VerdictResult result =
        new RetryTimingVerdict(new RetryTimingConfig(0, 5))
            .evaluate(new Run().message("Q1", OBSERVED).build());

    assertThat(result)
        .as("0, 7, 17, 37, 57, 77 s with 5 s / 5 s / 20 s is exactly Postfix's schedule")
        .passed()
        .hasFigure("gaps", 5)
        .hasFigure("early", 0)
        .hasFigure("late", 0)
        .hasFigure("forgotten", 0)
        .hasFigure("latenessMaxMs", 0)
        .hasFigure("scanPhaseMs", 2000)
        .summaryContains(
            "expected each retry at the first queue scan (every 5.0 s) at or after deferral +"
                + " clamp(age, 5.0 s, 20.0 s) ± 0.0 s, >= 5 retries judged",
            "saw 5 retries judged (0 early, 0 late), 0 forgotten",
            "lateness p50 +0.0 s, p95 +0.0 s, max +0.0 s");
  }

  @Test
  void shouldPredictEachMessageFromItsOwnAgeOnSharedScanTicks() {
    VerdictResult result =
        new RetryTimingVerdict(STRICT)
            .evaluate(new Run().message("Q1", OBSERVED).message("Q2", LATER).build());

    assertThat(result)
        .as(
            "a message accepted at 3.5 s is retried at the scans after 8.5, 20.5 and 40.5 s: within [due, due + scan period]")
        .passed()
        .hasFigure("gaps", 8)
        .hasFigure("latenessMaxMs", 0);
    Table worst = result.table("Worst retries");
    assertThat(worst.rows())
        .as("each retry with due, prediction, actual and lateness")
        .contains(
            java.util.List.of(
                "Q2",
                "archive@archive.example.com",
                "4",
                "2026-11-22T10:00:22.100Z",
                "18.6 s",
                "18.6 s",
                "+18.6 s",
                "+20.1 s ± 1.0 s",
                "+20.1 s",
                "+0.0 s",
                "ok"));
  }

  @Test
  void shouldShowTheLatenessDistribution() {
    VerdictResult result =
        new RetryTimingVerdict(STRICT)
            .evaluate(new Run().message("Q1", OBSERVED).message("Q2", LATER).build());

    Table histogram = result.table("Lateness distribution");
    assertThat(histogram).as("histogram table").isNotNull();
    assertThat(histogram.rows())
        .as("buckets: early, -1..-0.5, -0.5..0, 0..0.5, 0.5..1, late")
        .extracting(row -> row.get(0) + " = " + row.get(1))
        .containsExactly(
            "early: < -1.0 s = 0",
            "-1.0 s .. -0.5 s = 0",
            "-0.5 s .. +0.0 s = 0",
            "+0.0 s .. +0.5 s = 8",
            "+0.5 s .. +1.0 s (inclusive) = 0",
            "late: > +1.0 s = 0");
  }

  @Test
  void shouldFailARetryBeforeItsScanTick() {
    // Q3 deferred at 7 s (age 7 s) is due at 14 s, so the 17 s tick; it came at 9 s.
    VerdictResult result =
        new RetryTimingVerdict(STRICT)
            .evaluate(
                new Run()
                    .message("Q1", OBSERVED)
                    .message("Q2", LATER)
                    .message("Q3", 0, 7, 9, 22)
                    .build());

    assertThat(result)
        .as("a retry 5 s before it was due (8 s before the tick) is early")
        .failed()
        .hasFigure("early", 1)
        .hasFigure("late", 0)
        .hasFigure("worstMissMs", 5000)
        .summaryContains(
            "saw 11 retries judged (1 early, 0 late)",
            "FAILED: 1 early and 0 late of 11 retries; worst: attempt 3 of Q3 came +2.0 s after"
                + " the deferral",
            "due +7.0 s), predicted +7.0 s ± 1.0 s: early by 5.0 s");
  }

  @Test
  void shouldFailARetryLaterThanItsScanTick() {
    VerdictResult result =
        new RetryTimingVerdict(STRICT)
            .evaluate(
                new Run()
                    .message("Q1", OBSERVED)
                    .message("Q2", LATER)
                    .message("Q3", 0, 7, 30)
                    .build());

    assertThat(result)
        .as("a retry 11 s after the last scan it was due at (13 s after the tick) is late")
        .failed()
        .hasFigure("early", 0)
        .hasFigure("late", 1)
        .hasFigure("latenessMaxMs", 11000)
        .summaryContains("attempt 3 of Q3 came +23.0 s", "late by 11.0 s");
    assertThat(result.table("Worst retries").rows().get(0).get(10))
        .as("the late retry heads the worst-retries table")
        .isEqualTo("late by 11.0 s");
  }

  @Test
  void shouldFailADeferralThatWasNeverRetried() {
    VerdictResult result =
        new RetryTimingVerdict(STRICT)
            .evaluate(
                new Run()
                    .message("Q1", OBSERVED)
                    .message("Q2", LATER)
                    .stuck("Q3", 0, 7)
                    .endAt(120)
                    .build());

    assertThat(result)
        .as("deferred at 7 s, due at 14 s, nothing until the run ended at 120 s")
        .failed()
        .hasFigure("forgotten", 1)
        .summaryContains("1 forgotten deferral", "run ended 2026-11-22T10:02:00Z", "): Q3");
    assertThat(result.table("Forgotten deferrals").rows())
        .as("forgotten deferrals table")
        .extracting(row -> row.get(0) + " due " + row.get(4) + " by " + row.get(5))
        .containsExactly("Q3 due 2026-11-22T10:00:14Z by 2026-11-22T10:00:20Z");
  }

  @Test
  void shouldNotCallADeferralForgottenBeforeItsRetryWasDue() {
    assertThat(
            new RetryTimingVerdict(STRICT)
                .evaluate(
                    new Run()
                        .message("Q1", OBSERVED)
                        .message("Q2", LATER)
                        .stuck("Q3", 0, 7)
                        .endAt(19)
                        .build()))
        .as("the run ended before due + scan period + tolerance (20 s)")
        .passed()
        .hasFigure("forgotten", 0);
  }

  @Test
  void shouldNotCallARemovedOrExpiredMessageForgotten() {
    RunObservations obs =
        new Run()
            .message("Q1", OBSERVED)
            .stuck("Q3", 0, 7)
            .removed("Q3", 10)
            .stuck("Q4", 0)
            .plus(
                new DeliveryAttempt(
                    at(7), "Q4", null, "none", null, null, "expired", 7, null, "returned"))
            .endAt(120)
            .build();

    assertThat(new RetryTimingVerdict(STRICT).evaluate(obs))
        .as("a message removed from the queue or expired has no retry to wait for")
        .passed()
        .hasFigure("forgotten", 0);
  }

  @Test
  void shouldRequireEnoughRetries() {
    assertThat(new RetryTimingVerdict().evaluate(new Run().message("Q1", 0, 7).build()))
        .as("one retry is fewer than the default two")
        .failed()
        .summaryContains("saw 1 retries judged", "only 1 retries judged, expected >= 2");
  }

  @Test
  void shouldFailARunWithoutAnyRetryUnlessNoneIsRequired() {
    RunObservations obs = new Run().message("Q1", 0).message("Q2", 1).build();

    assertThat(new RetryTimingVerdict().evaluate(obs))
        .as("nothing is proven by nothing")
        .failed()
        .hasFigure("gaps", 0)
        .summaryContains("only 0 retries judged, expected >= 2 (no retry proves nothing)");
    assertThat(new RetryTimingVerdict(new RetryTimingConfig(2500, 0)).evaluate(obs))
        .as("minGaps 0 accepts a run without retries")
        .passed();
  }

  @Test
  void shouldFailWhenTheRelayTimersAreNotWhatTheScenarioSet() {
    RunObservations obs =
        new Run()
            .message("Q1", OBSERVED)
            .settings(Map.of("minimal_backoff_time", "5s", "maximal_backoff_time", "20s"))
            .build();

    VerdictResult result =
        new RetryTimingVerdict(new RetryTimingConfig(2500, 0).expectingTimers(5000, 20000, 5000))
            .evaluate(obs);

    assertThat(result)
        .as("queue_run_delay was left at Postfix's 300 s default")
        .failed()
        .hasFigure("timerMismatches", 1)
        .summaryContains(
            "relay's queue_run_delay is 300000 ms (300.0 s), the scenario expected 5000 ms (5.0 s)");
    assertThat(result.table("Relay timers").rows())
        .as("timer table")
        .extracting(row -> String.join(" | ", row))
        .containsExactly(
            "minimal_backoff_time | 5.0 s | 5.0 s | ok",
            "maximal_backoff_time | 20.0 s | 20.0 s | ok",
            "queue_run_delay | 300.0 s | 5.0 s | MISMATCH");
  }

  @Test
  void shouldPassWhenTheRelayTimersAreWhatTheScenarioSet() {
    assertThat(
            new RetryTimingVerdict(new RetryTimingConfig(0, 5).expectingTimers(5000, 20000, 5000))
                .evaluate(new Run().message("Q1", OBSERVED).build()))
        .as("timers match and the schedule is Postfix's")
        .passed()
        .hasFigure("timerMismatches", 0);
  }

  @Test
  void shouldCapTheBackoffAtTheMaximum() {
    // Deferred at age 300 s: backoff is the 20 s maximum, not 300 s; ticks at 2 s mod 5 s.
    RunObservations obs =
        RunObservations.builder()
            .accepted(List.of(accepted("h1", "Q1", T0)))
            .attempts(
                List.of(
                    attempt("Q1", T0 + 302_000, "deferred", null, "x"),
                    attempt("Q1", T0 + 322_000, "deferred", null, "x"),
                    attempt("Q1", T0 + 342_000, "sent", "worker1", "250 Ok")))
            .relaySettings(FAST)
            .build();

    assertThat(new RetryTimingVerdict(new RetryTimingConfig(0, 2)).evaluate(obs))
        .as("age beyond maximal_backoff_time")
        .passed();
  }

  @Test
  void shouldNotJudgeARetryAcrossARelayRestartAndRefitTheScanPhaseAfterIt() {
    // Before the restart the ticks are at 2 s mod 5 s; the new queue manager starts at 50 s.
    RunObservations obs =
        new Run()
            .message("Q1", 0, 7, 17, 37)
            .stuck("Q2", 30, 37)
            .plus(attempt("Q2", at(50.2), "deferred", null, "x"))
            .plus(attempt("Q2", at(75.1), "sent", "worker0", "250 Ok"))
            .restart(45, 50)
            .build();

    VerdictResult result = new RetryTimingVerdict(STRICT).evaluate(obs);

    assertThat(result)
        .as("the 37 → 50.2 s retry spans the restart; 50.2 → 75.1 s is on the new 0 s phase")
        .passed()
        .hasFigure("notJudged", 1)
        .hasFigure("gaps", 5)
        .summaryContains("1 across a relay restart");
  }

  @Test
  void shouldKeepTheScenarioParametersAndTakeTheNewOnes() {
    VerdictParams defaults = RetryTimingConfig.SPEC.validate(Map.of());
    assertThat(defaults.values())
        .as("defaults")
        .containsEntry("toleranceMs", 2500)
        .containsEntry("minGaps", 2)
        .containsEntry("expectMinimalBackoffMs", null)
        .containsEntry("expectMaximalBackoffMs", null)
        .containsEntry("expectQueueRunDelayMs", null);
    assertThat(
            RetryTimingConfig.SPEC
                .create(Map.of("toleranceMs", 2500, "minGaps", 2, "expectQueueRunDelayMs", 5000))
                .name())
        .as("the verdict built from the scenario's parameters")
        .isEqualTo("retryTiming");
  }
}
