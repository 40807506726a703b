package io.relayharness.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relayharness.observe.RunFolder;
import io.relayharness.scenario.EnvironmentException;
import io.relayharness.scenario.ExpectationOutcome;
import io.relayharness.scenario.Overrides;
import io.relayharness.scenario.ProgressListener;
import io.relayharness.scenario.ProgressSnapshot;
import io.relayharness.scenario.RunOptions;
import io.relayharness.scenario.RunResult;
import io.relayharness.scenario.Scenario;
import io.relayharness.scenario.ScenarioEngine;
import io.relayharness.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The A/B runner and experiment with a fake engine that writes synthetic run folders. */
class AbRunnerTest {

  private static final String SCENARIO =
      """
      description: A small scenario.
      load:
        steps:
          - constant: {rate: 10, seconds: 10}
      expect:
        loss: {maxLost: 0}
      """;

  @TempDir Path project;
  private final List<String> order = new ArrayList<>();
  private final AtomicLong clock = new AtomicLong(1_000_000);
  private int engines;
  private int closed;
  private Scenario a;
  private Scenario b;

  @BeforeEach
  void scenarios() throws Exception {
    Files.createDirectories(project.resolve("scenarios"));
    Files.createDirectories(project.resolve("docker/relay/configs/mx-roundrobin"));
    Files.createDirectories(project.resolve("docker/relay/configs/other"));
    Path file = project.resolve("scenarios/small.yaml");
    Files.writeString(file, SCENARIO);
    ScenarioLoader loader = new ScenarioLoader(project);
    AbSide sideB = new AbSide("B", "other", null, List.of());
    a = loader.load(file, AbSide.unchanged("A").overrides(Overrides.NONE));
    b = loader.load(file, sideB.overrides(Overrides.NONE));
  }

  /** An engine whose run writes a synthetic folder: B's e2e latency is 50% higher. */
  private final class FakeEngine implements ScenarioEngine {
    @Override
    public RunResult run(Scenario s, RunOptions options, ProgressListener progress) {
      String side = s.relay().variant().equals("other") ? "B" : "A";
      order.add(side);
      clock.addAndGet(4_000); // topology start
      progress.onProgress(snapshot("load"));
      clock.addAndGet(20_000);
      progress.onProgress(snapshot("draining"));
      clock.addAndGet(1_000);
      progress.onProgress(snapshot("collecting"));
      clock.addAndGet(3_000);
      SyntheticRun run = new SyntheticRun();
      run.variant = s.relay().variant();
      run.e2eMs = side.equals("B") ? 300 + order.size() : 200 + order.size();
      if (side.equals("B")) {
        run.relaySettings.put("smtp_connection_cache_on_demand", "no");
      }
      RunFolder folder =
          run.write(options.reportsDir(), s.name(), Instant.ofEpochSecond(order.size()));
      return new RunResult(folder.dir(), List.of(new ExpectationOutcome("loss", true, "0 lost")));
    }

    @Override
    public void close() {
      closed++;
    }
  }

  private static ProgressSnapshot snapshot(String phase) {
    return new ProgressSnapshot(phase, 0, 0, 0, 0, 0, Map.of(), 0, "none");
  }

  private ScenarioEngine newEngine() {
    engines++;
    return new FakeEngine();
  }

  @Test
  void shouldRunBothSidesInterleavedOnAFreshEngineEach() throws Exception {
    AbRunner runner = new AbRunner(this::newEngine, clock::get);
    List<RepeatRun> runs =
        runner.run(a, b, 1, 3, project, project.resolve("out"), AbRunner.Listener.NONE);

    assertThat(order)
        .as("a warm-up on A's config, then interleaved")
        .containsExactly("A", "A", "B", "A", "B", "A", "B");
    assertThat(runs)
        .extracting(RepeatRun::side)
        .as("the warm-up is labelled, not counted as A")
        .containsExactly("warm-up", "A", "B", "A", "B", "A", "B");
    assertThat(engines).as("one engine (fresh topology) per run").isEqualTo(7);
    assertThat(closed).as("every engine closed").isEqualTo(7);
    assertThat(runs)
        .extracting(RepeatRun::repeat)
        .as("repeat numbers")
        .containsExactly(1, 1, 1, 2, 2, 3, 3);
    assertThat(runs.get(2).runDir().toString())
        .as("B's run folders under runs/B")
        .contains("out/runs/B/small/");
    assertThat(runs.get(1).phasesMs())
        .as("time per phase from the engine's progress")
        .containsExactly(
            Map.entry("start", 4_000L),
            Map.entry("load", 20_000L),
            Map.entry("draining", 1_000L),
            Map.entry("collecting", 3_000L));
    assertThat(runs.get(1).wallMs()).as("wall time of one run").isEqualTo(28_000L);
  }

  @Test
  void shouldWriteTheComparisonFiles() throws IOException, Exception {
    AbExperiment experiment =
        new AbExperiment(new AbRunner(this::newEngine, clock::get), AbAnalysis.DEFAULT);
    AbExperiment.Outcome outcome =
        experiment.run(
            new AbExperiment.Plan(
                a,
                b,
                AbSide.unchanged("A"),
                new AbSide("B", "other", null, List.of()),
                List.of(),
                1,
                8,
                project,
                project.resolve("reports")),
            AbRunner.Listener.NONE);

    assertThat(outcome.dir().toString()).as("comparison folder").contains("reports/ab/small/");
    JsonNode json = new ObjectMapper().readTree(outcome.dir().resolve("comparison.json").toFile());
    assertThat(json.get("metrics").size()).as("one entry per metric").isEqualTo(19);
    JsonNode e2e = null;
    for (JsonNode m : json.get("metrics")) {
      if (m.get("name").asText().equals("e2e p50")) {
        e2e = m;
      }
      assertThat(m.fieldNames())
          .toIterable()
          .as("fields of %s", m.get("name"))
          .contains(
              "name",
              "unit",
              "a",
              "b",
              "difference",
              "ciLow",
              "ciHigh",
              "p",
              "adjustedP",
              "significant",
              "verdict");
    }
    assertThat(e2e.get("a").size()).as("8 A values").isEqualTo(8);
    assertThat(e2e.get("significant").asBoolean()).as("B's +100 ms is found at N=8").isTrue();
    assertThat(e2e.get("verdict").asText()).as("worded").startsWith("B slower by");
    assertThat(json.get("settingsDiff").toString())
        .as("the settings that differ")
        .contains("(variant)", "other", "smtp_connection_cache_on_demand");
    assertThat(json.get("runs").size()).as("every run listed, the warm-up too").isEqualTo(17);
    assertThat(e2e.get("a").size() + e2e.get("b").size())
        .as("the warm-up's figures are not counted")
        .isEqualTo(16);
    assertThat(outcome.comparison().powerWarning())
        .as("8 runs per side can be significant")
        .isNull();
    String html = Files.readString(outcome.dir().resolve("comparison.html"));
    assertThat(html)
        .as("self-contained page")
        .contains(
            "<table class=\"metrics\">", "tr class=\"sig\"", "smtp_connection_cache_on_demand")
        .doesNotContain("<script src", "http://", "https://");
  }

  @Test
  void shouldStopAtTheFirstEnvironmentFailure() {
    AbRunner runner =
        new AbRunner(
            () ->
                new ScenarioEngine() {
                  @Override
                  public RunResult run(Scenario s, RunOptions o, ProgressListener p)
                      throws EnvironmentException {
                    order.add("x");
                    throw new EnvironmentException("no Docker");
                  }

                  @Override
                  public void close() {}
                },
            clock::get);
    assertThatThrownBy(
            () -> runner.run(a, b, 0, 3, project, project.resolve("out"), AbRunner.Listener.NONE))
        .as("environment failure ends the comparison")
        .isInstanceOf(EnvironmentException.class);
    assertThat(order).as("no further run after it").hasSize(1);
  }
}
