package io.relayharness.load.smtp.client.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.relayharness.load.smtp.client.AuthMechanism;
import io.relayharness.load.smtp.client.PhaseTimings;
import io.relayharness.load.smtp.client.PipeliningMode;
import io.relayharness.load.smtp.client.QueueIds;
import io.relayharness.load.smtp.client.SmtpClientConfig;
import io.relayharness.load.smtp.client.SmtpCredentials;
import io.relayharness.load.smtp.client.SmtpReply;
import io.relayharness.load.smtp.client.SmtpTransaction;
import io.relayharness.load.smtp.client.StartTlsMode;
import io.relayharness.load.smtp.client.TransactionOutcome;
import io.relayharness.load.smtp.client.TransactionResult;
import io.relayharness.vocab.SmtpStage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One SMTP connection and its conversation: set-up (greeting, EHLO, STARTTLS, AUTH), then mail
 * transactions one after another (MAIL, RCPT, DATA, content; pipelined or not), RSET after a
 * refused one, QUIT at the end.
 *
 * <pre>
 *  CONNECTING → GREETING → EHLO ─┬→ STARTTLS → TLS_HANDSHAKE → EHLO ─┐
 *                                └───────────────────────────────────┴→ AUTH_* → IDLE
 *  IDLE → MAIL → RCPT… → DATA → CONTENT → IDLE        (refusal: → RSET → IDLE; 421: closed)
 * </pre>
 *
 * Not thread-safe: every method runs on the channel's event loop, which is also the pool's.
 */
public final class SmtpConnection extends ChannelInboundHandlerAdapter {

  private enum State {
    CONNECTING,
    GREETING,
    EHLO,
    HELO,
    STARTTLS,
    TLS_HANDSHAKE,
    AUTH_PLAIN,
    AUTH_LOGIN,
    AUTH_LOGIN_USER,
    AUTH_LOGIN_PASS,
    IDLE,
    MAIL,
    RCPT,
    DATA,
    CONTENT,
    DISCARD,
    RSET,
    QUIT,
    CLOSED
  }

  private final ConnectionPool pool;
  private final SmtpClientConfig config;
  private final SslContext sslContext;
  private Channel channel;
  private State state = State.CONNECTING;
  private long deadlineNanos;
  private boolean closeNotified;
  private boolean quitWhenIdle;

  private boolean offersPipelining;
  private boolean offersStartTls;
  private final Set<String> authMechanisms = new HashSet<>();
  private boolean tlsActive;
  private int messagesSent;

  private final long connectStartNanos = System.nanoTime();
  private long connectedNanos;
  private long readyNanos;
  private boolean fresh = true;

  private SmtpTransaction tx;
  private boolean txDecided;
  private boolean pipelined;
  private SmtpReply mailRefusal;
  private int rcptIndex;
  private List<String> accepted;
  private SmtpReply firstRefusal;
  private long beginNanos;
  private long envelopeDoneNanos;
  private long dataAcceptedNanos;

  SmtpConnection(ConnectionPool pool, SmtpClientConfig config, SslContext sslContext) {
    this.pool = pool;
    this.config = config;
    this.sslContext = sslContext;
  }

  /** Returns whether the connection waits for work. */
  boolean isIdle() {
    return state == State.IDLE;
  }

  // ---- Netty events ----

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    channel = ctx.channel();
    connectedNanos = System.nanoTime();
    state = State.GREETING;
    expectWithin(config.commandTimeoutMs());
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof SmtpReply reply) {
      onReply(reply);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    abort("connection closed by the server");
    notifyClosed();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    abort(describe(cause));
    ctx.close();
  }

  /** Called when the TCP connect failed. */
  void connectFailed(Throwable cause) {
    abort("connect to " + config.host() + ":" + config.port() + ": " + describe(cause));
    notifyClosed();
  }

  /** Fails the connection when a reply is overdue; called by the pool's sweeper. */
  void checkDeadline(long nowNanos) {
    if (deadlineNanos != 0 && nowNanos - deadlineNanos > 0) {
      deadlineNanos = 0;
      abort("timeout: no reply in " + stageName() + " within " + currentTimeoutMs() + " ms");
      if (channel != null) {
        channel.close();
      }
    }
  }

  /** Sends QUIT when idle, or after the transaction in progress; closes a connection in set-up. */
  void shutdown() {
    quitWhenIdle = true;
    if (state == State.IDLE) {
      quit();
    } else if (tx == null && state != State.QUIT && state != State.CLOSED && channel != null) {
      abort("client closed");
      channel.close();
    }
  }

  // ---- transactions ----

  /** Starts a transaction; the connection must be idle. */
  void begin(SmtpTransaction transaction) {
    tx = transaction;
    txDecided = false;
    mailRefusal = null;
    firstRefusal = null;
    rcptIndex = 0;
    accepted = new ArrayList<>(transaction.rcpts().size());
    beginNanos = System.nanoTime();
    envelopeDoneNanos = 0;
    dataAcceptedNanos = 0;
    pipelined =
        config.pipelining() == PipeliningMode.ON
            || (config.pipelining() == PipeliningMode.AUTO && offersPipelining);
    state = State.MAIL;
    expectWithin(config.commandTimeoutMs());
    ByteBuf out = channel.alloc().buffer(pipelined ? 64 + 48 * transaction.rcpts().size() : 64);
    line(out, "MAIL FROM:<" + transaction.from() + ">");
    if (pipelined) {
      for (String rcpt : transaction.rcpts()) {
        line(out, "RCPT TO:<" + rcpt + ">");
      }
      line(out, "DATA");
    }
    channel.writeAndFlush(out, channel.voidPromise());
  }

  private void onReply(SmtpReply reply) {
    switch (state) {
      case GREETING -> {
        if (reply.isPositive()) {
          sendEhlo();
        } else {
          refuseSetup("greeting", reply);
        }
      }
      case EHLO -> onEhlo(reply);
      case HELO -> {
        if (reply.isPositive()) {
          afterEhlo();
        } else {
          refuseSetup("ehlo", reply);
        }
      }
      case STARTTLS -> onStartTls(reply);
      case AUTH_PLAIN, AUTH_LOGIN_PASS -> {
        if (reply.code() == 235) {
          ready();
        } else {
          refuseSetup("auth", reply);
        }
      }
      case AUTH_LOGIN ->
          authLoginStep(reply, config.credentials().username(), State.AUTH_LOGIN_USER);
      case AUTH_LOGIN_USER ->
          authLoginStep(reply, config.credentials().password(), State.AUTH_LOGIN_PASS);
      case MAIL, RCPT, DATA, CONTENT -> onTransactionReply(reply);
      case DISCARD -> rset();
      case RSET -> {
        if (reply.isPositive()) {
          release();
        } else {
          closeNow();
        }
      }
      case QUIT -> closeNow();
      default -> closeNow(); // unsolicited reply, e.g. 421 idle timeout
    }
  }

  private void onTransactionReply(SmtpReply reply) {
    if (reply.code() == 421) {
      decide(TransactionOutcome.REJECTED, stageName(), reply.code(), reply.asText(), null);
      closeNow();
      return;
    }
    switch (state) {
      case MAIL -> {
        if (!reply.isPositive()) {
          mailRefusal = reply;
          if (!pipelined) {
            refuseTransaction("mail", reply);
            return;
          }
        }
        state = State.RCPT;
        if (!pipelined) {
          sendCommand("RCPT TO:<" + tx.rcpts().get(0) + ">");
        }
      }
      case RCPT -> {
        if (reply.isPositive()) {
          accepted.add(tx.rcpts().get(rcptIndex));
        } else if (firstRefusal == null) {
          firstRefusal = reply;
        }
        rcptIndex++;
        if (rcptIndex < tx.rcpts().size()) {
          if (!pipelined) {
            sendCommand("RCPT TO:<" + tx.rcpts().get(rcptIndex) + ">");
          }
          return;
        }
        envelopeDoneNanos = System.nanoTime();
        state = State.DATA;
        if (!pipelined) {
          if (accepted.isEmpty()) {
            refuseTransaction("rcpt", firstRefusal);
          } else {
            sendCommand("DATA");
          }
        }
      }
      case DATA -> {
        boolean envelopeOk = mailRefusal == null && !accepted.isEmpty();
        if (reply.code() == 354 && envelopeOk) {
          dataAcceptedNanos = System.nanoTime();
          state = State.CONTENT;
          expectWithin(config.dataTimeoutMs());
          channel.writeAndFlush(MailContent.encode(tx.content()), channel.voidPromise());
        } else if (reply.code() == 354) {
          // The server opened DATA with no valid envelope: end it empty, report the refusal.
          SmtpReply refusal = mailRefusal != null ? mailRefusal : firstRefusal;
          decide(
              TransactionOutcome.REJECTED,
              mailRefusal != null ? "mail" : "rcpt",
              refusal.code(),
              refusal.asText(),
              null);
          state = State.DISCARD;
          sendCommand(".");
        } else if (mailRefusal != null) {
          refuseTransaction("mail", mailRefusal);
        } else if (accepted.isEmpty()) {
          refuseTransaction("rcpt", firstRefusal);
        } else {
          refuseTransaction("data", reply);
        }
      }
      case CONTENT -> {
        if (reply.isPositive()) {
          messagesSent++;
          String text = reply.asText();
          TransactionResult result =
              result(TransactionOutcome.ACCEPTED, "eod", reply.code(), text, QueueIds.parse(text));
          SmtpTransaction done = tx;
          release();
          done.complete(result);
        } else {
          refuseTransaction("eod", reply);
        }
      }
      default -> closeNow();
    }
  }

  private void refuseTransaction(String stage, SmtpReply reply) {
    decide(TransactionOutcome.REJECTED, stage, reply.code(), reply.asText(), null);
    rset();
  }

  private void decide(
      TransactionOutcome outcome, String stage, int code, String text, String queueId) {
    if (tx == null || txDecided) {
      return;
    }
    txDecided = true;
    tx.complete(result(outcome, stage, code, text, queueId));
  }

  private TransactionResult result(
      TransactionOutcome outcome, String stage, int code, String text, String queueId) {
    long now = System.nanoTime();
    PhaseTimings timings =
        new PhaseTimings(
            micros(beginNanos - tx.startNanos()),
            fresh ? micros(connectedNanos - connectStartNanos) : -1,
            fresh ? micros(readyNanos - connectedNanos) : -1,
            envelopeDoneNanos == 0 ? -1 : micros(envelopeDoneNanos - beginNanos),
            dataAcceptedNanos == 0 ? -1 : micros(dataAcceptedNanos - envelopeDoneNanos),
            dataAcceptedNanos == 0 ? -1 : micros(now - dataAcceptedNanos));
    fresh = false;
    txDecided = true;
    return new TransactionResult(
        outcome,
        code,
        text,
        stage,
        outcome == TransactionOutcome.ACCEPTED ? accepted : List.of(),
        outcome == TransactionOutcome.ACCEPTED ? firstRefusal : null,
        queueId,
        timings);
  }

  private void release() {
    tx = null;
    state = State.IDLE;
    deadlineNanos = 0;
    if (quitWhenIdle
        || (config.maxMessagesPerConnection() > 0
            && messagesSent >= config.maxMessagesPerConnection())) {
      quit();
    } else {
      pool.released(this);
    }
  }

  private void rset() {
    state = State.RSET;
    sendCommand("RSET");
  }

  private void quit() {
    state = State.QUIT;
    sendCommand("QUIT");
  }

  // ---- set-up ----

  private void sendEhlo() {
    state = State.EHLO;
    offersPipelining = false;
    offersStartTls = false;
    authMechanisms.clear();
    sendCommand("EHLO " + config.heloName());
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
      state = State.HELO;
      sendCommand("HELO " + config.heloName());
    } else {
      refuseSetup("ehlo", reply);
    }
  }

  private void afterEhlo() {
    if (!tlsActive && config.startTls() != StartTlsMode.OFF && sslContext != null) {
      if (offersStartTls) {
        state = State.STARTTLS;
        sendCommand("STARTTLS");
        return;
      }
      if (config.startTls() == StartTlsMode.REQUIRED) {
        failSetup("starttls", "STARTTLS required but the server does not offer it");
        return;
      }
    }
    afterTls();
  }

  private void onStartTls(SmtpReply reply) {
    if (reply.code() != 220) {
      if (config.startTls() == StartTlsMode.REQUIRED) {
        refuseSetup("starttls", reply);
      } else {
        afterTls();
      }
      return;
    }
    state = State.TLS_HANDSHAKE;
    SslHandler ssl = sslContext.newHandler(channel.alloc(), config.host(), config.port());
    channel.pipeline().addFirst("tls", ssl);
    ssl.handshakeFuture()
        .addListener(
            f -> {
              if (f.isSuccess()) {
                tlsActive = true;
                sendEhlo();
              } else if (state == State.TLS_HANDSHAKE) {
                failSetup("starttls", "TLS handshake failed: " + describe(f.cause()));
              }
            });
  }

  private void afterTls() {
    SmtpCredentials credentials = config.credentials();
    if (credentials == null) {
      ready();
      return;
    }
    String mechanism = credentials.mechanism().name();
    if (!authMechanisms.contains(mechanism)) {
      failSetup("auth", "AUTH " + mechanism + " not offered; the server offers " + authMechanisms);
      return;
    }
    if (credentials.mechanism() == AuthMechanism.PLAIN) {
      String token = "\0" + credentials.username() + "\0" + credentials.password();
      state = State.AUTH_PLAIN;
      sendCommand("AUTH PLAIN " + base64(token));
    } else {
      state = State.AUTH_LOGIN;
      sendCommand("AUTH LOGIN");
    }
  }

  private void authLoginStep(SmtpReply reply, String answer, State next) {
    if (reply.code() != 334) {
      refuseSetup("auth", reply);
      return;
    }
    state = next;
    sendCommand(base64(answer));
  }

  private void ready() {
    readyNanos = System.nanoTime();
    state = State.IDLE;
    deadlineNanos = 0;
    if (quitWhenIdle) {
      quit();
    } else {
      pool.ready(this);
    }
  }

  private void refuseSetup(String stage, SmtpReply reply) {
    pool.setupFailed(
        this, setupResult(TransactionOutcome.REJECTED, stage, reply.code(), reply.asText()));
    state = State.CLOSED;
    closeNow();
  }

  private void failSetup(String stage, String reason) {
    pool.setupFailed(this, setupResult(TransactionOutcome.FAILED, stage, 0, reason));
    state = State.CLOSED;
    closeNow();
  }

  private TransactionResult setupResult(
      TransactionOutcome outcome, String stage, int code, String text) {
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
    return new TransactionResult(outcome, code, text, stage, List.of(), null, null, timings);
  }

  // ---- failure and close ----

  /** Decides whatever is pending as FAILED with {@code reason}; idempotent. */
  private void abort(String reason) {
    State was = state;
    state = State.CLOSED;
    deadlineNanos = 0;
    switch (was) {
      case CONNECTING,
          GREETING,
          EHLO,
          HELO,
          STARTTLS,
          TLS_HANDSHAKE,
          AUTH_PLAIN,
          AUTH_LOGIN,
          AUTH_LOGIN_USER,
          AUTH_LOGIN_PASS -> {
        String stage = setupStage(was);
        pool.setupFailed(this, setupResult(TransactionOutcome.FAILED, stage, 0, reason));
      }
      case MAIL, RCPT, DATA, CONTENT -> {
        if (tx != null && !txDecided) {
          String stage = stageOf(was);
          txDecided = true;
          tx.complete(result(TransactionOutcome.FAILED, stage, 0, reason, null));
        }
      }
      default -> {}
    }
  }

  private void closeNow() {
    state = State.CLOSED;
    deadlineNanos = 0;
    if (channel != null) {
      channel.close();
    }
  }

  private void notifyClosed() {
    if (!closeNotified) {
      closeNotified = true;
      pool.closed(this);
    }
  }

  // ---- helpers ----

  private void sendCommand(String command) {
    expectWithin(config.commandTimeoutMs());
    ByteBuf out = channel.alloc().buffer(command.length() + 2);
    line(out, command);
    channel.writeAndFlush(out, channel.voidPromise());
  }

  private static void line(ByteBuf out, String command) {
    out.writeCharSequence(command, StandardCharsets.US_ASCII);
    out.writeByte('\r');
    out.writeByte('\n');
  }

  private void expectWithin(long timeoutMs) {
    deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
  }

  private long currentTimeoutMs() {
    return state == State.CONTENT ? config.dataTimeoutMs() : config.commandTimeoutMs();
  }

  private String stageName() {
    return switch (state) {
      case MAIL, RCPT, DATA, CONTENT -> stageOf(state);
      default -> setupStage(state);
    };
  }

  private static String stageOf(State s) {
    return switch (s) {
      case MAIL -> SmtpStage.MAIL.wireName();
      case RCPT -> SmtpStage.RCPT.wireName();
      case DATA -> SmtpStage.DATA.wireName();
      case CONTENT -> SmtpStage.EOD.wireName();
      default -> s.name().toLowerCase(Locale.ROOT);
    };
  }

  private static String setupStage(State s) {
    return switch (s) {
      case CONNECTING -> SmtpStage.CONNECT.wireName();
      case GREETING -> "greeting";
      case EHLO, HELO -> "ehlo";
      case STARTTLS, TLS_HANDSHAKE -> "starttls";
      case AUTH_PLAIN, AUTH_LOGIN, AUTH_LOGIN_USER, AUTH_LOGIN_PASS -> "auth";
      default -> s.name().toLowerCase(Locale.ROOT);
    };
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static long micros(long nanos) {
    return nanos / 1000;
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
