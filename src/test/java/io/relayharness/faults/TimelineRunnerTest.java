package io.relayharness.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.observe.FaultEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The timeline runner fires steps in order at their offsets, ends windows and records events. */
class TimelineRunnerTest {

  private static final long T0 = 1_000_000L;
  private final ManualFaultScheduler clock = new ManualFaultScheduler(T0);
  private final RecordingFaultTarget target =
      new RecordingFaultTarget(
          clock::nowEpochMs, Map.of("worker0", 10, "worker1", 10, "worker2", 10));

  private static TimelineStep step(
      int index, long atMs, Integer forMs, String name, FaultAction a) {
    return new TimelineStep(index, atMs, forMs == null ? null : forMs.longValue(), name, a);
  }

  private static FaultScope w(String worker) {
    return FaultScope.worker(worker);
  }

  @Test
  void shouldFireStepsInTimeOrderAndUndoForWindows() {
    List<TimelineStep> steps =
        List.of(
            step(0, 5_000, 3_000, "flap", new ProxyDown(w("worker1"))),
            step(1, 2_000, null, null, RestartRelay.ofRelay()),
            step(2, 8_000, 4_000, null, new KillWorker(w("worker2"))));
    TimelineRunner runner = new TimelineRunner(steps, target, clock);
    runner.start();
    clock.advanceTo(T0 + 20_000);

    assertThat(target.calls())
        .containsExactly(
            new RecordingFaultTarget.Call(T0 + 2_000, "restart relay"),
            new RecordingFaultTarget.Call(T0 + 5_000, "proxy worker1 false"),
            new RecordingFaultTarget.Call(T0 + 8_000, "proxy worker1 true"),
            new RecordingFaultTarget.Call(T0 + 8_000, "kill worker2"),
            new RecordingFaultTarget.Call(T0 + 12_000, "start worker2"));
    assertThat(runner.events())
        .containsExactly(
            new FaultEvent(
                T0 + 2_000,
                T0 + 2_000,
                "relay-restart",
                "relay",
                "relay container restarted, queue kept"),
            new FaultEvent(
                T0 + 5_000,
                T0 + 8_000,
                "proxy-down",
                "worker1",
                "flap: proxy disabled: connections refused",
                "flap"),
            new FaultEvent(T0 + 8_000, T0 + 12_000, "kill", "worker2", "sink container killed"));
    assertThat(runner.windows()).containsExactly(new FaultWindow("flap", T0 + 5_000, T0 + 8_000));
    assertThat(runner.errors()).isEmpty();
  }

  @Test
  void shouldEndAWindowWhenItsUndoStepFires() {
    List<TimelineStep> steps =
        List.of(
            step(
                0,
                1_000,
                null,
                "all-down",
                new ProxyDown(
                    new FaultScope("all-workers", List.of("worker0", "worker1", "worker2")))),
            step(
                1,
                6_000,
                null,
                null,
                new ProxyUp(
                    new FaultScope("all-workers", List.of("worker0", "worker1", "worker2")))),
            step(2, 7_000, null, null, new PauseWorker(w("worker0"))),
            step(3, 9_000, null, null, new UnpauseWorker(w("worker0"))),
            step(4, 10_000, null, null, new StartWorker(w("worker1"))));
    TimelineRunner runner = new TimelineRunner(steps, target, clock);
    runner.start();
    clock.advanceTo(T0 + 3_000);
    assertThat(runner.currentFault()).isEqualTo("all-down (proxy-down all-workers)");
    clock.advanceTo(T0 + 20_000);

    assertThat(runner.events())
        .as("the up/unpause steps close the windows; a start with nothing to end is instantaneous")
        .containsExactly(
            new FaultEvent(
                T0 + 1_000,
                T0 + 6_000,
                "proxy-down",
                "all-workers",
                "all-down: proxy disabled: connections refused",
                "all-down"),
            new FaultEvent(T0 + 7_000, T0 + 9_000, "pause", "worker0", "sink container paused"),
            new FaultEvent(T0 + 10_000, null, "start", "worker1", "sink container started"));
    assertThat(runner.windows())
        .containsExactly(new FaultWindow("all-down", T0 + 1_000, T0 + 6_000));
    assertThat(runner.currentFault()).isEqualTo("none");
  }

  @Test
  void shouldUndoToxicsBlackholesSinkFaultsAndDnsChanges() {
    List<TimelineStep> steps =
        List.of(
            step(
                0,
                1_000,
                1_000,
                null,
                new ToxicFault(
                    w("worker0"), "slow", "latency", "downstream", 1.0, Map.of("latency", 300L))),
            step(1, 3_000, 1_000, null, new Blackhole(w("worker1"), "bh")),
            step(2, 5_000, 1_000, null, new SinkFault(w("worker2"), Map.of("stage", "eod"))),
            step(3, 7_000, 1_000, null, new DnsChange(w("worker1"), true, null)),
            step(4, 9_000, 1_000, null, new DnsChange(w("worker2"), false, 5)));
    TimelineRunner runner = new TimelineRunner(steps, target, clock);
    runner.start();
    clock.advanceTo(T0 + 20_000);

    assertThat(target.whats())
        .containsExactly(
            "toxic+ worker0 slow latency downstream {latency=300}",
            "toxic- worker0 slow",
            "toxic+ worker1 bh-up timeout upstream {timeout=0}",
            "toxic+ worker1 bh-down timeout downstream {timeout=0}",
            "toxic- worker1 bh-up",
            "toxic- worker1 bh-down",
            "fault+ worker2 eod",
            "fault- worker2",
            "mx {worker0=10, worker2=10}",
            "mx {worker0=10, worker1=10, worker2=10}",
            "mx {worker0=10, worker1=10, worker2=5}",
            "mx {worker0=10, worker1=10, worker2=10}");
    assertThat(runner.events())
        .allSatisfy(e -> assertThat(e.endEpochMs()).isEqualTo(e.startEpochMs() + 1_000));
  }

  @Test
  void shouldPutARegionToxicOnEachRelayLinkAndTakeItOffAtTheEndOfItsWindow() {
    FaultScope us = new FaultScope("us", List.of("relay1", "relay2"));
    List<TimelineStep> steps =
        List.of(
            step(
                0,
                2_000,
                5_000,
                "us-slow",
                new ToxicFault(
                    us,
                    "us-slow-latency",
                    "latency",
                    "downstream",
                    1.0,
                    Map.of("latency", 200L, "jitter", 50L))));
    TimelineRunner runner = new TimelineRunner(steps, target, clock);
    runner.start();
    clock.advanceTo(T0 + 20_000);

    assertThat(target.calls())
        .extracting(c -> (c.atMs() - T0) + " " + c.what())
        .containsExactly(
            "2000 toxic+ relay1 us-slow-latency latency downstream {jitter=50, latency=200}",
            "2000 toxic+ relay2 us-slow-latency latency downstream {jitter=50, latency=200}",
            "7000 toxic- relay1 us-slow-latency",
            "7000 toxic- relay2 us-slow-latency");
    assertThat(runner.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.target()).as("the event names the region, as written").isEqualTo("us");
              assertThat(e.endEpochMs()).isEqualTo(T0 + 7_000);
            });
  }

  @Test
  void shouldRecordAFailedActionAndGoOn() {
    target.failOn("kill");
    List<TimelineStep> steps =
        List.of(
            step(0, 1_000, 2_000, null, new KillWorker(w("worker0"))),
            step(1, 2_000, null, null, new ProxyDown(w("worker1"))));
    TimelineRunner runner = new TimelineRunner(steps, target, clock);
    runner.start();
    clock.advanceTo(T0 + 10_000);

    assertThat(runner.errors())
        .singleElement()
        .asString()
        .startsWith("step 0 (kill worker0) failed: refused: kill worker0");
    assertThat(runner.events().get(0).detail()).startsWith("FAILED:");
    assertThat(target.whats())
        .as("no undo for an action that failed")
        .containsExactly("proxy worker1 false");
  }

  @Test
  void shouldRestoreOpenWindowsAndCancelPendingStepsOnClose() {
    List<TimelineStep> steps =
        List.of(
            step(0, 1_000, null, null, new ProxyDown(w("worker0"))),
            step(1, 2_000, 60_000, null, new PauseWorker(w("worker1"))),
            step(2, 30_000, null, null, new KillWorker(w("worker2"))));
    TimelineRunner runner = new TimelineRunner(steps, target, clock);
    runner.start();
    clock.advanceTo(T0 + 5_000);
    runner.close();
    clock.advanceTo(T0 + 100_000);

    assertThat(target.whats())
        .as("latest window undone first; the kill at 30 s never fires")
        .containsExactly(
            "proxy worker0 false", "pause worker1", "unpause worker1", "proxy worker0 true");
    assertThat(runner.events()).allSatisfy(e -> assertThat(e.endEpochMs()).isEqualTo(T0 + 5_000));
    runner.close();
    assertThat(target.whats()).as("a second close does nothing").hasSize(4);
  }

  @Test
  void shouldFireAtTheRightOffsetsOnTheSystemClock() throws InterruptedException {
    long toleranceMs = 150;
    RecordingFaultTarget real = new RecordingFaultTarget(System::currentTimeMillis, Map.of());
    List<TimelineStep> steps =
        List.of(
            step(0, 100, 200, "a", new ProxyDown(w("worker0"))),
            step(1, 400, null, null, new KillWorker(w("worker1"))));
    try (SystemFaultScheduler scheduler = new SystemFaultScheduler();
        TimelineRunner runner = new TimelineRunner(steps, real, scheduler)) {
      long start = scheduler.nowEpochMs();
      runner.start(start);
      assertThat(runner.awaitFinished(Duration.ofSeconds(5)))
          .as("timeline finished within 5 s")
          .isTrue();
      List<RecordingFaultTarget.Call> calls = real.calls();
      assertThat(calls)
          .extracting(RecordingFaultTarget.Call::what)
          .containsExactly("proxy worker0 false", "proxy worker0 true", "kill worker1");
      long[] expectedMs = {100, 300, 400};
      for (int i = 0; i < expectedMs.length; i++) {
        long actualMs = calls.get(i).atMs() - start;
        assertThat(actualMs)
            .as("call %d at %d ms, expected %d ± %d ms", i, actualMs, expectedMs[i], toleranceMs)
            .isBetween(expectedMs[i], expectedMs[i] + toleranceMs);
      }
    }
  }
}
