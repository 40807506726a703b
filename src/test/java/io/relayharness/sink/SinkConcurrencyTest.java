package io.relayharness.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.ledger.SinkArrival;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Many sessions at once: every 250 has its record, none lost, no torn lines. */
class SinkConcurrencyTest {

  static final int SESSIONS = 20;
  static final int MESSAGES_PER_SESSION = 50;

  @TempDir Path dir;

  @ParameterizedTest(name = "ledgerSync={0} groupCommitMs={1}")
  @CsvSource({"PER_MESSAGE, 0", "GROUP, 0", "GROUP, 1"})
  void shouldRecordEveryAcceptedMessageOnceUnderConcurrentSessions(
      LedgerSync sync, long groupCommitMs) throws Exception {
    List<String> acceptedIds;
    try (SinkServer sink = TestSinks.start(dir, sync, groupCommitMs)) {
      ExecutorService clients = Executors.newFixedThreadPool(SESSIONS);
      List<Future<List<String>>> sessions = new ArrayList<>();
      for (int s = 0; s < SESSIONS; s++) {
        int session = s;
        sessions.add(clients.submit(() -> runSession(sink.smtpPort(), session)));
      }
      acceptedIds = new ArrayList<>();
      for (Future<List<String>> f : sessions) {
        acceptedIds.addAll(f.get(60, TimeUnit.SECONDS));
      }
      clients.shutdown();
      assertThat(sink.counters().accepted()).isEqualTo(SESSIONS * MESSAGES_PER_SESSION);
    }
    byte[] raw = Files.readAllBytes(dir.resolve("ledger.jsonl"));
    assertThat(raw[raw.length - 1]).as("ledger ends with a whole line").isEqualTo((byte) '\n');
    List<SinkArrival> records = TestSinks.records(dir.resolve("ledger.jsonl"));
    assertThat(acceptedIds).hasSize(SESSIONS * MESSAGES_PER_SESSION);
    assertThat(records)
        .as("one record per 250, none lost, none twice")
        .extracting(SinkArrival::harnessId)
        .containsExactlyInAnyOrderElementsOf(acceptedIds);
    assertThat(records).allSatisfy(r -> assertThat(r.bodyHash()).isEqualTo(r.declaredBodyHash()));
    assertThat(new String(raw, StandardCharsets.UTF_8).lines().count()).isEqualTo(records.size());
  }

  private static List<String> runSession(int port, int session) throws Exception {
    List<String> accepted = new ArrayList<>();
    try (SmtpTestClient smtp = SmtpTestClient.connect(port)) {
      smtp.expect("220");
      smtp.send("EHLO relay.example.com");
      smtp.expect("250");
      for (int i = 0; i < MESSAGES_PER_SESSION; i++) {
        String id = "s" + session + "-m" + i;
        String reply =
            smtp.sendMessage(
                "s@load.example.com",
                List.of("archive@archive.example.com"),
                TestSinks.message(
                    id, "4Q" + session + "x" + i, "body of " + id + "\r\n" + "x".repeat(2000)));
        if (reply.startsWith("250")) {
          accepted.add(id);
        }
      }
      smtp.send("QUIT");
      smtp.expect("221");
    }
    return accepted;
  }
}
