package io.relayharness.experiment;

import io.relayharness.scenario.EnvironmentException;
import io.relayharness.scenario.ProgressListener;
import io.relayharness.scenario.RunOptions;
import io.relayharness.scenario.RunResult;
import io.relayharness.scenario.Scenario;
import io.relayharness.scenario.ScenarioEngine;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Runs one scenario on a fresh engine (and so a fresh topology), timing its phases, for sweeps and
 * capacity searches. {@link #stop(String)} may come from a shutdown hook while a run is in
 * progress; otherwise not thread-safe.
 */
public final class ScenarioRun {

  private final Supplier<ScenarioEngine> engines;
  private final LongSupplier clock;
  private final Path projectDir;
  private volatile ScenarioEngine current;
  private volatile boolean stopped;

  /**
   * Creates a runner.
   *
   * @param engines makes the engine of each run
   * @param clock milliseconds, for the phase timing
   * @param projectDir the project folder (relay variants)
   */
  public ScenarioRun(Supplier<ScenarioEngine> engines, LongSupplier clock, Path projectDir) {
    this.engines = engines;
    this.clock = clock;
    this.projectDir = projectDir;
  }

  /**
   * Runs {@code scenario} once, its run folder under {@code outDir/<scenario>/}.
   *
   * @param label names the run in the record (a grid point, a rate)
   */
  public RepeatRun run(
      Scenario scenario, String label, int repeat, int order, Path outDir, ProgressListener p)
      throws EnvironmentException, InterruptedException {
    if (stopped) {
      throw new InterruptedException("stopped");
    }
    ScenarioEngine engine = engines.get();
    if (engine == null) {
      throw new EnvironmentException(
          "no scenario engine on the class path (io.relayharness.scenario.ScenarioEngine service)");
    }
    current = engine;
    PhaseTimer timer = new PhaseTimer(clock, p);
    RunResult result;
    try {
      result = engine.run(scenario, new RunOptions(projectDir, outDir), timer);
    } finally {
      engine.close();
      current = null;
      timer.finish();
    }
    return new RepeatRun(
        label,
        repeat,
        order,
        result.runDirectory(),
        result.passed(),
        result.failed(),
        timer.totalMs(),
        timer.durations());
  }

  /** Stops the run in progress and refuses further runs; idempotent. */
  public void stop(String reason) {
    stopped = true;
    ScenarioEngine engine = current;
    if (engine != null) {
      engine.stop(reason);
    }
  }
}
