package io.relayharness.verdict;

import static io.relayharness.observe.Fixtures.T0;
import static io.relayharness.observe.Fixtures.accepted;
import static io.relayharness.observe.Fixtures.arrival;
import static io.relayharness.verdict.VerdictAssertions.assertThat;

import io.relayharness.ledger.AcceptedMail;
import io.relayharness.ledger.SinkArrival;
import io.relayharness.observe.FaultEvent;
import io.relayharness.observe.RunObservations;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryVerdictTest {

  /** 100 messages, message i arriving (i+1) * 10 ms after its accept. */
  private static RunObservations run() {
    return run(List.of());
  }

  private static RunObservations run(List<FaultEvent> faults) {
    List<AcceptedMail> ledger = new ArrayList<>();
    List<SinkArrival> arrivals = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      ledger.add(accepted("h" + i, "Q" + i, T0 + i));
      arrivals.add(arrival("h" + i, "worker" + (i % 3), "Q" + i, T0 + i + (i + 1) * 10L));
    }
    return RunObservations.builder().accepted(ledger).arrivals(arrivals).faults(faults).build();
  }

  @Test
  void shouldReportPercentilesAndPassWithinBounds() {
    assertThat(new DeliveryVerdict(new DeliveryConfig(1000.0, 1000.0)).evaluate(run()))
        .passed()
        .hasFigure("endToEndP95Ms", 950)
        .hasFigure("endToEndP99Ms", 990)
        .hasFigure("endToEndMaxMs", 1000);
  }

  @Test
  void shouldFailAboveTheBound() {
    assertThat(new DeliveryVerdict(new DeliveryConfig(500.0, null)).evaluate(run()))
        .failed()
        .summaryContains("p95 end-to-end latency 950 ms, expected <= 500 ms");
  }

  @Test
  void shouldJudgeOnlyTheMessagesAcceptedWhileTheStepWasInEffect() {
    // messages 20..39 were accepted in the window: the slowest of them waited 400 ms
    RunObservations obs =
        run(
            List.of(
                new FaultEvent(
                    T0 + 20, T0 + 39, "relay-pause", "relay1", "relay paused", "paused")));
    assertThat(new DeliveryVerdict(new DeliveryConfig(null, null, 400.0, "paused")).evaluate(obs))
        .passed()
        .hasFigure("delivered", 20)
        .hasFigure("endToEndMaxMs", 400);
    assertThat(new DeliveryVerdict(new DeliveryConfig(null, null, 399.0, "paused")).evaluate(obs))
        .failed()
        .summaryContains("of 20 messages accepted during 'paused'")
        .summaryContains("slowest end-to-end latency 400 ms, expected <= 399 ms");
  }

  @Test
  void shouldFailWhenTheStepOfDuringDidNotHappen() {
    assertThat(new DeliveryVerdict(new DeliveryConfig(null, null, 400.0, "paused")).evaluate(run()))
        .failed()
        .summaryContains("step 'paused' did not happen");
  }

  @Test
  void shouldFailWhenTheSlowestMessageWaitedLongerThanTheBound() {
    assertThat(new DeliveryVerdict(new DeliveryConfig(null, null, 999.0)).evaluate(run()))
        .failed()
        .summaryContains("slowest end-to-end latency 1000 ms, expected <= 999 ms");
    assertThat(new DeliveryVerdict(new DeliveryConfig(null, null, 1000.0)).evaluate(run()))
        .passed();
  }
}
