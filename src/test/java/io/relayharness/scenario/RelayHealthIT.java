package io.relayharness.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.scenario.engine.DockerScenarioEngine;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A relay that is broken at start (a lookup table that does not exist: Postfix logs that it is
 * unavailable and answers 451) fails the run on relay health within a minute of the relay's start
 * (its first log line), and the verdict leads with the relay's own line, whatever the scenario
 * otherwise expects.
 */
class RelayHealthIT {

  private static final Path PROJECT = Path.of(System.getProperty("relayharness.project.dir", "."));

  @Test
  void shouldFailABrokenRelayWithinAMinuteNamingItsLine() throws Exception {
    Scenario s =
        new ScenarioLoader(PROJECT)
            .load(
                PROJECT.resolve("scenarios/steady-even-distribution.yaml"),
                new Overrides(
                    List.of("relay.overrides.transport_maps=hash:/etc/postfix/no-such-table"),
                    null,
                    "10s"));
    RunResult result;
    try (DockerScenarioEngine engine = new DockerScenarioEngine()) {
      result = engine.run(s, new RunOptions(PROJECT, PROJECT.resolve("target/reports")), x -> {});
    }
    // From the relay's start (its first log line) to the verdict: image builds before it do not
    // count, the relay's own life does.
    String firstLine =
        java.nio.file.Files.readAllLines(result.runDirectory().resolve("relay.log")).get(0);
    long relayStartMs =
        java.time.Instant.parse(firstLine.substring(0, firstLine.indexOf(' '))).toEpochMilli();
    long verdictMs =
        io.relayharness.ledger.JsonLines.MAPPER
            .readTree(result.runDirectory().resolve("run.json").toFile())
            .path("endEpochMs")
            .asLong();
    long seconds = (verdictMs - relayStartMs) / 1000;

    ExpectationOutcome health =
        result.outcomes().stream()
            .filter(o -> o.name().equals("relayHealth"))
            .findFirst()
            .orElseThrow();
    assertThat(health.passed()).as("relay health: %s", health.summary()).isFalse();
    assertThat(health.summary())
        .as("the relay's own line leads")
        .contains("the relay is broken")
        .contains("no-such-table")
        .contains("is unavailable");
    assertThat(result.passed()).isFalse();
    assertThat(seconds)
        .as("seconds from the relay's start to the verdict (no drain wait on a broken relay)")
        .isLessThan(60);
  }
}
