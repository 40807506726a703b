package io.relayharness.experiment;

import io.relayharness.scenario.EnvironmentException;
import io.relayharness.scenario.ProgressListener;
import io.relayharness.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A sweep run that is one scenario run: the point's scenario (overrides applied, validated before
 * the sweep started) on a fresh topology, its figures read back from the run folder ({@link
 * RunMetrics}). Run folders go to {@code <out>/runs/<point label>/}. Not thread-safe, except {@link
 * #stop(String)}.
 */
public final class ScenarioTrial implements SweepRunner.Trial {

  private final Map<SweepGrid.Point, Scenario> scenarios;
  private final ScenarioRun runner;
  private final Path outDir;
  private final Supplier<ProgressListener> progress;

  /**
   * Creates the trial.
   *
   * @param scenarios each point's scenario
   * @param runner runs a scenario on a fresh engine
   * @param outDir the sweep's folder
   * @param progress a listener per run (the console's progress line)
   */
  public ScenarioTrial(
      Map<SweepGrid.Point, Scenario> scenarios,
      ScenarioRun runner,
      Path outDir,
      Supplier<ProgressListener> progress) {
    this.scenarios = Map.copyOf(scenarios);
    this.runner = runner;
    this.outDir = outDir;
    this.progress = progress;
  }

  @Override
  public TrialResult run(SweepGrid.Point point, SweepRunner.Slot slot, int total)
      throws EnvironmentException, InterruptedException {
    RepeatRun run =
        runner.run(
            scenarios.get(point),
            point.label(),
            slot.repeat(),
            slot.order(),
            outDir.resolve("runs").resolve(folderName(point)),
            progress.get());
    String note =
        (run.passed() ? "held" : "failed " + String.join(",", run.failed()))
            + " ("
            + ConsoleSummary.phases(run.phasesMs())
            + ")";
    return new TrialResult(
        RunMetrics.of(run.runDir()), List.of(run.runDir().toString()), run.wallMs(), note);
  }

  @Override
  public void stop(String reason) {
    runner.stop(reason);
  }

  /** A folder name for a point: its values, characters other than letters and digits as _. */
  static String folderName(SweepGrid.Point point) {
    return String.join("_", point.values().values()).replaceAll("[^A-Za-z0-9.-]", "_");
  }
}
