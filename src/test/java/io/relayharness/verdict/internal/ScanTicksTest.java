package io.relayharness.verdict.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScanTicksTest {

  private static final ScanTicks TICKS = new ScanTicks(5000, 2000);

  @Test
  void shouldFindTheTicksAroundATime() {
    assertThat(TICKS.firstAtOrAfter(5000)).as("first tick at or after 5 s").isEqualTo(7000);
    assertThat(TICKS.firstAtOrAfter(7000)).as("a tick is at or after itself").isEqualTo(7000);
    assertThat(TICKS.lastAtOrBefore(11_999)).as("last tick at or before 12 s").isEqualTo(7000);
    assertThat(TICKS.firstAtOrAfter(-1)).as("negative times").isEqualTo(2000);
  }

  @Test
  void shouldPredictTheFirstTickAfterDueAndAcceptTheNextWithinTolerance() {
    assertThat(TICKS.predicted(14_000, 9_000, 0)).as("due 14 s: the 17 s tick").isEqualTo(17_000);
    assertThat(TICKS.predicted(16_500, 22_000, 1000))
        .as("due 16.5 s ± 1 s: both 17 s and 22 s are valid; the attempt came at 22 s")
        .isEqualTo(22_000);
    assertThat(TICKS.predicted(16_500, 17_300, 1000))
        .as("... and at 17.3 s it is the 17 s tick")
        .isEqualTo(17_000);
    assertThat(TICKS.predicted(16_500, 40_000, 1000))
        .as("a late attempt is measured from the last valid tick")
        .isEqualTo(22_000);
  }

  @Test
  void shouldFitThePhaseThatMostRetriesShare() {
    List<ScanTicks.Observed> retries =
        List.of(
            new ScanTicks.Observed(5000, 7100),
            new ScanTicks.Observed(14_000, 17_050),
            new ScanTicks.Observed(34_000, 37_200),
            new ScanTicks.Observed(14_000, 30_000));

    assertThat(ScanTicks.fit(5000, retries, 0).phaseMs())
        .as("three retries just after ticks at 2.05 s mod 5 s outvote one late retry")
        .isEqualTo(2050);
  }

  @Test
  void shouldPutTheTickBeforeABurstNotInItsMiddle() {
    // Ten retries due at 5 s, drained by the 7 s scan over 3 s: 7.0, 7.0, 7.4, ... 10.2 s.
    List<ScanTicks.Observed> burst = new java.util.ArrayList<>();
    burst.add(new ScanTicks.Observed(5000, 7000));
    for (int i = 0; i < 9; i++) {
      burst.add(new ScanTicks.Observed(5000, 7000 + 400 * i));
    }

    assertThat(ScanTicks.fit(5000, burst, 2500).phaseMs())
        .as("the tick is where the burst starts, so its tail shows as lateness")
        .isEqualTo(2000);
  }
}
