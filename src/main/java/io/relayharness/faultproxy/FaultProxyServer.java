package io.relayharness.faultproxy;

import com.sun.net.httpserver.HttpServer;
import io.relayharness.faultproxy.internal.ApiError;
import io.relayharness.faultproxy.internal.ApiHandler;
import io.relayharness.faultproxy.internal.ProxyRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Toxiproxy-compatible server (HTTP API and proxies of Toxiproxy 2.12.0) running in this JVM.
 *
 * <pre>
 *   client ──► proxy listener ──► [upstream toxics]   ──► upstream server
 *   client ◄──                ◄── [downstream toxics] ◄──
 *                 ▲
 *   HTTP API (:8474) creates proxies and toxics
 * </pre>
 *
 * <p>Start it with {@link #start(String, int)} (port 0 picks a free port, see {@link #apiPort()}),
 * drive it with any Toxiproxy client, and {@link #close()} it, which stops every proxy and closes
 * every connection. Thread-safe: every method may be called from any thread.
 *
 * <p>Deliberate divergences from the real server (details in {@code package-info.java}): a negative
 * bandwidth {@code rate} and slicer sizes that crash the real server are refused with 400; the
 * upstream is dialled off the accept thread with a timeout ({@link #DEFAULT_DIAL_TIMEOUT_MS}); no
 * {@code /metrics} and no 25 s handler limit; response header names are spelled as the JDK's HTTP
 * server spells them ({@code X-toxiproxy-request-id}; HTTP header names are case-insensitive).
 */
public final class FaultProxyServer implements AutoCloseable {

  /** The Toxiproxy version this server is compatible with. */
  public static final String TOXIPROXY_VERSION = ApiHandler.VERSION;

  /** Default time allowed to dial an upstream before the client is closed (divergence). */
  public static final int DEFAULT_DIAL_TIMEOUT_MS = 5_000;

  private final HttpServer http;
  private final ExecutorService apiThreads;
  private final ExecutorService linkThreads;
  private final ProxyRegistry registry;

  private FaultProxyServer(
      HttpServer http, ExecutorService apiThreads, ExecutorService linkThreads, ProxyRegistry r) {
    this.http = http;
    this.apiThreads = apiThreads;
    this.linkThreads = linkThreads;
    this.registry = r;
  }

  /** Starts the API on {@code host:port} (port 0 = ephemeral) with the default dial timeout. */
  public static FaultProxyServer start(String host, int port) throws IOException {
    return start(host, port, DEFAULT_DIAL_TIMEOUT_MS);
  }

  /** Starts the API on {@code host:port}; upstream dials give up after {@code dialTimeoutMs}. */
  public static FaultProxyServer start(String host, int port, int dialTimeoutMs)
      throws IOException {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      // Without it, a response written in two segments waits for the client's delayed ACK (40 ms).
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    ExecutorService linkThreads = Executors.newCachedThreadPool(daemon("faultproxy-link", 512));
    ExecutorService apiThreads = Executors.newCachedThreadPool(daemon("faultproxy-api", 0));
    ProxyRegistry registry = new ProxyRegistry(linkThreads, dialTimeoutMs);
    HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 1024);
    http.createContext("/", new ApiHandler(registry));
    http.setExecutor(apiThreads);
    http.start();
    return new FaultProxyServer(http, apiThreads, linkThreads, registry);
  }

  private static ThreadFactory daemon(String prefix, int stackKb) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(null, r, prefix + "-" + n.incrementAndGet(), stackKb * 1024L);
      t.setDaemon(true);
      return t;
    };
  }

  /** The API's bound port. */
  public int apiPort() {
    return http.getAddress().getPort();
  }

  /** The API's host as given at start. */
  public String apiHost() {
    return http.getAddress().getHostString();
  }

  /**
   * Creates or replaces proxies from a JSON array in the {@code /populate} format (what {@code
   * -config} loads); returns the number of proxies done, throws with the server's error text.
   */
  public int populate(byte[] json) {
    try {
      ProxyRegistry.PopulateResult result = registry.populate(json);
      if (result.error() != null) {
        throw new IllegalArgumentException(result.error().getMessage());
      }
      return result.proxiesJson().size();
    } catch (ApiError e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Stops the API, every proxy and every connection. Idempotent. */
  @Override
  public void close() {
    http.stop(0);
    registry.stopAll();
    apiThreads.shutdownNow();
    linkThreads.shutdown();
    try {
      linkThreads.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
