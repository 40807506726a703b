package io.relayharness.topology;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.relayharness.relay.RelayAddresses;
import io.relayharness.relay.WorkerAddresses;
import io.relayharness.vocab.SinkDefaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The fault proxy between the relay and the workers: a Toxiproxy API server (the real image, or the
 * project's compatible one) in the relay's network namespace, with one proxy per worker, {@code
 * worker<i>}: {@code 127.0.1.1<i>:2525 -> sink<i>:2525}. Driven through the Toxiproxy Java client.
 * Thread-safe.
 */
public final class FaultProxy {

  /** The Toxiproxy API port inside the namespace. */
  public static final int API_PORT = 8474;

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private final FaultProxyKind kind;
  private final GenericContainer<?> container;
  private final GenericContainer<?> holder;
  private final Map<String, Proxy> proxies = new ConcurrentHashMap<>();
  private volatile ToxiproxyClient client;

  FaultProxy(RunIdentity run, FaultProxyKind kind, String jvmImage, GenericContainer<?> holder) {
    this.kind = kind;
    this.holder = holder;
    GenericContainer<?> c =
        kind == FaultProxyKind.REAL
            ? new GenericContainer<>(DockerImageName.parse(FaultProxyKind.REAL_IMAGE))
                .withCommand("-host=0.0.0.0", "-port=" + API_PORT)
            : new GenericContainer<>(DockerImageName.parse(jvmImage))
                .withCommand(
                    "io.relayharness.faultproxy.FaultProxyMain",
                    "-host=0.0.0.0",
                    "-port=" + API_PORT);
    this.container =
        c.withLabels(run.labels("proxy"))
            .withCreateContainerCmdModifier(cmd -> cmd.withName(run.name("proxy")))
            .withStartupCheckStrategy(FastStarts.running(run.name("proxy")))
            .withStartupAttempts(1);
  }

  /** Starts the server in the holder's namespace; returns when its API answers. */
  void start(StartPhases phases) {
    container.withNetworkMode("container:" + holder.getContainerId());
    phases.run("proxy (container running)", container::start);
    client = new ToxiproxyClient(holder.getHost(), holder.getMappedPort(API_PORT));
    String[] seen = {""};
    Waits.until(
        "the Toxiproxy API (" + kind + ") to answer /version",
        READY_TIMEOUT,
        FastStarts.POLL_MS,
        () -> {
          try {
            seen[0] = client.version();
            return true;
          } catch (IOException | RuntimeException e) {
            seen[0] = e.toString();
            return false;
          }
        },
        () -> seen[0]);
  }

  /** Creates the proxy of each worker, {@code worker<i>} to {@code sink<i>:2525}. */
  void createProxies(int workers) {
    for (int i = 0; i < workers; i++) {
      String name = WorkerAddresses.name(i);
      try {
        proxies.put(
            name,
            client.createProxy(
                name, WorkerAddresses.listen(i), "sink" + i + ":" + SinkDefaults.SMTP_PORT));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create proxy " + name, e);
      }
    }
  }

  /**
   * Creates the proxy of each tier relay's inbound link, {@code relay<k>} on {@code
   * 127.0.2.1<k>:25} to the relay's own {@code 127.0.3.1<k>:25} (both in the holder's namespace).
   */
  void createRelayProxies(int relays) {
    for (int k = 0; k < relays; k++) {
      String name = RelayAddresses.name(k);
      try {
        proxies.put(
            name,
            client.createProxy(
                name,
                RelayAddresses.inbound(k) + ":" + RelayAddresses.PORT,
                RelayAddresses.own(k) + ":" + RelayAddresses.PORT));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create proxy " + name, e);
      }
    }
  }

  void stop() {
    container.stop();
  }

  /** Which server answers the API. */
  public FaultProxyKind kind() {
    return kind;
  }

  /** The Toxiproxy client bound to this run's API. */
  public ToxiproxyClient client() {
    return client;
  }

  /** The proxy in front of {@code worker} (e.g. {@code worker1}). */
  public Proxy proxy(String worker) {
    Proxy proxy = proxies.get(worker);
    if (proxy == null) {
      throw new IllegalArgumentException(
          "no proxy for '" + worker + "'; proxies: " + proxies.keySet());
    }
    return proxy;
  }

  /** Enables or disables the proxy of {@code worker}: disabled refuses connections. */
  public void setEnabled(String worker, boolean enabled) {
    try {
      if (enabled) {
        proxy(worker).enable();
      } else {
        proxy(worker).disable();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot " + (enabled ? "enable" : "disable") + " proxy " + worker, e);
    }
  }
}
