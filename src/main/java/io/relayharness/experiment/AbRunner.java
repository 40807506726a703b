package io.relayharness.experiment;

import io.relayharness.scenario.EnvironmentException;
import io.relayharness.scenario.ProgressListener;
import io.relayharness.scenario.RunOptions;
import io.relayharness.scenario.RunResult;
import io.relayharness.scenario.Scenario;
import io.relayharness.scenario.ScenarioEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Runs a scenario on A and on B, {@code repeats} times each, interleaved (A B A B …) so that a
 * drift of the machine over time falls on both sides alike. Each run gets an engine from the
 * supplier and so a fresh topology; its run folder goes to {@code <out>/runs/<side>/<scenario>/}.
 * {@link #stop(String)} may come from a shutdown hook while a run is in progress; otherwise not
 * thread-safe.
 */
public final class AbRunner {

  /** Hears about each run as it starts and ends (on the runner's thread). */
  public interface Listener {

    /** A listener that ignores everything. */
    Listener NONE = new Listener() {};

    /** Run {@code order} of {@code total} is starting. */
    default void starting(String side, int repeat, int order, int total) {}

    /** The engine's progress during a run. */
    default ProgressListener progress() {
      return ProgressListener.NONE;
    }

    /** A run has ended. */
    default void finished(RepeatRun run) {}
  }

  private final Supplier<ScenarioEngine> engines;
  private final LongSupplier clock;
  private volatile ScenarioEngine current;
  private volatile boolean stopped;

  /**
   * Creates a runner.
   *
   * @param engines makes the engine of each run (a fake in tests)
   * @param clock milliseconds, for the phase timing
   */
  public AbRunner(Supplier<ScenarioEngine> engines, LongSupplier clock) {
    this.engines = engines;
    this.clock = clock;
  }

  /**
   * Runs A and B interleaved.
   *
   * @param a the scenario with A's overrides
   * @param b the scenario with B's overrides
   * @param repeats runs per side, at least 1
   * @param projectDir the project folder (relay variants)
   * @param outDir the comparison's folder; run folders go under {@code runs/A} and {@code runs/B}
   * @return every run, in the order run
   * @throws EnvironmentException when a run cannot happen here; no further run is started
   * @throws InterruptedException when interrupted; no further run is started
   */
  public List<RepeatRun> run(
      Scenario a, Scenario b, int repeats, Path projectDir, Path outDir, Listener listener)
      throws EnvironmentException, InterruptedException {
    if (repeats < 1) {
      throw new IllegalArgumentException("repeats must be at least 1, was " + repeats);
    }
    List<RepeatRun> runs = new ArrayList<>();
    int total = 2 * repeats;
    int order = 0;
    for (int r = 1; r <= repeats; r++) {
      for (String side : List.of("A", "B")) {
        if (stopped || Thread.currentThread().isInterrupted()) {
          throw new InterruptedException("stopped after " + runs.size() + " of " + total + " runs");
        }
        order++;
        listener.starting(side, r, order, total);
        Scenario s = side.equals("A") ? a : b;
        RunOptions options = new RunOptions(projectDir, outDir.resolve("runs").resolve(side));
        RepeatRun run = runOne(s, side, r, order, options, listener.progress());
        runs.add(run);
        listener.finished(run);
      }
    }
    return runs;
  }

  private RepeatRun runOne(
      Scenario s, String side, int repeat, int order, RunOptions options, ProgressListener p)
      throws EnvironmentException, InterruptedException {
    ScenarioEngine engine = engines.get();
    if (engine == null) {
      throw new EnvironmentException(
          "no scenario engine on the class path (io.relayharness.scenario.ScenarioEngine service)");
    }
    current = engine;
    PhaseTimer timer = new PhaseTimer(clock, p);
    RunResult result;
    try {
      result = engine.run(s, options, timer);
    } finally {
      engine.close();
      current = null;
      timer.finish();
    }
    return new RepeatRun(
        side,
        repeat,
        order,
        result.runDirectory(),
        result.passed(),
        result.failed(),
        timer.totalMs(),
        timer.durations());
  }

  /** Stops the run in progress (a signal) and starts no further run; idempotent. */
  public void stop(String reason) {
    stopped = true;
    ScenarioEngine engine = current;
    if (engine != null) {
      engine.stop(reason);
    }
  }
}
