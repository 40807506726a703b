package io.relayharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.experiment.SweepResult;
import io.relayharness.experiment.SweepWriter;
import io.relayharness.scenario.ExpectationOutcome;
import io.relayharness.scenario.ProgressListener;
import io.relayharness.scenario.RunOptions;
import io.relayharness.scenario.RunResult;
import io.relayharness.scenario.Scenario;
import io.relayharness.scenario.ScenarioEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep} and {@code capacity} in-process: exit codes, order and output, a fake engine. */
class SweepCommandTest {

  private static final String GOOD =
      """
      description: A good scenario.
      relay:
        variant: mx-roundrobin
      load:
        steps:
          - constant: {rate: 10, seconds: 10}
      expect:
        loss: {maxLost: 0}
      """;

  @TempDir Path project;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final List<String> limits = new ArrayList<>();

  @BeforeEach
  void files() throws IOException {
    Files.createDirectories(project.resolve("scenarios"));
    Files.createDirectories(project.resolve("docker/relay/configs/mx-roundrobin"));
    Files.writeString(project.resolve("scenarios/good.yaml"), GOOD);
    Files.writeString(
        project.resolve("scenarios/withgrid.yaml"),
        GOOD
            + """
            sweep:
              repeats: 2
              parameters:
                relay.overrides.default_process_limit: [10, 20]
            """);
  }

  private int run(Supplier<ScenarioEngine> engines, String... args) {
    List<String> all = new ArrayList<>(List.of("--project", project.toString()));
    all.addAll(List.of(args));
    return HarnessCli.commandLine(new HarnessCli(engines))
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(all.toArray(String[]::new));
  }

  /** Records the swept setting; writes an empty run folder. */
  private ScenarioEngine engine() {
    return new ScenarioEngine() {
      @Override
      public RunResult run(Scenario s, RunOptions o, ProgressListener p) {
        limits.add(s.relay().overrides().get("default_process_limit"));
        Path dir = o.reportsDir().resolve(s.name()).resolve("run" + limits.size());
        try {
          Files.createDirectories(dir);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        return new RunResult(dir, List.of(new ExpectationOutcome("loss", true, "0 lost")));
      }

      @Override
      public void close() {}
    };
  }

  @Test
  void shouldRunEveryPointInterleavedAndWriteTheSweep() {
    int code =
        run(
            this::engine,
            "sweep",
            "good",
            "--param",
            "relay.overrides.default_process_limit=5,50,100",
            "--repeats",
            "2");
    assertThat(code).as("err: %s", err).isEqualTo(0);
    assertThat(limits)
        .as("a warm-up of the first point, then rounds starting one point later")
        .containsExactly("5", "5", "50", "100", "50", "100", "5");
    assertThat(out.toString())
        .contains("sweep good over relay.overrides.default_process_limit: 3 points × 2 runs")
        .contains("run 1/6: relay.overrides.default_process_limit=5 #1")
        .contains("run 6/6: relay.overrides.default_process_limit=5 #2")
        .contains("sweep.html");
    SweepResult r =
        SweepWriter.read(project.resolve("reports/sweep/good/latest/" + SweepWriter.JSON_FILE));
    assertThat(r.points()).containsExactly("5", "50", "100");
    assertThat(r.runs()).hasSize(6);
  }

  @Test
  void shouldTakeTheGridFromTheScenarioFile() {
    assertThat(run(this::engine, "sweep", "withgrid", "--warm-up", "0")).isEqualTo(0);
    assertThat(limits).containsExactly("10", "20", "20", "10");
  }

  @Test
  void shouldExitTwoNamingTheKeyAndValue() {
    assertThat(run(this::engine, "sweep", "good")).as("nothing to sweep").isEqualTo(2);
    assertThat(err.toString()).contains("nothing to sweep");
    assertThat(run(this::engine, "sweep", "good", "--param", "load.steps[0].constant.rate=10,-1"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("grid point load.steps[0].constant.rate=-1:")
        .contains("good.yaml");
    assertThat(run(this::engine, "sweep", "good", "--param", "relay.overrides.x=1")).isEqualTo(2);
    assertThat(err.toString()).contains("relay.overrides.x: a sweep needs at least two values");
    assertThat(run(this::engine, "capacity", "good", "--from", "0")).isEqualTo(2);
    assertThat(run(this::engine, "capacity", "good", "--to", "99999"))
        .as("above the schema's bound")
        .isEqualTo(2);
    assertThat(limits).as("nothing ran").isEmpty();
  }
}
