package io.relayharness.topology;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what a run created, by its run label only: on {@link MailTopology#stop()}, from a JVM
 * shutdown hook (Ctrl-C, a failing test), and at start for runs whose creating JVM on this host is
 * gone (a {@code kill -9} leaves containers behind). Thread-safe.
 */
final class Janitor {

  private static final Logger log = LoggerFactory.getLogger(Janitor.class);
  private static final Set<String> liveRuns = ConcurrentHashMap.newKeySet();
  private static final AtomicBoolean explained = new AtomicBoolean();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> liveRuns.forEach(run -> removeRun(DockerEngine.client(), run)),
                "relay-harness-janitor"));
  }

  private Janitor() {}

  /** Registers a run so the shutdown hook removes it if the JVM ends first. */
  static void track(String runId) {
    liveRuns.add(runId);
    if (!explained.getAndSet(true)) {
      log.info(
          cleanUpLine(runId, Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))));
    }
  }

  /**
   * Returns the one line that says how clean-up works, logged at the first run of a JVM. It stands
   * in for Testcontainers' "Ryuk has been disabled" banner, which logback.xml switches off.
   */
  static String cleanUpLine(String runId, boolean ryukDisabled) {
    return "clean-up: the harness removes the containers and networks labelled "
        + RunIdentity.RUN_LABEL
        + "="
        + runId
        + " when the run ends or is stopped (Ctrl-C), and at the next start if this JVM is killed"
        + (ryukDisabled ? " (Testcontainers' Ryuk reaper is off)" : "; Testcontainers' Ryuk too");
  }

  /** Removes every container and network labelled with {@code runId}. */
  static void removeRun(DockerClient docker, String runId) {
    List<Container> containers =
        docker
            .listContainersCmd()
            .withShowAll(true)
            .withLabelFilter(Map.of(RunIdentity.RUN_LABEL, runId))
            .exec();
    // Containers sharing a namespace go first, the holder that owns it last.
    containers.stream()
        .sorted(
            (a, b) ->
                Boolean.compare(
                    "holder".equals(a.getLabels().get(RunIdentity.ROLE_LABEL)),
                    "holder".equals(b.getLabels().get(RunIdentity.ROLE_LABEL))))
        .forEach(c -> quietly(() -> docker.removeContainerCmd(c.getId()).withForce(true).exec()));
    List<Network> networks =
        docker
            .listNetworksCmd()
            .withFilter("label", List.of(RunIdentity.RUN_LABEL + "=" + runId))
            .exec();
    networks.forEach(n -> quietly(() -> docker.removeNetworkCmd(n.getId()).exec()));
    liveRuns.remove(runId);
    if (!containers.isEmpty() || !networks.isEmpty()) {
      log.info(
          "removed {} containers and {} networks of run {}",
          containers.size(),
          networks.size(),
          runId);
    }
  }

  /**
   * Removes runs created on this host by JVMs that no longer exist: found by their containers, and
   * by their networks, since a run that died after creating its network but before any container
   * leaves only that.
   */
  static void reapOrphans(DockerClient docker) {
    String host = RunIdentity.localHostName();
    Stream<Map<String, String>> containerLabels =
        docker
            .listContainersCmd()
            .withShowAll(true)
            .withLabelFilter(Map.of(RunIdentity.HOST_LABEL, host))
            .exec()
            .stream()
            .map(Container::getLabels);
    Stream<Map<String, String>> networkLabels =
        docker
            .listNetworksCmd()
            .withFilter("label", List.of(RunIdentity.HOST_LABEL + "=" + host))
            .exec()
            .stream()
            .map(Network::getLabels);
    orphanRuns(Stream.concat(containerLabels, networkLabels), Janitor::pidAlive, liveRuns)
        .forEach(
            run -> {
              log.info("removing leftovers of run {} (its JVM is gone)", run);
              removeRun(docker, run);
            });
  }

  /**
   * Returns the runs among objects with these labels whose creating JVM is gone: its PID is not
   * alive and the run is not one of this JVM's {@code live} runs. In first-seen order, each once.
   */
  static List<String> orphanRuns(
      Stream<Map<String, String>> labels, Predicate<String> pidAlive, Set<String> live) {
    return labels
        .filter(l -> l != null && !pidAlive.test(l.get(RunIdentity.PID_LABEL)))
        .map(l -> l.get(RunIdentity.RUN_LABEL))
        .filter(run -> run != null && !live.contains(run))
        .distinct()
        .toList();
  }

  private static boolean pidAlive(String pid) {
    try {
      return pid != null
          && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return true;
    }
  }

  private static void quietly(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      log.debug("clean-up step failed: {}", e.getMessage());
    }
  }
}
