package io.relayharness.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.faults.ManualFaultScheduler;
import io.relayharness.faults.RecordingFaultTarget;
import io.relayharness.faults.TimelineRunner;
import io.relayharness.observe.FaultEvent;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every named scenario's timeline runs to its end against a recording topology. */
class ScenarioTimelineTest {

  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final ScenarioCatalog CATALOG = new ScenarioCatalog(PROJECT.resolve("scenarios"));

  static Stream<String> names() {
    return CATALOG.names().stream();
  }

  private static Scenario load(String name) throws ScenarioException {
    return new ScenarioLoader(PROJECT).load(CATALOG.resolve(name).orElseThrow());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void shouldRunTheTimelineAndCloseEveryWindowWithinTheLoad(String name) throws ScenarioException {
    Scenario s = load(name);
    ManualFaultScheduler clock = new ManualFaultScheduler(0);
    RecordingFaultTarget target =
        new RecordingFaultTarget(clock::nowEpochMs, s.topology().preferences());
    TimelineRunner runner = new TimelineRunner(s.timeline(), target, clock);
    runner.start();
    long loadEndMs = s.load().stepsSeconds() * 1000L;
    clock.advanceTo(loadEndMs);

    assertThat(runner.errors()).as("errors of %s", name).isEmpty();
    assertThat(runner.currentFault())
        .as("faults still in effect at the end of %s", name)
        .isEqualTo("none");
    assertThat(runner.events()).hasSize(s.timeline().size());
    for (FaultEvent e : runner.events()) {
      assertThat(e.endEpochMs())
          .as("end of %s in %s", e, name)
          .isNotNull()
          .isLessThanOrEqualTo(loadEndMs);
    }
    if (s.expect().get("queueing") != null) {
      String during = s.expect().get("queueing").string("during");
      assertThat(runner.windows())
          .as("window named by expect.queueing.during in %s", name)
          .anySatisfy(w -> assertThat(w.name()).isEqualTo(during));
    }
  }

  @Test
  void shouldFlapWorkerOneFourTimes() throws ScenarioException {
    Scenario s = load("worker-flapping");
    ManualFaultScheduler clock = new ManualFaultScheduler(0);
    RecordingFaultTarget target = new RecordingFaultTarget(clock::nowEpochMs, java.util.Map.of());
    TimelineRunner runner = new TimelineRunner(s.timeline(), target, clock);
    runner.start();
    clock.advanceTo(30_000);
    assertThat(target.calls())
        .extracting(c -> c.atMs() + " " + c.what())
        .containsExactly(
            "5000 proxy worker1 false", "8000 proxy worker1 true",
            "11000 proxy worker1 false", "14000 proxy worker1 true",
            "17000 proxy worker1 false", "20000 proxy worker1 true",
            "23000 proxy worker1 false", "26000 proxy worker1 true");
  }
}
