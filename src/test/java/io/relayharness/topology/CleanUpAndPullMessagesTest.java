package io.relayharness.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one-line messages that replace library noise on the console (no Docker needed). */
class CleanUpAndPullMessagesTest {

  @Test
  void shouldShortenAFailedPullToTheEnginesReason() {
    RuntimeException e =
        new RuntimeException(
            "Status 500: {\"message\":\"Get \\\"https://ghcr.io/v2/\\\": dial tcp: lookup ghcr.io"
                + " on 10.255.255.53:53: no such host\"}\n");
    assertThat(FaultProxySelector.reason(e))
        .as("reason of a failed pull")
        .isEqualTo(
            "Get \"https://ghcr.io/v2/\": dial tcp: lookup ghcr.io on 10.255.255.53:53: no such"
                + " host");
    assertThat(FaultProxySelector.reason(new RuntimeException("line one\n  line two")))
        .as("reason without JSON, on one line")
        .isEqualTo("line one line two");
    assertThat(FaultProxySelector.reason(new IllegalStateException()))
        .as("reason without a message")
        .isEqualTo("IllegalStateException");
    assertThat(FaultProxySelector.reason(new RuntimeException("x".repeat(500))))
        .as("a long reason")
        .hasSize(200);
  }

  @Test
  void shouldSayHowCleanUpWorksInOneLine() {
    String line = Janitor.cleanUpLine("rh-1", true);
    assertThat(line)
        .as("clean-up line with Ryuk off")
        .contains(RunIdentity.RUN_LABEL + "=rh-1")
        .contains("Ctrl-C")
        .contains("Ryuk reaper is off")
        .doesNotContain("\n");
  }
}
