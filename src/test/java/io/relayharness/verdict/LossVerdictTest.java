package io.relayharness.verdict;

import static io.relayharness.observe.Fixtures.T0;
import static io.relayharness.observe.Fixtures.accepted;
import static io.relayharness.observe.Fixtures.arrival;
import static io.relayharness.observe.Fixtures.attempt;
import static io.relayharness.verdict.VerdictAssertions.assertThat;

import io.relayharness.observe.RunObservations;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossVerdictTest {

  private static RunObservations.Builder threeAccepted() {
    return RunObservations.builder()
        .accepted(
            List.of(
                accepted("h1", "Q1", T0),
                accepted("h2", "Q2", T0 + 1),
                accepted("h3", "Q3", T0 + 2)))
        .attempts(
            List.of(
                attempt("Q1", T0 + 50, "sent", "worker0", "250 Ok"),
                attempt("Q2", T0 + 51, "sent", "worker1", "250 2.0.0 Ok: queued"),
                attempt("Q3", T0 + 52, "sent", "worker2", "250 Ok")));
  }

  @Test
  void shouldPassWhenEveryAcceptedMessageArrived() {
    RunObservations obs =
        threeAccepted()
            .arrivals(
                List.of(
                    arrival("h1", "worker0", "Q1", T0 + 60),
                    arrival("h2", "worker1", "Q2", T0 + 61),
                    arrival("h3", "worker2", "Q3", T0 + 62)))
            .build();

    assertThat(new LossVerdict().evaluate(obs))
        .passed()
        .hasFigure("lost", 0)
        .hasFigure("accepted", 3);
  }

  @Test
  void shouldNameTheMessageASinkSilentlyDropped() {
    RunObservations obs =
        threeAccepted()
            .arrivals(
                List.of(
                    arrival("h1", "worker0", "Q1", T0 + 60),
                    arrival("h3", "worker2", "Q3", T0 + 62)))
            .build();

    VerdictResult result = new LossVerdict().evaluate(obs);

    assertThat(result).failed().summaryContains("1 of 3", "h2 (queue id Q2)").hasFigure("lost", 1);
    org.assertj.core.api.Assertions.assertThat(result.table("Lost messages").rows())
        .singleElement()
        .satisfies(
            row ->
                org.assertj.core.api.Assertions.assertThat(row)
                    .contains(
                        "h2",
                        "Q2",
                        "worker1.int.example.com[127.0.1.11]:2525",
                        "250 2.0.0 Ok: queued"));
  }

  @Test
  void shouldAllowTheConfiguredLoss() {
    RunObservations obs =
        threeAccepted().arrivals(List.of(arrival("h1", "worker0", "Q1", T0 + 60))).build();

    assertThat(new LossVerdict(new LossConfig(2, false)).evaluate(obs)).passed();
  }
}
