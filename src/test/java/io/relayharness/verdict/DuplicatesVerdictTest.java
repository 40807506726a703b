package io.relayharness.verdict;

import static io.relayharness.observe.Fixtures.T0;
import static io.relayharness.observe.Fixtures.accepted;
import static io.relayharness.observe.Fixtures.arrival;
import static io.relayharness.observe.Fixtures.attempt;
import static io.relayharness.verdict.VerdictAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.ledger.SinkArrival;
import io.relayharness.observe.DeliveryAttempt;
import io.relayharness.observe.RelayWarning;
import io.relayharness.observe.RunObservations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DuplicatesVerdictTest {

  private static final String LOST_AFTER_DOT =
      "lost connection with worker0.int.example.com[127.0.1.10] while sending end of data --"
          + " message may be sent more than once";

  private static final String TIMED_OUT_AFTER_DOT =
      "conversation with worker0.int.example.com[127.0.1.10] timed out while sending end of data";

  /** h1 (Q1) arrives at 0.1 s and 40 s; h2 (Q2) once. */
  private static RunObservations run(List<DeliveryAttempt> attempts, List<RelayWarning> warnings) {
    return run(
        List.of(
            arrival("h1", "worker0", "Q1", T0 + 100),
            arrival("h2", "worker1", "Q2", T0 + 100),
            arrival("h1", "worker1", "Q1", T0 + 40_000)),
        attempts,
        warnings);
  }

  private static RunObservations run(
      List<SinkArrival> arrivals, List<DeliveryAttempt> attempts, List<RelayWarning> warnings) {
    return RunObservations.builder()
        .accepted(List.of(accepted("h1", "Q1", T0), accepted("h2", "Q2", T0)))
        .arrivals(arrivals)
        .attempts(attempts)
        .warnings(warnings)
        .build();
  }

  private static RelayWarning mayBeSentTwice(long atMs) {
    return new RelayWarning(
        atMs,
        "Q1",
        RelayWarning.MAY_BE_SENT_MORE_THAN_ONCE,
        "relay postfix/smtp[77]: Q1: " + LOST_AFTER_DOT);
  }

  @Test
  void shouldPassWhenNothingArrivedTwice() {
    RunObservations obs =
        RunObservations.builder()
            .accepted(List.of(accepted("h1", "Q1", T0)))
            .arrivals(List.of(arrival("h1", "worker0", "Q1", T0 + 100)))
            .build();

    assertThat(new DuplicatesVerdict().evaluate(obs))
        .as("one copy of one message")
        .passed()
        .hasFigure("duplicates", 0)
        .hasFigure("extraCopies", 0)
        .summaryContains(
            "expected <= 0 unexplained extra copies, total any",
            "saw no message arrive more than once (1 messages)");
  }

  @Test
  void shouldFailACopyStoredTwiceWithoutARelayFailure() {
    List<DeliveryAttempt> attempts = new ArrayList<>();
    attempts.add(attempt("Q1", T0 + 90, "sent", "worker0", "250 Ok"));
    attempts.add(attempt("Q1", T0 + 39_990, "sent", "worker1", "250 Ok"));

    VerdictResult result = new DuplicatesVerdict().evaluate(run(attempts, List.of()));

    assertThat(result)
        .as("two 250s and no failure after the data in between")
        .failed()
        .hasFigure("duplicates", 1)
        .hasFigure("explained", 0)
        .hasFigure("unexplained", 1)
        .summaryContains(
            "saw 1 extra copies of 1 of 2 messages: 0 explained, 1 unexplained (h1)",
            "FAILED: 1 unexplained, more than the 0 allowed: h1");
    assertThat(result.table("Duplicated messages").rows())
        .as("per-message table")
        .containsExactly(List.of("h1", "Q1", "2", "worker0, worker1", "0", "1", "none"));
  }

  @Test
  void shouldNotTakeAnOrdinaryDeferralForAFailureAfterTheData() {
    List<DeliveryAttempt> attempts =
        List.of(
            attempt(
                "Q1",
                T0 + 30_100,
                "deferred",
                null,
                "connect to worker0.int.example.com[127.0.1.10]:2525: Connection refused"),
            attempt("Q1", T0 + 39_990, "sent", "worker1", "250 Ok"));

    assertThat(new DuplicatesVerdict().evaluate(run(attempts, List.of())))
        .as("a refused connection never carried the data")
        .failed()
        .hasFigure("unexplained", 1);
  }

  @Test
  void shouldNotTakeASuspendedDestinationsRepeatedReasonForAFailureOfThisMessage() {
    String suspended = "delivery temporarily suspended: " + LOST_AFTER_DOT;
    List<DeliveryAttempt> attempts =
        List.of(
            attempt("Q1", T0 + 30_100, "deferred", null, suspended),
            attempt("Q1", T0 + 39_990, "sent", "worker1", "250 Ok"));
    RelayWarning warning =
        new RelayWarning(
            T0 + 30_100,
            "Q1",
            RelayWarning.MAY_BE_SENT_MORE_THAN_ONCE,
            "relay postfix/smtp[77]: Q1: to=<archive@archive.example.com>, status=deferred ("
                + suspended
                + ")");

    assertThat(new DuplicatesVerdict().evaluate(run(attempts, List.of(warning))))
        .as("the throttled destination deferred Q1 without sending it")
        .failed()
        .hasFigure("explainingEvents", 0)
        .hasFigure("unexplained", 1);
  }

  @Test
  void shouldExplainACopyResentAfterATimeoutAfterTheData() {
    List<DeliveryAttempt> attempts =
        List.of(
            attempt("Q1", T0 + 30_100, "deferred", "worker0", TIMED_OUT_AFTER_DOT),
            attempt("Q1", T0 + 39_990, "sent", "worker1", "250 Ok"));

    VerdictResult result = new DuplicatesVerdict().evaluate(run(attempts, List.of()));

    assertThat(result)
        .as("timeout after the final dot, then a retry")
        .passed()
        .hasFigure("explained", 1)
        .hasFigure("unexplained", 0);
    assertThat(result.table("Duplicated messages").rows().get(0).get(6))
        .as("the explaining log line")
        .isEqualTo(
            "2026-11-22T10:00:30.100Z Q1: to=<archive@archive.example.com>,"
                + " relay=worker0.int.example.com[127.0.1.10]:2525, status=deferred ("
                + TIMED_OUT_AFTER_DOT
                + ")");
  }

  @Test
  void shouldExplainACopyTheRelayWarnedAbout() {
    VerdictResult result =
        new DuplicatesVerdict().evaluate(run(List.of(), List.of(mayBeSentTwice(T0 + 30_100))));

    assertThat(result)
        .as("'may be sent more than once' between the copies")
        .passed()
        .hasFigure("explained", 1)
        .summaryContains("saw 1 extra copies of 1 of 2 messages: 1 explained, 0 unexplained");
    assertThat(result.table("Extra copies").rows().get(0).get(6))
        .as("the copy's explaining line")
        .contains("message may be sent more than once");
  }

  @Test
  void shouldExplainACopyWhoseWarningWasStampedMillisecondsAfterIt() {
    // Seen in a real run: the engine stamps relay lines when it reads them, so the warning of the
    // failure that caused the second copy carried a time 1.5 ms after that copy arrived.
    VerdictResult result =
        new DuplicatesVerdict().evaluate(run(List.of(), List.of(mayBeSentTwice(T0 + 40_002))));

    assertThat(result).passed().hasFigure("explained", 1);
  }

  @Test
  void shouldNotExplainACopyByAnEventLoggedAfterIt() {
    VerdictResult result =
        new DuplicatesVerdict().evaluate(run(List.of(), List.of(mayBeSentTwice(T0 + 45_000))));

    assertThat(result)
        .as("the warning came 5 s after the second copy: it cannot have caused it")
        .failed()
        .hasFigure("unexplained", 1);
    assertThat(result.table("Extra copies").rows().get(0).get(6))
        .as("why the copy is unexplained")
        .contains("1 logged only after this copy arrived");
  }

  @Test
  void shouldNotLetOneEventExplainTwoCopies() {
    // The relay lost the 250 once (39.5 s); copies arrived at 0.1, 40 and 45 s.
    List<SinkArrival> arrivals =
        List.of(
            arrival("h1", "worker0", "Q1", T0 + 100),
            arrival("h1", "worker1", "Q1", T0 + 40_000),
            arrival("h1", "worker2", "Q1", T0 + 45_000));

    VerdictResult result =
        new DuplicatesVerdict(new DuplicatesConfig(0, null, 1, false))
            .evaluate(run(arrivals, List.of(), List.of(mayBeSentTwice(T0 + 39_500))));

    assertThat(result)
        .as("one warning, two extra copies")
        .failed()
        .hasFigure("duplicates", 2)
        .hasFigure("explained", 1)
        .hasFigure("unexplained", 1);
    assertThat(result.table("Extra copies").rows())
        .as("copy 2 takes the event, copy 3 finds it spent")
        .extracting(row -> row.get(2) + " " + row.get(5))
        .containsExactly("2 yes", "3 NO");
    assertThat(result.table("Extra copies").rows().get(1).get(6))
        .as("why copy 3 is unexplained")
        .contains("1 already explained an earlier copy");
  }

  @Test
  void shouldCountALineThatIsBothADeferralAndAWarningOnce() {
    List<SinkArrival> arrivals =
        List.of(
            arrival("h1", "worker0", "Q1", T0 + 100),
            arrival("h1", "worker1", "Q1", T0 + 40_000),
            arrival("h1", "worker2", "Q1", T0 + 45_000));
    DeliveryAttempt deferral = attempt("Q1", T0 + 30_100, "deferred", "worker0", LOST_AFTER_DOT);

    VerdictResult result =
        new DuplicatesVerdict()
            .evaluate(run(arrivals, List.of(deferral), List.of(mayBeSentTwice(T0 + 30_100))));

    assertThat(result)
        .as("the parser reports the one line as an attempt and as a warning")
        .failed()
        .hasFigure("explainingEvents", 1)
        .hasFigure("explained", 1)
        .hasFigure("unexplained", 1);
  }

  @Test
  void shouldExplainEachCopyByItsOwnEvent() {
    List<SinkArrival> arrivals =
        List.of(
            arrival("h1", "worker0", "Q1", T0 + 100),
            arrival("h1", "worker1", "Q1", T0 + 40_000),
            arrival("h1", "worker2", "Q1", T0 + 60_000));
    List<DeliveryAttempt> attempts =
        List.of(
            attempt("Q1", T0 + 30_100, "deferred", "worker0", LOST_AFTER_DOT),
            attempt("Q1", T0 + 50_000, "deferred", "worker1", TIMED_OUT_AFTER_DOT),
            attempt("Q1", T0 + 59_990, "sent", "worker2", "250 Ok"));

    VerdictResult result =
        new DuplicatesVerdict(new DuplicatesConfig(0, null, 2, false))
            .evaluate(run(arrivals, attempts, List.of()));

    assertThat(result)
        .as("two failures after the dot, two extra copies, two required")
        .passed()
        .hasFigure("explained", 2)
        .summaryContains(
            "expected <= 0 unexplained extra copies, total any, >= 2 explained",
            "2 explained, 0 unexplained");
  }

  @Test
  void shouldFailWhenFewerDuplicatesThanRequiredAppeared() {
    VerdictResult result =
        new DuplicatesVerdict(new DuplicatesConfig(0, null, 3, false))
            .evaluate(run(List.of(), List.of(mayBeSentTwice(T0 + 30_100))));

    assertThat(result)
        .as("the scenario provokes duplicates and requires three")
        .failed()
        .summaryContains("FAILED: expected at least 3 explained duplicates, saw 1");
  }

  @Test
  void shouldNotCountUnexplainedCopiesTowardsTheRequiredDuplicates() {
    VerdictResult result =
        new DuplicatesVerdict(new DuplicatesConfig(5, null, 1, false))
            .evaluate(run(List.of(), List.of()));

    assertThat(result)
        .as("one extra copy, but unexplained")
        .failed()
        .summaryContains("expected at least 1 explained duplicates, saw 0 (of 1 extra copies)");
  }

  @Test
  void shouldNotExplainCopiesThroughDifferentQueueIds() {
    List<SinkArrival> arrivals =
        List.of(
            arrival("h1", "worker0", "Q1", T0 + 100), arrival("h1", "worker1", "Q9", T0 + 40_000));

    VerdictResult result =
        new DuplicatesVerdict()
            .evaluate(run(arrivals, List.of(), List.of(mayBeSentTwice(T0 + 30_100))));

    assertThat(result)
        .as("the message entered the relay twice")
        .failed()
        .hasFigure("unexplained", 1);
    assertThat(result.table("Extra copies").rows().get(0).get(6))
        .as("reason")
        .contains("different relay queue ids Q1 and Q9");
  }

  @Test
  void shouldBoundTheTotalEvenWhenExplained() {
    assertThat(
            new DuplicatesVerdict(new DuplicatesConfig(0, 0))
                .evaluate(run(List.of(), List.of(mayBeSentTwice(T0 + 30_100)))))
        .as("maxTotal 0")
        .failed()
        .summaryContains("total <= 0", "FAILED: 1 extra copies in all, more than the 0 allowed");
  }

  @Test
  void shouldKeepTheScenarioParametersAndTakeMinDuplicates() {
    assertThat(DuplicatesConfig.SPEC.validate(Map.of("maxUnexplained", 0)).values())
        .as("defaults")
        .containsEntry("maxUnexplained", 0)
        .containsEntry("maxTotal", null)
        .containsEntry("minDuplicates", 0);
    java.util.HashMap<String, Object> given = new java.util.HashMap<>();
    given.put("maxUnexplained", 0);
    given.put("maxTotal", null);
    given.put("minDuplicates", 5);
    assertThat(DuplicatesConfig.SPEC.validate(given).integer("minDuplicates"))
        .as("minDuplicates given")
        .isEqualTo(5);
  }
}
