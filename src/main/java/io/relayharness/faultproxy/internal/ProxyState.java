package io.relayharness.faultproxy.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * One proxy (Go's Proxy): a listening socket, an upstream address, its toxics and its live
 * connections. Disabling it closes the listener and every connection; enabling it binds the stored
 * address again; toxics survive both. Thread-safe: start, stop and update are serialized on this
 * object; the accept thread never takes that lock.
 */
final class ProxyState {

  private static final int ACCEPT_BACKLOG = 4096;

  final String name;
  final ToxicChain toxics = new ToxicChain();
  private final Executor threads;
  private final int dialTimeoutMs;
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();

  // Guarded by this (listen/upstream are volatile for the accept thread).
  private volatile String listen;
  private volatile String upstream;
  private boolean enabled;
  private ServerSocketChannel server;
  private Thread acceptThread;

  ProxyState(String name, String listen, String upstream, Executor threads, int dialTimeoutMs) {
    this.name = name;
    this.listen = listen;
    this.upstream = upstream;
    this.threads = threads;
    this.dialTimeoutMs = dialTimeoutMs;
  }

  synchronized String listen() {
    return listen;
  }

  synchronized String upstream() {
    return upstream;
  }

  synchronized boolean enabled() {
    return enabled;
  }

  /** Binds the stored listen address and starts accepting; 500 with Go's text on failure. */
  synchronized void start() throws ApiError {
    if (enabled) {
      return;
    }
    InetSocketAddress address;
    try {
      address = GoAddress.resolve(listen);
    } catch (GoAddress.AddressException e) {
      throw ApiError.internal("listen tcp: " + e.getMessage());
    }
    ServerSocketChannel ch = null;
    try {
      ch = ServerSocketChannel.open();
      ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      ch.bind(address, ACCEPT_BACKLOG);
    } catch (IOException e) {
      Connection.closeQuietly(ch);
      String where =
          address.getAddress() == null || address.getAddress().isAnyLocalAddress()
              ? ":" + address.getPort()
              : GoAddress.ip(address.getAddress()) + ":" + address.getPort();
      throw ApiError.internal("listen tcp " + where + ": bind: " + goErrno(e));
    }
    try {
      listen = GoAddress.formatBound((InetSocketAddress) ch.getLocalAddress());
    } catch (IOException e) {
      Connection.closeQuietly(ch);
      throw ApiError.internal(e.getMessage());
    }
    server = ch;
    enabled = true;
    ServerSocketChannel accepting = ch;
    acceptThread = new Thread(() -> acceptLoop(accepting), "faultproxy-" + name + "-accept");
    acceptThread.setDaemon(true);
    acceptThread.start();
  }

  private static String goErrno(IOException e) {
    String m = e.getMessage() == null ? "error" : e.getMessage();
    return m.isEmpty() ? m : m.substring(0, 1).toLowerCase(Locale.ROOT) + m.substring(1);
  }

  private void acceptLoop(ServerSocketChannel ch) {
    while (true) {
      SocketChannel client;
      try {
        client = ch.accept();
      } catch (IOException e) {
        return; // listener closed: the proxy was stopped
      }
      try {
        client.setOption(StandardSocketOptions.TCP_NODELAY, true);
      } catch (IOException e) {
        Connection.closeQuietly(client);
        continue;
      }
      Connection c = new Connection(this, client, threads);
      connections.add(c);
      if (!ch.isOpen()) {
        c.kill(); // stopped while accepting
        connections.remove(c);
        return;
      }
      String target = upstream;
      threads.execute(() -> c.run(target, dialTimeoutMs));
    }
  }

  /** Closes the listener and every connection (both sides). */
  synchronized void stop() {
    if (!enabled) {
      return;
    }
    enabled = false;
    Connection.closeQuietly(server);
    try {
      acceptThread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server = null;
    acceptThread = null;
    for (Connection c : List.copyOf(connections)) {
      c.kill();
    }
  }

  /**
   * Applies an update (Go's Proxy.Update): a changed listen (compared after resolving) or upstream
   * restarts the proxy, closing its connections; then the enabled flag is applied.
   */
  synchronized void update(String newListen, String newUpstream, boolean newEnabled)
      throws ApiError {
    String resolved;
    try {
      resolved = GoAddress.resolvedString(newListen);
    } catch (GoAddress.AddressException e) {
      throw ApiError.internal(e.getMessage());
    }
    if (!listen.equals(resolved) || !upstream.equals(newUpstream)) {
      stop();
      listen = newListen;
      upstream = newUpstream;
    }
    if (newEnabled != enabled) {
      if (newEnabled) {
        start();
      } else {
        stop();
      }
    }
  }

  /** True when {@code listen} and {@code upstream} describe this proxy (populate's keep rule). */
  synchronized boolean sameAs(String otherListen, String otherUpstream) {
    try {
      return listen.equals(GoAddress.resolvedString(otherListen)) && upstream.equals(otherUpstream);
    } catch (GoAddress.AddressException e) {
      return false;
    }
  }

  void connectionClosed(Connection c) {
    connections.remove(c);
  }

  /** Number of live connections (for tests and diagnostics). */
  int connectionCount() {
    return connections.size();
  }

  /** {@code {"name","listen","upstream","enabled","Logger":{},"toxics":[..]}}. */
  synchronized String toJson() {
    return new GoJsonWriter()
        .beginObject()
        .name("name")
        .value(name)
        .name("listen")
        .value(listen)
        .name("upstream")
        .value(upstream)
        .name("enabled")
        .value(enabled)
        .name("Logger")
        .raw("{}")
        .name("toxics")
        .raw(toxics.toJson())
        .endObject()
        .toString();
  }
}
