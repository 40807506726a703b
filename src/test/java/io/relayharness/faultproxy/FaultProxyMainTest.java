package io.relayharness.faultproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Flag parsing in the style of Go's flag package. */
class FaultProxyMainTest {

  @Test
  void shouldAcceptGoFlagSpellings() {
    assertThat(
            FaultProxyMain.parse(
                new String[] {"-host=0.0.0.0", "--port", "9000", "-config", "f.json", "-version"}))
        .containsEntry("host", "0.0.0.0")
        .containsEntry("port", "9000")
        .containsEntry("config", "f.json")
        .containsEntry("version", "true");
  }

  @Test
  void shouldRefuseUnknownFlagsAsGoDoes() {
    assertThatThrownBy(() -> FaultProxyMain.parse(new String[] {"-nope"}))
        .hasMessage("flag provided but not defined: -nope");
    assertThatThrownBy(() -> FaultProxyMain.parse(new String[] {"-host"}))
        .hasMessage("flag needs an argument: -host");
  }
}
