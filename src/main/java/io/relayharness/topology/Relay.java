package io.relayharness.topology;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import io.relayharness.relay.OperatorConfig;
import io.relayharness.relay.RelayConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * The Postfix relay under test, in a container that shares the holder's network namespace (so it
 * reaches the workers at 127.0.1.1x and can restart alone). Offers its SMTP endpoints, its queue
 * ({@code postqueue -j}), its log with engine timestamps, its effective settings, and a restart.
 * Thread-safe for reads; do not restart concurrently with itself.
 */
public final class Relay {

  private static final Logger log = LoggerFactory.getLogger(Relay.class);

  /** SMTP port of the relay inside its namespace. */
  public static final int SMTP_PORT = 25;

  /** Submission port (used by variants that enable it). */
  public static final int SUBMISSION_PORT = 587;

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  /** The file whose presence makes a (re)starting relay drop its queue: "disk lost". */
  static final String DISK_LOST_MARKER = "/var/lib/postfix/relay-harness-disk-lost";

  private final GenericContainer<?> container;
  private final GenericContainer<?> holder;
  private final RelayConfig config;
  private final String name;
  private final String listenAddress;

  /**
   * Keeps {@code docker exec} and {@code docker pause}/{@code unpause} apart. An exec whose process
   * is starting while the freezer freezes the container's cgroup hangs: {@code runc init} is frozen
   * half-way, {@code runc exec} waits for it, and the engine then blocks the unpause behind it, so
   * the run never ends. Execs hold the read side for their whole length; pause and unpause take the
   * write side, so they wait for the execs in flight and none start meanwhile.
   */
  private final ReentrantReadWriteLock freezeLock = new ReentrantReadWriteLock();

  /** Whether the container is frozen; an exec then fails at once instead of asking the engine. */
  private volatile boolean paused;

  /** How long pause and unpause wait for the execs in flight to finish. */
  private static final Duration FREEZE_WAIT = Duration.ofSeconds(30);

  Relay(RunIdentity run, String image, GenericContainer<?> holder, RelayConfig config) {
    this(run, image, holder, config, "relay", null, null, Map.of());
  }

  /**
   * A Postfix of a relay tier (a relay or the sending MTA) in the holder's namespace.
   *
   * @param name the container's role and name, e.g. {@code relay1} or {@code sender}
   * @param listenAddress the one address its smtpd binds (its banner is checked there), or null for
   *     the single relay of today's topology (all addresses, checked through the mapped port)
   * @param listen the addresses its smtp service binds, comma-separated ({@code RELAY_LISTEN})
   * @param settings main.cf settings applied after the config's overrides (its name)
   */
  Relay(
      RunIdentity run,
      String image,
      GenericContainer<?> holder,
      RelayConfig config,
      String name,
      String listenAddress,
      String listen,
      Map<String, String> settings) {
    this.holder = holder;
    this.config = config;
    this.name = name;
    this.listenAddress = listenAddress;
    StringBuilder overrides = new StringBuilder(config.overridesFile());
    settings.forEach((k, v) -> overrides.append(k).append(" = ").append(v).append('\n'));
    this.container =
        new GenericContainer<>(DockerImageName.parse(image))
            .withLabels(run.labels(name))
            .withCreateContainerCmdModifier(cmd -> cmd.withName(run.name(name)))
            .withEnv("RELAY_VARIANT", config.variant())
            .withEnv("RELAY_LISTEN", listen == null ? "" : listen)
            .withCopyToContainer(
                Transferable.of(overrides.toString()), "/etc/relay-harness/overrides.cf")
            .withStartupCheckStrategy(FastStarts.running(run.name(name)))
            .withStartupAttempts(1);
    config.operator().ifPresent(this::copyOperatorConfig);
  }

  /**
   * Makes the relay's delivery agents resolve through these name servers (its own view of the zone)
   * instead of the run's zone on 127.0.0.1 and 127.0.0.2; they then run chrooted with their own
   * resolv.conf, since every container of the namespace shares /etc/resolv.conf. Before {@link
   * #start()} only.
   */
  Relay nameservers(List<String> addresses) {
    container.withEnv("RELAY_NAMESERVERS", String.join(" ", addresses));
    return this;
  }

  /** The relay's name in the topology: {@code relay} alone, {@code relay<k>} or {@code sender}. */
  public String name() {
    return name;
  }

  /** An operator's config directory: its files, the copy plan and the harness-owned settings. */
  private void copyOperatorConfig(OperatorConfig operator) {
    container.withEnv("RELAY_CONFIG_DIR", OperatorConfig.CONTAINER_DIR);
    operator
        .containerFiles()
        .forEach(
            (target, file) -> {
              try {
                container.withCopyToContainer(
                    Transferable.of(Files.readAllBytes(file), 0644), target);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + file, e);
              }
            });
    container
        .withCopyToContainer(
            Transferable.of(operator.filePlan()), OperatorConfig.CONTAINER_DIR + "/files.plan")
        .withCopyToContainer(
            Transferable.of(operator.harnessFile()), OperatorConfig.CONTAINER_DIR + "/harness.cf");
  }

  /** Starts the container, then waits for the banner; both are recorded as phases. */
  void start(StartPhases phases) {
    markStart();
    container.withNetworkMode("container:" + holder.getContainerId());
    try {
      phases.run(name + " (container running)", container::start);
    } catch (RuntimeException e) {
      throw new RelayStartException(config.variant(), postfixErrorLines(), e);
    }
    awaitBanner();
  }

  void stop() {
    container.stop();
  }

  /** The relay's configuration (variant and overrides). */
  public RelayConfig config() {
    return config;
  }

  /** Host the relay's SMTP port is reachable on from the harness. */
  public String host() {
    return holder.getHost();
  }

  /** The mapped port of the relay's SMTP service (25 in its namespace). */
  public int smtpPort() {
    return holder.getMappedPort(SMTP_PORT);
  }

  /** The mapped port of the relay's submission service (587 in its namespace). */
  public int submissionPort() {
    return holder.getMappedPort(SUBMISSION_PORT);
  }

  /** The container id. */
  public String containerId() {
    return container.getContainerId();
  }

  /** Returns whether the relay's container is running (Postfix's master is its PID 1). */
  public boolean isRunning() {
    try {
      Boolean running = docker().inspectContainerCmd(containerId()).exec().getState().getRunning();
      return Boolean.TRUE.equals(running);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** {@code postqueue -j}: one JSON object a line, one line per queued message. */
  public String queueJson() {
    return exec("postqueue", "-j");
  }

  /** The relay's log, every line prefixed with the engine's RFC 3339 nanosecond timestamp. */
  public String log() {
    return logSince(0);
  }

  /** The relay's log lines since {@code epochSeconds} (0 = all), with engine timestamps. */
  public String logSince(int epochSeconds) {
    StringBuilder out = new StringBuilder();
    try {
      docker()
          .logContainerCmd(containerId())
          .withStdOut(true)
          .withStdErr(true)
          .withTimestamps(true)
          .withSince(epochSeconds)
          .exec(
              new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                  out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                }
              })
          .awaitCompletion(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return out.toString();
  }

  /** {@code postconf -n}: the settings that differ from Postfix's defaults. */
  public Map<String, String> effectiveSettings() {
    return parsePostconf(exec("postconf", "-n"));
  }

  /** {@code postconf -d NAME...}: Postfix's defaults for the named settings. */
  public Map<String, String> defaults(List<String> names) {
    if (names.isEmpty()) {
      return Map.of();
    }
    String[] cmd = new String[names.size() + 2];
    cmd[0] = "postconf";
    cmd[1] = "-d";
    for (int i = 0; i < names.size(); i++) {
      cmd[i + 2] = names.get(i);
    }
    return parsePostconf(exec(cmd));
  }

  /** Restarts the relay container (its queue survives); returns when it greets again. */
  public void restart() {
    markStart();
    docker().restartContainerCmd(containerId()).withTimeout(10).exec();
    awaitBanner();
  }

  /** {@code docker kill}: Postfix dies with its queue on disk, as in a power cut. */
  public void kill() {
    docker().killContainerCmd(containerId()).exec();
  }

  /**
   * {@code docker start} after {@link #kill()}; returns when it greets again. With {@code diskLost}
   * the relay starts with an empty queue: a marker left in the stopped container makes its
   * entrypoint delete the queue (logging each message's queue id) before Postfix starts.
   */
  public void startAgain(boolean diskLost) {
    if (diskLost) {
      // the engine's archive API writes into a stopped container too
      container.copyFileToContainer(Transferable.of(new byte[0]), DISK_LOST_MARKER);
    }
    markStart();
    docker().startContainerCmd(containerId()).exec();
    awaitBanner();
  }

  /** {@code docker pause}: Postfix freezes, its connections hang. */
  public void pause() {
    freezeOrThaw(true);
  }

  /**
   * {@code docker pause} ({@code freeze}) or {@code unpause}, holding the write side of {@link
   * #freezeLock}; fails naming what it waited for when the execs in flight do not finish in time.
   */
  private void freezeOrThaw(boolean freeze) {
    String action = freeze ? "pause" : "unpause";
    try {
      if (!freezeLock.writeLock().tryLock(FREEZE_WAIT.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            "cannot "
                + action
                + " "
                + name
                + ": a command run in it has not finished within "
                + FREEZE_WAIT.toSeconds()
                + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted before " + action + " of " + name, e);
    }
    try {
      if (freeze) {
        docker().pauseContainerCmd(containerId()).exec();
      } else {
        docker().unpauseContainerCmd(containerId()).exec();
      }
      paused = freeze;
    } finally {
      freezeLock.writeLock().unlock();
    }
  }

  /**
   * {@code docker unpause}. First it names the mail on the frozen relay's disk by queue id (read
   * through the engine's archive API, which works on a paused container; nothing moves while it is
   * frozen, so the list is exact) and, once thawed, writes the list into the relay's own log as
   * {@value #HELD_WHILE_PAUSED} lines carrying the thaw time, so the run names the held mail as it
   * does after a restart.
   */
  public void unpause() {
    List<String> held;
    try {
      held = queueFilesWhileFrozen();
    } catch (RuntimeException e) {
      held = List.of();
      log.warn("{}: could not list the queue of the paused relay: {}", name, e.toString());
    }
    long thawEpochMs = System.currentTimeMillis();
    freezeOrThaw(false);
    if (!held.isEmpty()) {
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < held.size(); i += 40) {
        lines.add(
            HELD_WHILE_PAUSED
                + " "
                + thawEpochMs
                + ": "
                + String.join(" ", held.subList(i, Math.min(held.size(), i + 40))));
      }
      // postlog hands the line to Postfix's own log (maillog_file), which the run reads
      for (String line : lines) {
        exec("postlog", "-t", "relay-harness", line);
      }
    }
  }

  /** The prefix of a log line naming mail that sat on the relay's disk while it was paused. */
  public static final String HELD_WHILE_PAUSED = "relay: held while paused, thawed at";

  /** The queue ids in the relay's queue directories, read through the engine's archive API. */
  private List<String> queueFilesWhileFrozen() {
    List<String> ids = new ArrayList<>();
    for (String dir : List.of("incoming", "active", "deferred", "hold")) {
      try (InputStream in =
              docker()
                  .copyArchiveFromContainerCmd(containerId(), "/var/spool/postfix/" + dir)
                  .exec();
          TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
        TarArchiveEntry entry;
        while ((entry = tar.getNextTarEntry()) != null) {
          String file = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
          // cleanup's temporary files (<pid>.<usec>) are messages no client got a 250 for
          if (entry.isFile() && !file.isEmpty() && !file.contains(".")) {
            ids.add(file);
          }
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot read " + dir + " of " + name, e);
      }
    }
    return ids.stream().sorted().toList();
  }

  /** Runs a command in the relay container and returns its standard output. */
  public String exec(String... command) {
    freezeLock.readLock().lock();
    try {
      if (paused) {
        throw new IllegalStateException(
            String.join(" ", command) + ": " + name + " is paused (docker pause)");
      }
      ExecResult result = container.execInContainer(command);
      if (result.getExitCode() != 0) {
        throw new IllegalStateException(
            String.join(" ", command)
                + " exited "
                + result.getExitCode()
                + ": "
                + result.getStderr());
      }
      return result.getStdout();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
    } finally {
      freezeLock.readLock().unlock();
    }
  }

  private void awaitBanner() {
    String[] lastSeen = {"nothing yet"};
    Waits.until(
        listenAddress != null
            ? name + "'s 220 greeting on " + listenAddress + ":" + SMTP_PORT
            : "the relay's 220 greeting on " + host() + ":" + smtpPort(),
        READY_TIMEOUT,
        FastStarts.POLL_MS,
        () -> {
          if (!running()) {
            throw new RelayStartException(config.variant(), postfixErrorLines(), null);
          }
          if (listenAddress != null && !logSince(startedAt).contains("daemon started")) {
            // a probe inside the namespace is an exec, dear on a loaded engine: ask once the
            // master says it has started (it binds its listeners before it says so)
            lastSeen[0] = "Postfix's master has not logged 'daemon started' yet";
            return false;
          }
          lastSeen[0] = greeting();
          return lastSeen[0].startsWith("220 ");
        },
        () -> lastSeen[0]);
  }

  /** The engine second from which this start's log lines are read. */
  private volatile int startedAt;

  private void markStart() {
    startedAt = (int) java.time.Instant.now().getEpochSecond();
  }

  private boolean running() {
    Boolean running = docker().inspectContainerCmd(containerId()).exec().getState().getRunning();
    return running != null && running;
  }

  private String greeting() {
    if (listenAddress != null) {
      // inside the namespace: the address is not published to the harness
      try {
        ExecResult r =
            container.execInContainer(
                "timeout",
                "2",
                "bash",
                "-c",
                "exec 3<>/dev/tcp/"
                    + listenAddress
                    + "/"
                    + SMTP_PORT
                    + " && read -r line <&3 && echo \"$line\" && echo QUIT >&3");
        String out = r.getStdout().strip();
        return out.isEmpty() ? "no greeting: " + r.getStderr().strip() : out;
      } catch (IOException e) {
        return e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return e.toString();
      }
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host(), smtpPort()), 1000);
      socket.setSoTimeout(1000);
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      String line = in.readLine();
      OutputStream out = socket.getOutputStream();
      out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
      return line == null ? "connection closed before a greeting" : line;
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** The lines of the relay's output that explain a failed start (Postfix's own words). */
  List<String> postfixErrorLines() {
    String id = container.getContainerId();
    if (id == null) {
      return List.of();
    }
    return logSince(0)
        .lines()
        .map(l -> l.replaceFirst("^\\S+Z ", ""))
        .filter(l -> l.matches("(?i).*(fatal|error|warning|relay:|postfix check).*"))
        .collect(Collectors.toList());
  }

  static Map<String, String> parsePostconf(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    text.lines()
        .filter(l -> l.contains("="))
        .forEach(
            l ->
                out.put(
                    l.substring(0, l.indexOf('=')).trim(), l.substring(l.indexOf('=') + 1).trim()));
    return out;
  }

  private static DockerClient docker() {
    return DockerEngine.client();
  }

  /** The relay did not come up; carries Postfix's own error lines. */
  public static final class RelayStartException extends IllegalStateException {
    private final List<String> postfixLines;

    RelayStartException(String variant, List<String> postfixLines, Throwable cause) {
      super(
          "relay (variant "
              + variant
              + ") did not start; Postfix said:\n  "
              + (postfixLines.isEmpty() ? "(nothing)" : String.join("\n  ", postfixLines)),
          cause);
      this.postfixLines = List.copyOf(postfixLines);
    }

    /** Postfix's output lines that explain the failure. */
    public List<String> postfixLines() {
      return postfixLines;
    }
  }
}
