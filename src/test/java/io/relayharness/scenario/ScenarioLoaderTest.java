package io.relayharness.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.relayharness.faults.ProxyDown;
import io.relayharness.faults.SinkFault;
import io.relayharness.faults.ToxicFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed scenario files fail fast with messages that name the file, the key and the value. */
class ScenarioLoaderTest {

  private static final String FILE = "scenarios/x.yaml";

  /** A valid scenario that each test breaks in one place. */
  private static final String BASE =
      """
      description: a test scenario
      relay:
        variant: mx-roundrobin
      load:
        steps:
          - constant: {rate: 100, seconds: 20}
          - constant: {rate: 50, seconds: 10}
      timeline:
        - {at: 10s, for: 5s, name: down, action: proxy-down, target: worker1}
      expect:
        loss: {maxLost: 0}
      """;

  @TempDir static Path project;
  private static ScenarioLoader loader;

  @BeforeAll
  static void variants() throws IOException, ScenarioException {
    Files.createDirectories(project.resolve("docker/relay/configs/mx-roundrobin"));
    Files.createDirectories(project.resolve("docker/relay/configs/randmap"));
    loader = new ScenarioLoader(project);
    loader.parse("warm", FILE, BASE, Overrides.NONE); // class loading out of the timed tests
  }

  @Test
  void shouldLoadTheBaseScenario() throws ScenarioException {
    Scenario s = loader.parse("x", FILE, BASE, Overrides.NONE);
    assertThat(s.load().stepsSeconds()).isEqualTo(30);
    assertThat(s.timeline()).hasSize(1);
    assertThat(s.timeline().get(0).action()).isInstanceOf(ProxyDown.class);
    assertThat(s.timeline().get(0).atMs()).isEqualTo(10_000);
    assertThat(s.timeline().get(0).forMs()).isEqualTo(5_000);
  }

  @Test
  void shouldNameUnknownKeyWithSuggestion() {
    assertThat(errors(BASE.replace("- constant: {rate: 50", "- constant: {rat: 50")))
        .contains(FILE + ": load.steps[1].constant.rat: unknown key (did you mean 'rate'?)");
  }

  @Test
  void shouldNameWrongType() {
    assertThat(errors(BASE.replace("{rate: 100,", "{rate: fast,")))
        .containsExactly(FILE + ": load.steps[0].constant.rate: expected a number, got 'fast'");
  }

  @Test
  void shouldRefuseNegativeRate() {
    assertThat(errors(BASE.replace("{rate: 100,", "{rate: -5,")))
        .containsExactly(
            FILE + ": load.steps[0].constant.rate: -5 is out of bounds (allowed: 0 to 5000)");
  }

  @Test
  void shouldRefuseUnknownWorker() {
    assertThat(errors(BASE.replace("target: worker1", "target: worker7")))
        .containsExactly(
            FILE
                + ": timeline[0].target: unknown worker 'worker7' (the topology has"
                + " worker0..worker2)");
  }

  @Test
  void shouldRefuseTimelineStepPastTheEndOfTheLoad() {
    assertThat(errors(BASE.replace("{at: 10s, for: 5s", "{at: 45s, for: 5s")))
        .containsExactly(
            FILE
                + ": timeline[0].at: 45s is past the end of the load (30s, the sum of load.steps)");
  }

  @Test
  void shouldRefuseWindowThatOutlastsTheLoad() {
    assertThat(errors(BASE.replace("{at: 10s, for: 5s", "{at: 10s, for: 25s")))
        .containsExactly(
            FILE
                + ": timeline[0].for: 25s makes the window end at 35s, past the end of the load"
                + " (30s, the sum of load.steps)");
  }

  @Test
  void shouldRefuseUnknownVariantListingTheExistingOnes() {
    assertThat(errors(BASE.replace("variant: mx-roundrobin", "variant: mx-roundrobn")))
        .containsExactly(
            FILE
                + ": relay.variant: unknown variant 'mx-roundrobn' (did you mean 'mx-roundrobin'?);"
                + " docker/relay/configs has: mx-roundrobin, randmap");
  }

  @Test
  void shouldRefuseUnknownExpectationKeyAndParameter() {
    assertThat(errors(BASE.replace("loss: {maxLost: 0}", "lost: {maxLost: 0}")))
        .containsExactly(FILE + ": expect.lost: unknown key (did you mean 'loss'?)");
    assertThat(errors(BASE.replace("loss: {maxLost: 0}", "loss: {maxLoss: 0}")))
        .containsExactly(FILE + ": expect.loss.maxLoss: unknown key (did you mean 'maxLost'?)");
  }

  @Test
  void shouldRefuseUnknownAction() {
    assertThat(errors(BASE.replace("action: proxy-down", "action: proxy-dwn")))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith(
            FILE
                + ": timeline[0].action: unknown value 'proxy-dwn' (did you mean 'proxy-down'?);"
                + " one of: proxy-down, proxy-up, toxic");
  }

  @Test
  void shouldRefuseUnparseableDuration() {
    assertThat(errors(BASE.replace("at: 10s", "at: 10 sec")))
        .containsExactly(
            FILE
                + ": timeline[0].at: cannot read '10 sec' as a duration (write e.g. 500ms, 10s, 1m,"
                + " 1m30s; a bare number has no unit)");
  }

  @Test
  void shouldCollectEveryErrorOfAFile() {
    String broken =
        BASE.replace("{rate: 100,", "{rate: -1,")
            .replace("target: worker1", "target: worker9")
            .replace("loss: {maxLost: 0}", "lost: {}");
    assertThat(errors(broken))
        .containsExactly(
            FILE + ": load.steps[0].constant.rate: -1 is out of bounds (allowed: 0 to 5000)",
            FILE
                + ": timeline[0].target: unknown worker 'worker9' (the topology has worker0..worker2)",
            FILE + ": expect.lost: unknown key (did you mean 'loss'?)");
  }

  @Test
  void shouldNotRepeatALoadProblemAsTimelineProblems() {
    assertThat(errors(BASE.replace("- constant: {rate: 100, seconds: 20}", "- {constnt: {}}")))
        .as("the broken step is reported once; the timeline is not judged against a broken load")
        .containsExactly(
            FILE + ": load.steps[0].constnt: unknown key (did you mean 'constant'?)",
            FILE + ": load.steps[0]: a step has exactly one of constant, ramp, spike; got none");
  }

  @Test
  void shouldReportYamlSyntaxWithItsLine() {
    assertThat(errors("description: x\nload: {steps: [\n"))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith(FILE + ": line ")
        .contains("not valid YAML");
  }

  @Test
  void shouldReportDuplicateKeys() {
    assertThat(errors(BASE + "description: again\n"))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("description");
  }

  @Test
  void shouldFailMalformedFilesInWellUnderASecond() {
    List<String> broken =
        List.of(
            BASE.replace("{rate: 50", "{rat: 50"),
            BASE.replace("{rate: 100,", "{rate: fast,"),
            BASE.replace("{rate: 100,", "{rate: -5,"),
            BASE.replace("target: worker1", "target: worker7"),
            BASE.replace("at: 10s", "at: 45s"),
            BASE.replace("variant: mx-roundrobin", "variant: nope"),
            BASE.replace("loss:", "lost:"));
    for (String yaml : broken) {
      long startNs = System.nanoTime();
      assertThat(errors(yaml)).isNotEmpty();
      long elapsedMs = (System.nanoTime() - startNs) / 1_000_000;
      assertThat(elapsedMs)
          .as("time to reject a malformed file, ms (sanity bound)")
          .isLessThan(1000);
    }
  }

  @Test
  void shouldFailAMalformedFileOnDiskNamingIt(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, BASE.replace("{rate: 100,", "{rate: -5,"));
    long startNs = System.nanoTime();
    ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> loader.load(file));
    long elapsedMs = (System.nanoTime() - startNs) / 1_000_000;
    assertThat(e.errors()).singleElement().asString().startsWith(file + ": load.steps[0]");
    assertThat(elapsedMs).as("time to reject, ms (sanity bound)").isLessThan(1000);
  }

  @Test
  void shouldRefuseARelayOverrideValuePostfixWouldRefuseNamingFileKeyAndValue(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("bad-backoff.yaml");
    Files.writeString(
        file,
        BASE.replace(
            "  variant: mx-roundrobin\n",
            """
              variant: mx-roundrobin
              overrides:
                minimal_backoff_time: banana
                queue_run_delay: 5s
                smtpd_client_message_rate_limit: -1
                smtp_connection_cache_on_demand: maybe
                mynetworks: anything goes here
            """));
    ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> loader.load(file));
    assertThat(e).as("a scenario with bad relay overrides").isNotNull();
    assertThat(e.errors())
        .as("one message per bad override, naming file, key and value")
        .containsExactly(
            file
                + ": relay.overrides.minimal_backoff_time: 'banana' is not a Postfix time value"
                + " (e.g. 5s, 10m, 1h)",
            file + ": relay.overrides.smtpd_client_message_rate_limit: '-1' is below the minimum 0",
            file
                + ": relay.overrides.smtp_connection_cache_on_demand: 'maybe' is not a Postfix"
                + " boolean (yes or no)");
  }

  @Test
  void shouldKeepGoodRelayOverridesAsWritten() throws ScenarioException {
    Scenario s =
        loader.parse(
            "x",
            FILE,
            BASE.replace(
                "  variant: mx-roundrobin\n",
                """
                  variant: mx-roundrobin
                  overrides:
                    minimal_backoff_time: 5
                    maximal_queue_lifetime: 10s
                    smtp_connection_cache_on_demand: false
                    relay_destination_concurrency_limit: 4
                """),
            Overrides.NONE);
    assertThat(s.relay().overrides())
        .as("overrides as the relay gets them")
        .containsEntry("minimal_backoff_time", "5")
        .containsEntry("maximal_queue_lifetime", "10s")
        .containsEntry("smtp_connection_cache_on_demand", "no")
        .containsEntry("relay_destination_concurrency_limit", "4");
  }

  @Test
  void shouldFillInDefaultsFromTheSettingsTable() throws ScenarioException {
    Scenario s =
        loader.parse(
            "min",
            FILE,
            "description: d\nload: {steps: [{constant: {rate: 10, seconds: 5}}]}\nexpect: {loss:}\n",
            Overrides.NONE);
    assertThat(s.relay()).isEqualTo(new RelaySpec("mx-roundrobin", Map.of(), 25));
    assertThat(s.topology().workerNames()).containsExactly("worker0", "worker1", "worker2");
    assertThat(s.topology().preferences()).containsValues(10, 10, 10);
    assertThat(s.client())
        .isEqualTo(
            new ClientSpec(ClientSpec.StartTls.OFF, null, null, true, 20, "injector.example.com"));
    assertThat(s.load().warmUpRatePerSec()).isEqualTo(20.0);
    assertThat(s.load().warmUpSeconds()).isEqualTo(5);
    assertThat(s.load().recipients()).isEqualTo(1);
    assertThat(s.load().toDomain()).isEqualTo("archive.example.com");
    assertThat(s.mail()).isEqualTo(new MailSpec(1, 0.7, 0.3, 8192, 262_144, 0.1));
    assertThat(s.drain().maxSeconds()).isEqualTo(120);
    assertThat(s.timeline()).isEmpty();
    assertThat(s.expect().names()).containsExactly("relayHealth", "accounting", "loss");
    assertThat(s.tags()).isEmpty();
  }

  @Test
  void shouldFillInExpectationDefaults() throws ScenarioException {
    Scenario s =
        loader.parse(
            "x",
            FILE,
            BASE.replace(
                "loss: {maxLost: 0}",
                "loss:\n  duplicates: {}\n  evenness: {}\n  queueing: {during: down}\n  slo: {}"),
            Overrides.NONE);
    Expectations e = s.expect();
    assertThat(e.names())
        .as("judged in every run, then the file's own, in order")
        .containsExactly(
            "relayHealth", "accounting", "loss", "duplicates", "evenness", "queueing", "slo");
    assertThat(e.get("loss").values()).containsEntry("maxLost", 0);
    assertThat(e.get("duplicates").values()).containsEntry("maxUnexplained", 0);
    assertThat(e.get("evenness").weights("weights"))
        .containsExactly(
            Map.entry("worker0", 1.0), Map.entry("worker1", 1.0), Map.entry("worker2", 1.0));
    assertThat(e.get("evenness").number("minPValue")).isEqualTo(0.001);
    assertThat(e.get("queueing").string("during")).isEqualTo("down");
    assertThat(e.get("queueing").integer("minPeak")).isEqualTo(1);
    assertThat(e.get("slo").number("maxP99Ms")).as("no bound unless the file sets one").isNull();
    assertThat(e.get("accounting").number("minAcceptedShare")).isEqualTo(0.99);
  }

  @Test
  void shouldRefuseAScenarioThatExpectsNothing() {
    assertThat(errors(BASE.replace("expect:\n  loss: {maxLost: 0}\n", "")))
        .containsExactly(
            FILE
                + ": expect: a scenario must expect something (verdicts: relayHealth, accounting,"
                + " loss, duplicates, integrity, evenness, queueing, retryTiming, slo, delivery,"
                + " rejected, routing, clientRate, tierSplit, heldMail)");
  }

  @Test
  void shouldNameAnUnknownVerdictWithSuggestion() {
    assertThat(errors(BASE.replace("loss: {maxLost: 0}", "los: {maxLost: 0}")))
        .singleElement()
        .asString()
        .isEqualTo(FILE + ": expect.los: unknown key (did you mean 'loss'?)");
  }

  @Test
  void shouldCheckRoutingPhasesAgainstTheTimelineAndWorkers() {
    assertThat(errors(BASE + "  routing: {phases: {down: {worker1: none, worker7: all}}}\n"))
        .containsExactly(
            FILE
                + ": expect.routing.phases.down.worker7: unknown worker 'worker7' (the topology"
                + " has worker0..worker2)");
    assertThat(errors(BASE + "  routing: {phases: {up: {worker1: none}}}\n"))
        .containsExactly(
            FILE + ": expect.routing.phases.up: unknown phase (known: before, after, down)");
    assertThat(errors(BASE + "  routing: {phases: {down: {worker1: most}}}\n"))
        .singleElement()
        .asString()
        .startsWith(FILE + ": expect.routing.phases.down.worker1: 'most' is not a rule");
    assertThat(errors(BASE + "  routing: {guardMs: 100}\n"))
        .singleElement()
        .asString()
        .startsWith(FILE + ": expect.routing.phases: required key is missing");
  }

  @Test
  void shouldReadRoutingRules() throws ScenarioException {
    Scenario s =
        loader.parse(
            "x",
            FILE,
            BASE
                + "  routing:\n    phases:\n      before: {worker1: \">= 0.3\"}\n"
                + "      down: {delivered: {worker1: none, worker0: \"0.5 ± 0.1\"},"
                + " deferred: {worker1: all}}\n",
            Overrides.NONE);
    var phases = s.expect().get("routing").phases("phases").phases();
    assertThat(phases).extracting(p -> p.name()).containsExactly("before", "down");
    assertThat(phases.get(1).delivered().get("worker0").text()).isEqualTo("0.5 ± 0.1");
    assertThat(phases.get(1).deferred().get("worker1").text()).isEqualTo("all");
  }

  @Test
  void shouldCheckExpectFailureNamesAJudgedVerdict() {
    assertThat(errors(BASE + "expectFailure: [evenness]\n"))
        .containsExactly(
            FILE
                + ": expectFailure[0]: 'evenness' is not judged by this scenario (judged:"
                + " relayHealth, accounting, loss)");
  }

  @Test
  void shouldReadBrokenRelays() throws ScenarioException {
    Scenario s =
        loader.parse(
            "x",
            FILE,
            BASE
                + "brokenBy:\n  - name: refuses-all\n    why: the relay refuses every message\n"
                + "    set: {relay.overrides.smtpd_relay_restrictions: reject}\n"
                + "    caughtBy: [accounting]\n",
            Overrides.NONE);
    assertThat(s.brokenBy())
        .containsExactly(
            new BrokenRelay(
                "refuses-all",
                "the relay refuses every message",
                List.of("relay.overrides.smtpd_relay_restrictions=reject"),
                List.of("accounting")));
    assertThat(errors(BASE + "brokenBy:\n  - {name: x, why: y, caughtBy: [evenness]}\n"))
        .containsExactly(
            FILE
                + ": brokenBy[0].caughtBy: 'evenness' is not judged by this scenario (judged:"
                + " relayHealth, accounting, loss)");
  }

  @Test
  void shouldDefaultEvennessWeightsToThePrimaryMx() throws ScenarioException {
    String yaml =
        BASE.replace(
                "relay:", "topology: {workers: 2, preferences: {worker0: 10, worker1: 20}}\nrelay:")
            .replace("loss: {maxLost: 0}", "evenness: {}");
    assertThat(
            loader
                .parse("x", FILE, yaml, Overrides.NONE)
                .expect()
                .get("evenness")
                .weights("weights"))
        .containsExactly(Map.entry("worker0", 1.0), Map.entry("worker1", 0.0));
  }

  @Test
  void shouldCheckCrossKeyRules() {
    assertThat(errors(BASE + "  queueing: {during: nowhere}\n"))
        .containsExactly(
            FILE
                + ": expect.queueing.during: no timeline step is named 'nowhere' (named steps: down)");
    assertThat(errors(BASE.replace("action: proxy-down, target: worker1", "action: relay-restart")))
        .containsExactly(
            FILE
                + ": timeline[0].for: action 'relay-restart' opens no window that could be undone;"
                + " remove 'for'");
    assertThat(
            errors(
                BASE.replace(
                        "target: worker1}",
                        "target: worker1, fault: {stage: rcpt, action: drop-before-250}}")
                    .replace("proxy-down", "sink-fault")))
        .containsExactly(
            FILE
                + ": timeline[0].fault.stage: 'rcpt' with action drop-before-250: dropping before"
                + " the 250 happens at stage eod");
    assertThat(errors(BASE.replace("target: worker1}", "target: worker1, type: latency}")))
        .containsExactly(
            FILE + ": timeline[0].type: not a parameter of action 'proxy-down' (it takes none)");
    assertThat(
            errors(
                BASE.replace(
                    "timeline:\n",
                    "timeline:\n  - {at: 1s, name: down, action: kill, target: worker0}\n")))
        .containsExactly(
            FILE + ": timeline[1].name: 'down' names an earlier step too; names must be unique");
    assertThat(errors(BASE.replace("variant: mx-roundrobin", "variant: mx-roundrobin\n  port: 26")))
        .containsExactly(
            FILE + ": relay.port: unknown value 26 (did you mean '25'?); one of: 25, 587");
  }

  @Test
  void shouldReadToxicAndSinkFaultParameters() throws ScenarioException {
    String yaml =
        BASE.replace(
            "  - {at: 10s, for: 5s, name: down, action: proxy-down, target: worker1}",
            """
              - {at: 1s, for: 5s, action: toxic, target: all-workers, type: latency,\
             attributes: {latency: 300, jitter: 50}}
              - {at: 2s, for: 5s, action: sink-fault, target: [worker0, worker2],\
             fault: {stage: eod, action: drop-before-250, probability: 0.1}}
            """);
    Scenario s = loader.parse("x", FILE, yaml, Overrides.NONE);
    ToxicFault toxic = (ToxicFault) s.timeline().get(0).action();
    assertThat(toxic.scope().workers()).containsExactly("worker0", "worker1", "worker2");
    assertThat(toxic.stream()).isEqualTo("downstream");
    assertThat(toxic.toxicity()).isEqualTo(1.0);
    assertThat(toxic.attributes())
        .containsExactlyInAnyOrderEntriesOf(Map.of("latency", 300L, "jitter", 50L));
    assertThat(toxic.toxicName()).isEqualTo("step0-latency");
    SinkFault fault = (SinkFault) s.timeline().get(1).action();
    assertThat(fault.scope().name()).isEqualTo("worker0,worker2");
    assertThat(fault.fault())
        .containsEntry("stage", "eod")
        .containsEntry("action", "drop-before-250")
        .containsEntry("probability", 0.1)
        .as("a drop carries no reply code or text (the sink refuses them)")
        .doesNotContainKeys("count", "code", "text", "delayMs");
    String reply = yaml.replace("action: drop-before-250, probability: 0.1", "code: 452, count: 3");
    assertThat(
            ((SinkFault) loader.parse("x", FILE, reply, Overrides.NONE).timeline().get(1).action())
                .fault())
        .as("a reply fault carries its code, the default text and its count")
        .containsEntry("action", "reply")
        .containsEntry("code", 452)
        .containsKey("text")
        .containsEntry("count", 3);
    assertThat(errors(yaml.replace("jitter: 50", "jiter: 50")))
        .containsExactly(
            FILE
                + ": timeline[0].attributes.jiter: not an attribute of toxic 'latency' (did you mean"
                + " 'jitter'? its attributes: latency, jitter)");
  }

  private static List<String> errors(String yaml) {
    ScenarioException e =
        catchThrowableOfType(
            ScenarioException.class, () -> loader.parse("x", FILE, yaml, Overrides.NONE));
    assertThat(e).as("expected the scenario to be refused:\n%s", yaml).isNotNull();
    return e.errors();
  }
}
