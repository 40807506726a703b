package io.relayharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.scenario.EnvironmentException;
import io.relayharness.scenario.ExpectationOutcome;
import io.relayharness.scenario.ProgressSnapshot;
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
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process: output and exit codes. */
class HarnessCliTest {

  private static final String GOOD =
      """
      description: A good scenario.
      tags: [fast]
      load:
        steps:
          - constant: {rate: 10, seconds: 10}
      timeline:
        - {at: 2s, for: 3s, name: down, action: proxy-down, target: worker1}
      expect:
        loss: {maxLost: 0}
      """;

  @TempDir Path project;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private FakeEngine engine;

  @BeforeEach
  void files() throws IOException {
    Files.createDirectories(project.resolve("scenarios"));
    Files.createDirectories(project.resolve("docker/relay/configs/mx-roundrobin"));
    Files.writeString(project.resolve("scenarios/good.yaml"), GOOD);
    Files.writeString(
        project.resolve("scenarios/other.yaml"),
        GOOD.replace("A good scenario.", "Another one.").replace("[fast]", "[slow]"));
  }

  /** Runs the command line in-process and returns its exit code. */
  private int run(String... args) {
    HarnessCli cli = new HarnessCli(() -> engine);
    List<String> all = new ArrayList<>(List.of("--project", project.toString()));
    all.addAll(List.of(args));
    return HarnessCli.commandLine(cli)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(all.toArray(String[]::new));
  }

  @Test
  void shouldListEveryScenarioWithTagsAndDescription() {
    assertThat(run("list")).isEqualTo(0);
    assertThat(out.toString().lines())
        .containsExactly("good   [fast]  A good scenario.", "other  [slow]  Another one.");
  }

  @Test
  void shouldListAnInvalidScenarioWithoutFailing() throws IOException {
    Files.writeString(project.resolve("scenarios/bad.yaml"), GOOD.replace("rate: 10", "rate: x"));
    assertThat(run("list")).isEqualTo(0);
    assertThat(out.toString().lines())
        .contains("bad            INVALID (1 problems; run: validate bad)");
  }

  @Test
  void shouldListOnlyATag() {
    assertThat(run("list", "--tag", "fast")).isEqualTo(0);
    assertThat(out.toString().lines()).singleElement().asString().startsWith("good ");
  }

  @Test
  void shouldValidateGoodScenarios() {
    assertThat(run("validate", "good", "other")).isEqualTo(0);
    assertThat(out.toString())
        .contains("ok  ")
        .contains("good.yaml")
        .contains("expects relayHealth, accounting, loss");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void shouldExitTwoAndPrintEveryProblemOfAnInvalidScenario() throws IOException {
    Path bad = project.resolve("scenarios/bad.yaml");
    Files.writeString(bad, GOOD.replace("rate: 10", "rate: -1").replace("worker1", "worker7"));
    assertThat(run("validate", "good", "bad")).isEqualTo(2);
    assertThat(err.toString().lines())
        .containsExactly(
            bad + ": load.steps[0].constant.rate: -1 is out of bounds (allowed: 0 to 5000)",
            bad
                + ": timeline[0].target: unknown worker 'worker7' (the topology has worker0..worker2)");
  }

  @Test
  void shouldExitTwoForAnUnknownScenarioOrOption() {
    assertThat(run("validate", "nope")).isEqualTo(2);
    assertThat(err.toString()).contains("nope: no such scenario");
    assertThat(run("run", "good", "--bogus")).isEqualTo(2);
  }

  @Test
  void shouldPrintTheSchema() {
    assertThat(run("schema")).isEqualTo(0);
    assertThat(out.toString())
        .startsWith("| key | type |")
        .contains("`load.steps[].constant.rate`");
    out.getBuffer().setLength(0);
    assertThat(run("validate", "--schema")).isEqualTo(0);
    assertThat(out.toString()).startsWith("| key | type |");
  }

  @Test
  void shouldRunWithOverridesAndExitZeroWhenEveryExpectationHolds() {
    engine = new FakeEngine(true);
    assertThat(run("run", "good", "--rate", "40", "--duration", "20s", "--progress-interval", "0"))
        .isEqualTo(0);
    assertThat(engine.ran.load().peakRatePerSec()).isEqualTo(40.0);
    assertThat(engine.ran.load().stepsSeconds()).isEqualTo(20);
    assertThat(engine.closed.get()).as("engine closed after the run").isGreaterThanOrEqualTo(1);
    assertThat(out.toString())
        .contains(
            "[load] 00:03 sent 30 accepted 29 rejected 0 failed 1 | delivered w0=10 w1=9 |"
                + " queue 2 | fault: down (proxy-down worker1)")
        .contains("ok   loss         0 lost")
        .contains("good: every expectation held");
  }

  @Test
  void shouldExitOneWhenAnExpectationFails() {
    engine = new FakeEngine(false);
    assertThat(run("run", "good")).isEqualTo(1);
    assertThat(out.toString())
        .contains("FAIL loss         3 lost")
        .contains("an expectation failed");
  }

  @Test
  void shouldRunAnOperatorsRelayConfigDirectoryGivenWithRelayConfig() throws IOException {
    Path dir = project.resolve("my-relay");
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("main.cf"),
        "relay_domains = archive.example.com\ntransport_maps = hash:/etc/postfix/transport\n");
    Files.writeString(
        dir.resolve("transport"), "archive.example.com relay:workers.int.example.com\n");
    engine = new FakeEngine(true);

    assertThat(run("run", "good", "--relay-config", dir.toString(), "--progress-interval", "0"))
        .as("exit code")
        .isZero();
    assertThat(engine.ran.relay().configDir()).as("config dir run").isEqualTo(dir.toString());
    assertThat(engine.ran.relay().label()).as("what runs").isEqualTo("config dir " + dir);
  }

  @Test
  void shouldExitTwoNamingFileAndSettingForARelayConfigThatCannotRun() throws IOException {
    Path dir = project.resolve("my-relay");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("main.cf"), "transport_maps = hash:/etc/postfix/transport\n");
    engine = new FakeEngine(true);

    assertThat(run("run", "good", "--relay-config", dir.toString())).as("exit code").isEqualTo(2);
    assertThat(err.toString())
        .as("the error")
        .contains("relay.configDir: " + dir.resolve("main.cf") + " line 1")
        .contains("transport_maps names hash:/etc/postfix/transport")
        .contains("has no file 'transport'");
    assertThat(engine.ran).as("nothing run").isNull();
  }

  @Test
  void shouldExitTwoWhenOverridesMakeTheScenarioInvalid() {
    engine = new FakeEngine(true);
    assertThat(run("run", "good", "--set", "load.steps[0].constant.rate=-5")).isEqualTo(2);
    assertThat(err.toString()).contains("load.steps[0].constant.rate: -5 is out of bounds");
    assertThat(engine.ran).as("nothing run").isNull();
  }

  @Test
  void shouldExitThreeWithoutAnEngineOrDocker() {
    engine = null;
    assertThat(run("run", "good")).isEqualTo(3);
    assertThat(err.toString()).contains("no scenario engine");
    engine = new FakeEngine(true);
    engine.failWith = new EnvironmentException("no Docker engine at unix:///var/run/docker.sock");
    assertThat(run("run", "good")).isEqualTo(3);
    assertThat(err.toString()).contains("environment: no Docker engine");
    assertThat(engine.closed.get()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void shouldRefuseToCompareFoldersThatAreNotRuns() throws IOException {
    Path a = Files.createDirectories(project.resolve("reports/x/1"));
    assertThat(run("compare", a.toString(), a.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("not a run folder");
    assertThat(run("report", a.toString())).as("report of a folder that is no run").isEqualTo(2);
  }

  /** An engine double that reports progress once and returns a fixed verdict. */
  private static final class FakeEngine implements ScenarioEngine {
    final boolean pass;
    final AtomicInteger closed = new AtomicInteger();
    Scenario ran;
    EnvironmentException failWith;

    FakeEngine(boolean pass) {
      this.pass = pass;
    }

    @Override
    public RunResult run(
        Scenario scenario,
        io.relayharness.scenario.RunOptions options,
        io.relayharness.scenario.ProgressListener progress)
        throws EnvironmentException {
      if (failWith != null) {
        throw failWith;
      }
      ran = scenario;
      progress.onProgress(
          new ProgressSnapshot(
              "load",
              3_400,
              30,
              29,
              0,
              1,
              Map.of("worker1", 9L, "worker0", 10L),
              2,
              "down (proxy-down worker1)"));
      return new RunResult(
          options.reportsDir().resolve("good/20260101-000000"),
          List.of(new ExpectationOutcome("loss", pass, pass ? "0 lost" : "3 lost")));
    }

    @Override
    public void close() {
      closed.incrementAndGet();
    }
  }
}
