package io.relayharness.load.smtp.client.internal;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.relayharness.load.smtp.client.AuthMechanism;
import io.relayharness.load.smtp.client.ClientStage;
import io.relayharness.load.smtp.client.PhaseTimings;
import io.relayharness.load.smtp.client.SmtpClientConfig;
import io.relayharness.load.smtp.client.SmtpCredentials;
import io.relayharness.load.smtp.client.SmtpReply;
import io.relayharness.load.smtp.client.StartTlsMode;
import io.relayharness.load.smtp.client.TransactionOutcome;
import io.relayharness.load.smtp.client.TransactionResult;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Brings one new connection to the point where it can send mail: greeting, EHLO (HELO when EHLO is
 * refused), STARTTLS with its second EHLO, AUTH PLAIN or LOGIN; then hands it back as ready.
 *
 * <pre>
 *  CONNECTING → GREETING → EHLO ─┬→ STARTTLS → TLS_HANDSHAKE → EHLO ─┐
 *                   (5xx) → HELO ┴───────────────────────────────────┴→ AUTH_* → done
 * </pre>
 *
 * A refusal (a reply that is not the one expected) ends set-up as REJECTED with its code; a missing
 * capability the config requires ends it as FAILED. Either way the connection closes.
 *
 * <p>Not thread-safe: every method runs on the connection's event loop.
 */
final class SessionSetup {

  private enum Step {
    CONNECTING(ClientStage.CONNECT),
    GREETING(ClientStage.GREETING),
    EHLO(ClientStage.EHLO),
    HELO(ClientStage.EHLO),
    STARTTLS(ClientStage.STARTTLS),
    TLS_HANDSHAKE(ClientStage.STARTTLS),
    AUTH_PLAIN(ClientStage.AUTH),
    AUTH_LOGIN(ClientStage.AUTH),
    AUTH_LOGIN_USER(ClientStage.AUTH),
    AUTH_LOGIN_PASS(ClientStage.AUTH),
    DONE(null);

    final ClientStage stage;

    Step(ClientStage stage) {
      this.stage = stage;
    }
  }

  private final SmtpConnection conn;
  private final SmtpClientConfig config;
  private final SslContext sslContext;
  private Step step = Step.CONNECTING;

  private boolean offersPipelining;
  private boolean offersStartTls;
  private final Set<String> authMechanisms = new HashSet<>();
  private boolean tlsActive;

  private final long connectStartNanos = System.nanoTime();
  private long connectedNanos;
  private long readyNanos;

  SessionSetup(SmtpConnection conn, SmtpClientConfig config, SslContext sslContext) {
    this.conn = conn;
    this.config = config;
    this.sslContext = sslContext;
  }

  /** Returns the stage in progress ({@code ehlo}), or null once set-up is done. */
  String stage() {
    return step.stage == null ? null : step.stage.wireName();
  }

  /** Returns whether the server's last EHLO offered PIPELINING. */
  boolean offersPipelining() {
    return offersPipelining;
  }

  /** Records the TCP connect and waits for the greeting. */
  void connected() {
    connectedNanos = System.nanoTime();
    step = Step.GREETING;
    conn.expectWithin(config.commandTimeoutMs());
  }

  /** Takes the server's reply to the step in progress. */
  void onReply(SmtpReply reply) {
    switch (step) {
      case GREETING -> ifPositive(reply, this::sendEhlo);
      case EHLO -> onEhlo(reply);
      case HELO -> ifPositive(reply, this::afterEhlo);
      case STARTTLS -> onStartTls(reply);
      case AUTH_PLAIN, AUTH_LOGIN_PASS -> {
        if (reply.code() == 235) {
          done();
        } else {
          refuse(reply);
        }
      }
      case AUTH_LOGIN ->
          authLoginStep(reply, config.credentials().username(), Step.AUTH_LOGIN_USER);
      case AUTH_LOGIN_USER ->
          authLoginStep(reply, config.credentials().password(), Step.AUTH_LOGIN_PASS);
      default -> conn.closeNow(); // a reply during the TLS handshake, or after set-up
    }
  }

  /**
   * Returns the result of a set-up that ended at the stage in progress, for the transaction that
   * waited for this connection.
   */
  TransactionResult failure(TransactionOutcome outcome, int code, String text) {
    long now = System.nanoTime();
    PhaseTimings timings =
        new PhaseTimings(
            -1,
            connectedNanos == 0
                ? micros(now - connectStartNanos)
                : micros(connectedNanos - connectStartNanos),
            connectedNanos == 0 ? -1 : micros(now - connectedNanos),
            -1,
            -1,
            -1);
    return new TransactionResult(outcome, code, text, stage(), List.of(), null, null, timings);
  }

  /** Microseconds of the TCP connect. */
  long connectMicros() {
    return micros(connectedNanos - connectStartNanos);
  }

  /** Microseconds from the connect to the end of set-up (greeting, EHLO, STARTTLS, AUTH). */
  long setupMicros() {
    return micros(readyNanos - connectedNanos);
  }

  private void ifPositive(SmtpReply reply, Runnable next) {
    if (reply.isPositive()) {
      next.run();
    } else {
      refuse(reply);
    }
  }

  private void sendEhlo() {
    step = Step.EHLO;
    offersPipelining = false;
    offersStartTls = false;
    authMechanisms.clear();
    conn.sendCommand("EHLO " + config.heloName());
  }

  private void onEhlo(SmtpReply reply) {
    if (reply.isPositive()) {
      List<String> lines = reply.lines();
      for (int i = 1; i < lines.size(); i++) {
        String line = lines.get(i).toUpperCase(Locale.ROOT).trim();
        if (line.equals("PIPELINING")) {
          offersPipelining = true;
        } else if (line.equals("STARTTLS")) {
          offersStartTls = true;
        } else if (line.startsWith("AUTH ") || line.startsWith("AUTH=")) {
          for (String mech : line.substring(5).trim().split("\\s+")) {
            authMechanisms.add(mech);
          }
        }
      }
      afterEhlo();
    } else if (reply.code() >= 500 && reply.code() <= 502) {
      step = Step.HELO;
      conn.sendCommand("HELO " + config.heloName());
    } else {
      refuse(reply);
    }
  }

  private void afterEhlo() {
    if (!tlsActive && config.startTls() != StartTlsMode.OFF && sslContext != null) {
      if (offersStartTls) {
        step = Step.STARTTLS;
        conn.sendCommand("STARTTLS");
        return;
      }
      if (config.startTls() == StartTlsMode.REQUIRED) {
        step = Step.STARTTLS;
        fail("STARTTLS required but the server does not offer it");
        return;
      }
    }
    afterTls();
  }

  private void onStartTls(SmtpReply reply) {
    if (reply.code() != 220) {
      if (config.startTls() == StartTlsMode.REQUIRED) {
        refuse(reply);
      } else {
        afterTls();
      }
      return;
    }
    step = Step.TLS_HANDSHAKE;
    Channel channel = conn.channel();
    SslHandler ssl = sslContext.newHandler(channel.alloc(), config.host(), config.port());
    channel.pipeline().addFirst("tls", ssl);
    ssl.handshakeFuture()
        .addListener(
            f -> {
              if (f.isSuccess()) {
                tlsActive = true;
                sendEhlo();
              } else if (step == Step.TLS_HANDSHAKE && conn.inSetup()) {
                fail("TLS handshake failed: " + SmtpConnection.describe(f.cause()));
              }
            });
  }

  private void afterTls() {
    SmtpCredentials credentials = config.credentials();
    if (credentials == null) {
      done();
      return;
    }
    String mechanism = credentials.mechanism().name();
    if (!authMechanisms.contains(mechanism)) {
      step = Step.AUTH_PLAIN;
      fail("AUTH " + mechanism + " not offered; the server offers " + authMechanisms);
      return;
    }
    if (credentials.mechanism() == AuthMechanism.PLAIN) {
      String token = "\0" + credentials.username() + "\0" + credentials.password();
      step = Step.AUTH_PLAIN;
      conn.sendCommand("AUTH PLAIN " + base64(token));
    } else {
      step = Step.AUTH_LOGIN;
      conn.sendCommand("AUTH LOGIN");
    }
  }

  private void authLoginStep(SmtpReply reply, String answer, Step next) {
    if (reply.code() != 334) {
      refuse(reply);
      return;
    }
    step = next;
    conn.sendCommand(base64(answer));
  }

  private void done() {
    readyNanos = System.nanoTime();
    step = Step.DONE;
    conn.ready();
  }

  private void refuse(SmtpReply reply) {
    conn.setupEnded(failure(TransactionOutcome.REJECTED, reply.code(), reply.asText()));
  }

  private void fail(String reason) {
    conn.setupEnded(failure(TransactionOutcome.FAILED, 0, reason));
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static long micros(long nanos) {
    return nanos / 1000;
  }
}
