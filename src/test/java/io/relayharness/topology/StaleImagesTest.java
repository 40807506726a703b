package io.relayharness.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.topology.HarnessImages.BuiltImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaleImagesTest {

  private static final long DAY = 86_400;
  private static final long NOW = 100 * DAY;

  @Test
  void keepsTheNewestAndRemovesOlderTagsOfTheSameRepository() {
    List<BuiltImage> images =
        List.of(
            new BuiltImage("relay-harness/jvm:a", NOW - 10 * DAY),
            new BuiltImage("relay-harness/jvm:b", NOW - 9 * DAY),
            new BuiltImage("relay-harness/jvm:c", NOW - 8 * DAY),
            new BuiltImage("relay-harness/jvm:d", NOW - 7 * DAY),
            new BuiltImage("relay-harness/jvm:new", NOW),
            new BuiltImage("relay-harness/relay:x", NOW - 20 * DAY));

    List<String> stale =
        HarnessImages.stale(images, "relay-harness/jvm", "relay-harness/jvm:new", 3, NOW - DAY);

    // kept: new (just built), d and c (the next newest); the relay repository is not touched
    assertThat(stale).containsExactly("relay-harness/jvm:b", "relay-harness/jvm:a");
  }

  @Test
  void keepsTagsBuiltWithinTheCutoffEvenBeyondTheNewestThree() {
    List<BuiltImage> images =
        List.of(
            new BuiltImage("relay-harness/relay:1", NOW - 60),
            new BuiltImage("relay-harness/relay:2", NOW - 50),
            new BuiltImage("relay-harness/relay:3", NOW - 40),
            new BuiltImage("relay-harness/relay:4", NOW - 30),
            new BuiltImage("relay-harness/relay:old", NOW - 2 * DAY));

    List<String> stale =
        HarnessImages.stale(images, "relay-harness/relay", "relay-harness/relay:4", 3, NOW - DAY);

    assertThat(stale).containsExactly("relay-harness/relay:old");
  }

  @Test
  void neverRemovesTheImageJustBuiltEvenWhenOld() {
    List<BuiltImage> images = List.of(new BuiltImage("relay-harness/relay:only", NOW - 5 * DAY));

    assertThat(
            HarnessImages.stale(
                images, "relay-harness/relay", "relay-harness/relay:only", 1, NOW - DAY))
        .isEmpty();
  }
}
