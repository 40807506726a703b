package io.relayharness.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end latency figures of the reports. */
class LatencyStatsTest {

  @Test
  void shouldCountAMessageDeliveredBeforeTheInjectorReadTheRelaysReplyAsDelivered(@TempDir Path dir)
      throws Exception {
    // Regression: a latency a few ms below zero (the sink stamps the arrival before the injector
    // reads the relay's 250) was reported as "not delivered".
    Files.writeString(
        dir.resolve("timeline.jsonl"),
        "{\"harnessId\":\"a\",\"endToEndMs\":-2}\n"
            + "{\"harnessId\":\"b\",\"endToEndMs\":40}\n"
            + "{\"harnessId\":\"c\",\"endToEndMs\":null}\n");

    LatencyStats stats = LatencyStats.of(RunFolder.load(dir));

    assertThat(stats.count()).as("messages with a latency").isEqualTo(2);
    assertThat(stats.notDelivered()).as("messages that never arrived").isEqualTo(1);
    assertThat(stats.percentileMs(0)).as("the early one counts as 0 ms").isEqualTo(0.0);
  }
}
