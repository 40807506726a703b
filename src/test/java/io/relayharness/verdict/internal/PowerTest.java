package io.relayharness.verdict.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** What a sample size can detect, as the verdicts state it. */
class PowerTest {

  @Test
  void shouldGiveTheTextbookNormalApproximation() {
    // z(0.9995) + z(0.8) = 3.2905 + 0.8416; sqrt((2/3) / (3000 / 3)) = 0.025820
    assertThat(Power.detectableRelativeSkew(3000, 1.0 / 3, 0.001, 0.8))
        .isCloseTo(4.1321 * 0.025820, within(1e-3));
  }

  @Test
  void shouldDetectSmallerSkewsWithMoreMessages() {
    assertThat(Power.detectableRelativeSkew(12000, 1.0 / 3, 0.001, 0.8))
        .as("four times the messages: half the detectable skew")
        .isCloseTo(Power.detectableRelativeSkew(3000, 1.0 / 3, 0.001, 0.8) / 2, within(1e-9));
    assertThat(Power.detectableRelativeSkew(0, 0.5, 0.001, 0.8)).isInfinite();
  }
}
