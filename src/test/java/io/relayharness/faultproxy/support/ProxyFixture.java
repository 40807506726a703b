package io.relayharness.faultproxy.support;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.relayharness.faultproxy.FaultProxyServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * An in-process fault proxy with a Toxiproxy Java client pointed at it, for tests. Hands out
 * endpoints so no test does port arithmetic. Not thread-safe: one per test.
 */
public final class ProxyFixture implements AutoCloseable {

  private final FaultProxyServer server;
  private final ToxiproxyClient client;

  /** Starts a server on an ephemeral loopback port. */
  public ProxyFixture() throws IOException {
    server = FaultProxyServer.start("127.0.0.1", 0);
    client = new ToxiproxyClient("127.0.0.1", server.apiPort());
    warmUp();
  }

  /**
   * Runs a few round trips through a throw-away proxy with toxics in both directions, so timed
   * tests measure the proxy rather than a cold JVM (class loading, first threads of the pool).
   */
  private void warmUp() throws IOException {
    try (Upstream echo = Upstream.echo()) {
      // A client of its own: ToxiproxyClient.reset() revisits every proxy its client created.
      Proxy warm =
          new ToxiproxyClient("127.0.0.1", server.apiPort())
              .createProxy("fixture-warm-up", "127.0.0.1:0", echo.address());
      warm.toxics().latency("up", eu.rekawek.toxiproxy.model.ToxicDirection.UPSTREAM, 0);
      warm.toxics().latency("down", eu.rekawek.toxiproxy.model.ToxicDirection.DOWNSTREAM, 0);
      try (Socket s = connect(warm)) {
        for (int i = 0; i < 20; i++) {
          s.getOutputStream().write(new byte[64]);
          SocketIo.readExactly(s, 64);
        }
      }
      warm.delete();
    }
  }

  /** The Toxiproxy Java client. */
  public ToxiproxyClient client() {
    return client;
  }

  /** The API's base URL. */
  public String apiUrl() {
    return "http://127.0.0.1:" + server.apiPort();
  }

  /** The server itself. */
  public FaultProxyServer server() {
    return server;
  }

  /** Creates a proxy on an ephemeral loopback port in front of {@code upstream}. */
  public Proxy createProxy(String name, Upstream upstream) throws IOException {
    return client.createProxy(name, "127.0.0.1:0", upstream.address());
  }

  /** The port a proxy listens on (from its {@code listen}). */
  public static int portOf(Proxy proxy) {
    String listen = proxy.getListen();
    return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
  }

  /** Opens a client socket to a proxy, with a 5 s read timeout so no test can hang. */
  public static Socket connect(Proxy proxy) throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.connect(new InetSocketAddress("127.0.0.1", portOf(proxy)), 2_000);
    s.setSoTimeout(5_000);
    return s;
  }

  @Override
  public void close() {
    server.close();
  }
}
