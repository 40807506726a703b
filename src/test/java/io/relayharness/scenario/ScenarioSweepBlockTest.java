package io.relayharness.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario's {@code sweep:} block is validated like every other key. */
class ScenarioSweepBlockTest {

  private static final String FILE = "scenarios/x.yaml";

  private static final String BASE =
      """
      description: a test scenario
      relay:
        variant: mx-roundrobin
      load:
        steps:
          - constant: {rate: 100, seconds: 20}
      expect:
        loss: {maxLost: 0}
      """;

  @TempDir static Path project;
  private static ScenarioLoader loader;

  @BeforeAll
  static void variants() throws IOException {
    Files.createDirectories(project.resolve("docker/relay/configs/mx-roundrobin"));
    loader = new ScenarioLoader(project);
  }

  private static String problems(String sweep) {
    ScenarioException e =
        catchThrowableOfType(
            () -> loader.parse("x", FILE, BASE + sweep, Overrides.NONE), ScenarioException.class);
    assertThat(e).as("a bad sweep block is refused").isNotNull();
    return String.join("\n", e.errors());
  }

  @Test
  void shouldReadTheGridAndRepeats() throws ScenarioException {
    Scenario s =
        loader.parse(
            "x",
            FILE,
            BASE
                + """
                sweep:
                  repeats: 4
                  parameters:
                    relay.overrides.relay_destination_concurrency_limit: [2, 5, 20]
                """,
            Overrides.NONE);
    assertThat(s.sweep().repeats()).isEqualTo(4);
    assertThat(s.sweep().parameters())
        .containsEntry(
            "relay.overrides.relay_destination_concurrency_limit",
            java.util.List.of("2", "5", "20"));
    assertThat(loader.parse("x", FILE, BASE, Overrides.NONE).sweep().present()).isFalse();
  }

  @Test
  void shouldNameFileKeyAndValueThatDoNotLoad() {
    String p =
        problems(
            """
            sweep:
              parameters:
                load.steps[0].constant.rate: [100, -5]
            """);
    assertThat(p)
        .contains("scenarios/x.yaml: sweep.parameters.load.steps[0].constant.rate: value '-5':")
        .contains("load.steps[0].constant.rate");
    assertThat(
            problems(
                """
                sweep:
                  parameters:
                    topology.wrkers: [1, 2]
                """))
        .contains("scenarios/x.yaml: sweep.parameters.topology.wrkers: value '1': ")
        .contains("wrkers");
  }

  @Test
  void shouldRefuseMalformedBlocks() {
    assertThat(problems("sweep:\n  parameters:\n    relay.overrides.x_limit: [1]\n"))
        .contains(
            "scenarios/x.yaml: sweep.parameters: relay.overrides.x_limit: a sweep needs at"
                + " least two values");
    assertThat(problems("sweep:\n  parameters:\n    relay.overrides.x_limit: 3\n"))
        .contains("sweep.parameters.relay.overrides.x_limit: expected a list of values, got 3");
    assertThat(problems("sweep:\n  repeats: 0\n  parameters:\n    a.b: [1, 2]\n"))
        .contains("sweep.repeats");
    assertThat(problems("sweep:\n  paramters:\n    a.b: [1, 2]\n"))
        .contains("sweep.paramters: unknown key (did you mean 'parameters'?)");
    assertThat(problems("sweep:\n  repeats: 2\n")).contains("sweep.parameters: required key");
  }
}
