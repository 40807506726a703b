package io.relayharness.faultproxy.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.Channel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One accepted client socket and the upstream socket dialled for it, with its two links.
 *
 * <pre>
 *   client ──► [upstream link]   ──► upstream server
 *   client ◄── [downstream link] ◄── upstream server
 * </pre>
 *
 * The upstream is dialled off the accept thread, with a timeout (a documented divergence). If the
 * dial fails, the client socket is closed, so the client sees a connect followed by EOF. Closing
 * either side ends both links. Thread-safe.
 */
final class Connection {

  private final ProxyState proxy;
  final SocketChannel client;
  private final Executor threads;
  private final AtomicInteger finishedLinks = new AtomicInteger();

  // Guarded by this.
  private SocketChannel upstream;
  private Link upLink;
  private Link downLink;
  private boolean killed;

  Connection(ProxyState proxy, SocketChannel client, Executor threads) {
    this.proxy = proxy;
    this.client = client;
    this.threads = threads;
  }

  /** Dials {@code upstreamAddress}, starts both links, then reads the client on this thread. */
  void run(String upstreamAddress, int dialTimeoutMs) {
    Thread.currentThread().setName("faultproxy-" + proxy.name + "-up");
    SocketChannel up = dial(upstreamAddress, dialTimeoutMs);
    if (up == null) {
      kill();
      proxy.connectionClosed(this);
      return;
    }
    Link upstreamLink = new Link(Direction.UPSTREAM, client, up, this, threads);
    Link downstreamLink = new Link(Direction.DOWNSTREAM, up, client, this, threads);
    synchronized (this) {
      if (killed) {
        closeQuietly(up);
        proxy.connectionClosed(this);
        return;
      }
      upstream = up;
      upLink = upstreamLink;
      downLink = downstreamLink;
    }
    proxy.toxics.startLinks(upstreamLink, downstreamLink);
    threads.execute(
        () -> {
          Thread.currentThread().setName("faultproxy-" + proxy.name + "-down");
          downstreamLink.runReader();
        });
    upstreamLink.runReader();
  }

  private static SocketChannel dial(String address, int timeoutMs) {
    GoAddress.HostPort hp;
    InetAddress[] candidates;
    try {
      hp = GoAddress.split(address);
      candidates =
          hp.host().isEmpty()
              ? new InetAddress[] {InetAddress.getLoopbackAddress()}
              : InetAddress.getAllByName(hp.host());
    } catch (GoAddress.AddressException | IOException e) {
      return null;
    }
    for (InetAddress a : candidates) {
      SocketChannel ch = null;
      try {
        ch = SocketChannel.open();
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        ch.socket().connect(new InetSocketAddress(a, hp.port()), timeoutMs);
        return ch;
      } catch (IOException e) {
        closeQuietly(ch);
      }
    }
    return null;
  }

  /** Called once by each link when its stream ended; the second call retires the connection. */
  void linkFinished(Link link) {
    proxy.toxics.unregister(link);
    if (finishedLinks.incrementAndGet() == 2) {
      proxy.connectionClosed(this);
    }
  }

  /** Closes both sockets and stops both links at once. */
  void kill() {
    Link a;
    Link b;
    synchronized (this) {
      killed = true;
      a = upLink;
      b = downLink;
    }
    closeQuietly(client);
    if (a != null) {
      a.kill();
      b.kill();
    }
    SocketChannel up;
    synchronized (this) {
      up = upstream;
    }
    closeQuietly(up);
  }

  static void closeQuietly(Channel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // Nothing more to do with a socket that fails to close.
      }
    }
  }
}
