package io.relayharness.load.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Load profiles: steps, totals, Gatling mapping, bad input. */
class LoadProfileTest {

  @Test
  void shouldKeepStepsInOrderAndSumThem() {
    LoadProfile profile =
        LoadProfile.builder()
            .warmUp(9, 10)
            .constant(100, 60)
            .ramp(100, 200, 10)
            .spike(1000, 5)
            .burst(50)
            .pause(3)
            .build();

    assertThat(profile.steps())
        .extracting(s -> s.getClass().getSimpleName())
        .containsExactly("WarmUp", "Constant", "Ramp", "Spike", "Burst", "Pause");
    assertThat(profile.durationSeconds()).isEqualTo(88);
    assertThat(profile.expectedMessages()).isEqualTo(50 + 6000 + 1500 + 5000 + 50);
    assertThat(profile.toGatling()).hasSize(6).doesNotContainNull();
  }

  @Test
  void shouldRefuseBadRatesNamingTheKey() {
    assertThatThrownBy(() -> LoadProfile.builder().constant(-1, 10))
        .hasMessageContaining("ratePerSec")
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> LoadProfile.builder().build())
        .hasMessageContaining("at least one step");
  }
}
