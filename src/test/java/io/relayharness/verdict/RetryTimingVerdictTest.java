package io.relayharness.verdict;

import static io.relayharness.observe.Fixtures.T0;
import static io.relayharness.observe.Fixtures.accepted;
import static io.relayharness.observe.Fixtures.attempt;
import static io.relayharness.verdict.VerdictAssertions.assertThat;

import io.relayharness.observe.DeliveryAttempt;
import io.relayharness.observe.RunObservations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryTimingVerdictTest {

  /** The relay settings of PLATFORM.md's observation: 5 s / 20 s, queue scan every 5 s. */
  private static final Map<String, String> FAST =
      Map.of("minimal_backoff_time", "5s", "maximal_backoff_time", "20s", "queue_run_delay", "5s");

  /** One message accepted at T0, attempted at the given seconds, all deferred but the last. */
  private static RunObservations attemptsAt(double... seconds) {
    List<DeliveryAttempt> attempts = new ArrayList<>();
    for (int i = 0; i < seconds.length; i++) {
      String status = i == seconds.length - 1 ? "sent" : "deferred";
      attempts.add(
          attempt(
              "Q1",
              T0 + Math.round(seconds[i] * 1000),
              status,
              i == seconds.length - 1 ? "worker0" : null,
              "connect to worker0.int.example.com[127.0.1.10]:2525: Connection refused"));
    }
    return RunObservations.builder()
        .accepted(List.of(accepted("h1", "Q1", T0)))
        .attempts(attempts)
        .relaySettings(FAST)
        .build();
  }

  @Test
  void shouldPassTheObservedPostfixSchedule() {
    VerdictResult result = new RetryTimingVerdict().evaluate(attemptsAt(0, 7, 17, 37, 57, 77));

    assertThat(result)
        .passed()
        .hasFigure("gaps", 5)
        .hasFigure("outside", 0)
        .hasFigure("worstMissMs", 0);
  }

  @Test
  void shouldPassTheObservedScheduleEvenWithoutTolerance() {
    assertThat(
            new RetryTimingVerdict(new RetryTimingConfig(0, 5))
                .evaluate(attemptsAt(0, 7, 17, 37, 57, 77)))
        .passed();
  }

  @Test
  void shouldNameAGapThatCameTooEarly() {
    VerdictResult result = new RetryTimingVerdict().evaluate(attemptsAt(0, 7, 9, 23));

    assertThat(result)
        .failed()
        .summaryContains(
            "1 of 3 retry gaps",
            "attempt 3 of Q1 came +2.0 s after the deferral",
            "expected +7.0 s .. +12.0 s",
            "early by 5.0 s");
  }

  @Test
  void shouldNameAGapThatCameTooLate() {
    assertThat(new RetryTimingVerdict().evaluate(attemptsAt(0, 7, 60)))
        .failed()
        .summaryContains("attempt 3 of Q1", "late by 41.0 s");
  }

  @Test
  void shouldCapTheBackoffAtTheMaximum() {
    // Deferred at age 300 s: backoff is the 20 s maximum, not 300 s.
    RunObservations obs =
        RunObservations.builder()
            .accepted(List.of(accepted("h1", "Q1", T0)))
            .attempts(
                List.of(
                    attempt("Q1", T0 + 300_000, "deferred", null, "x"),
                    attempt("Q1", T0 + 322_000, "deferred", null, "x"),
                    attempt("Q1", T0 + 343_000, "sent", "worker1", "250 Ok")))
            .relaySettings(FAST)
            .build();

    assertThat(new RetryTimingVerdict().evaluate(obs)).passed();
  }

  @Test
  void shouldRequireEnoughGaps() {
    assertThat(new RetryTimingVerdict().evaluate(attemptsAt(0, 7)))
        .failed()
        .summaryContains("only 1 retry gaps observed, expected >= 2");
  }
}
