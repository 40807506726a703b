package io.relayharness.verdict;

import static io.relayharness.observe.Fixtures.T0;
import static io.relayharness.observe.Fixtures.accepted;
import static io.relayharness.observe.Fixtures.rejected;
import static io.relayharness.verdict.VerdictAssertions.assertThat;

import io.relayharness.ledger.AcceptedMail;
import io.relayharness.observe.RunObservations;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SloVerdictTest {

  /** 1000 messages over 5 s (200/s), each taking 20 ms, plus {@code rejections} refusals. */
  private static RunObservations load(int rejections) {
    List<AcceptedMail> ledger = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      ledger.add(accepted("h" + i, "Q" + i, T0 + 20 + i * 5L));
    }
    for (int i = 0; i < rejections; i++) {
      ledger.add(rejected("r" + i, 421, T0 + 100 + i));
    }
    return RunObservations.builder().accepted(ledger).build();
  }

  @Test
  void shouldPassWithinTheServiceLevels() {
    assertThat(new SloVerdict().evaluate(load(0)))
        .passed()
        .hasFigure("acceptLatencyP95Ms", 20)
        .hasFigure("errorRate", 0);
  }

  @Test
  void shouldFailOnTooManyErrorsAndTooLowARate() {
    VerdictResult result =
        new SloVerdict(new SloConfig(500.0, 2000.0, null, 0.001)).evaluate(load(10));

    assertThat(result)
        .failed()
        .summaryContains(
            "accepted rate", "expected >= 500 msg/s", "error rate", "expected <= 0.001");
  }
}
