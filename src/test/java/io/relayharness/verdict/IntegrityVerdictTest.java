package io.relayharness.verdict;

import static io.relayharness.observe.Fixtures.T0;
import static io.relayharness.observe.Fixtures.accepted;
import static io.relayharness.observe.Fixtures.arrival;
import static io.relayharness.verdict.VerdictAssertions.assertThat;

import io.relayharness.observe.RunObservations;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntegrityVerdictTest {

  @Test
  void shouldPassWhenEveryBodyMatches() {
    RunObservations obs =
        RunObservations.builder()
            .accepted(List.of(accepted("h1", "Q1", T0), accepted("h2", "Q2", T0)))
            .arrivals(
                List.of(
                    arrival("h1", "worker0", "Q1", T0 + 9), arrival("h2", "worker1", "Q2", T0 + 9)))
            .build();

    assertThat(new IntegrityVerdict().evaluate(obs)).passed().hasFigure("checked", 2);
  }

  @Test
  void shouldNameACorruptedBody() {
    RunObservations obs =
        RunObservations.builder()
            .accepted(List.of(accepted("h1", "Q1", T0), accepted("h2", "Q2", T0)))
            .arrivals(
                List.of(
                    arrival("h1", "worker0", "Q1", T0 + 9),
                    arrival("h2", "worker1", "Q2", T0 + 9, "00ff".repeat(16))))
            .build();

    VerdictResult result = new IntegrityVerdict().evaluate(obs);

    assertThat(result).failed().summaryContains("1 of 2", "h2").hasFigure("mismatched", 1);
  }
}
