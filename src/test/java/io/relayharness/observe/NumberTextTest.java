package io.relayharness.observe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one number format of verdict descriptions and report pages. */
class NumberTextTest {

  @Test
  void shouldWriteIntegersWithoutDecimals() {
    assertThat(NumberText.of(3.0)).isEqualTo("3");
    assertThat(NumberText.of(-120.0)).isEqualTo("-120");
  }

  @Test
  void shouldKeepThreeDecimalsBelow100AndOneFrom100On() {
    assertThat(NumberText.of(2.71828)).isEqualTo("2.718");
    assertThat(NumberText.of(0.5)).isEqualTo("0.5");
    assertThat(NumberText.of(152.46)).isEqualTo("152.5");
  }

  @Test
  void shouldKeepASmallPValueReadable() {
    assertThat(NumberText.of(0.0000123456)).as("not 0").isEqualTo("0.0000123");
    assertThat(NumberText.of(3e-9)).isEqualTo("3.00e-09");
  }

  @Test
  void shouldWriteWhatIsNotANumberAsADash() {
    assertThat(NumberText.of(Double.NaN)).isEqualTo("—");
    assertThat(NumberText.percent(Double.NaN)).isEqualTo("—");
    assertThat(NumberText.percent(1 / 3.0)).isEqualTo("33.3 %");
  }
}
