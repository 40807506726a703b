package io.relayharness.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.scenario.Overrides;
import io.relayharness.scenario.Scenario;
import io.relayharness.scenario.ScenarioCatalog;
import io.relayharness.scenario.ScenarioLoader;
import io.relayharness.scenario.engine.DockerScenarioEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A tiny sweep end to end on Docker: steady-even-distribution with the load stretched to 8 s over
 * two values of {@code default_process_limit}, one run each, no warm-up (about 1.5 minutes), each
 * on a fresh topology through the same engine as {@code ./harness run}; the matrix page and
 * sweep.json come out with a figure per point.
 */
class SweepIT {

  private static final Path PROJECT = Path.of(System.getProperty("relayharness.project.dir", "."));

  @Test
  void shouldSweepTwoValuesEndToEnd() throws Exception {
    Path file =
        new ScenarioCatalog(PROJECT.resolve("scenarios"))
            .resolve("steady-even-distribution")
            .orElseThrow();
    SweepGrid grid = SweepGrid.parse(List.of("relay.overrides.default_process_limit=20,100"));
    ScenarioLoader loader = new ScenarioLoader(PROJECT);
    Map<SweepGrid.Point, Scenario> scenarios = new LinkedHashMap<>();
    for (SweepGrid.Point p : grid.points()) {
      scenarios.put(p, loader.load(file, new Overrides(p.sets(), null, "8s")));
    }
    ScenarioRun runner =
        new ScenarioRun(DockerScenarioEngine::new, System::currentTimeMillis, PROJECT);
    SweepExperiment experiment = new SweepExperiment(SweepAnalysis.DEFAULT);
    SweepExperiment.Plan plan =
        new SweepExperiment.Plan(
            "steady-even-distribution",
            grid,
            1,
            List.of("--duration 8s"),
            "runs",
            PROJECT.resolve("target/reports"));
    List<String> ran = new ArrayList<>();

    SweepExperiment.Outcome outcome =
        experiment.run(
            plan,
            experiment.folder(plan),
            dir ->
                new ScenarioTrial(
                    scenarios, runner, dir, () -> io.relayharness.scenario.ProgressListener.NONE),
            new SweepRunner.Listener() {
              @Override
              public void finished(
                  SweepGrid.Point p, SweepRunner.Slot slot, int total, TrialResult r) {
                ran.add(p.label());
              }
            });

    assertThat(ran).as("each point once, in grid order").containsExactly("20", "100");
    SweepResult r = SweepWriter.read(outcome.dir().resolve(SweepWriter.JSON_FILE));
    assertThat(r.points()).containsExactly("20", "100");
    SweepResult.Row rate =
        r.metrics().stream()
            .filter(m -> m.name().equals("accepted rate"))
            .findFirst()
            .orElseThrow();
    assertThat(rate.cells())
        .as("an accepted rate measured at each point")
        .allSatisfy(c -> assertThat(c.values()).hasSize(1));
    assertThat(rate.cells())
        .as("mail was accepted at both points")
        .allSatisfy(c -> assertThat(c.median()).isPositive());
    // a relay that keeps up at both points accepts at exactly the offered rate: then there is no
    // best, and the row says so; otherwise the better point is named
    if (rate.cells().get(0).median() == rate.cells().get(1).median()) {
      assertThat(rate.best()).as("no best among equal accepted rates").isNull();
      assertThat(rate.verdict()).contains("the same in every run");
    } else {
      assertThat(rate.best()).as("a best value is named for the accepted rate").isIn("20", "100");
    }
    SweepResult.Row e2e =
        r.metrics().stream().filter(m -> m.name().equals("e2e p95")).findFirst().orElseThrow();
    assertThat(e2e.cells())
        .as("mail arrived at the workers at both points")
        .allSatisfy(c -> assertThat(c.values()).hasSize(1));
    for (SweepResult.Run run : r.runs()) {
      assertThat(outcome.dir().resolve(run.runDirs().get(0)).resolve("run.json"))
          .as("run folder of point %s", run.point())
          .exists();
    }
    assertThat(Files.readString(outcome.dir().resolve(SweepWriter.HTML_FILE)))
        .contains("Sweep: steady-even-distribution over relay.overrides.default_process_limit");
  }
}
