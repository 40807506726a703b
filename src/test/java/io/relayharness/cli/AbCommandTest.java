package io.relayharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.scenario.EnvironmentException;
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

/** {@code ab} in-process: exit codes and what it prints, with a fake engine. */
class AbCommandTest {

  private static final String GOOD =
      """
      description: A good scenario.
      load:
        steps:
          - constant: {rate: 10, seconds: 10}
      expect:
        loss: {maxLost: 0}
      """;

  @TempDir Path project;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final List<String> variants = new ArrayList<>();

  @BeforeEach
  void files() throws IOException {
    Files.createDirectories(project.resolve("scenarios"));
    Files.createDirectories(project.resolve("docker/relay/configs/mx-roundrobin"));
    Files.createDirectories(project.resolve("docker/relay/configs/other"));
    Files.writeString(project.resolve("scenarios/good.yaml"), GOOD);
  }

  private int run(Supplier<ScenarioEngine> engines, String... args) {
    List<String> all = new ArrayList<>(List.of("--project", project.toString()));
    all.addAll(List.of(args));
    return HarnessCli.commandLine(new HarnessCli(engines))
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(all.toArray(String[]::new));
  }

  /** Writes an empty run folder (no figures): the comparison still completes. */
  private ScenarioEngine engine() {
    return new ScenarioEngine() {
      @Override
      public RunResult run(Scenario s, RunOptions o, ProgressListener p) {
        variants.add(s.relay().variant());
        Path dir = o.reportsDir().resolve(s.name()).resolve("run" + variants.size());
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
  void shouldRunBothSidesAndExitZero() {
    int code = run(this::engine, "ab", "good", "--repeats", "2", "--b-variant", "other");
    assertThat(code).as("comparison done: exit 0; err: %s", err).isEqualTo(0);
    assertThat(variants)
        .as("one warm-up on A's config by default, then A B A B")
        .containsExactly("mx-roundrobin", "mx-roundrobin", "other", "mx-roundrobin", "other");
    assertThat(out.toString())
        .as("console summary")
        .contains(
            "run 1/5: warm-up #1",
            "run 5/5: B #2",
            "note: with 2 runs per side nothing could be significant",
            "B: relay.variant=other",
            "wrote ",
            "comparison.html");
    assertThat(project.resolve("reports/ab/good/latest/comparison.json"))
        .as("comparison written under reports/ab/<scenario>/")
        .exists();
  }

  @Test
  void shouldExitTwoOnBadInput() {
    assertThat(run(this::engine, "ab", "nope")).as("unknown scenario").isEqualTo(2);
    assertThat(run(this::engine, "ab", "good", "--repeats", "0")).as("no repeats").isEqualTo(2);
    assertThat(run(this::engine, "ab", "good", "--warm-up", "-1"))
        .as("negative warm-up")
        .isEqualTo(2);
    assertThat(run(this::engine, "ab", "good", "--b-set", "load.steps[0].constant.rat=5"))
        .as("unknown key for B")
        .isEqualTo(2);
    assertThat(run(this::engine, "ab", "good", "--b-variant", "missing"))
        .as("unknown variant")
        .isEqualTo(2);
    assertThat(variants).as("nothing ran").isEmpty();
  }

  @Test
  void shouldExitThreeWithoutAnEngine() {
    assertThat(run(() -> null, "ab", "good", "--repeats", "1", "--warm-up", "0"))
        .as("no engine")
        .isEqualTo(3);
    assertThat(
            run(
                () ->
                    new ScenarioEngine() {
                      @Override
                      public RunResult run(Scenario s, RunOptions o, ProgressListener p)
                          throws EnvironmentException {
                        throw new EnvironmentException("no Docker here");
                      }

                      @Override
                      public void close() {}
                    },
                "ab",
                "good",
                "--repeats",
                "1"))
        .as("engine cannot run")
        .isEqualTo(3);
    assertThat(err.toString()).as("says why").contains("no Docker here");
  }
}
