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
 * drift of the machine over time falls on both sides alike, after {@code warmUps} runs on A's
 * config that are not counted: the first run in a harness JVM is a cold one (Gatling's start-up and
 * JIT; measured: first message 68 s after the run started instead of about 25 s, accept p95 10 s
 * instead of 2 s), and in A B A B order it would always fall on A. Each run gets an engine from the
 * supplier and so a fresh topology; its run folder goes to {@code <out>/runs/<side>/<scenario>/}.
 * {@link #stop(String)} may come from a shutdown hook while a run is in progress; otherwise not
 * thread-safe.
 */
public final class AbRunner {

  /** The side name of the uncounted warm-up runs. */
  public static final String WARM_UP = "warm-up";

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
   * @param warmUps uncounted runs on A's config before the first counted one (side {@value
   *     #WARM_UP})
   * @param repeats runs per side, at least 1
   * @param projectDir the project folder (relay variants)
   * @param outDir the comparison's folder; run folders go under {@code runs/<side>}
   * @return every run, in the order run, warm-ups first
   * @throws EnvironmentException when a run cannot happen here; no further run is started
   * @throws InterruptedException when interrupted; no further run is started
   */
  public List<RepeatRun> run(
      Scenario a,
      Scenario b,
      int warmUps,
      int repeats,
      Path projectDir,
      Path outDir,
      Listener listener)
      throws EnvironmentException, InterruptedException {
    if (repeats < 1 || warmUps < 0) {
      throw new IllegalArgumentException(
          "repeats must be at least 1 and warm-ups at least 0, were " + repeats + ", " + warmUps);
    }
    List<String> sides = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    for (int w = 1; w <= warmUps; w++) {
      sides.add(WARM_UP);
      numbers.add(w);
    }
    for (int r = 1; r <= repeats; r++) {
      sides.add("A");
      numbers.add(r);
      sides.add("B");
      numbers.add(r);
    }
    List<RepeatRun> runs = new ArrayList<>();
    int total = sides.size();
    for (int i = 0; i < total; i++) {
      if (stopped || Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("stopped after " + runs.size() + " of " + total + " runs");
      }
      String side = sides.get(i);
      listener.starting(side, numbers.get(i), i + 1, total);
      Scenario s = side.equals("B") ? b : a;
      RunOptions options = new RunOptions(projectDir, outDir.resolve("runs").resolve(side));
      RepeatRun run = runOne(s, side, numbers.get(i), i + 1, options, listener.progress());
      runs.add(run);
      listener.finished(run);
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
