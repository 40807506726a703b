package io.relayharness.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.ledger.BodyHash;
import io.relayharness.ledger.SinkArrival;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sink's SMTP dialogue, transcript by transcript, and the ledger record it leaves. */
class SinkSmtpTranscriptTest {

  @TempDir Path dir;
  SinkServer sink;

  @BeforeEach
  void start() throws Exception {
    sink = TestSinks.start(dir);
  }

  @AfterEach
  void stop() {
    sink.close();
  }

  @Test
  void shouldGreetWithTheWorkerHostnameAndAnnouncePipeliningAnd8BitMime() throws Exception {
    try (SmtpTestClient smtp = SmtpTestClient.connect(sink.smtpPort())) {
      smtp.expect("220 worker0.int.example.com ESMTP");
      smtp.send("EHLO relay.example.com");
      String ehlo = smtp.expect("250-worker0.int.example.com");
      assertThat(ehlo.lines().map(l -> l.substring(4)))
          .as("EHLO extensions")
          .contains("PIPELINING", "8BITMIME", "SIZE 52428800");
      smtp.send("QUIT");
      smtp.expect("221");
    }
  }

  @Test
  void shouldRecordOneMessageWithEveryFieldBeforeThe250() throws Exception {
    String body = "line one\r\n.a line with a leading dot\r\nline three\r\n";
    String content = TestSinks.message("h-0001", "4Sx9Yq0m3Nz8RTcM", body);
    try (SmtpTestClient smtp = SmtpTestClient.connect(sink.smtpPort())) {
      smtp.expect("220");
      smtp.send("EHLO relay.example.com");
      smtp.expect("250");
      smtp.send("MAIL FROM:<sender@load.example.com>");
      smtp.expect("250");
      smtp.send("RCPT TO:<archive@archive.example.com>");
      smtp.expect("250");
      smtp.send("RCPT TO:<bcc@archive.example.com>");
      smtp.expect("250");
      smtp.send("DATA");
      smtp.expect("354");
      smtp.sendContent(content);
      smtp.expect("250 2.0.0 Ok: queued as worker0-");
      // the 250 came after the fsync: the record is in the file now, no waiting
      List<SinkArrival> records = TestSinks.records(sink.ledgerFile());
      assertThat(records).as("ledger records right after the 250").hasSize(1);
      SinkArrival a = records.get(0);
      byte[] received = content.getBytes(StandardCharsets.UTF_8);
      assertThat(a.worker()).isEqualTo("worker0");
      assertThat(a.sessionId()).startsWith("worker0-");
      assertThat(a.messageId()).isEqualTo("<h-0001@load.example.com>");
      assertThat(a.harnessId()).isEqualTo("h-0001");
      assertThat(a.relayQueueId())
          .as("queue id from the top, folded Received")
          .isEqualTo("4Sx9Yq0m3Nz8RTcM");
      assertThat(a.mailFrom()).isEqualTo("sender@load.example.com");
      assertThat(a.rcptTo())
          .containsExactly("archive@archive.example.com", "bcc@archive.example.com");
      assertThat(a.sizeBytes()).as("size after dot-unstuffing").isEqualTo(received.length);
      assertThat(a.bodyHash()).isEqualTo(BodyHash.of(received));
      assertThat(a.declaredBodyHash()).as("declared hash matches").isEqualTo(a.bodyHash());
      assertThat(a.arrivalEpochMs())
          .isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(10_000L));
      smtp.send("QUIT");
      smtp.expect("221");
    }
  }

  @Test
  void shouldHandlePipelinedTransactionsAndTheNullSender() throws Exception {
    try (SmtpTestClient smtp = SmtpTestClient.connect(sink.smtpPort())) {
      smtp.expect("220");
      smtp.send("EHLO relay.example.com");
      smtp.expect("250");
      String first = TestSinks.message("h-1", "4ABC123", "one\r\n");
      String second = TestSinks.message("h-2", "4ABC124", "two\r\n");
      // whole groups in one write each: MAIL, RCPT, DATA, then content, dot and the next MAIL
      smtp.sendRaw(
          "MAIL FROM:<>\r\nRCPT TO:<a@archive.example.com>\r\nDATA\r\n"
              .getBytes(StandardCharsets.UTF_8));
      smtp.expect("250");
      smtp.expect("250");
      smtp.expect("354");
      smtp.sendRaw(
          (new String(SmtpTestClient.dataBytes(first), StandardCharsets.UTF_8)
                  + "MAIL FROM:<s@x>\r\nRCPT TO:<b@archive.example.com>\r\nDATA\r\n")
              .getBytes(StandardCharsets.UTF_8));
      smtp.expect("250 2.0.0");
      smtp.expect("250");
      smtp.expect("250");
      smtp.expect("354");
      smtp.sendRaw(
          (new String(SmtpTestClient.dataBytes(second), StandardCharsets.UTF_8) + "QUIT\r\n")
              .getBytes(StandardCharsets.UTF_8));
      smtp.expect("250 2.0.0");
      smtp.expect("221");
    }
    List<SinkArrival> records = TestSinks.records(sink.ledgerFile());
    assertThat(records).extracting(SinkArrival::harnessId).containsExactly("h-1", "h-2");
    assertThat(records).extracting(SinkArrival::relayQueueId).containsExactly("4ABC123", "4ABC124");
    assertThat(records.get(0).mailFrom()).as("null sender").isEmpty();
    assertThat(records.get(0).sessionId()).as("same session").isEqualTo(records.get(1).sessionId());
  }

  @Test
  void shouldRefuseContentOverTheLimitWith552AndStayInStep() throws Exception {
    sink.close();
    sink = SinkServer.start(TestSinks.config(dir).toBuilder().maxMessageBytes(1000).build());
    try (SmtpTestClient smtp = SmtpTestClient.connect(sink.smtpPort())) {
      smtp.expect("220");
      smtp.send("EHLO relay.example.com");
      smtp.expect("250");
      String big = TestSinks.message("h-big", "4BIG", "x".repeat(5000));
      assertThat(smtp.sendMessage("s@x", List.of("a@b"), big)).startsWith("552");
      String small = TestSinks.message("h-small", "4SMALL", "ok");
      assertThat(smtp.sendMessage("s@x", List.of("a@b"), small)).startsWith("250");
    }
    assertThat(TestSinks.records(sink.ledgerFile()))
        .extracting(SinkArrival::harnessId)
        .containsExactly("h-small");
    assertThat(sink.counters().rejected(552)).isEqualTo(1);
  }
}
