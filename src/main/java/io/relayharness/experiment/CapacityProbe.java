package io.relayharness.experiment;

import io.relayharness.observe.RunFolder;
import io.relayharness.scenario.EnvironmentException;
import io.relayharness.scenario.ProgressListener;
import io.relayharness.scenario.Scenario;
import java.nio.file.Path;
import java.util.function.DoubleFunction;
import java.util.function.Supplier;

/**
 * A capacity probe that runs the scenario with its load scaled to the rate (as {@code --rate} does)
 * on a fresh topology and judges the run with {@link CapacityCriteria}. Run folders go to {@code
 * <out>/<rate>/}. Not thread-safe.
 */
public final class CapacityProbe implements CapacitySearch.Probe {

  private final DoubleFunction<Scenario> atRate;
  private final ScenarioRun runner;
  private final Path outDir;
  private final Supplier<ProgressListener> progress;
  private int order;

  /**
   * Creates the probe.
   *
   * @param atRate the scenario with its load scaled to a rate (validated)
   * @param runner runs a scenario on a fresh engine
   * @param outDir where the probes' run folders go
   * @param progress a listener per run (the console's progress line)
   */
  public CapacityProbe(
      DoubleFunction<Scenario> atRate,
      ScenarioRun runner,
      Path outDir,
      Supplier<ProgressListener> progress) {
    this.atRate = atRate;
    this.runner = runner;
    this.outDir = outDir;
    this.progress = progress;
  }

  @Override
  public CapacitySearch.Outcome run(double ratePerSec, int repeat)
      throws EnvironmentException, InterruptedException {
    Scenario s = atRate.apply(ratePerSec);
    RepeatRun run =
        runner.run(
            s,
            Format.number(ratePerSec),
            repeat,
            ++order,
            outDir.resolve(String.format(java.util.Locale.ROOT, "%.0f", ratePerSec)),
            progress.get());
    CapacityCriteria.Judgement j =
        CapacityCriteria.of(s)
            .judge(CapacityCriteria.Figures.of(RunFolder.open(run.runDir()).readObservations(), s));
    return new CapacitySearch.Outcome(
        ratePerSec,
        repeat,
        j.sustained(),
        j.reasons(),
        j.queueSlopePerSec(),
        run.runDir().toString());
  }
}
