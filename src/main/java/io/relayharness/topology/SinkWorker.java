package io.relayharness.topology;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import io.relayharness.ledger.JsonLines;
import io.relayharness.ledger.SinkArrival;
import io.relayharness.vocab.SinkDefaults;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.utility.DockerImageName;

/**
 * One sink worker in its own container: a SubEtha SMTP server of this project that appends every
 * accepted message to a durable ledger before answering 250, and serves the ledger, counters and
 * SMTP faults over HTTP. Offers the container actions a scenario needs: kill, start, pause,
 * unpause. Thread-safe for reads; actions on one worker should not race each other.
 */
public final class SinkWorker {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private final String name;
  private final int index;
  private final GenericContainer<?> container;
  private final SinkClient client;
  private volatile URI httpBase;

  SinkWorker(RunIdentity run, int index, String image, Network network) {
    this.index = index;
    this.name = "worker" + index;
    String containerName = run.name("sink" + index);
    this.container =
        new GenericContainer<>(DockerImageName.parse(image))
            .withNetwork(network)
            .withNetworkAliases("sink" + index)
            .withLabels(run.labels("sink"))
            .withCreateContainerCmdModifier(
                cmd -> cmd.withName(containerName).withHostName("sink" + index))
            .withExposedPorts(SinkDefaults.HTTP_PORT)
            .withCommand(
                "io.relayharness.sink.SinkMain",
                "--name",
                name,
                "--smtp-port",
                Integer.toString(SinkDefaults.SMTP_PORT),
                "--http-port",
                Integer.toString(SinkDefaults.HTTP_PORT),
                "--ledger",
                SinkDefaults.LEDGER_PATH)
            .withStartupCheckStrategy(FastStarts.running(containerName))
            .waitingFor(FastStarts.noWait());
    this.client = new SinkClient(() -> httpBase);
  }

  /** Starts the container, then waits for /health; the container start is its own phase. */
  void start(StartPhases phases) {
    phases.run(name + " (container running)", container::start);
    httpBase =
        URI.create(
            "http://"
                + container.getHost()
                + ":"
                + container.getMappedPort(SinkDefaults.HTTP_PORT));
    Waits.until(
        name + " to answer /health on " + httpBase,
        READY_TIMEOUT,
        FastStarts.POLL_MS,
        client::healthy,
        () -> "no healthy answer; running=" + isRunning());
  }

  void stop() {
    container.stop();
  }

  /** The worker's name, e.g. {@code worker0}. */
  public String name() {
    return name;
  }

  /** The worker's index (0-based). */
  public int index() {
    return index;
  }

  /** The Docker container id. */
  public String containerId() {
    return container.getContainerId();
  }

  /** The sink's HTTP client (ledger, counters, faults). */
  public SinkClient client() {
    return client;
  }

  /**
   * The sink's ledger: over HTTP while the sink runs, else read from the stopped container's file
   * through the engine (so a killed sink's ledger can still be checked).
   */
  public List<SinkArrival> ledger() {
    if (isRunning() && client.healthy()) {
      return client.ledger();
    }
    return JsonLines.parse(readFile(SinkDefaults.LEDGER_PATH), SinkArrival.class);
  }

  /** {@code docker kill}: SIGKILL, no clean shutdown. */
  public void kill() {
    docker().killContainerCmd(containerId()).exec();
  }

  /** {@code docker start} after a kill or stop; returns when the sink answers again. */
  public void startAgain() {
    docker().startContainerCmd(containerId()).exec();
    awaitHealthy();
  }

  /** {@code docker pause}: the processes freeze, connections hang. */
  public void pause() {
    docker().pauseContainerCmd(containerId()).exec();
  }

  /** {@code docker unpause}. */
  public void unpause() {
    docker().unpauseContainerCmd(containerId()).exec();
  }

  /** True when the container is running (paused counts as running). */
  public boolean isRunning() {
    Boolean running = inspect().getState().getRunning();
    return running != null && running;
  }

  private void awaitHealthy() {
    Waits.until(
        name + " to answer /health after start",
        READY_TIMEOUT,
        FastStarts.POLL_MS,
        () -> {
          httpBase = currentHttpBase();
          return httpBase != null && client.healthy();
        },
        () -> "endpoint " + httpBase + ", running=" + isRunning());
  }

  private URI currentHttpBase() {
    Ports.Binding[] bindings =
        inspect()
            .getNetworkSettings()
            .getPorts()
            .getBindings()
            .get(ExposedPort.tcp(SinkDefaults.HTTP_PORT));
    if (bindings == null || bindings.length == 0) {
      return null;
    }
    return URI.create("http://" + container.getHost() + ":" + bindings[0].getHostPortSpec());
  }

  private InspectContainerResponse inspect() {
    return docker().inspectContainerCmd(containerId()).exec();
  }

  private String readFile(String path) {
    try (InputStream tar = docker().copyArchiveFromContainerCmd(containerId(), path).exec();
        TarArchiveInputStream entries = new TarArchiveInputStream(tar)) {
      if (entries.getNextEntry() == null) {
        return "";
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      entries.transferTo(out);
      return out.toString(StandardCharsets.UTF_8);
    } catch (com.github.dockerjava.api.exception.NotFoundException e) {
      return "";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + " from " + name, e);
    }
  }

  private static DockerClient docker() {
    return DockerEngine.client();
  }
}
