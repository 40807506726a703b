package io.relayharness.verdict;

import static io.relayharness.observe.Fixtures.T0;
import static io.relayharness.observe.Fixtures.accepted;
import static io.relayharness.observe.Fixtures.arrival;
import static io.relayharness.observe.Fixtures.rejected;
import static io.relayharness.verdict.VerdictAssertions.assertThat;

import io.relayharness.observe.RunObservations;
import java.util.List;
import org.junit.jupiter.api.Test;

class RejectedVerdictTest {

  @Test
  void shouldPassWhenTheRelayRefusedWithTheCode() {
    RunObservations obs =
        RunObservations.builder()
            .accepted(List.of(rejected("r1", 554, T0), rejected("r2", 554, T0 + 1)))
            .build();

    assertThat(
            new RejectedVerdict(new RejectedConfig(2, java.util.List.of(554), null)).evaluate(obs))
        .passed()
        .hasFigure("rejected", 2);
  }

  @Test
  void shouldFailOnWrongCodesTooFewAndLeaks() {
    RunObservations obs =
        RunObservations.builder()
            .accepted(List.of(rejected("r1", 451, T0), accepted("h1", "Q1", T0)))
            .arrivals(List.of(arrival("r1", "worker0", "Q9", T0 + 50)))
            .build();

    assertThat(
            new RejectedVerdict(new RejectedConfig(2, java.util.List.of(554), null)).evaluate(obs))
        .failed()
        .summaryContains(
            "1 rejected, expected >= 2",
            "with a code other than [554]",
            "refused messages arrived at a sink: r1");
  }
}
