package io.relayharness.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OverridesArgumentsTest {

  @Test
  void givesTheSetsThenRateThenDurationAsTheCommandLineWroteThem() {
    Overrides all =
        new Overrides(List.of("load.steps[0].constant.rate=50", "drain.maxSeconds=9"), 80.0, "30s");

    assertThat(all.asArguments())
        .containsExactly(
            "load.steps[0].constant.rate=50",
            "drain.maxSeconds=9",
            "--rate 80.0",
            "--duration 30s");
    assertThat(Overrides.NONE.asArguments()).isEmpty();
    assertThat(new Overrides(List.of(), null, "1m").asArguments()).containsExactly("--duration 1m");
  }
}
