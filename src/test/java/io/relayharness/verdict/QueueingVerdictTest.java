package io.relayharness.verdict;

import static io.relayharness.observe.Fixtures.T0;
import static io.relayharness.verdict.VerdictAssertions.assertThat;

import io.relayharness.observe.FaultEvent;
import io.relayharness.observe.QueueSample;
import io.relayharness.observe.RunObservations;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

class QueueingVerdictTest {

  private static final QueueingConfig ALL_DOWN = new QueueingConfig("all-down", 10, 30.0);

  /** One sample a second for 90 s; all workers down from 10 s to 40 s. */
  private static RunObservations run(IntUnaryOperator deferredAtSecond) {
    List<QueueSample> samples = new ArrayList<>();
    for (int s = 0; s <= 90; s++) {
      int deferred = deferredAtSecond.applyAsInt(s);
      samples.add(new QueueSample(T0 + s * 1000L, 0, 0, deferred, 0, deferred, 0));
    }
    List<FaultEvent> faults = new ArrayList<>();
    for (int w = 0; w < 3; w++) {
      faults.add(
          new FaultEvent(T0 + 10_000, T0 + 40_000L, "proxy-down", "worker" + w, "", "all-down"));
    }
    return RunObservations.builder().queueSamples(samples).faults(faults).build();
  }

  @Test
  void shouldPassAQueueThatGrowsAndDrains() {
    VerdictResult result =
        new QueueingVerdict(ALL_DOWN)
            .evaluate(
                run(s -> s < 10 ? 0 : s <= 40 ? 2 * (s - 10) : Math.max(0, 60 - 10 * (s - 40))));

    assertThat(result)
        .passed()
        .hasFigure("peak", 60)
        .hasFigure("drainSeconds", 6)
        .summaryContains("peaked at 60");
  }

  @Test
  void shouldFailAQueueThatNeverDrains() {
    VerdictResult result = new QueueingVerdict(ALL_DOWN).evaluate(run(s -> s < 10 ? 0 : 50));

    assertThat(result).failed().summaryContains("never drained after 'all-down'", "held 50");
  }

  @Test
  void shouldFailAQueueThatDrainsTooSlowly() {
    assertThat(new QueueingVerdict(ALL_DOWN).evaluate(run(s -> s >= 10 && s < 80 ? 20 : 0)))
        .failed()
        .summaryContains("drained 40.0 s after 'all-down', expected within 30 s");
  }

  @Test
  void shouldFailWhenNothingQueued() {
    assertThat(new QueueingVerdict(ALL_DOWN).evaluate(run(s -> 0)))
        .failed()
        .summaryContains("peaked at 0", ">= 10");
  }

  @Test
  void shouldNameAnUnknownWindow() {
    assertThat(new QueueingVerdict(new QueueingConfig("half-down", 1, 60.0)).evaluate(run(s -> 0)))
        .failed()
        .summaryContains("no timeline step 'half-down'", "known windows: all-down");
  }
}
