package io.relayharness.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relayharness.ledger.JsonLines;
import io.relayharness.ledger.SinkArrival;
import io.relayharness.vocab.SmtpStage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP control API: health, incremental ledger reads, counters. */
class SinkHttpTest {

  @TempDir Path dir;
  SinkServer sink;
  ControlClient control;

  @BeforeEach
  void start() throws Exception {
    sink = TestSinks.start(dir);
    control = new ControlClient(sink.httpPort());
  }

  @AfterEach
  void stop() {
    sink.close();
  }

  @Test
  void shouldReportHealthWhileSmtpListens() {
    HttpResponse<String> health = control.get("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"up\"", "\"worker\":\"worker0\"");
    assertThat(control.post("/health", "{}").statusCode()).isEqualTo(405);
  }

  @Test
  void shouldServeTheLedgerIncrementallyByByteOffset() throws Exception {
    send(3, "a");
    HttpResponse<String> first = control.get("/ledger?from=0");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
    long next = Long.parseLong(first.headers().firstValue("X-Ledger-Next-Offset").orElseThrow());
    assertThat(JsonLines.parse(first.body(), SinkArrival.class)).hasSize(3);

    HttpResponse<String> nothingNew = control.get("/ledger?from=" + next);
    assertThat(nothingNew.body()).isEmpty();
    assertThat(nothingNew.headers().firstValue("X-Ledger-Next-Offset"))
        .hasValue(String.valueOf(next));

    send(2, "b");
    List<SinkArrival> seen = new ArrayList<>(JsonLines.parse(first.body(), SinkArrival.class));
    long from = next;
    // small pages: each holds whole lines, and the offsets chain
    for (int page = 0; page < 10; page++) {
      HttpResponse<String> r = control.get("/ledger?from=" + from + "&max=300");
      if (r.body().isEmpty()) {
        break;
      }
      seen.addAll(JsonLines.parse(r.body(), SinkArrival.class));
      from = Long.parseLong(r.headers().firstValue("X-Ledger-Next-Offset").orElseThrow());
    }
    assertThat(seen)
        .extracting(SinkArrival::harnessId)
        .containsExactly("a-0", "a-1", "a-2", "b-0", "b-1");
    assertThat(control.get("/ledger?from=7").statusCode()).as("not a line start").isEqualTo(400);
    assertThat(control.get("/ledger?from=x").statusCode()).isEqualTo(400);
  }

  @Test
  void shouldCountAcceptedRejectedAndSessions() throws Exception {
    sink.addFault(Fault.reply(SmtpStage.EOD, 451, "4.3.0 later").toBuilder().count(1).build());
    send(3, "c");
    SinkCounters c =
        JsonLines.MAPPER.readValue(control.get("/counters").body(), SinkCounters.class);
    assertThat(c.worker()).isEqualTo("worker0");
    assertThat(c.accepted()).isEqualTo(2);
    assertThat(c.rejected()).containsEntry("451", 1L);
    assertThat(c.rejectedByStage()).containsEntry("eod", 1L);
    assertThat(c.sessionsTotal()).isEqualTo(1);
    assertThat(c.acceptedBytes()).isPositive();
    assertThat(c.ledgerBytes()).isPositive();
    await("sessions open to drop to 0")
        .atMost(java.time.Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> sink.counters().sessionsOpen(), n -> n == 0);
  }

  private void send(int n, String prefix) throws Exception {
    try (SmtpTestClient smtp = SmtpTestClient.connect(sink.smtpPort())) {
      smtp.expect("220");
      smtp.send("EHLO relay.example.com");
      smtp.expect("250");
      for (int i = 0; i < n; i++) {
        smtp.sendMessage(
            "s@x", List.of("a@b"), TestSinks.message(prefix + "-" + i, "4Q" + i, "body " + i));
      }
      smtp.send("QUIT");
      smtp.expect("221");
    }
  }
}
