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

  /** A relay that falls behind for 3 s of the window: mail in active, nothing deferred. */
  private static RunObservations stalled() {
    List<QueueSample> samples = new ArrayList<>();
    for (int s = 0; s <= 90; s++) {
      int active = s >= 12 && s < 15 ? 150 : 0;
      samples.add(new QueueSample(T0 + s * 1000L, 0, active, 0, 0, active, 0));
    }
    return RunObservations.builder()
        .queueSamples(samples)
        .faults(
            List.of(
                new FaultEvent(T0 + 10_000, T0 + 40_000L, "proxy-down", "worker2", "", "all-down")))
        .build();
  }

  @Test
  void shouldCountOnlyDeferredMailWhenAsked() {
    QueueingConfig deferredOnly = new QueueingConfig("all-down", 60, 30.0, true);

    assertThat(new QueueingVerdict(ALL_DOWN).evaluate(stalled())).passed();
    assertThat(new QueueingVerdict(deferredOnly).evaluate(stalled()))
        .failed()
        .hasFigure("peak", 0)
        .summaryContains("deferred queue peaked at 0 during 'all-down', expected >= 60");
    assertThat(new QueueingVerdict(deferredOnly).evaluate(run(s -> s >= 10 && s < 42 ? 70 : 0)))
        .passed()
        .hasFigure("peak", 70)
        .summaryContains("deferred queue peaked at 70");
  }

  @Test
  void shouldNameAnUnknownWindow() {
    assertThat(new QueueingVerdict(new QueueingConfig("half-down", 1, 60.0)).evaluate(run(s -> 0)))
        .failed()
        .summaryContains("no timeline step 'half-down'", "known windows: all-down");
  }
}
