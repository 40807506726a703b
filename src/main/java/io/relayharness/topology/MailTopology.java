package io.relayharness.topology;

import com.github.dockerjava.api.DockerClient;
import io.relayharness.relay.DnsZone;
import io.relayharness.relay.RelayAddresses;
import io.relayharness.relay.RelayConfig;
import io.relayharness.relay.WorkerAddresses;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.utility.DockerImageName;

/**
 * The whole system under test, started from nothing and torn down without leftovers:
 *
 * <pre>
 *  harness ──SMTP──► holder:25 ┌──────────── shared network namespace (holder) ────────────┐
 *                              │ holder: dnsmasq, workers.int.example.com MX → worker0..n  │
 *                              │ relay : Postfix, variant under test, resolves via dnsmasq │
 *                              │ proxy : Toxiproxy API :8474, 127.0.1.1i:2525 → sink i     │
 *                              └──────────────┬──────────────┬──────────────┬─────────────┘
 *                                      sink0:2525      sink1:2525      sink2:2525  (own containers)
 * </pre>
 *
 * {@link #start()} returns only when every part answers: sinks their health check, the proxy its
 * API, the relay its 220 greeting. Everything carries this run's name and labels (see {@link
 * RunIdentity}); {@link #stop()} and a JVM shutdown hook remove it. Nothing relies on a shared
 * filesystem with the engine, so a remote {@code DOCKER_HOST} works. Start and stop are not
 * thread-safe; the accessors are, once started.
 */
public final class MailTopology implements Startable, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MailTopology.class);

  private final ProjectLayout layout;
  private final RelayConfig relayConfig;
  private final DnsZone zone;
  private final int workers;
  private final RunIdentity run;
  private final Map<String, String> regionByRelay;
  private final Map<String, Integer> preferenceByRelay;
  private final Map<String, List<String>> poolByRelay;
  private final RelayConfig senderConfig;
  private final List<Relay> tierRelays = new CopyOnWriteArrayList<>();
  private volatile Relay sender;

  private Network network;
  private GenericContainer<?> holder;
  private Relay relay;
  private FaultProxy faultProxy;
  private final List<SinkWorker> sinks;
  private Duration startTime;
  private volatile StartPhases startPhases;
  private volatile DnsZone currentZone;

  private MailTopology(Builder b) {
    this.layout = b.layout != null ? b.layout : ProjectLayout.locate();
    this.relayConfig =
        b.configDir != null
            ? RelayConfig.ofDirectory(b.configDir, b.overrides, b.workers, b.loadPort)
            : RelayConfig.of(layout.relayConfigsDir(), b.variant, b.overrides);
    this.workers = b.workers;
    this.regionByRelay = Map.copyOf(b.regionByRelay);
    this.preferenceByRelay = Map.copyOf(b.preferenceByRelay);
    this.poolByRelay = pools(b.poolByRelay, regionByRelay.keySet(), b.workers);
    if (regionByRelay.size() == 1 || regionByRelay.size() > RelayAddresses.MAX_RELAYS) {
      throw new IllegalArgumentException(
          "a relay tier has 2.." + RelayAddresses.MAX_RELAYS + " relays, was " + regionByRelay);
    }
    this.senderConfig =
        isTier() && b.sender
            ? RelayConfig.of(layout.relayConfigsDir(), SENDER_VARIANT, b.senderOverrides)
            : null;
    DnsZone base0 = b.zone != null ? b.zone : DnsZone.equalPreference(b.workers);
    DnsZone base = isTier() ? base0.withRelays(preferenceByRelay) : base0;
    this.zone = relayConfig.operator().map(o -> o.zone(base)).orElse(base);
    this.currentZone = zone;
    this.run = RunIdentity.next();
    if (workers < 1 || workers > WorkerAddresses.MAX_WORKERS) {
      throw new IllegalArgumentException(
          "workers must be 1.." + WorkerAddresses.MAX_WORKERS + ", was " + workers);
    }
    this.sinks = new CopyOnWriteArrayList<>(new SinkWorker[workers]);
  }

  /**
   * Checks the worker pools: none (the relays share every worker), or one non-empty pool per tier
   * relay, of workers the topology has, together covering every worker.
   */
  private static Map<String, List<String>> pools(
      Map<String, List<String>> pools, java.util.Set<String> relays, int workers) {
    if (pools.isEmpty()) {
      return Map.of();
    }
    if (!pools.keySet().equals(relays)) {
      throw new IllegalArgumentException(
          "worker pools must name every relay of the tier " + relays + ", were " + pools.keySet());
    }
    java.util.Set<String> covered = new java.util.TreeSet<>();
    pools.forEach(
        (relay, pool) -> {
          if (pool.isEmpty()) {
            throw new IllegalArgumentException("the worker pool of " + relay + " is empty");
          }
          for (String w : pool) {
            if (WorkerAddresses.indexOf(w) >= workers) {
              throw new IllegalArgumentException(
                  relay + "'s pool names " + w + ", but the topology has " + workers + " workers");
            }
            covered.add(w);
          }
        });
    if (covered.size() != workers) {
      throw new IllegalArgumentException(
          "every worker must be in a pool; the pools "
              + pools
              + " leave some of "
              + workers
              + " out");
    }
    Map<String, List<String>> out = new java.util.TreeMap<>();
    pools.forEach((relay, pool) -> out.put(relay, List.copyOf(pool)));
    return java.util.Collections.unmodifiableMap(out);
  }

  /** The relay config variant of the sending MTA in front of a relay tier. */
  public static final String SENDER_VARIANT = "sender";

  /** Whether this topology has a relay tier (two or more relays) instead of one relay. */
  public boolean isTier() {
    return !regionByRelay.isEmpty();
  }

  /** A builder; the variant defaults to {@code mx-roundrobin} with three workers. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void start() {
    long t0 = System.nanoTime();
    StartPhases phases = new StartPhases();
    startPhases = phases;
    DockerClient docker =
        phases.time(
            "engine, leftovers of dead runs",
            () -> {
              DockerClient d = DockerEngine.client();
              Janitor.reapOrphans(d);
              return d;
            });
    Janitor.track(run.runId());
    log.info(
        "starting run {}: relay variant {}, {} workers",
        run.runId(),
        relayConfig.variant(),
        workers);
    ExecutorService pool = Executors.newCachedThreadPool(STARTER_THREADS);
    List<CompletableFuture<?>> all = new ArrayList<>();
    try {
      // What depends on what: images and network first, then the holder (its namespace) and the
      // sinks in parallel; the relay, the proxy and the DNS check once the holder runs; the
      // proxy's routes once its API answers and the sinks are on the network.
      HarnessImages images = new HarnessImages(layout, docker);
      relayConfig
          .operator()
          .ifPresent(
              o ->
                  log.info(
                      "relay config {}: set by the harness: {}",
                      o.dir(),
                      o.harnessSettings().stream()
                          .map(h -> h.name() + " = " + h.value())
                          .collect(java.util.stream.Collectors.joining("; "))));
      CompletableFuture<String> relayImage =
          async(all, pool, () -> phases.time("image check/build: relay", images::relay));
      CompletableFuture<String> jvmImage =
          async(all, pool, () -> phases.time("image check/build: jvm", images::jvm));
      CompletableFuture<FaultProxyKind> proxyKind =
          async(
              all,
              pool,
              () -> phases.time("fault proxy kind", () -> FaultProxySelector.select(docker)));
      network =
          Network.builder()
              .createNetworkCmdModifier(
                  cmd -> cmd.withName(run.name("net")).withLabels(run.labels("network")))
              .build();
      CompletableFuture<String> networkId =
          async(all, pool, () -> phases.time("network", network::getId));

      List<CompletableFuture<?>> sinkStarts = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        int index = i;
        sinkStarts.add(
            then(
                all,
                pool,
                jvmImage.thenCombine(networkId, (image, net) -> image),
                image -> {
                  SinkWorker sink = new SinkWorker(run, index, image, network);
                  sinks.set(index, sink);
                  phases.run("sink" + index + " (health answers)", () -> sink.start(phases));
                  return null;
                }));
      }
      CompletableFuture<GenericContainer<?>> holderUp =
          then(
              all,
              pool,
              relayImage.thenCombine(networkId, (image, net) -> image),
              image -> {
                holder = holder(image);
                phases.run("holder (running)", holder::start);
                return holder;
              });
      then(
          all,
          pool,
          holderUp,
          h -> {
            phases.run("DNS ready (dnsmasq bound)", () -> awaitDns(h));
            return null;
          });
      if (isTier()) {
        startTier(all, pool, phases, holderUp, relayImage);
      } else {
        then(
            all,
            pool,
            holderUp.thenCombine(relayImage, (h, image) -> image),
            image -> {
              relay = new Relay(run, image, holder, relayConfig);
              phases.run("relay ready (220 banner)", () -> relay.start(phases));
              return null;
            });
      }
      CompletableFuture<FaultProxy> proxyUp =
          then(
              all,
              pool,
              CompletableFuture.allOf(holderUp, jvmImage, proxyKind),
              ignored -> {
                FaultProxy proxy = new FaultProxy(run, proxyKind.join(), jvmImage.join(), holder);
                faultProxy = proxy;
                phases.run("proxy (API answers)", () -> proxy.start(phases));
                return proxy;
              });
      List<CompletableFuture<?>> beforeRoutes = new ArrayList<>(sinkStarts);
      beforeRoutes.add(proxyUp);
      then(
          all,
          pool,
          CompletableFuture.allOf(beforeRoutes.toArray(CompletableFuture[]::new)),
          ignored -> {
            phases.run(
                "proxy routes",
                () -> {
                  faultProxy.createProxies(workers);
                  faultProxy.createRelayProxies(regionByRelay.size());
                });
            return null;
          });
      awaitAll(all);
      startTime = Duration.ofNanos(System.nanoTime() - t0);
      log.info("run {} ready in {} ms", run.runId(), startTime.toMillis());
      log.debug("start phases of run {}:\n{}", run.runId(), phases);
    } catch (RuntimeException e) {
      stop();
      throw e;
    } finally {
      pool.shutdown();
    }
  }

  private static final ThreadFactory STARTER_THREADS =
      r -> {
        Thread t = new Thread(r, "relay-harness-start");
        t.setDaemon(true);
        return t;
      };

  private static <T> CompletableFuture<T> async(
      List<CompletableFuture<?>> all, ExecutorService pool, Supplier<T> step) {
    CompletableFuture<T> f = CompletableFuture.supplyAsync(step, pool);
    all.add(f);
    return f;
  }

  private static <A, T> CompletableFuture<T> then(
      List<CompletableFuture<?>> all,
      ExecutorService pool,
      CompletableFuture<A> after,
      Function<A, T> step) {
    CompletableFuture<T> f = after.thenApplyAsync(step, pool);
    all.add(f);
    return f;
  }

  /**
   * Waits until every step has finished or failed (each is bounded), so nothing is still being
   * created when a failure triggers clean-up; then throws the first failure, in start order.
   */
  private static void awaitAll(List<CompletableFuture<?>> all) {
    try {
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      for (CompletableFuture<?> f : all) {
        if (f.isCompletedExceptionally()) {
          try {
            f.join();
          } catch (CompletionException failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            throw cause instanceof RuntimeException ? (RuntimeException) cause : failed;
          }
        }
      }
      throw e;
    }
  }

  /**
   * Starts the relays of the tier, each on its own address and with its own host name, and the
   * sending MTA on the holder's address (the one the injector's published port reaches); without a
   * sender, relay0 also listens there and takes the load itself.
   */
  private void startTier(
      List<CompletableFuture<?>> all,
      ExecutorService pool,
      StartPhases phases,
      CompletableFuture<GenericContainer<?>> holderUp,
      CompletableFuture<String> relayImage) {
    CompletableFuture<String> holderIp =
        then(
            all,
            pool,
            holderUp,
            h ->
                h.getContainerInfo().getNetworkSettings().getNetworks().values().stream()
                    .map(n -> n.getIpAddress())
                    .filter(ip -> ip != null && !ip.isBlank())
                    .findFirst()
                    .orElseThrow(
                        () -> new IllegalStateException("the holder has no address on the net")));
    List<String> names = new ArrayList<>(regionByRelay.keySet());
    names.sort(null);
    tierRelays.addAll(java.util.Collections.nCopies(names.size(), null));
    for (String name : names) {
      int k = RelayAddresses.indexOf(name);
      then(
          all,
          pool,
          holderIp.thenCombine(relayImage, (ip, image) -> new String[] {ip, image}),
          ipImage -> {
            Map<String, String> own = new LinkedHashMap<>();
            boolean entry = senderConfig == null && k == 0;
            String listen =
                entry ? RelayAddresses.own(k) + "," + ipImage[0] : RelayAddresses.own(k);
            own.put("myhostname", RelayAddresses.hostName(k));
            Relay r =
                new Relay(
                    run, ipImage[1], holder, relayConfig, name, RelayAddresses.own(k), listen, own);
            if (poolByRelay.containsKey(name)) {
              r.nameservers(RelayAddresses.dnsView(k));
            }
            tierRelays.set(names.indexOf(name), r);
            if (entry) {
              relay = r;
            }
            phases.run(name + " ready (220 banner)", () -> r.start(phases));
            return null;
          });
    }
    if (senderConfig != null) {
      then(
          all,
          pool,
          holderIp.thenCombine(relayImage, (ip, image) -> new String[] {ip, image}),
          ipImage -> {
            Map<String, String> own = new LinkedHashMap<>();
            own.put("myhostname", RelayAddresses.SENDER_HOST);
            Relay s =
                new Relay(
                    run, ipImage[1], holder, senderConfig, "sender", ipImage[0], ipImage[0], own);
            sender = s;
            relay = s;
            phases.run("sender ready (220 banner)", () -> s.start(phases));
            return null;
          });
    }
  }

  /** The holder prints "holder: serving" once both dnsmasq instances are bound. */
  private static void awaitDns(GenericContainer<?> holder) {
    String[] logs = {""};
    Waits.until(
        "the holder's dnsmasq instances to serve the zone (log line 'holder: serving')",
        Duration.ofSeconds(20),
        FastStarts.POLL_MS,
        () -> {
          logs[0] = holder.getLogs();
          if (logs[0].contains("holder: serving")) {
            return true;
          }
          if (!holder.isRunning()) {
            throw new IllegalStateException("the holder exited; its output:\n" + logs[0]);
          }
          return false;
        },
        () -> logs[0].isBlank() ? "no output" : logs[0].strip());
  }

  private GenericContainer<?> holder(String relayImage) {
    GenericContainer<?> h = new GenericContainer<>(DockerImageName.parse(relayImage));
    poolByRelay.forEach(
        (relay, pool) ->
            h.withCopyToContainer(Transferable.of(zone.pool(pool).toDnsmasq()), viewFile(relay)));
    return h.withNetwork(network)
        .withNetworkAliases("relay")
        .withLabels(run.labels("holder"))
        .withCreateContainerCmdModifier(
            cmd ->
                cmd.withName(run.name("holder"))
                    .withHostName("relay")
                    .withEntrypoint("/usr/local/bin/holder-entrypoint.sh"))
        .withExposedPorts(Relay.SMTP_PORT, Relay.SUBMISSION_PORT, FaultProxy.API_PORT)
        .withCopyToContainer(Transferable.of(zone.toDnsmasq()), "/etc/relay-harness/zone.conf")
        .withCopyToContainer(Transferable.of(dnsList()), DNS_LIST)
        .withStartupCheckStrategy(FastStarts.running(run.name("holder")))
        .withStartupAttempts(1)
        .waitingFor(FastStarts.noWait());
  }

  /** The holder's list of dnsmasq instances: address and zone file, one a line. */
  private static final String DNS_LIST = "/etc/relay-harness/dns.list";

  /** The zone file of relay {@code relay}'s own view (its worker pool). */
  private static String viewFile(String relay) {
    return "/etc/relay-harness/zone-" + relay + ".conf";
  }

  /**
   * The dnsmasq instances the holder runs: the run's zone on 127.0.0.1 and 127.0.0.2 (the sending
   * MTA and relays that share the workers resolve there), and each relay with its own worker pool
   * its view on its two {@link RelayAddresses#dnsView} addresses.
   */
  private String dnsList() {
    StringBuilder out = new StringBuilder("# address zone-file\n");
    out.append("127.0.0.1 /etc/relay-harness/zone.conf\n");
    out.append("127.0.0.2 /etc/relay-harness/zone.conf\n");
    poolByRelay
        .keySet()
        .forEach(
            relay ->
                RelayAddresses.dnsView(RelayAddresses.indexOf(relay))
                    .forEach(a -> out.append(a).append(' ').append(viewFile(relay)).append('\n')));
    return out.toString();
  }

  /** Copies each pool relay's view of {@code z} into the holder (the list names their files). */
  private void copyViews(GenericContainer<?> h, DnsZone z) {
    poolByRelay.forEach(
        (relay, pool) ->
            h.copyFileToContainer(Transferable.of(z.pool(pool).toDnsmasq()), viewFile(relay)));
  }

  @Override
  public void stop() {
    try {
      Janitor.removeRun(DockerEngine.client(), run.runId());
    } catch (RuntimeException e) {
      log.warn("clean-up of run {} failed: {}", run.runId(), e.getMessage());
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** This run's identity (names and labels of its containers). */
  public RunIdentity run() {
    return run;
  }

  /** How long {@link #start()} took. */
  public Duration startTime() {
    return startTime;
  }

  /** Where {@link #start()} spent its time, phase by phase (also after a failed start). */
  public StartPhases startPhases() {
    return startPhases;
  }

  /** The relay's configuration: variant or operator directory, and overrides. */
  public RelayConfig relayConfig() {
    return relayConfig;
  }

  /**
   * The Postfix the injector submits to: the relay under test, or with a relay tier the sending MTA
   * (relay0 when the tier has no sender).
   */
  public Relay relay() {
    return relay;
  }

  /** The sending MTA in front of the relay tier, if there is one. */
  public java.util.Optional<Relay> sender() {
    return java.util.Optional.ofNullable(sender);
  }

  /** The relays of the tier in name order (empty for today's one-relay topology). */
  public List<Relay> tierRelays() {
    return tierRelays.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableList());
  }

  /** The tier relay {@code name} (e.g. {@code relay1}). */
  public Relay tierRelay(String name) {
    return tierRelays().stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("no relay '" + name + "' in " + regionByRelay));
  }

  /** The region of each tier relay (empty for one relay). */
  public Map<String, String> regions() {
    return regionByRelay;
  }

  /**
   * The worker pool of each tier relay: the workers its own view of the zone lists as MX hosts
   * (empty: every relay shares every worker).
   */
  public Map<String, List<String>> workerPools() {
    return poolByRelay;
  }

  /** The MX preference of each tier relay (empty for one relay). */
  public Map<String, Integer> relayPreferences() {
    return preferenceByRelay;
  }

  /** The fault proxy between relay and workers. */
  public FaultProxy faultProxy() {
    return faultProxy;
  }

  /** The sink worker {@code worker} (e.g. {@code worker0}). */
  public SinkWorker sink(String worker) {
    return sinks.get(WorkerAddresses.indexOf(worker));
  }

  /** All sink workers, in index order (those created so far, before or after a failed start). */
  public List<SinkWorker> sinks() {
    return sinks.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableList());
  }

  /** The run's Docker network (the sinks and the holder are on it). */
  public Network network() {
    return network;
  }

  /** The DNS zone the relay resolves its workers in. */
  public DnsZone zone() {
    return currentZone;
  }

  /**
   * Replaces the DNS zone (e.g. drop a worker from the MX set). The holder's two dnsmasq instances
   * restart one after the other, so the relay always has a DNS server; returns once the relay
   * resolves the new zone.
   */
  public synchronized void setZone(DnsZone changed) {
    // an operator config's own names (its next hops) stay in every zone of the run
    DnsZone newZone = changed.withNamesOf(zone);
    currentZone = newZone;
    try {
      holder.copyFileToContainer(
          Transferable.of(newZone.toDnsmasq()), "/etc/relay-harness/zone.conf");
      copyViews(holder, newZone);
      var reload = holder.execInContainer("/usr/local/bin/zone-reload.sh");
      if (reload.getExitCode() != 0) {
        throw new IllegalStateException("zone reload failed: " + reload.getStderr());
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot change the DNS zone", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted changing the DNS zone", e);
    }
    String probe = DnsZone.hostName(WorkerAddresses.name(0));
    String expected = newZone.addressOf(WorkerAddresses.name(0));
    String[] seen = {""};
    Waits.until(
        "the relay to resolve " + probe + " to " + expected + " from the new zone",
        Duration.ofSeconds(10),
        50,
        () -> {
          try {
            seen[0] = relay.exec("getent", "hosts", probe).trim();
          } catch (RuntimeException e) {
            seen[0] = String.valueOf(e.getMessage());
          }
          return seen[0].startsWith(expected + " ");
        },
        () -> seen[0]);
  }

  /** Builds a {@link MailTopology}. Not thread-safe. */
  public static final class Builder {
    private ProjectLayout layout;
    private String variant = "mx-roundrobin";
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private int workers = 3;
    private DnsZone zone;
    private Path configDir;
    private int loadPort = Relay.SMTP_PORT;
    private final Map<String, String> regionByRelay = new LinkedHashMap<>();
    private final Map<String, Integer> preferenceByRelay = new LinkedHashMap<>();
    private final Map<String, List<String>> poolByRelay = new LinkedHashMap<>();
    private boolean sender = true;
    private final Map<String, String> senderOverrides = new LinkedHashMap<>();

    /**
     * A relay tier instead of one relay: the relays ({@code relay0..}) with their regions and MX
     * preferences for the archive domain. Each runs the relay config under test.
     */
    public Builder relays(Map<String, String> regionByRelay, Map<String, Integer> preferences) {
      this.regionByRelay.putAll(regionByRelay);
      this.preferenceByRelay.putAll(preferences);
      return this;
    }

    /**
     * A worker pool per tier relay: each relay resolves the workers' MX name in its own view of the
     * zone, which lists only its pool (default: none, every relay shares every worker). Every relay
     * of the tier needs a pool, and every worker must be in one; pools may overlap.
     */
    public Builder workerPools(Map<String, List<String>> pools) {
      pools.forEach((relay, pool) -> this.poolByRelay.put(relay, List.copyOf(pool)));
      return this;
    }

    /**
     * Whether a sending MTA (the {@code sender} variant, with these main.cf overrides) takes the
     * load in front of the tier (default yes); without one, the load goes to relay0.
     */
    public Builder sender(boolean sender, Map<String, String> overrides) {
      this.sender = sender;
      this.senderOverrides.putAll(overrides);
      return this;
    }

    /** The project folder (default: located from the working directory). */
    public Builder layout(ProjectLayout layout) {
      this.layout = layout;
      return this;
    }

    /** The relay config variant (a folder under {@code docker/relay/configs/}). */
    public Builder variant(String variant) {
      this.variant = variant;
      return this;
    }

    /**
     * An operator's own relay config directory instead of a variant (see {@link
     * io.relayharness.relay.OperatorConfig}); {@code loadPort} is the port the load connects to
     * (25, or 587), which its master.cf must serve.
     */
    public Builder configDir(Path dir, int loadPort) {
      this.configDir = dir;
      this.loadPort = loadPort;
      return this;
    }

    /** A main.cf setting applied after the variant's, e.g. {@code queue_run_delay = 5s}. */
    public Builder relayOverride(String name, String value) {
      overrides.put(name, value);
      return this;
    }

    /** Several main.cf overrides. */
    public Builder relayOverrides(Map<String, String> settings) {
      overrides.putAll(settings);
      return this;
    }

    /** How many sink workers (default 3). */
    public Builder workers(int workers) {
      this.workers = workers;
      return this;
    }

    /** The DNS zone (default: every worker at MX preference 10). */
    public Builder zone(DnsZone zone) {
      this.zone = zone;
      return this;
    }

    /** The topology; validates the relay config at once. */
    public MailTopology build() {
      return new MailTopology(this);
    }
  }
}
