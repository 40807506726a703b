package io.relayharness.observe;

import static io.relayharness.observe.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The run cut at its fault windows' edges, as loss and duplicates place messages in a tier run. */
class RunPhasesTest {

  @Test
  void shouldCutOverlappingWindowsIntoTheStepsInEffect() {
    // relay-dies-with-queue: workers down 2 s .. 14 s, relay0 killed 7 s .. 19 s
    RunPhases p =
        RunPhases.of(
            List.of(
                new FaultEvent(
                    T0 + 2000, T0 + 14_000, "proxy-down", "all-workers", "", "workers-down"),
                new FaultEvent(T0 + 7000, T0 + 19_000, "relay-kill", "relay0", "", "relay0-down")));

    assertThat(p.names())
        .containsExactly(
            "before",
            "during workers-down",
            "during workers-down + relay0-down",
            "during relay0-down",
            "after");
    assertThat(p.at(T0)).isEqualTo("before");
    assertThat(p.at(T0 + 1999)).isEqualTo("before");
    assertThat(p.at(T0 + 2000)).isEqualTo("during workers-down");
    assertThat(p.at(T0 + 7000)).isEqualTo("during workers-down + relay0-down");
    assertThat(p.at(T0 + 14_000)).isEqualTo("during relay0-down");
    assertThat(p.at(T0 + 19_000)).isEqualTo("after");
  }

  @Test
  void shouldNameTheGapBetweenTwoFaultsAndAnUnnamedStep() {
    RunPhases p =
        RunPhases.of(
            List.of(
                new FaultEvent(T0 + 1000, T0 + 2000, "relay-link-down", "relay0", ""),
                new FaultEvent(T0 + 5000, T0 + 6000, "region-partition", "us", "", "us-cut")));
    assertThat(p.names())
        .containsExactly(
            "before", "during relay-link-down relay0", "between", "during us-cut", "after");
    assertThat(p.at(T0 + 3000)).isEqualTo("between");
  }

  @Test
  void shouldLetAnInstantaneousRestartOnlyCutAndANeverUndoneFaultLastToTheEnd() {
    RunPhases restart =
        RunPhases.of(List.of(new FaultEvent(T0 + 1000, null, "relay-restart", "relay", "", "r")));
    assertThat(restart.names()).containsExactly("before", "after");

    RunPhases open =
        RunPhases.of(List.of(new FaultEvent(T0 + 1000, null, "relay-kill", "relay0", "", "dead")));
    assertThat(open.names()).containsExactly("before", "during dead");
    assertThat(open.at(Long.MAX_VALUE - 1)).isEqualTo("during dead");

    assertThat(RunPhases.of(List.of()).names()).containsExactly("whole run");
  }
}
