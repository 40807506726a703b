package io.relayharness.load.smtp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatling.netty.util.Transports;
import io.netty.channel.EventLoopGroup;
import io.relayharness.load.smtp.ScriptedSmtpServer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client's session set-up and transaction handling, one SMTP conversation per test, against a
 * server that plays a script: the paths a real server rarely takes (HELO fallback, a refused
 * greeting, a pipelined envelope refused before DATA, 421 mid-transaction, a silent server).
 */
class SmtpTranscriptTest {

  private static final byte[] MESSAGE =
      "Subject: t\r\nMessage-ID: <t1@test>\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII);

  private static EventLoopGroup group;

  @BeforeAll
  static void startLoop() {
    group = Transports.newEventLoopGroup(false, false, 1, "smtp-transcript-test");
  }

  @AfterAll
  static void stopLoop() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }

  private static SmtpClientConfig.Builder options(ScriptedSmtpServer server) {
    return SmtpClientConfig.builder()
        .target("127.0.0.1", server.port())
        .heloName("client.example.com")
        .maxConnectionsPerEventLoop(1)
        .connectTimeoutMs(2000)
        .commandTimeoutMs(5000)
        .dataTimeoutMs(5000);
  }

  private static SmtpClient client(SmtpClientConfig config) {
    return new SmtpClient(config, Transports.newSocketChannelFactory(false, false));
  }

  private static TransactionResult send(SmtpClient client) throws Exception {
    CompletableFuture<TransactionResult> done = new CompletableFuture<>();
    client.send(
        group.next(),
        new SmtpTransaction(
            "sender@example.com",
            List.of("journal@archive.example.com"),
            ByteBuffer.wrap(MESSAGE),
            done::complete));
    return done.get(10, TimeUnit.SECONDS);
  }

  /** A server past the greeting and a plain EHLO (no extensions). */
  private static ScriptedSmtpServer greeted() throws Exception {
    return ScriptedSmtpServer.script()
        .send("220 relay.example.com ESMTP")
        .expect("EHLO")
        .send("250 relay.example.com");
  }

  /** {@code server} accepts MAIL and the one RCPT, one command at a time. */
  private static ScriptedSmtpServer envelopeAccepted(ScriptedSmtpServer server) {
    return server.expect("MAIL FROM:").send("250 ok").expect("RCPT TO:").send("250 ok");
  }

  /**
   * Plays {@code script} against a client with the test's options changed by {@code options}: one
   * message, then the client is closed (QUIT if the connection is still up); returns the message's
   * result once the server has played its whole script.
   */
  private static TransactionResult play(
      ScriptedSmtpServer script, UnaryOperator<SmtpClientConfig.Builder> options) throws Exception {
    try (ScriptedSmtpServer server = script.start();
        SmtpClient client = client(options.apply(options(server)).build())) {
      TransactionResult result = send(client);
      client.close(Duration.ofSeconds(5));
      awaitScriptPlayed(server);
      return result;
    }
  }

  /** {@code server} answers the client's RSET, then its QUIT at close. */
  private static ScriptedSmtpServer resetThenQuit(ScriptedSmtpServer server) {
    return server.expect("RSET").send("250 2.0.0 Ok").expect("QUIT").send("221 bye");
  }

  /** Asserts how the message was decided: outcome, deciding code and stage. */
  private static void assertDecided(
      TransactionResult result, TransactionOutcome outcome, int code, String stage) {
    assertThat(result.outcome()).as("outcome (%s)", result.replyText()).isEqualTo(outcome);
    assertThat(result.replyCode()).as("deciding code (%s)", result.replyText()).isEqualTo(code);
    assertThat(result.stage()).as("stage").isEqualTo(stage);
  }

  private static void awaitScriptPlayed(ScriptedSmtpServer server) {
    await("the server's script played to its end (transcript so far: see mismatches)")
        .atMost(Duration.ofSeconds(10))
        .until(() -> server.finished() || !server.mismatches().isEmpty());
    assertThat(server.mismatches()).as("transcript %s", server.transcript()).isEmpty();
  }

  @Test
  void shouldFallBackToHeloWhenEhloIsRefused() throws Exception {
    TransactionResult result =
        play(
            ScriptedSmtpServer.script()
                .send("220 old.example.com ESMTP")
                .expect("EHLO client.example.com")
                .send("502 5.5.1 command not implemented")
                .expect("HELO client.example.com")
                .send("250 old.example.com")
                .expect("MAIL FROM:<sender@example.com>")
                .send("250 ok")
                .expect("RCPT TO:<journal@archive.example.com>")
                .send("250 ok")
                .expect("DATA")
                .send("354 go ahead")
                .expectContent()
                .send("250 2.0.0 Ok: queued as ABC123")
                .expect("QUIT")
                .send("221 bye"),
            o -> o);

    assertThat(result.outcome()).isEqualTo(TransactionOutcome.ACCEPTED);
    assertThat(result.queueId()).isEqualTo("ABC123");
    assertThat(result.timings().connectMicros())
        .as("the first message on a connection reports its set-up")
        .isNotNegative();
  }

  @Test
  void shouldReportARefusedGreetingWithItsCodeAndClose() throws Exception {
    TransactionResult result =
        play(ScriptedSmtpServer.script().send("554 5.3.2 not taking mail").silence(), o -> o);

    assertDecided(result, TransactionOutcome.REJECTED, 554, ClientStage.GREETING.wireName());
  }

  @Test
  void shouldFailAtAuthWhenTheServerDoesNotOfferTheMechanism() throws Exception {
    TransactionResult result =
        play(
            ScriptedSmtpServer.script()
                .send("220 relay.example.com ESMTP")
                .expect("EHLO")
                .send("250-relay.example.com")
                .send("250 AUTH LOGIN")
                .silence(),
            o -> o.credentials(new SmtpCredentials("u", "p", AuthMechanism.PLAIN)));

    assertThat(result.outcome()).isEqualTo(TransactionOutcome.FAILED);
    assertThat(result.stage()).isEqualTo("auth");
    assertThat(result.replyText()).contains("AUTH PLAIN not offered").contains("LOGIN");
  }

  @Test
  void shouldSendRsetAfterARefusedMailFromAndStayUsable() throws Exception {
    TransactionResult result =
        play(
            resetThenQuit(
                greeted()
                    .expect("MAIL FROM:<sender@example.com>")
                    .send("550 5.7.1 sender refused")),
            o -> o.pipelining(PipeliningMode.OFF));

    assertDecided(result, TransactionOutcome.REJECTED, 550, "mail");
  }

  @Test
  void shouldEndAPipelinedDataWithAnEmptyMessageWhenTheEnvelopeWasRefused() throws Exception {
    TransactionResult result =
        play(
            ScriptedSmtpServer.script()
                .send("220 relay.example.com ESMTP")
                .expect("EHLO")
                .send("250-relay.example.com")
                .send("250 PIPELINING")
                .expect("MAIL FROM:<sender@example.com>")
                .expect("RCPT TO:<journal@archive.example.com>")
                .expect("DATA")
                .send("250 2.1.0 Ok")
                .send("550 5.1.1 no such user")
                .send("354 go ahead")
                .expect(".")
                .send("554 5.5.1 no valid recipients")
                .expect("RSET")
                .send("250 2.0.0 Ok")
                .expect("QUIT")
                .send("221 bye"),
            o -> o.pipelining(PipeliningMode.AUTO));

    assertDecided(result, TransactionOutcome.REJECTED, 550, "rcpt"); // the RCPT's, not the 554
  }

  @Test
  void shouldReportARefusedDataCommandAtTheDataStage() throws Exception {
    TransactionResult result =
        play(
            resetThenQuit(envelopeAccepted(greeted()).expect("DATA").send("451 4.3.0 try later")),
            o -> o.pipelining(PipeliningMode.OFF));

    assertDecided(result, TransactionOutcome.REJECTED, 451, "data");
  }

  @Test
  void shouldCloseWithoutRsetOrQuitAfterA421() throws Exception {
    TransactionResult result =
        play(
            greeted()
                .expect("MAIL FROM:")
                .send("250 ok")
                .expect("RCPT TO:")
                .send("421 4.4.2 shutting down")
                .silence(),
            o -> o.pipelining(PipeliningMode.OFF));

    assertDecided(result, TransactionOutcome.REJECTED, 421, "rcpt");
  }

  @Test
  void shouldFailNamingTheStageWhenTheServerHangsUpMidTransaction() throws Exception {
    TransactionResult result =
        play(
            greeted().expect("MAIL FROM:").send("250 ok").expect("RCPT TO:").hangUp(),
            o -> o.pipelining(PipeliningMode.OFF));

    assertDecided(result, TransactionOutcome.FAILED, 0, "rcpt");
    assertThat(result.replyText()).isEqualTo("connection closed by the server");
  }

  @Test
  void shouldTimeOutAfterTheContentWithTheDataTimeout() throws Exception {
    TransactionResult result =
        play(
            envelopeAccepted(greeted())
                .expect("DATA")
                .send("354 go ahead")
                .expectContent()
                .silence(),
            o -> o.pipelining(PipeliningMode.OFF).dataTimeoutMs(1000));

    assertThat(result.outcome()).isEqualTo(TransactionOutcome.FAILED);
    assertThat(result.stage()).isEqualTo("eod");
    assertThat(result.replyText()).isEqualTo("timeout: no reply in eod within 1000 ms");
  }

  @Test
  void shouldQuitOnItsOwnAfterTheMessageCapOfAConnection() throws Exception {
    TransactionResult result =
        play(
            envelopeAccepted(greeted())
                .expect("DATA")
                .send("354 go ahead")
                .expectContent()
                .send("250 2.0.0 Ok: queued as Q1")
                .expect("QUIT")
                .send("221 bye"),
            o -> o.pipelining(PipeliningMode.OFF).maxMessagesPerConnection(1));

    assertThat(result.outcome()).isEqualTo(TransactionOutcome.ACCEPTED);
  }
}
