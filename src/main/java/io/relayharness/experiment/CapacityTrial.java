package io.relayharness.experiment;

import io.relayharness.scenario.EnvironmentException;
import io.relayharness.scenario.ProgressListener;
import io.relayharness.scenario.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A sweep run that is a whole capacity search at the point's settings ("capacity against {@code
 * default_process_limit}"): its figures are {@code capacity} (the knee; the search's lower bound
 * when it found none) and {@code capacity upper} (the lowest unsustained rate, when seen). The
 * sweep's repeats then give the knee's spread per point. Not thread-safe, except {@link
 * #stop(String)}.
 */
public final class CapacityTrial implements SweepRunner.Trial {

  /** The knee a search found, msg/s. */
  public static final Metric CAPACITY = new Metric("capacity", "msg/s", Metric.Kind.LEVEL);

  /** The lowest rate the search saw unsustained, msg/s. */
  public static final Metric CAPACITY_UPPER =
      new Metric("capacity upper", "msg/s", Metric.Kind.LEVEL);

  private final Function<SweepGrid.Point, DoubleFunction<Scenario>> scenarios;
  private final CapacitySearch search;
  private final ScenarioRun runner;
  private final Path outDir;
  private final Supplier<ProgressListener> progress;
  private final CapacitySearch.Listener listener;
  private final LongSupplier clock;

  /**
   * Creates the trial.
   *
   * @param scenarios per point, the scenario at a rate
   * @param search the search's bounds and repeats per rate
   * @param runner runs a scenario on a fresh engine
   * @param outDir the sweep's folder
   * @param progress a listener per run
   * @param listener hears about each probe
   * @param clock milliseconds
   */
  public CapacityTrial(
      Function<SweepGrid.Point, DoubleFunction<Scenario>> scenarios,
      CapacitySearch search,
      ScenarioRun runner,
      Path outDir,
      Supplier<ProgressListener> progress,
      CapacitySearch.Listener listener,
      LongSupplier clock) {
    this.scenarios = scenarios;
    this.search = search;
    this.runner = runner;
    this.outDir = outDir;
    this.progress = progress;
    this.listener = listener;
    this.clock = clock;
  }

  @Override
  public TrialResult run(SweepGrid.Point point, SweepRunner.Slot slot, int total)
      throws EnvironmentException, InterruptedException {
    long start = clock.getAsLong();
    Path dir =
        outDir
            .resolve("runs")
            .resolve(ScenarioTrial.folderName(point))
            .resolve("search-" + slot.repeat());
    CapacitySearch.Result r =
        search.run(new CapacityProbe(scenarios.apply(point), runner, dir, progress), listener);
    Map<Metric, Double> m = new LinkedHashMap<>();
    m.put(CAPACITY, r.lowPerSec());
    if (r.highPerSec() != null) {
      m.put(CAPACITY_UPPER, r.highPerSec());
    }
    List<String> dirs = new ArrayList<>();
    r.probes().forEach(o -> dirs.add(o.runDir()));
    return new TrialResult(m, dirs, clock.getAsLong() - start, "knee " + r.describe());
  }

  @Override
  public void stop(String reason) {
    runner.stop(reason);
  }
}
