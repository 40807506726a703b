package io.relayharness.verdict;

import static io.relayharness.observe.Fixtures.T0;
import static io.relayharness.observe.Fixtures.accepted;
import static io.relayharness.observe.Fixtures.arrival;
import static io.relayharness.verdict.VerdictAssertions.assertThat;

import io.relayharness.ledger.AcceptedMail;
import io.relayharness.ledger.SinkArrival;
import io.relayharness.observe.RunObservations;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryVerdictTest {

  /** 100 messages, message i arriving (i+1) * 10 ms after its accept. */
  private static RunObservations run() {
    List<AcceptedMail> ledger = new ArrayList<>();
    List<SinkArrival> arrivals = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      ledger.add(accepted("h" + i, "Q" + i, T0 + i));
      arrivals.add(arrival("h" + i, "worker" + (i % 3), "Q" + i, T0 + i + (i + 1) * 10L));
    }
    return RunObservations.builder().accepted(ledger).arrivals(arrivals).build();
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
  void shouldFailWhenTheSlowestMessageWaitedLongerThanTheBound() {
    assertThat(new DeliveryVerdict(new DeliveryConfig(null, null, 999.0)).evaluate(run()))
        .failed()
        .summaryContains("slowest end-to-end latency 1000 ms, expected <= 999 ms");
    assertThat(new DeliveryVerdict(new DeliveryConfig(null, null, 1000.0)).evaluate(run()))
        .passed();
  }
}
