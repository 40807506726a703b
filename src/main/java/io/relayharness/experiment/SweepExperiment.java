package io.relayharness.experiment;

import io.relayharness.observe.RunFolder;
import io.relayharness.scenario.EnvironmentException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A sweep end to end: makes its folder {@code <reports>/sweep/<scenario>/<yyyyMMdd-HHmmss>/}, runs
 * every grid point interleaved ({@link SweepRunner}) through the trial made for that folder,
 * analyses the figures ({@link SweepAnalysis}) and writes {@code sweep.json} and {@code sweep.html}
 * ({@link SweepWriter}). Not thread-safe, except {@link #stop(String)}.
 */
public final class SweepExperiment {

  private final SweepAnalysis analysis;
  private volatile SweepRunner runner;
  private volatile boolean stopped;

  /** Creates an experiment that judges with {@code analysis}. */
  public SweepExperiment(SweepAnalysis analysis) {
    this.analysis = analysis;
  }

  /**
   * Everything the sweep needs besides the trial.
   *
   * @param scenario the scenario's name
   * @param grid the settings swept
   * @param repeats runs per point
   * @param common overrides every point shares, as text
   * @param kind {@code runs} or {@code capacity}
   * @param reportsDir the reports root
   */
  public record Plan(
      String scenario,
      SweepGrid grid,
      int repeats,
      List<String> common,
      String kind,
      Path reportsDir) {}

  /**
   * What the sweep wrote.
   *
   * @param dir the sweep's folder
   * @param result its content
   */
  public record Outcome(Path dir, SweepResult result) {}

  /** Creates the sweep's folder (so the caller can run warm-ups into it). */
  public Path folder(Plan plan) {
    return RunFolder.create(plan.reportsDir().resolve("sweep"), plan.scenario(), Instant.now())
        .dir();
  }

  /** Runs the plan with the trial made for {@code dir} and writes the sweep there. */
  public Outcome run(
      Plan plan, Path dir, Function<Path, SweepRunner.Trial> trials, SweepRunner.Listener listener)
      throws EnvironmentException, InterruptedException {
    SweepRunner r = new SweepRunner(trials.apply(dir));
    runner = r;
    if (stopped) {
      r.stop("stopped");
    }
    List<SweepGrid.Point> points = plan.grid().points();
    List<String> labels = points.stream().map(SweepGrid.Point::label).toList();
    List<SweepResult.Run> runs = new ArrayList<>();
    SweepRunner.Listener recording =
        new SweepRunner.Listener() {
          @Override
          public void starting(SweepGrid.Point p, SweepRunner.Slot slot, int total) {
            listener.starting(p, slot, total);
          }

          @Override
          public void finished(
              SweepGrid.Point p, SweepRunner.Slot slot, int total, TrialResult result) {
            runs.add(
                new SweepResult.Run(
                    p.label(),
                    slot.repeat(),
                    slot.order(),
                    result.wallMs(),
                    result.note(),
                    result.runDirs().stream().map(d -> relative(dir, d)).toList()));
            listener.finished(p, slot, total, result);
          }
        };
    List<List<TrialResult>> results = r.run(points, plan.repeats(), recording);
    SweepResult result = result(plan, labels, results, runs);
    SweepWriter.write(result, dir);
    return new Outcome(dir, result);
  }

  /** Analyses the results of every point. */
  SweepResult result(
      Plan plan, List<String> labels, List<List<TrialResult>> results, List<SweepResult.Run> runs) {
    List<List<Map<Metric, Double>>> figures = new ArrayList<>();
    for (List<TrialResult> point : results) {
      figures.add(point.stream().map(TrialResult::metrics).toList());
    }
    return new SweepResult(
        plan.scenario(),
        System.currentTimeMillis(),
        plan.grid().keys(),
        labels,
        plan.repeats(),
        plan.common(),
        plan.kind(),
        analysis.level(),
        analysis.correction().toString(),
        analysis.analyse(labels, figures),
        runs);
  }

  /** Stops the run in progress and starts no further run. */
  public void stop(String reason) {
    stopped = true;
    SweepRunner r = runner;
    if (r != null) {
      r.stop(reason);
    }
  }

  private static String relative(Path dir, String run) {
    try {
      return dir.toAbsolutePath()
          .normalize()
          .relativize(Path.of(run).toAbsolutePath().normalize())
          .toString();
    } catch (IllegalArgumentException other) {
      return run;
    }
  }
}
