package io.relayharness.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.ledger.JsonLines;
import io.relayharness.ledger.SinkArrival;
import io.relayharness.vocab.SmtpStage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SMTP faults posted to {@code /faults}, seen from the client side, transcript style. */
class SinkFaultsTest {

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
  void shouldAnswer451AtRcptForTheNextTwoMessagesThenAccept() throws Exception {
    var posted =
        control.post(
            "/faults",
            "{\"stage\":\"rcpt\",\"code\":451,\"text\":\"4.3.0 try later\",\"count\":2}");
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    try (SmtpTestClient smtp = session()) {
      for (int i = 1; i <= 2; i++) {
        smtp.send("MAIL FROM:<s@load.example.com>");
        smtp.expect("250");
        smtp.send("RCPT TO:<a@archive.example.com>");
        smtp.expect("451 4.3.0 try later");
        smtp.send("RCPT TO:<b@archive.example.com>");
        smtp.expect("451 4.3.0 try later");
        smtp.send("RSET");
        smtp.expect("250");
      }
      String third = TestSinks.message("h-3", "4Q3", "third\r\n");
      assertThat(smtp.sendMessage("s@load.example.com", List.of("a@archive.example.com"), third))
          .startsWith("250");
    }
    assertThat(TestSinks.records(sink.ledgerFile()))
        .extracting(SinkArrival::harnessId)
        .containsExactly("h-3");
    assertThat(sink.counters().rejected(451)).as("one 451 per RCPT").isEqualTo(4);
    String faults = control.get("/faults").body();
    assertThat(faults).contains("\"fired\":2", "\"remaining\":0", "\"active\":false");
  }

  @Test
  void shouldAnswer554AtTheEndOfDataAndRecordNothing() throws Exception {
    sink.addFault(
        Fault.reply(SmtpStage.EOD, 554, "5.6.0 content refused").toBuilder().count(1).build());
    try (SmtpTestClient smtp = session()) {
      assertThat(smtp.sendMessage("s@x", List.of("a@b"), TestSinks.message("h-1", "4Q1", "x")))
          .isEqualTo("554 5.6.0 content refused");
      assertThat(smtp.sendMessage("s@x", List.of("a@b"), TestSinks.message("h-2", "4Q2", "y")))
          .as("the next transaction on the same session")
          .startsWith("250");
    }
    assertThat(TestSinks.records(sink.ledgerFile()))
        .extracting(SinkArrival::harnessId)
        .containsExactly("h-2");
    assertThat(sink.counters().rejectedByStage()).containsEntry("eod", 1L);
  }

  @Test
  void shouldFireAProbabilityFaultForAboutThatShareOfMessages() throws Exception {
    sink.addFault(
        Fault.reply(SmtpStage.MAIL, 421, "4.7.0 busy").toBuilder().probability(0.3).build());
    int messages = 200;
    int refused = 0;
    try (SmtpTestClient smtp = session()) {
      // pipelined: every MAIL is followed by RSET, whatever its answer
      smtp.sendRaw("MAIL FROM:<s@x>\r\nRSET\r\n".repeat(messages).getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < messages; i++) {
        if (smtp.reply().startsWith("421")) {
          refused++;
        }
        smtp.expect("250");
      }
    }
    // binomial(200, 0.3): mean 60, sd 6.5; ±30 is more than 4.5 sd
    assertThat(refused)
        .as("refused of %d with p=0.3, expected 60 ± 30", messages)
        .isBetween(30, 90);
  }

  @Test
  void shouldApplyATimeWindowFaultOnlyInsideItsWindow() throws Exception {
    long now = System.currentTimeMillis();
    sink.addFault(
        Fault.reply(SmtpStage.MAIL, 450, "4.2.0 not now").toBuilder()
            .window(now + 60_000, null)
            .build());
    sink.addFault(
        Fault.reply(SmtpStage.MAIL, 451, "4.3.0 window").toBuilder()
            .window(now - 1000, now + 60_000)
            .build());
    sink.addFault(
        Fault.reply(SmtpStage.MAIL, 452, "4.3.1 over").toBuilder().window(null, now - 1).build());
    try (SmtpTestClient smtp = session()) {
      smtp.send("MAIL FROM:<s@x>");
      smtp.expect("451 4.3.0 window");
    }
  }

  @Test
  void shouldCloseTheConnectionWithoutA250ButStillRecordTheDroppedMessage() throws Exception {
    control.post("/faults", "{\"action\":\"drop-before-250\",\"count\":1}");
    try (SmtpTestClient smtp = session()) {
      smtp.send("MAIL FROM:<s@x>");
      smtp.expect("250");
      smtp.send("RCPT TO:<a@archive.example.com>");
      smtp.expect("250");
      smtp.send("DATA");
      smtp.expect("354");
      smtp.sendContent(TestSinks.message("h-dup", "4DUP1", "body\r\n"));
      smtp.expectClosedWithoutReply();
    }
    assertThat(TestSinks.records(sink.ledgerFile()))
        .as("the message did arrive: the ledger has it")
        .extracting(SinkArrival::harnessId)
        .containsExactly("h-dup");
    assertThat(TestSinks.records(sink.droppedLedgerFile()))
        .as("and the dropped ledger says it was never answered")
        .extracting(SinkArrival::harnessId)
        .containsExactly("h-dup");
    String dropped = control.get("/dropped?from=0").body();
    assertThat(JsonLines.parse(dropped, SinkArrival.class)).hasSize(1);
    SinkCounters c = sink.counters();
    assertThat(c.dropped()).isEqualTo(1);
    assertThat(c.accepted()).as("a dropped message is not counted as accepted").isZero();
  }

  @Test
  void shouldDelayTheReplyAtAStage() throws Exception {
    long delayMs = 400;
    control.post("/faults", "{\"stage\":\"eod\",\"delayMs\":" + delayMs + ",\"count\":1}");
    try (SmtpTestClient smtp = session()) {
      long t0 = System.nanoTime();
      assertThat(smtp.sendMessage("s@x", List.of("a@b"), TestSinks.message("h-1", "4Q1", "x")))
          .startsWith("250");
      long tookMs = (System.nanoTime() - t0) / 1_000_000;
      assertThat(tookMs)
          .as(
              "transaction time %d ms, expected >= %d ms (delay) and < %d ms",
              tookMs, delayMs, delayMs + 5000)
          .isBetween(delayMs, delayMs + 5000);
    }
    assertThat(sink.counters().delayed()).isEqualTo(1);
  }

  @Test
  void shouldRefuseAtConnectAndAtData() throws Exception {
    sink.addFault(
        Fault.reply(SmtpStage.CONNECT, 421, "4.3.2 shutting down").toBuilder().count(1).build());
    sink.addFault(
        Fault.reply(SmtpStage.DATA, 451, "4.3.0 no data now").toBuilder().count(1).build());
    try (SmtpTestClient smtp = SmtpTestClient.connect(sink.smtpPort())) {
      smtp.expect("421 4.3.2 shutting down");
      smtp.expectClosedWithoutReply();
    }
    try (SmtpTestClient smtp = session()) {
      smtp.send("MAIL FROM:<s@x>");
      smtp.expect("250");
      smtp.send("RCPT TO:<a@b>");
      smtp.expect("250");
      smtp.send("DATA");
      smtp.expect("451 4.3.0 no data now");
      smtp.send("RSET");
      smtp.expect("250");
      assertThat(smtp.sendMessage("s@x", List.of("a@b"), TestSinks.message("h-1", "4Q1", "x")))
          .startsWith("250");
    }
    assertThat(sink.counters().rejectedByStage())
        .containsEntry("connect", 1L)
        .containsEntry("data", 1L);
  }

  @Test
  void shouldRefuseABadFaultNamingTheKeyAndListAndDeleteFaults() {
    var unknown = control.post("/faults", "{\"stage\":\"rcpt\",\"code\":451,\"cout\":2}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("cout");
    var badCode = control.post("/faults", "{\"stage\":\"rcpt\",\"code\":250}");
    assertThat(badCode.statusCode()).isEqualTo(400);
    assertThat(badCode.body()).contains("code", "250");
    var dropAtRcpt = control.post("/faults", "{\"stage\":\"rcpt\",\"action\":\"drop-before-250\"}");
    assertThat(dropAtRcpt.body()).contains("stage", "eod");
    var two =
        control.post(
            "/faults",
            "[{\"stage\":\"mail\",\"code\":451},{\"id\":\"slow\",\"stage\":\"eod\",\"delayMs\":10}]");
    assertThat(two.statusCode()).isEqualTo(201);
    assertThat(two.body()).contains("\"id\":\"f1\"", "\"id\":\"slow\"", "\"action\":\"delay\"");
    assertThat(control.delete("/faults/slow").statusCode()).isEqualTo(204);
    assertThat(control.delete("/faults/slow").statusCode()).isEqualTo(404);
    assertThat(control.get("/faults").body()).contains("f1").doesNotContain("slow");
    assertThat(control.delete("/faults").body()).isEqualTo("{\"removed\":1}");
    assertThat(control.get("/faults").body()).isEqualTo("[]");
  }

  private SmtpTestClient session() throws Exception {
    SmtpTestClient smtp = SmtpTestClient.connect(sink.smtpPort());
    smtp.expect("220");
    smtp.send("EHLO relay.example.com");
    smtp.expect("250");
    return smtp;
  }
}
