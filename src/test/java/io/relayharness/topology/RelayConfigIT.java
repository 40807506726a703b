package io.relayharness.topology;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A wrong relay config fails fast and says why, in Postfix's own words. */
class RelayConfigIT {

  @Test
  void shouldRejectAnUnknownVariantAtOnceListingTheVariants() {
    Instant start = Instant.now();
    assertThatThrownBy(() -> MailTopology.builder().variant("no-such-variant").build())
        .hasMessageContaining("unknown relay config variant 'no-such-variant'")
        .hasMessageContaining("mx-roundrobin");
    org.assertj.core.api.Assertions.assertThat(Duration.between(start, Instant.now()))
        .as("time to reject an unknown variant")
        .isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void shouldFailWithPostfixsOwnErrorLinesForABrokenMainCf() {
    MailTopology topology =
        MailTopology.builder().relayOverride("default_process_limit", "lots").build();
    try {
      assertThatThrownBy(topology::start)
          .isInstanceOf(Relay.RelayStartException.class)
          .hasMessageContaining("bad numerical configuration: default_process_limit = lots");
    } finally {
      topology.stop();
    }
  }
}
