package io.relayharness.observe;

import static io.relayharness.observe.Fixtures.T0;
import static io.relayharness.observe.Fixtures.accepted;
import static io.relayharness.observe.Fixtures.arrival;
import static io.relayharness.observe.Fixtures.attempt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.relayharness.ledger.AcceptedMail;
import io.relayharness.ledger.JsonLines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

  @TempDir Path reports;

  private static RunObservations sample() {
    return RunObservations.builder()
        .run(T0, T0 + 60_000)
        .accepted(List.of(accepted("h1", "Q1", T0)))
        .arrivals(List.of(arrival("h1", "worker1", "Q1", T0 + 100)))
        .attempts(List.of(attempt("Q1", T0 + 90, "sent", "worker1", "250 Ok")))
        .warnings(List.of(new RelayWarning(T0 + 5, "Q1", RelayWarning.OTHER, "warning: x")))
        .queueSamples(List.of(new QueueSample(T0, 1, 2, 3, 0, 6, 4)))
        .faults(
            List.of(new FaultEvent(T0 + 1000, T0 + 2000, "proxy-down", "worker0", "", "all-down")))
        .rates(List.of(new RateSample(T0, 10, 9, 1, 0, Map.of("worker0", 3L, "worker1", 6L))))
        .relaySettings(Map.of("minimal_backoff_time", "5s"))
        .build();
  }

  @Test
  void shouldWriteFilesWithTheContractFieldNames() throws Exception {
    RunFolder folder = RunFolder.create(reports, "outage", Instant.ofEpochMilli(T0));
    folder.writeObservations(sample());

    JsonNode attempt =
        JsonLines.MAPPER.readTree(Files.readAllLines(folder.file(RunFolder.ATTEMPTS)).get(0));
    assertThat(fieldNames(attempt))
        .containsExactly(
            "epochMs",
            "queueId",
            "recipient",
            "relay",
            "worker",
            "dsn",
            "status",
            "delaySeconds",
            "delays",
            "detail");
    JsonNode queue =
        JsonLines.MAPPER.readTree(Files.readAllLines(folder.file(RunFolder.QUEUE)).get(0));
    assertThat(fieldNames(queue))
        .as("no derived inFlight field")
        .containsExactly(
            "epochMs", "incoming", "active", "deferred", "hold", "total", "oldestAgeSeconds");
    JsonNode timeline =
        JsonLines.MAPPER.readTree(Files.readAllLines(folder.file(RunFolder.TIMELINE)).get(0));
    assertThat(fieldNames(timeline))
        .containsExactly(
            "harnessId",
            "messageId",
            "queueId",
            "acceptEpochMs",
            "outcome",
            "attempts",
            "arrivals",
            "endToEndMs");
    assertThat(fieldNames(timeline.get("arrivals").get(0)))
        .containsExactly("worker", "epochMs", "bodyHash");
    JsonNode warning =
        JsonLines.MAPPER.readTree(Files.readAllLines(folder.file(RunFolder.WARNINGS)).get(0));
    assertThat(fieldNames(warning)).containsExactly("epochMs", "queueId", "kind", "line");
    JsonNode rate =
        JsonLines.MAPPER.readTree(Files.readAllLines(folder.file(RunFolder.RATES)).get(0));
    assertThat(fieldNames(rate))
        .containsExactly("epochMs", "offered", "accepted", "rejected", "failed", "delivered");
  }

  @Test
  void shouldReadBackWhatItWroteAndPointLatestAtTheNewestRun() {
    RunFolder first = RunFolder.create(reports, "outage", Instant.ofEpochMilli(T0));
    RunFolder second = RunFolder.create(reports, "outage", Instant.ofEpochMilli(T0));
    RunObservations written = sample();
    second.writeObservations(written);
    second.writeRunInfo(
        new RunInfo(
            "outage",
            "all workers down",
            "default",
            T0,
            T0 + 60_000,
            null,
            Map.of("minimal_backoff_time", "5s", "queue_run_delay", "5s"),
            Map.of("maximal_backoff_time", "4000s"),
            null,
            null));

    assertThat(second.dir().getFileName().toString()).as("same second: suffixed").endsWith("-2");
    assertThat(RunFolder.latest(reports, "outage").dir()).isEqualTo(second.dir());
    assertThat(first.dir()).isNotEqualTo(second.dir());

    RunObservations read = RunFolder.latest(reports, "outage").readObservations();
    assertThat(read.accepted()).isEqualTo(written.accepted());
    assertThat(read.arrivals()).isEqualTo(written.arrivals());
    assertThat(read.attempts()).isEqualTo(written.attempts());
    assertThat(read.warnings()).isEqualTo(written.warnings());
    assertThat(read.queueSamples()).isEqualTo(written.queueSamples());
    assertThat(read.faults()).isEqualTo(written.faults());
    assertThat(read.rates()).isEqualTo(written.rates());
    assertThat(read.timelines()).isEqualTo(written.timelines());
    assertThat(read.windows()).containsEntry("all-down", new TimeWindow(T0 + 1000, T0 + 2000L));
    assertThat(read.relayTimers()).isEqualTo(new RelayTimers(5_000, 4_000_000, 5_000));
  }

  @Test
  void shouldTakeAttemptsAndMessageIdsFromTheRelayLogWhenNoAttemptsFileExists() {
    RunFolder folder = RunFolder.create(reports, "log-only", Instant.ofEpochMilli(T0));
    try (JsonLinesAppender log = folder.appender(RunFolder.RELAY_LOG)) {
      log.appendLine(
          "2026-11-22T10:00:00.010Z Nov 22 10:00:00 relay postfix/cleanup[5]: 4SxZ000000000001: message-id=<h7@load.example.com>");
      log.appendLine(
          "2026-11-22T10:00:00.900Z Nov 22 10:00:00 relay postfix/smtp[6]: 4SxZ000000000001: to=<a@archive.example.com>, relay=worker0.int.example.com[127.0.1.10]:2525, delay=0.9, delays=0/0/0.4/0.5, dsn=2.0.0, status=sent (250 Ok)");
    }
    folder.writeLines(RunFolder.ACCEPTED, List.of(accepted("h7", null, T0)));

    RunObservations read = folder.readObservations();

    assertThat(read.attempts()).hasSize(1);
    assertThat(read.timelines().get(0).queueId()).isEqualTo("4SxZ000000000001");
  }

  @Test
  void shouldParsePostfixTimeUnitsAndDefaults() {
    assertThat(PostfixTime.parse("5s").toMillis()).isEqualTo(5_000);
    assertThat(PostfixTime.parse("1m").toMillis()).isEqualTo(60_000);
    assertThat(PostfixTime.parse("1h").toSeconds()).isEqualTo(3_600);
    assertThat(PostfixTime.parse("3d").toSeconds()).isEqualTo(259_200);
    assertThat(PostfixTime.parse("1w").toDays()).isEqualTo(7);
    assertThat(PostfixTime.parse("300").toSeconds()).isEqualTo(300);
    assertThat(RelayTimers.from(Map.of(), Map.of()))
        .isEqualTo(new RelayTimers(300_000, 4_000_000, 300_000));
    assertThat(RelayTimers.from(Map.of("maximal_backoff_time", "1h"), Map.of()).maximalBackoffMs())
        .isEqualTo(3_600_000);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void shouldGiveRunsStartedTogetherInParallelTheirOwnFolders(
      @org.junit.jupiter.api.io.TempDir Path reports) throws Exception {
    // Seen in mvn verify: three broken relays of one scenario started in the same second.
    java.time.Instant same = java.time.Instant.parse("2026-11-26T04:49:22Z");
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      java.util.List<java.util.concurrent.Future<Path>> made = new java.util.ArrayList<>();
      for (int i = 0; i < 16; i++) {
        made.add(pool.submit(() -> RunFolder.create(reports, "outage", same).dir()));
      }
      java.util.Set<Path> dirs = new java.util.HashSet<>();
      for (java.util.concurrent.Future<Path> f : made) {
        dirs.add(f.get());
      }
      org.assertj.core.api.Assertions.assertThat(dirs).as("one folder per run").hasSize(16);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldSkipALineCutShortByAKillWithANoteWhenReadingLeniently() throws Exception {
    RunFolder folder = RunFolder.create(reports, "killed", Instant.ofEpochMilli(T0));
    folder.writeObservations(sample());
    Files.writeString(
        folder.file(RunFolder.ACCEPTED), "{\"harnessId\":\"h2\",\"mess", StandardOpenOption.APPEND);

    RunContents contents = folder.readContents();

    assertThat(contents.observations().accepted())
        .extracting(AcceptedMail::harnessId)
        .containsExactly("h1");
    assertThat(contents.notes())
        .contains(
            "accepted.jsonl:2 skipped, not JSON",
            "run.json is missing",
            "scenario.yaml is missing");
    assertThat(contents.runInfo()).isNull();
    assertThatThrownBy(folder::readObservations)
        .as("the strict read the verdicts use")
        .hasMessageContaining("accepted.jsonl:2");
  }

  @Test
  void shouldHandTheScenarioOverAsDottedLeaves() {
    RunFolder folder = RunFolder.create(reports, "leaves", Instant.ofEpochMilli(T0));
    folder.writeScenarioYaml("name: x\ntopology:\n  workers: 3\ntimeline:\n  - at: 5s\n");

    assertThat(folder.readContents().scenarioLeaves())
        .containsEntry("topology.workers", "3")
        .containsEntry("timeline[0].at", "5s")
        .containsEntry("name", "x");
  }
}
