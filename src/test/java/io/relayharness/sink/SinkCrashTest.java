package io.relayharness.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relayharness.ledger.SinkArrival;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's promise across {@code kill -9}: every message answered 250 is in the ledger after a
 * restart, a torn last line is repaired, and new records append. Runs {@link SinkMain} in its own
 * JVM.
 */
class SinkCrashTest {

  static final int ACKED_BEFORE_KILL = 100;
  static final int SENDERS_DURING_KILL = 4;

  @TempDir Path dir;

  @Test
  void shouldKeepEveryAcknowledgedMessageAcrossKill9AndRestart() throws Exception {
    Path ledger = dir.resolve("ledger.jsonl");
    List<String> acked = new CopyOnWriteArrayList<>();
    try (SinkProcess sink = SinkProcess.start(ledger, 0)) {
      send(sink.smtpPort(), "before", ACKED_BEFORE_KILL, acked);
      assertThat(acked).hasSize(ACKED_BEFORE_KILL);

      // senders keep going while the sink is killed: whatever got its 250 must survive
      ExecutorService senders = Executors.newFixedThreadPool(SENDERS_DURING_KILL);
      for (int s = 0; s < SENDERS_DURING_KILL; s++) {
        String prefix = "during" + s;
        senders.submit(
            () -> {
              try {
                send(sink.smtpPort(), prefix, 100_000, acked);
              } catch (IOException expected) {
                // the sink died under us
              }
              return null;
            });
      }
      await("senders to get 50 more messages accepted")
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(20))
          .until(acked::size, n -> n >= ACKED_BEFORE_KILL + 50);
      sink.kill9();
      senders.shutdown();
      assertThat(senders.awaitTermination(20, TimeUnit.SECONDS)).as("senders stopped").isTrue();
    }
    List<String> ackedAtKill = List.copyOf(acked);

    byte[] killed = Files.readAllBytes(ledger);
    int dataEnd = indexOfZero(killed);
    assertThat(dataEnd)
        .as("a killed sink's ledger: its records, then the preallocated zeros")
        .isLessThan(killed.length);
    assertThat(killed[dataEnd - 1]).as("the byte before the zeros").isEqualTo((byte) '\n');

    // a crash in the middle of a write leaves a partial line before the zeros: simulate one
    String torn = "{\"worker\":\"worker0\",\"sessionId\":\"torn";
    try (FileChannel ch = FileChannel.open(ledger, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(torn.getBytes(StandardCharsets.UTF_8)), dataEnd);
    }

    try (SinkProcess again = SinkProcess.start(ledger, 0)) {
      assertThat(again.tornBytes()).as("torn bytes reported at start").isEqualTo(torn.length());
      List<SinkArrival> afterRestart = TestSinks.records(ledger);
      assertThat(afterRestart)
          .as("every message answered 250 before the kill is in the ledger")
          .extracting(SinkArrival::harnessId)
          .containsAll(ackedAtKill);
      List<String> more = new ArrayList<>();
      send(again.smtpPort(), "after", 10, more);
      List<SinkArrival> finalRecords = TestSinks.records(ledger);
      assertThat(finalRecords.subList(afterRestart.size(), finalRecords.size()))
          .as("new records append after the old ones")
          .extracting(SinkArrival::harnessId)
          .containsExactlyElementsOf(more);
      assertThat(again.terminate()).as("exit code after SIGTERM").isZero();
      await("the summary line after SIGTERM")
          .atMost(Duration.ofSeconds(5))
          .pollInterval(Duration.ofMillis(20))
          .until(
              again::output,
              out ->
                  out.stream()
                      .anyMatch(l -> l.contains("sink stopped") && l.contains("accepted=10")));
      byte[] stopped = Files.readAllBytes(ledger);
      assertThat(indexOfZero(stopped))
          .as("a stopped sink's ledger has no zeros after its records")
          .isEqualTo(stopped.length);
    }
  }

  private static int indexOfZero(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return i;
      }
    }
    return bytes.length;
  }

  /**
   * Sends up to {@code n} messages on one session, adding each id answered 250 to {@code acked}.
   */
  private static void send(int port, String prefix, int n, List<String> acked) throws IOException {
    try (SmtpTestClient smtp = SmtpTestClient.connect(port)) {
      smtp.expect("220");
      smtp.send("EHLO relay.example.com");
      smtp.expect("250");
      for (int i = 0; i < n; i++) {
        String id = prefix + "-" + i;
        String reply =
            smtp.sendMessage("s@x", List.of("a@b"), TestSinks.message(id, "4Q" + i, "body " + id));
        if (reply.startsWith("250")) {
          acked.add(id);
        }
      }
    }
  }
}
