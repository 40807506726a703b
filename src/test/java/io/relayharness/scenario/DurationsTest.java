package io.relayharness.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Durations read and written as scenario files spell them. */
class DurationsTest {

  @ParameterizedTest
  @CsvSource({
    "500ms, 500",
    "10s, 10000",
    "1m, 60000",
    "1m30s, 90000",
    "1.5s, 1500",
    "2h, 7200000",
    "0s, 0",
    "10, -1",
    "10 s, -1",
    "s, -1",
    "1x, -1",
    "1.0005s, -1"
  })
  void shouldParse(String text, long expectedMs) {
    assertThat(Durations.parseMs(text)).as("parse of '%s'", text).isEqualTo(expectedMs);
  }

  @ParameterizedTest
  @CsvSource({"500, 500ms", "10000, 10s", "90000, 1m30s", "2250, 2s250ms", "0, 0s", "3600000, 1h"})
  void shouldFormat(long ms, String expected) {
    assertThat(Durations.format(ms)).isEqualTo(expected);
    assertThat(Durations.parseMs(expected)).as("round trip").isEqualTo(ms);
  }
}
