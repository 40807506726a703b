package io.relayharness.load.smtp.client.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.ScheduledFuture;
import io.relayharness.load.smtp.client.ClientStage;
import io.relayharness.load.smtp.client.PhaseTimings;
import io.relayharness.load.smtp.client.SmtpClientConfig;
import io.relayharness.load.smtp.client.SmtpTransaction;
import io.relayharness.load.smtp.client.TransactionOutcome;
import io.relayharness.load.smtp.client.TransactionResult;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The connections of one event loop: reuses idle ones, opens new ones up to the cap, and queues
 * transactions that find none free (the queueing counts in their response time). A connection that
 * fails to set up fails the transaction at the head of the queue, so a dead server costs one
 * connection attempt per message and never more than the cap at once.
 *
 * <p>Not thread-safe: every method runs on {@link #eventLoop()}.
 */
public final class ConnectionPool {

  private static final long SWEEP_PERIOD_MS = 50;

  private final EventLoop loop;
  private final SmtpClientConfig config;
  private final SslContext sslContext;
  private final SocketAddress address;
  private final Bootstrap bootstrap;
  private final ArrayDeque<SmtpConnection> idle = new ArrayDeque<>();
  private final ArrayDeque<SmtpTransaction> waiting = new ArrayDeque<>();
  private final List<SmtpConnection> all = new ArrayList<>();
  private final ScheduledFuture<?> sweeper;
  private int open;
  private int connecting;
  private int maxOpen;
  private long opened;
  private boolean closed;
  private Promise<Void> closedPromise;

  /** Creates the pool of {@code loop}; call from any thread. */
  public ConnectionPool(
      EventLoop loop,
      ChannelFactory<? extends Channel> channelFactory,
      SocketAddress address,
      SmtpClientConfig config,
      SslContext sslContext) {
    this.loop = loop;
    this.config = config;
    this.sslContext = sslContext;
    this.address = address;
    this.bootstrap =
        new Bootstrap()
            .group(loop)
            .channelFactory(channelFactory)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeoutMs())
            .option(ChannelOption.TCP_NODELAY, true);
    this.sweeper =
        loop.scheduleAtFixedRate(
            this::sweep, SWEEP_PERIOD_MS, SWEEP_PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  /** Returns the event loop every method must run on. */
  public EventLoop eventLoop() {
    return loop;
  }

  /** Sends {@code tx} on an idle connection, or queues it and opens a connection if allowed. */
  public void acquire(SmtpTransaction tx) {
    if (closed) {
      tx.complete(failure(ClientStage.QUEUE.wireName(), "client closed"));
      return;
    }
    SmtpConnection conn = idle.pollLast();
    if (conn != null) {
      conn.begin(tx);
      return;
    }
    waiting.addLast(tx);
    openIfNeeded();
  }

  /** Returns the most connections this pool had open (or opening) at once. */
  public int maxOpen() {
    return maxOpen;
  }

  /** Returns how many connections this pool opened in total. */
  public long opened() {
    return opened;
  }

  /** Sends QUIT on every connection and completes when all are closed. */
  public Promise<Void> close() {
    if (closedPromise == null) {
      closedPromise = loop.newPromise();
      closed = true;
      while (!waiting.isEmpty()) {
        waiting.pollFirst().complete(failure(ClientStage.QUEUE.wireName(), "client closed"));
      }
      idle.clear();
      for (SmtpConnection conn : new ArrayList<>(all)) {
        conn.shutdown();
      }
      completeCloseIfDone();
    }
    return closedPromise;
  }

  // ---- called by connections ----

  void ready(SmtpConnection conn) {
    connecting--;
    released(conn);
  }

  void released(SmtpConnection conn) {
    SmtpTransaction next = waiting.pollFirst();
    if (next != null) {
      conn.begin(next);
    } else {
      idle.addLast(conn);
    }
  }

  void setupFailed(SmtpConnection conn, TransactionResult result) {
    connecting--;
    SmtpTransaction victim = waiting.pollFirst();
    if (victim != null) {
      victim.complete(result);
    }
  }

  void closed(SmtpConnection conn) {
    open--;
    all.remove(conn);
    idle.remove(conn);
    openIfNeeded();
    completeCloseIfDone();
  }

  // ---- internals ----

  /** Opens a connection when transactions wait that no connection in set-up will take. */
  private void openIfNeeded() {
    if (!closed && open < config.maxConnectionsPerEventLoop() && connecting < waiting.size()) {
      openConnection();
    }
  }

  private void openConnection() {
    SmtpConnection conn = new SmtpConnection(this, config, sslContext);
    open++;
    connecting++;
    opened++;
    maxOpen = Math.max(maxOpen, open);
    all.add(conn);
    bootstrap
        .clone()
        .handler(
            new ChannelInitializer<Channel>() {
              @Override
              protected void initChannel(Channel ch) {
                ch.pipeline().addLast("smtp-reply", new SmtpReplyDecoder());
                ch.pipeline().addLast("smtp", conn);
              }
            })
        .connect(address)
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                conn.connectFailed(f.cause());
              }
            });
  }

  private void sweep() {
    long now = System.nanoTime();
    for (SmtpConnection conn : new ArrayList<>(all)) {
      conn.checkDeadline(now);
    }
    long queueTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(config.queueTimeoutMs());
    while (!waiting.isEmpty() && now - waiting.peekFirst().startNanos() > queueTimeoutNanos) {
      waiting
          .pollFirst()
          .complete(
              failure(
                  ClientStage.QUEUE.wireName(),
                  "no free connection within " + config.queueTimeoutMs() + " ms"));
    }
  }

  private void completeCloseIfDone() {
    if (closed && all.isEmpty() && closedPromise != null && !closedPromise.isDone()) {
      sweeper.cancel(false);
      closedPromise.trySuccess(null);
    }
  }

  private static TransactionResult failure(String stage, String reason) {
    return new TransactionResult(
        TransactionOutcome.FAILED,
        0,
        reason,
        stage,
        List.of(),
        null,
        null,
        new PhaseTimings(-1, -1, -1, -1, -1, -1));
  }
}
