package io.relayharness.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Noise, repeats needed and the smallest detectable change. */
class SampleSizeTest {

  @Test
  void shouldKnowTheFewestRepeatsAnExactRankTestNeeds() {
    assertThat(SampleSize.fewestRepeats(0.05)).as("2/C(8,4) = 0.029 <= 0.05").isEqualTo(4);
    assertThat(SampleSize.fewestRepeats(0.05 / 18))
        .as("18 metrics, Holm's first step")
        .isEqualTo(6);
  }

  @Test
  void shouldNeedMoreRepeatsForMoreNoise() {
    int quiet = SampleSize.repeatsFor(10, 5, 0.05);
    int noisy = SampleSize.repeatsFor(10, 20, 0.05);
    // 2 (1.96 + 0.8416)^2 (20/10)^2 / (3/π) = 65.8
    assertThat(noisy).as("sd twice the change").isEqualTo(66);
    assertThat(quiet).as("sd half the change: the exact test's floor").isEqualTo(5);
    assertThat(SampleSize.repeatsFor(10, 0, 0.05)).as("no noise: the floor").isEqualTo(4);
  }

  @Test
  void shouldSayNothingIsDetectableBelowTheFloor() {
    assertThat(SampleSize.detectable(3, 1, 0.05)).as("3 repeats cannot reach 5%").isInfinite();
    assertThat(SampleSize.detectable(66, 20, 0.05))
        .as("inverse of repeatsFor")
        .isCloseTo(10, within(0.1));
  }

  @Test
  void shouldPoolTheStandardDeviationWithinSides() {
    assertThat(SampleSize.pooledSd(new double[] {1, 3}, new double[] {11, 13}))
        .as("the shift between sides is not noise")
        .isCloseTo(Math.sqrt(2), within(1e-12));
  }
}
