package io.relayharness.verdict;

import static io.relayharness.observe.Fixtures.T0;
import static io.relayharness.observe.Fixtures.accepted;
import static io.relayharness.observe.Fixtures.arrival;
import static io.relayharness.observe.Fixtures.attempt;
import static io.relayharness.verdict.VerdictAssertions.assertThat;

import io.relayharness.observe.DeliveryAttempt;
import io.relayharness.observe.RelayWarning;
import io.relayharness.observe.RunObservations;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicatesVerdictTest {

  private static RunObservations run(List<DeliveryAttempt> attempts, List<RelayWarning> warnings) {
    return RunObservations.builder()
        .accepted(List.of(accepted("h1", "Q1", T0), accepted("h2", "Q2", T0)))
        .arrivals(
            List.of(
                arrival("h1", "worker0", "Q1", T0 + 100),
                arrival("h2", "worker1", "Q2", T0 + 100),
                arrival("h1", "worker1", "Q1", T0 + 40_000)))
        .attempts(attempts)
        .warnings(warnings)
        .build();
  }

  @Test
  void shouldPassWhenNothingArrivedTwice() {
    RunObservations obs =
        RunObservations.builder()
            .accepted(List.of(accepted("h1", "Q1", T0)))
            .arrivals(List.of(arrival("h1", "worker0", "Q1", T0 + 100)))
            .build();

    assertThat(new DuplicatesVerdict().evaluate(obs)).passed().hasFigure("extraCopies", 0);
  }

  @Test
  void shouldFlagACopyStoredTwiceWithoutARelayRetry() {
    List<DeliveryAttempt> attempts = new ArrayList<>();
    attempts.add(attempt("Q1", T0 + 90, "sent", "worker0", "250 Ok"));
    attempts.add(attempt("Q1", T0 + 39_990, "sent", "worker1", "250 Ok"));

    VerdictResult result = new DuplicatesVerdict().evaluate(run(attempts, List.of()));

    assertThat(result)
        .failed()
        .summaryContains("1 extra copies", "1 unexplained", "h1")
        .hasFigure("unexplained", 1);
  }

  @Test
  void shouldExplainACopyResentAfterADeferral() {
    List<DeliveryAttempt> attempts =
        List.of(
            attempt(
                "Q1",
                T0 + 30_100,
                "deferred",
                "worker0",
                "conversation with worker0.int.example.com[127.0.1.10] timed out while sending end of data"),
            attempt("Q1", T0 + 39_990, "sent", "worker1", "250 Ok"));

    VerdictResult result = new DuplicatesVerdict().evaluate(run(attempts, List.of()));

    assertThat(result).passed().hasFigure("explained", 1).hasFigure("unexplained", 0);
  }

  @Test
  void shouldExplainACopyTheRelayWarnedAbout() {
    RelayWarning warning =
        new RelayWarning(
            T0 + 30_100,
            "Q1",
            RelayWarning.MAY_BE_SENT_MORE_THAN_ONCE,
            "... -- message may be sent more than once");

    assertThat(new DuplicatesVerdict().evaluate(run(List.of(), List.of(warning)))).passed();
  }

  @Test
  void shouldBoundTheTotalEvenWhenExplained() {
    RelayWarning warning =
        new RelayWarning(T0 + 30_100, "Q1", RelayWarning.MAY_BE_SENT_MORE_THAN_ONCE, "x");

    assertThat(
            new DuplicatesVerdict(new DuplicatesConfig(0, 0))
                .evaluate(run(List.of(), List.of(warning))))
        .failed()
        .summaryContains("total max 0");
  }
}
