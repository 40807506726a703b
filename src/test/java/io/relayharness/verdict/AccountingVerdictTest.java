package io.relayharness.verdict;

import static io.relayharness.observe.Fixtures.T0;
import static io.relayharness.observe.Fixtures.accepted;
import static io.relayharness.observe.Fixtures.rejected;
import static io.relayharness.verdict.VerdictAssertions.assertThat;

import io.relayharness.observe.RunObservations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every offered message is accounted for, and the relay accepts the share the scenario says. */
class AccountingVerdictTest {

  private static Verdict verdict(Map<String, Object> params) {
    return AccountingConfig.SPEC.create(params);
  }

  @Test
  void shouldAccountForEveryMessageByOutcomeAndCode() {
    RunObservations obs =
        RunObservations.builder()
            .accepted(
                List.of(
                    accepted("h1", "Q1", T0),
                    accepted("h2", "Q2", T0),
                    rejected("h3", 554, T0),
                    rejected("h4", 450, T0)))
            .build();
    VerdictResult r = verdict(Map.of("minAcceptedShare", 0.5)).evaluate(obs);
    assertThat(r)
        .passed()
        .summaryContains("4 sent = 2 accepted + 2 rejected {450=1, 554=1} + 0 failed")
        .hasFigure("rejected.554", 1);
  }

  @Test
  void shouldFailARelayThatRefusesEverything() {
    RunObservations obs =
        RunObservations.builder()
            .accepted(List.of(rejected("h1", 554, T0), rejected("h2", 554, T0)))
            .build();
    assertThat(verdict(Map.of()).evaluate(obs))
        .failed()
        .summaryContains("accepted share 0.0% below the least 99.0%");
  }

  @Test
  void shouldFailWhenNothingWasOffered() {
    assertThat(verdict(Map.of()).evaluate(RunObservations.builder().build()))
        .failed()
        .summaryContains("the injector offered no message");
  }

  @Test
  void shouldFailARelayThatAcceptsWhatItMustRefuse() {
    RunObservations obs =
        RunObservations.builder()
            .accepted(List.of(accepted("h1", "Q1", T0), rejected("h2", 554, T0)))
            .build();
    assertThat(verdict(Map.of("minAcceptedShare", 0.0, "maxAcceptedShare", 0.0)).evaluate(obs))
        .failed()
        .summaryContains("accepted share 50.0% above the most 0.0%");
  }
}
