package io.relayharness.load.smtp.client.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslContext;
import io.relayharness.load.smtp.client.PipeliningMode;
import io.relayharness.load.smtp.client.SmtpClientConfig;
import io.relayharness.load.smtp.client.SmtpReply;
import io.relayharness.load.smtp.client.SmtpTransaction;
import io.relayharness.load.smtp.client.TransactionOutcome;
import io.relayharness.load.smtp.client.TransactionResult;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One SMTP connection: routes the server's replies to its {@link SessionSetup} until the connection
 * is ready, then to one {@link MailTransaction} after another; sends RSET after a refused
 * transaction and QUIT at the end; owns the reply deadline and the close.
 *
 * <pre>
 *  SETUP ─(ready)→ IDLE ⇄ TRANSACTION ─(refusal)→ RSET → IDLE;   IDLE → QUIT → CLOSED
 *  any phase ─(421 / timeout / error / server close)→ CLOSED
 * </pre>
 *
 * Not thread-safe: every method runs on the channel's event loop, which is also the pool's.
 */
public final class SmtpConnection extends ChannelInboundHandlerAdapter {

  private enum Phase {
    SETUP,
    IDLE,
    TRANSACTION,
    RSET,
    QUIT,
    CLOSED
  }

  private final ConnectionPool pool;
  private final SmtpClientConfig config;
  private final SessionSetup setup;
  private Channel channel;
  private Phase phase = Phase.SETUP;
  private MailTransaction transaction;
  private long deadlineNanos;
  private boolean closeNotified;
  private boolean quitWhenIdle;
  private boolean fresh = true;
  private int messagesSent;

  SmtpConnection(ConnectionPool pool, SmtpClientConfig config, SslContext sslContext) {
    this.pool = pool;
    this.config = config;
    this.setup = new SessionSetup(this, config, sslContext);
  }

  /** Returns whether the connection waits for work. */
  boolean isIdle() {
    return phase == Phase.IDLE;
  }

  // ---- Netty events ----

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    channel = ctx.channel();
    setup.connected();
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
    if (phase == Phase.IDLE) {
      quit();
    } else if (phase == Phase.SETUP && channel != null) {
      abort("client closed");
      channel.close();
    }
  }

  /** Starts a transaction; the connection must be idle. */
  void begin(SmtpTransaction tx) {
    boolean pipelined =
        config.pipelining() == PipeliningMode.ON
            || (config.pipelining() == PipeliningMode.AUTO && setup.offersPipelining());
    MailTransaction.SetupTimings timings =
        fresh
            ? new MailTransaction.SetupTimings(setup.connectMicros(), setup.setupMicros())
            : MailTransaction.SetupTimings.REUSED;
    fresh = false;
    phase = Phase.TRANSACTION;
    transaction = new MailTransaction(this, config, tx, pipelined, timings);
    transaction.start();
  }

  private void onReply(SmtpReply reply) {
    switch (phase) {
      case SETUP -> setup.onReply(reply);
      case TRANSACTION -> transaction.onReply(reply);
      case RSET -> {
        if (reply.isPositive()) {
          release();
        } else {
          closeNow();
        }
      }
      default -> closeNow(); // QUIT's reply, or an unsolicited one such as a 421 idle timeout
    }
  }

  // ---- called by set-up and transactions ----

  /** Set-up is done: the connection is idle, or quits when the client is closing. */
  void ready() {
    phase = Phase.IDLE;
    deadlineNanos = 0;
    if (quitWhenIdle) {
      quit();
    } else {
      pool.ready(this);
    }
  }

  /** Set-up was refused or failed: the waiting transaction gets {@code result}; closes. */
  void setupEnded(TransactionResult result) {
    pool.setupFailed(this, result);
    closeNow();
  }

  /** Returns whether set-up is still in progress (not ready, not closed). */
  boolean inSetup() {
    return phase == Phase.SETUP;
  }

  /** A message was accepted: counts it and makes the connection idle (or quit) again. */
  void messageSent() {
    messagesSent++;
    release();
  }

  /** Sends RSET after a refused transaction; its positive reply makes the connection idle. */
  void rset() {
    phase = Phase.RSET;
    sendCommand("RSET");
  }

  /** Closes the channel without QUIT. */
  void closeNow() {
    phase = Phase.CLOSED;
    deadlineNanos = 0;
    if (channel != null) {
      channel.close();
    }
  }

  /** Sends one command line and expects its reply within the command timeout. */
  void sendCommand(String command) {
    expectWithin(config.commandTimeoutMs());
    ByteBuf out = channel.alloc().buffer(command.length() + 2);
    line(out, command);
    write(out);
  }

  /** Writes and flushes {@code out} (already encoded). */
  void write(Object out) {
    channel.writeAndFlush(out, channel.voidPromise());
  }

  /** Expects the next reply within {@code timeoutMs}. */
  void expectWithin(long timeoutMs) {
    deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
  }

  /** Returns the channel; set once connected. */
  Channel channel() {
    return channel;
  }

  /** Appends {@code command} and CRLF to {@code out}. */
  static void line(ByteBuf out, String command) {
    out.writeCharSequence(command, StandardCharsets.US_ASCII);
    out.writeByte('\r');
    out.writeByte('\n');
  }

  /** Returns the exception's class and message, for reply texts. */
  static String describe(Throwable cause) {
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  // ---- internals ----

  private void release() {
    transaction = null;
    phase = Phase.IDLE;
    deadlineNanos = 0;
    if (quitWhenIdle
        || (config.maxMessagesPerConnection() > 0
            && messagesSent >= config.maxMessagesPerConnection())) {
      quit();
    } else {
      pool.released(this);
    }
  }

  private void quit() {
    phase = Phase.QUIT;
    sendCommand("QUIT");
  }

  /** Decides whatever is pending as FAILED with {@code reason}; idempotent. */
  private void abort(String reason) {
    Phase was = phase;
    phase = Phase.CLOSED;
    deadlineNanos = 0;
    if (was == Phase.SETUP) {
      pool.setupFailed(this, setup.failure(TransactionOutcome.FAILED, 0, reason));
    } else if (was == Phase.TRANSACTION) {
      transaction.abort(reason);
    }
  }

  private void notifyClosed() {
    if (!closeNotified) {
      closeNotified = true;
      pool.closed(this);
    }
  }

  private long currentTimeoutMs() {
    return phase == Phase.TRANSACTION ? transaction.timeoutMs() : config.commandTimeoutMs();
  }

  private String stageName() {
    return switch (phase) {
      case SETUP -> setup.stage();
      case TRANSACTION -> transaction.stage();
      default -> phase.name().toLowerCase(Locale.ROOT);
    };
  }
}
