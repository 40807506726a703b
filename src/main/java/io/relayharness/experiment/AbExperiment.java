package io.relayharness.experiment;

import io.relayharness.observe.RunFolder;
import io.relayharness.scenario.EnvironmentException;
import io.relayharness.scenario.Scenario;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An A/B comparison end to end: runs both sides interleaved ({@link AbRunner}), reads each run
 * folder's metrics ({@link RunMetrics}), compares them ({@link AbAnalysis}) and writes {@code
 * comparison.json} and {@code comparison.html} ({@link ComparisonWriter}) into {@code
 * <reports>/ab/<scenario>/<yyyyMMdd-HHmmss>/} (with a {@code latest} link beside it). Not
 * thread-safe, except {@link #stop(String)}.
 */
public final class AbExperiment {

  /** The comparison's JSON file. */
  public static final String JSON = "comparison.json";

  /** The comparison's page. */
  public static final String HTML = "comparison.html";

  private final AbRunner runner;
  private final AbAnalysis analysis;

  /** Creates an experiment that runs through {@code runner} and judges with {@code analysis}. */
  public AbExperiment(AbRunner runner, AbAnalysis analysis) {
    this.runner = runner;
    this.analysis = analysis;
  }

  /**
   * Everything the experiment needs besides the engine.
   *
   * @param a the scenario with A's overrides applied
   * @param b the scenario with B's overrides applied
   * @param sideA what A changes (for the page)
   * @param sideB what B changes
   * @param common overrides both sides share, as {@code key=value} text (for the page)
   * @param warmUps uncounted runs on A's config first
   * @param repeats runs per side
   * @param projectDir the project folder
   * @param reportsDir the reports root; the comparison goes to {@code ab/<scenario>/<time>/}
   */
  public record Plan(
      Scenario a,
      Scenario b,
      AbSide sideA,
      AbSide sideB,
      List<String> common,
      int warmUps,
      int repeats,
      Path projectDir,
      Path reportsDir) {}

  /**
   * What the experiment wrote.
   *
   * @param dir the comparison's folder
   * @param comparison its content
   */
  public record Outcome(Path dir, AbComparison comparison) {}

  /** Runs the plan and writes the comparison. */
  public Outcome run(Plan plan, AbRunner.Listener listener)
      throws EnvironmentException, InterruptedException {
    RunFolder out =
        RunFolder.create(plan.reportsDir().resolve("ab"), plan.a().name(), Instant.now());
    List<RepeatRun> runs =
        runner.run(
            plan.a(),
            plan.b(),
            plan.warmUps(),
            plan.repeats(),
            plan.projectDir(),
            out.dir(),
            listener);
    AbComparison comparison = compare(plan, runs);
    ComparisonWriter.write(comparison, out.dir());
    return new Outcome(out.dir(), comparison);
  }

  /** Reads the runs' folders and compares A with B. */
  AbComparison compare(Plan plan, List<RepeatRun> runs) {
    List<Map<Metric, Double>> a = new ArrayList<>();
    List<Map<Metric, Double>> b = new ArrayList<>();
    for (RepeatRun r : runs) {
      if (r.side().equals("A")) {
        a.add(RunMetrics.of(r.runDir()));
      } else if (r.side().equals("B")) {
        b.add(RunMetrics.of(r.runDir()));
      }
    }
    List<MetricComparison> metrics = analysis.compare(a, b);
    int family = (int) metrics.stream().filter(MetricComparison::tested).count();
    return new AbComparison(
        plan.a().name(),
        System.currentTimeMillis(),
        plan.warmUps(),
        plan.repeats(),
        plan.common(),
        plan.sideA(),
        plan.sideB(),
        analysis.alpha(),
        analysis.correction().toString(),
        family,
        analysis.effect(),
        AbComparison.settingsDiff(runs),
        metrics,
        runs);
  }

  /** Stops the run in progress and starts no further run. */
  public void stop(String reason) {
    runner.stop(reason);
  }
}
