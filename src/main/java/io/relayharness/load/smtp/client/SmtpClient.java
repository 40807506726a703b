package io.relayharness.load.smtp.client;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.relayharness.load.smtp.client.internal.ConnectionPool;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;

/**
 * An asynchronous SMTP client: one connection pool per Netty event loop, each capped at {@link
 * SmtpClientConfig#maxConnectionsPerEventLoop()}, connections reused across messages. Callers hand
 * it transactions with the event loop they run on; results come back on that loop. Thread-safe.
 */
public final class SmtpClient implements AutoCloseable {

  private final SmtpClientConfig config;
  private final ChannelFactory<? extends Channel> channelFactory;
  private final InetSocketAddress address;
  private final SslContext sslContext;
  private final Map<EventLoop, ConnectionPool> pools = new ConcurrentHashMap<>();

  /**
   * @param channelFactory makes channels matching the event loops' transport (NIO, epoll)
   */
  public SmtpClient(SmtpClientConfig config, ChannelFactory<? extends Channel> channelFactory) {
    this.config = config;
    this.channelFactory = channelFactory;
    this.address = new InetSocketAddress(config.host(), config.port());
    this.sslContext = config.startTls() == StartTlsMode.OFF ? null : sslContext(config.tlsTrust());
  }

  /** Returns the settings. */
  public SmtpClientConfig config() {
    return config;
  }

  /** Sends {@code tx} with the pool of {@code loop}; the result is delivered on {@code loop}. */
  public void send(EventLoop loop, SmtpTransaction tx) {
    ConnectionPool pool =
        pools.computeIfAbsent(
            loop, l -> new ConnectionPool(l, channelFactory, address, config, sslContext));
    if (loop.inEventLoop()) {
      pool.acquire(tx);
    } else {
      loop.execute(() -> pool.acquire(tx));
    }
  }

  /** Returns the most connections any one event loop had open at once. */
  public int maxOpenPerEventLoop() {
    int max = 0;
    for (ConnectionPool pool : pools.values()) {
      max = Math.max(max, pool.maxOpen());
    }
    return max;
  }

  /** Returns how many connections were opened in total. */
  public long connectionsOpened() {
    long sum = 0;
    for (ConnectionPool pool : pools.values()) {
      sum += pool.opened();
    }
    return sum;
  }

  /** Returns how many event loops have used the client. */
  public int eventLoopsUsed() {
    return pools.size();
  }

  /**
   * Sends QUIT on every connection and waits up to {@code timeout} for them to close.
   *
   * @return whether every connection closed in time
   */
  public boolean close(Duration timeout) {
    List<ConnectionPool> snapshot = new ArrayList<>(pools.values());
    CountDownLatch done = new CountDownLatch(snapshot.size());
    for (ConnectionPool pool : snapshot) {
      try {
        pool.eventLoop().execute(() -> pool.close().addListener(f -> done.countDown()));
      } catch (RuntimeException rejected) {
        done.countDown(); // the event loop is already shut down: its sockets are gone
      }
    }
    try {
      return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    close(Duration.ofMillis(config.commandTimeoutMs() + 1000));
  }

  private static SslContext sslContext(TlsTrust trust) {
    try {
      SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
      if (trust.trustsAll()) {
        builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
      } else {
        KeyStore store = KeyStore.getInstance(trust.type());
        char[] password = trust.password() == null ? null : trust.password().toCharArray();
        try (InputStream in = Files.newInputStream(trust.truststore())) {
          store.load(in, password);
        }
        TrustManagerFactory tmf =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        builder.trustManager(tmf);
      }
      return builder.build();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot set up TLS trust from " + trust, e);
    }
  }
}
