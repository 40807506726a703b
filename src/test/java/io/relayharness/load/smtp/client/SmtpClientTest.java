package io.relayharness.load.smtp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatling.netty.util.Transports;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.relayharness.load.smtp.TestSmtpServer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SMTP client against an in-process SubEtha server, without Gatling. */
class SmtpClientTest {

  private static final byte[] MESSAGE =
      ("Subject: test\r\nMessage-ID: <m1@test>\r\n\r\nhello\r\n.leading dot\r\nend\r\n")
          .getBytes(StandardCharsets.US_ASCII);

  private static EventLoopGroup group;
  private static EventLoop loop;

  @BeforeAll
  static void startLoops() {
    group = Transports.newEventLoopGroup(false, false, 2, "smtp-client-test");
    loop = group.next();
  }

  @AfterAll
  static void stopLoops() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }

  private static SmtpClientConfig config(int port) {
    return options(port).build();
  }

  private static SmtpClientConfig.Builder options(int port) {
    return SmtpClientConfig.builder()
        .target("127.0.0.1", port)
        .maxConnectionsPerEventLoop(2)
        .connectTimeoutMs(2000)
        .commandTimeoutMs(5000)
        .dataTimeoutMs(5000);
  }

  private static SmtpClient client(SmtpClientConfig config) {
    return new SmtpClient(config, Transports.newSocketChannelFactory(false, false));
  }

  private static CompletableFuture<TransactionResult> send(
      SmtpClient client, EventLoop loop, List<String> rcpts) {
    CompletableFuture<TransactionResult> done = new CompletableFuture<>();
    client.send(
        loop,
        new SmtpTransaction("sender@example.com", rcpts, ByteBuffer.wrap(MESSAGE), done::complete));
    return done;
  }

  private static TransactionResult sendOne(SmtpClient client, String... rcpts) throws Exception {
    return send(client, loop, List.of(rcpts)).get(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldDeliverEveryMessageOverReusedConnections() throws Exception {
    try (TestSmtpServer server = TestSmtpServer.start();
        SmtpClient client = client(config(server.port()))) {
      List<CompletableFuture<TransactionResult>> all = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        all.add(send(client, group.next(), List.of("journal@archive.example.com")));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);

      assertThat(all)
          .allSatisfy(f -> assertThat(f.join().outcome()).isEqualTo(TransactionOutcome.ACCEPTED));
      assertThat(server.receivedCount()).as("messages the server got").isEqualTo(200);
      assertThat(client.connectionsOpened())
          .as("connections opened (cap 2 per loop, 2 loops)")
          .isLessThanOrEqualTo(4);
      assertThat(server.received().get(0).bytes())
          .as("content after dot-unstuffing")
          .containsSubsequence(".leading dot".getBytes(StandardCharsets.US_ASCII));
      assertThat(all.get(0).join().queueId()).startsWith("Q");
    }
  }

  @Test
  void shouldReportRcptRefusalWithItsCodeAndRecoverWithRset() throws Exception {
    for (PipeliningMode mode : PipeliningMode.values()) {
      try (TestSmtpServer server = TestSmtpServer.start();
          SmtpClient client =
              client(
                  options(server.port()).maxConnectionsPerEventLoop(1).pipelining(mode).build())) {
        TransactionResult refused = sendOne(client, "rcpt-451@archive.example.com");
        TransactionResult next = sendOne(client, "ok@archive.example.com");

        assertThat(refused.outcome())
            .as("outcome, pipelining " + mode)
            .isEqualTo(TransactionOutcome.REJECTED);
        assertThat(refused.replyCode()).as("code, pipelining " + mode).isEqualTo(451);
        assertThat(refused.replyText()).startsWith("451 4.3.0");
        assertThat(refused.stage()).isEqualTo("rcpt");
        assertThat(next.outcome())
            .as("next message on the same connection")
            .isEqualTo(TransactionOutcome.ACCEPTED);
        assertThat(client.connectionsOpened()).isEqualTo(1);
      }
    }
  }

  @Test
  void shouldReportEndOfDataRefusalWithItsCode() throws Exception {
    try (TestSmtpServer server = TestSmtpServer.start();
        SmtpClient client = client(config(server.port()))) {
      TransactionResult refused = sendOne(client, "eod-554@archive.example.com");

      assertThat(refused.outcome()).isEqualTo(TransactionOutcome.REJECTED);
      assertThat(refused.replyCode()).isEqualTo(554);
      assertThat(refused.stage()).isEqualTo("eod");
      assertThat(sendOne(client, "ok@archive.example.com").outcome())
          .isEqualTo(TransactionOutcome.ACCEPTED);
    }
  }

  @Test
  void shouldAcceptForRemainingRecipientsWhenOneIsRefused() throws Exception {
    try (TestSmtpServer server = TestSmtpServer.start();
        SmtpClient client = client(config(server.port()))) {
      TransactionResult partial =
          sendOne(client, "a@archive.example.com", "rcpt-550@archive.example.com");

      assertThat(partial.outcome()).isEqualTo(TransactionOutcome.ACCEPTED);
      assertThat(partial.acceptedRcpts()).containsExactly("a@archive.example.com");
      assertThat(partial.firstRefusal().code()).isEqualTo(550);
      assertThat(partial.isClean()).isFalse();
    }
  }

  @Test
  void shouldFailWithoutCodeWhenNothingListens() throws Exception {
    int port;
    try (TestSmtpServer server = TestSmtpServer.start()) {
      port = server.port();
    }
    try (SmtpClient client = client(config(port))) {
      TransactionResult failed = sendOne(client, "a@archive.example.com");

      assertThat(failed.outcome()).isEqualTo(TransactionOutcome.FAILED);
      assertThat(failed.replyCode()).isZero();
      assertThat(failed.stage()).isEqualTo("connect");
    }
  }

  @Test
  void shouldStartTlsAndAuthenticateWithPlainAndLogin() throws Exception {
    try (TestSmtpServer server =
        TestSmtpServer.builder().startTls(true).requireAuth("loader", "s3cret").start()) {
      for (AuthMechanism mechanism : AuthMechanism.values()) {
        for (TlsTrust trust :
            List.of(
                TlsTrust.trustAll(),
                TlsTrust.truststore(
                    Path.of("src/test/resources/tls/test-trust.p12"), "changeit"))) {
          try (SmtpClient client =
              client(
                  secure(
                      server.port(), new SmtpCredentials("loader", "s3cret", mechanism), trust))) {
            TransactionResult result = sendOne(client, "journal@archive.example.com");
            assertThat(result.outcome())
                .as(mechanism + " with " + trust + ": " + result)
                .isEqualTo(TransactionOutcome.ACCEPTED);
          }
        }
      }
      assertThat(server.receivedCount()).isEqualTo(4);
    }
  }

  @Test
  void shouldRejectWith535WhenCredentialsAreWrong() throws Exception {
    try (TestSmtpServer server =
        TestSmtpServer.builder().startTls(true).requireAuth("loader", "s3cret").start()) {
      for (AuthMechanism mechanism : AuthMechanism.values()) {
        try (SmtpClient client =
            client(
                secure(
                    server.port(),
                    new SmtpCredentials("loader", "wrong", mechanism),
                    TlsTrust.trustAll()))) {
          TransactionResult result = sendOne(client, "journal@archive.example.com");

          assertThat(result.outcome()).as(mechanism.name()).isEqualTo(TransactionOutcome.REJECTED);
          assertThat(result.replyCode()).as(mechanism + ": " + result.replyText()).isEqualTo(535);
          assertThat(result.stage()).isEqualTo("auth");
        }
      }
      assertThat(server.receivedCount()).isZero();
    }
  }

  @Test
  void shouldFailWhenStartTlsIsRequiredButNotOffered() throws Exception {
    try (TestSmtpServer server = TestSmtpServer.start();
        SmtpClient client = client(secure(server.port(), null, TlsTrust.trustAll()))) {
      TransactionResult result = sendOne(client, "journal@archive.example.com");

      assertThat(result.outcome()).isEqualTo(TransactionOutcome.FAILED);
      assertThat(result.stage()).isEqualTo("starttls");
      assertThat(result.replyText()).contains("does not offer");
    }
  }

  private static SmtpClientConfig secure(int port, SmtpCredentials credentials, TlsTrust trust) {
    return options(port)
        .maxConnectionsPerEventLoop(1)
        .startTls(StartTlsMode.REQUIRED)
        .tlsTrust(trust)
        .credentials(credentials)
        .build();
  }

  @Test
  void shouldQuitOnClose() throws Exception {
    try (TestSmtpServer server = TestSmtpServer.start()) {
      SmtpClient client = client(config(server.port()));
      sendOne(client, "a@archive.example.com");
      assertThat(server.openConnections()).isEqualTo(1);

      assertThat(client.close(Duration.ofSeconds(5))).as("closed in time").isTrue();
      await("server-side sessions to end after QUIT")
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(() -> assertThat(server.openConnections()).isZero());
    }
  }
}
