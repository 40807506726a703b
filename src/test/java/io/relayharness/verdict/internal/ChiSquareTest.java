package io.relayharness.verdict.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class ChiSquareTest {

  @Test
  void shouldMatchTableCriticalValues() {
    // Critical values from standard chi-square tables (survival = alpha).
    assertThat(ChiSquare.survival(3.841458820694124, 1)).isCloseTo(0.05, within(1e-9));
    assertThat(ChiSquare.survival(5.991464547107979, 2)).isCloseTo(0.05, within(1e-9));
    assertThat(ChiSquare.survival(9.487729036781154, 4)).isCloseTo(0.05, within(1e-9));
    assertThat(ChiSquare.survival(23.20925115701500, 10)).isCloseTo(0.01, within(1e-9));
    assertThat(ChiSquare.survival(13.81551055796427, 2)).isCloseTo(0.001, within(1e-12));
    assertThat(ChiSquare.survival(0, 3)).isEqualTo(1.0);
  }

  @Test
  void shouldKeepTinyPValuesForTwoDegreesExactly() {
    // With 2 degrees of freedom the survival function is exp(-x/2).
    assertThat(ChiSquare.survival(133.38, 2))
        .isCloseTo(Math.exp(-66.69), Percentage.withPercentage(1e-6));
    assertThat(ChiSquare.survival(1.0, 2)).isCloseTo(Math.exp(-0.5), within(1e-13));
  }
}
