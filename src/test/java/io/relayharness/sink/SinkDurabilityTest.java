package io.relayharness.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relayharness.sink.internal.HeldForce;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ledger promise on the wire: the 250 to the end of data comes only after an fsync covered the
 * message's ledger record. The ledger's fsyncs are held by the test until it lets them through.
 */
class SinkDurabilityTest {

  /** How long the test listens for a reply that must not come while the fsync is held. */
  static final int NO_REPLY_WINDOW_MS = 300;

  @TempDir Path dir;

  @ParameterizedTest(name = "ledgerSync={0}")
  @EnumSource(LedgerSync.class)
  void shouldAnswer250OnlyAfterAnFsyncCoveredTheRecord(LedgerSync sync) throws Exception {
    HeldForce force = new HeldForce();
    SinkConfig config = TestSinks.config(dir).toBuilder().ledgerSync(sync).build();
    try (SinkServer sink = SinkServer.start(config, force);
        SmtpTestClient smtp = SmtpTestClient.connect(sink.smtpPort())) {
      smtp.expect("220");
      smtp.send("EHLO relay.example.com").expect("250");
      smtp.send("MAIL FROM:<sender@load.example.com>").expect("250");
      smtp.send("RCPT TO:<archive@archive.example.com>").expect("250");
      smtp.send("DATA").expect("354");
      smtp.sendContent(TestSinks.message("h-held", "Q1", "body\r\n"));

      await("the sink's fsync of the new record to start")
          .atMost(Duration.ofSeconds(10))
          .until(() -> force.started().size() == 1);
      long recordEnd = recordsEnd(Files.readAllBytes(sink.ledgerFile()));
      assertThat(recordEnd).as("the record is written before its fsync").isPositive();
      assertThat(smtp.replyArrivesWithin(NO_REPLY_WINDOW_MS))
          .as("a reply to the end of data while the fsync is held")
          .isFalse();

      force.release(1);
      smtp.expect("250 2.0.0 Ok");
      assertThat(force.forcedBytes())
          .as("bytes a finished fsync covered when the 250 came (the record ends at %d)", recordEnd)
          .isGreaterThanOrEqualTo(recordEnd);
      force.release(Integer.MAX_VALUE / 2); // the closing fsyncs
    }
  }

  /** Returns where the records end: at the first zero byte (the preallocated rest), or the end. */
  private static long recordsEnd(byte[] ledger) {
    for (int i = 0; i < ledger.length; i++) {
      if (ledger[i] == 0) {
        return i;
      }
    }
    return ledger.length;
  }
}
