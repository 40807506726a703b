package io.relayharness.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relayharness.scenario.Overrides;
import io.relayharness.scenario.Scenario;
import io.relayharness.scenario.ScenarioCatalog;
import io.relayharness.scenario.ScenarioLoader;
import io.relayharness.scenario.engine.DockerScenarioEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An A/A comparison end to end on Docker: steady-even-distribution with the load stretched to 8 s,
 * 2 runs per side, no warm-up run (to keep it to about 3 minutes), each on a fresh topology through
 * the same engine as {@code ./harness run}. With identical sides nothing may be flagged.
 */
class AbIT {

  private static final Path PROJECT = Path.of(System.getProperty("relayharness.project.dir", "."));

  @Test
  void shouldCompareTwoIdenticalSidesEndToEnd() throws Exception {
    Path file =
        new ScenarioCatalog(PROJECT.resolve("scenarios"))
            .resolve("steady-even-distribution")
            .orElseThrow();
    Overrides common = new Overrides(List.of(), null, "8s");
    ScenarioLoader loader = new ScenarioLoader(PROJECT);
    AbSide a = AbSide.unchanged("A");
    AbSide b = AbSide.unchanged("B");
    Scenario sa = loader.load(file, a.overrides(common));
    Scenario sb = loader.load(file, b.overrides(common));
    AbExperiment experiment =
        new AbExperiment(
            new AbRunner(DockerScenarioEngine::new, System::currentTimeMillis), AbAnalysis.DEFAULT);

    AbExperiment.Outcome outcome =
        experiment.run(
            new AbExperiment.Plan(
                sa,
                sb,
                a,
                b,
                List.of("--duration 8s"),
                0,
                2,
                PROJECT,
                PROJECT.resolve("target/reports")),
            AbRunner.Listener.NONE);

    AbComparison c = outcome.comparison();
    assertThat(c.runs())
        .extracting(RepeatRun::side)
        .as("A B A B")
        .containsExactly("A", "B", "A", "B");
    for (RepeatRun r : c.runs()) {
      assertThat(r.runDir().resolve("run.json"))
          .as("run folder of %s #%d", r.side(), r.repeat())
          .exists();
      assertThat(r.phasesMs())
          .as("phases of %s #%d", r.side(), r.repeat())
          .containsKeys("start", "load");
    }
    assertThat(c.significant()).as("A/A: nothing flagged").isEmpty();
    MetricComparison e2e =
        c.metrics().stream().filter(m -> m.name().equals("e2e p95")).findFirst().orElseThrow();
    assertThat(e2e.a()).as("one e2e p95 per A run").hasSize(2);
    assertThat(e2e.b()).as("one e2e p95 per B run").hasSize(2);
    assertThat(c.settingsDiff()).as("identical relays").isEmpty();
    JsonNode json = new ObjectMapper().readTree(outcome.dir().resolve(AbExperiment.JSON).toFile());
    assertThat(json.get("metrics").size()).as("metrics in comparison.json").isGreaterThan(10);
    assertThat(Files.readString(outcome.dir().resolve(AbExperiment.HTML)))
        .as("the page")
        .contains("A/B comparison: steady-even-distribution", "No difference detectable");
  }
}
