package io.relayharness.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metric extraction from a synthetic run folder written with observe's records. */
class RunMetricsTest {

  @TempDir Path reports;

  private Map<String, Double> byName(SyntheticRun run) {
    Path dir = run.write(reports, "synthetic", Instant.parse("2026-11-26T10:00:00Z")).dir();
    Map<Metric, Double> m = RunMetrics.of(dir);
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k.name(), v));
    return out;
  }

  @Test
  void shouldReadEveryMetricOfARunFolder() {
    SyntheticRun run = new SyntheticRun();
    run.lost = 4;
    run.duplicated = 6;
    run.lossPassed = false;
    Map<String, Double> m = byName(run);

    assertThat(m.keySet())
        .as("metrics in their fixed order")
        .containsExactly(
            "accepted rate",
            "accept p95",
            "accept p99",
            "e2e p50",
            "e2e p95",
            "e2e p99",
            "queue peak",
            "drain time",
            "retry lateness p50",
            "retry lateness p95",
            "share worker0",
            "share worker1",
            "share worker2",
            "max share",
            "lost",
            "duplicates",
            "verdict loss",
            "verdict evenness",
            "verdict retryTiming");
    // 100 transactions, first starts at T0-20, last ends at T0+990: 1010 ms
    assertThat(m.get("accepted rate"))
        .as("accepted per second")
        .isCloseTo(100 / 1.01, within(1e-6));
    assertThat(m.get("accept p95")).as("accept latency is 20 ms each").isEqualTo(20.0);
    // delivered messages 4..99 with e2e = 200 + i: 96 values 204..299
    assertThat(m.get("e2e p50")).as("nearest-rank median of 204..299").isEqualTo(251.0);
    assertThat(m.get("e2e p99")).as("nearest-rank p99 of 204..299").isEqualTo(299.0);
    assertThat(m.get("queue peak")).as("largest queue sample").isEqualTo(40.0);
    assertThat(m.get("drain time")).as("outage end to empty queue").isEqualTo(0.7);
    assertThat(m.get("retry lateness p95")).as("from retryTiming's figures").isEqualTo(350.0);
    assertThat(m.get("share worker0") + m.get("share worker1") + m.get("share worker2"))
        .as("shares add up to 100%")
        .isCloseTo(100.0, within(1e-9));
    assertThat(m.get("share worker1"))
        .as("32 of 96 delivered messages had worker1 first")
        .isCloseTo(100.0 * 32 / 96, within(1e-9));
    assertThat(m.get("max share"))
        .as("the largest of the three shares")
        .isEqualTo(
            Math.max(
                m.get("share worker0"), Math.max(m.get("share worker1"), m.get("share worker2"))));
    assertThat(m.get("lost")).as("accepted, never arrived").isEqualTo(4.0);
    assertThat(m.get("duplicates")).as("extra copies").isEqualTo(6.0);
    assertThat(m.get("verdict loss")).as("failed verdict counts 0").isEqualTo(0.0);
    assertThat(m.get("verdict evenness")).as("passed verdict counts 1").isEqualTo(1.0);
  }

  @Test
  void shouldLeaveOutDrainTimeWhenTheQueueNeverEmptied() {
    SyntheticRun run = new SyntheticRun();
    run.drains = false;
    Map<String, Double> m = byName(run);
    assertThat(m).as("no drain time without an empty queue").doesNotContainKey("drain time");
  }

  /** relay0 takes h0..h69, relay1 h60..h99 (h60..h69 through both); relay1's queue peaks at 12. */
  private static io.relayharness.observe.TierObservations tier() {
    java.util.List<io.relayharness.observe.TierHop> hops = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String mid = "<h" + i + "@load.example.com>";
      long at = io.relayharness.observe.Fixtures.T0 + 10L * i;
      if (i < 70) {
        hops.add(
            new io.relayharness.observe.TierHop("relay0", mid, "A" + i, at, at + 5, "worker0"));
      }
      if (i >= 60) {
        hops.add(
            new io.relayharness.observe.TierHop("relay1", mid, "B" + i, at, at + 5, "worker1"));
      }
    }
    return new io.relayharness.observe.TierObservations(
        Map.of("relay0", "eu", "relay1", "us"),
        Map.of("relay0", 10, "relay1", 10),
        Map.of(),
        hops,
        java.util.List.of(),
        Map.of(),
        java.util.List.of(
            new io.relayharness.observe.RelayQueueSample(
                io.relayharness.observe.Fixtures.T0, "relay0", 3),
            new io.relayharness.observe.RelayQueueSample(
                io.relayharness.observe.Fixtures.T0 + 100, "relay1", 12),
            new io.relayharness.observe.RelayQueueSample(
                io.relayharness.observe.Fixtures.T0 + 200, "relay1", 4)));
  }

  @Test
  void shouldReadEachRelaysShareAndQueuePeakOfATierRun() {
    SyntheticRun run = new SyntheticRun();
    run.tiers = tier();
    Map<String, Double> m = byName(run);

    // 70 + 40 messages taken: each counted once per relay that took it
    assertThat(m.get("share relay0")).isCloseTo(100.0 * 70 / 110, within(1e-9));
    assertThat(m.get("share relay1")).isCloseTo(100.0 * 40 / 110, within(1e-9));
    assertThat(m.get("queue peak relay0")).isEqualTo(3.0);
    assertThat(m.get("queue peak relay1")).isEqualTo(12.0);
    assertThat(m.get("max share")).as("the workers' largest share, not a relay's").isLessThan(40.0);
    assertThat(SweepAnalysis.better(RunMetrics.queuePeak("relay1"))).isEqualTo("lower");
    assertThat(SweepAnalysis.better(RunMetrics.share("relay1"))).isNull();
  }

  @Test
  void shouldLeaveTheRelayMetricsOutOfAOneRelayRun() {
    assertThat(byName(new SyntheticRun()).keySet()).noneMatch(k -> k.contains("relay"));
  }
}
