package io.relayharness.topology;

import com.github.dockerjava.api.DockerClient;
import io.relayharness.bench.LabNotebook;
import io.relayharness.relay.DnsZone;
import io.relayharness.relay.WorkerAddresses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;

/**
 * Figures of the topology: start time (cold, with the harness images removed first, and cached),
 * and the relay's end-to-end throughput through our sinks and fault proxy against the same relay
 * delivering straight to Postfix's {@code smtp-sink} workers, load from {@code smtp-source} inside
 * the relay's namespace. Run: {@code mvn -Pbench test -Dtest=TopologyBenchmark} (needs Docker: the
 * bench profile runs the engine set-up first).
 */
class TopologyBenchmark {

  private static final int MESSAGES = Integer.getInteger("bench.messages", 5000);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);

  @Test
  void startTimeAndEndToEndThroughput() throws Exception {
    LabNotebook notebook = new LabNotebook("topology", "mvn -Pbench test -Dtest=TopologyBenchmark");
    DockerClient docker = DockerEngine.client();
    try {
      measure(notebook, docker);
    } finally {
      notebook.print();
    }
  }

  private static void measure(LabNotebook notebook, DockerClient docker) throws Exception {

    if (Boolean.getBoolean("bench.cold")) {
      removeHarnessImages(docker);
      MailTopology cold = MailTopology.builder().build();
      long t0 = System.nanoTime();
      cold.start();
      double coldSeconds = (System.nanoTime() - t0) / 1e9;
      cold.stop();
      notebook.figure("start, cold (images built from the local base)", coldSeconds, "s");
    } else {
      // Make sure the images exist, untimed: the figures below are for cached images.
      new HarnessImages(ProjectLayout.locate(), docker).relay();
      new HarnessImages(ProjectLayout.locate(), docker).jvm();
    }

    List<Double> cachedStarts = new ArrayList<>();
    Map<String, List<Double>> phaseMs = new LinkedHashMap<>();
    Map<String, List<Double>> phaseEndMs = new LinkedHashMap<>();
    List<Double> bareRuns = new ArrayList<>();
    Map<String, List<Double>> cpuByRole = new LinkedHashMap<>();
    List<Double> loads = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      try (MailTopology t = MailTopology.builder().build()) {
        long s = System.nanoTime();
        t.start();
        cachedStarts.add((System.nanoTime() - s) / 1e9);
        containerCpuSeconds(docker, t.run())
            .forEach(
                (role, cpu) -> cpuByRole.computeIfAbsent(role, k -> new ArrayList<>()).add(cpu));
        loads.add(loadAverage());
        for (StartPhases.Phase p : t.startPhases().phases()) {
          phaseMs.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(millis(p.duration()));
          phaseEndMs.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(millis(p.end()));
        }
      }
      bareRuns.add(bareContainerRun(docker));
    }
    double cached = medianOf(cachedStarts);
    double bare = medianOf(bareRuns);
    notebook.figure("start, cached images (median of 5)", cached, "s (goal <= 3 s)");
    notebook.note("cached starts, sorted: " + sorted(cachedStarts));
    notebook.figure("reference: bare container run (median of 5)", bare, "s");
    notebook.note(
        "reference = create, start, wait for exit and remove one "
            + HarnessImages.BASE_IMAGE
            + " container running 'true' (docker run --rm), measured between the starts");
    notebook.ratio("cached start / bare container run", cached, bare, "as low as it gets");
    if (!cpuByRole.isEmpty()) {
      double total = cpuByRole.values().stream().mapToDouble(TopologyBenchmark::medianOf).sum();
      notebook.figure("CPU of the run's containers during start (median)", total, "s");
      cpuByRole.forEach(
          (role, cpu) ->
              notebook.note(
                  String.format(
                      Locale.ROOT,
                      "  CPU %-10s %5.2f s (median, summed over the role)",
                      role,
                      medianOf(cpu))));
    }
    notebook.note(
        "1-minute load average after each start (2 cores shared with other work): "
            + sorted(loads));
    notebook.note("start phases, median duration and median end after the start began (ms):");
    phaseMs.forEach(
        (name, ms) ->
            notebook.note(
                String.format(
                    Locale.ROOT,
                    "  %-34s %6.0f ms, ends at %6.0f ms",
                    name,
                    medianOf(ms),
                    medianOf(phaseEndMs.get(name)))));

    try (MailTopology topology =
        MailTopology.builder()
            .relayOverride("queue_run_delay", "1s")
            .relayOverride("minimal_backoff_time", "1s")
            .relayOverride("maximal_backoff_time", "2s")
            .build()) {
      topology.start();
      DnsZone viaProxy = topology.zone();
      List<GenericContainer<?>> smtpSinks = startSmtpSinks(topology);
      Map<String, String> direct = new LinkedHashMap<>();
      for (int i = 0; i < smtpSinks.size(); i++) {
        direct.put(
            WorkerAddresses.name(i),
            smtpSinks
                .get(i)
                .getContainerInfo()
                .getNetworkSettings()
                .getNetworks()
                .values()
                .iterator()
                .next()
                .getIpAddress());
      }
      DnsZone viaSmtpSink = viaProxy.withAddresses(direct);

      List<double[]> ours = new ArrayList<>();
      List<double[]> reference = new ArrayList<>();
      relayRun(topology, 500); // warm-up
      for (int round = 0; round < ROUNDS; round++) {
        topology.setZone(viaProxy);
        ours.add(relayRun(topology, MESSAGES));
        topology.setZone(viaSmtpSink);
        reference.add(relayRun(topology, MESSAGES));
      }
      smtpSinks.forEach(GenericContainer::stop);
      double oursRate = median(ours, 1);
      double refRate = median(reference, 1);
      notebook
          .figure(
              "accepted, our sinks + fault proxy (" + topology.faultProxy().kind() + ")",
              median(ours, 0),
              "msg/s")
          .figure("delivered, our sinks + fault proxy", oursRate, "msg/s")
          .figure("accepted, smtp-sink workers, no proxy", median(reference, 0), "msg/s")
          .figure("delivered, smtp-sink workers, no proxy", refRate, "msg/s")
          .ratio("delivered ours / reference", oursRate, refRate, ">= 0.9")
          .note(
              MESSAGES
                  + " messages of 5 KB per run, smtp-source -s 20 in the relay's namespace, "
                  + ROUNDS
                  + " alternating rounds, medians; relay timers 1 s/1 s/2 s");
    }
  }

  /** Sends {@code n} messages with smtp-source; returns {accepted msg/s, delivered msg/s}. */
  private static double[] relayRun(MailTopology topology, int n) {
    long start = System.nanoTime();
    topology
        .relay()
        .exec(
            "smtp-source",
            "-c",
            "-d",
            "-s",
            "20",
            "-l",
            "5120",
            "-m",
            Integer.toString(n),
            "-f",
            "sender@corp.example.com",
            "-t",
            "journal@archive.example.com",
            "127.0.0.1:25");
    double acceptSeconds = (System.nanoTime() - start) / 1e9;
    Waits.until(
        "the relay's queue to drain",
        Duration.ofMinutes(5),
        100,
        () -> topology.relay().queueJson().isBlank(),
        () -> topology.relay().queueJson().lines().count() + " queued");
    double deliverSeconds = (System.nanoTime() - start) / 1e9;
    return new double[] {n / acceptSeconds, n / deliverSeconds};
  }

  private static List<GenericContainer<?>> startSmtpSinks(MailTopology topology) {
    String image = new HarnessImages(ProjectLayout.locate(), DockerEngine.client()).relay();
    List<GenericContainer<?>> sinks = new ArrayList<>();
    for (int i = 0; i < topology.sinks().size(); i++) {
      int index = i;
      GenericContainer<?> c =
          new GenericContainer<>(image)
              .withNetwork(topology.network())
              .withLabels(topology.run().labels("smtp-sink"))
              .withCreateContainerCmdModifier(
                  cmd ->
                      cmd.withName(topology.run().name("smtpsink" + index))
                          .withEntrypoint("smtp-sink"))
              .withCommand(
                  "-c",
                  "-u",
                  "postfix",
                  "-h",
                  "worker" + i + ".int.example.com",
                  "0.0.0.0:2525",
                  "256");
      c.start();
      sinks.add(c);
    }
    return sinks;
  }

  private static void removeHarnessImages(DockerClient docker) {
    docker.listImagesCmd().withLabelFilter("io.relayharness.image").exec().stream()
        .forEach(
            img -> {
              try {
                docker.removeImageCmd(img.getId()).withForce(true).exec();
              } catch (RuntimeException e) {
                // in use by another run: leave it
              }
            });
  }

  /** Seconds for create, start, wait and remove of one base-image container running 'true'. */
  private static double bareContainerRun(DockerClient docker) {
    RunIdentity run = RunIdentity.next();
    long s = System.nanoTime();
    String id =
        docker
            .createContainerCmd(HarnessImages.BASE_IMAGE)
            .withName(run.name("bare"))
            .withLabels(run.labels("bare"))
            .withCmd("true")
            .exec()
            .getId();
    try {
      docker.startContainerCmd(id).exec();
      docker
          .waitContainerCmd(id)
          .exec(new com.github.dockerjava.api.command.WaitContainerResultCallback())
          .awaitStatusCode(30, java.util.concurrent.TimeUnit.SECONDS);
    } finally {
      docker.removeContainerCmd(id).withForce(true).exec();
    }
    return (System.nanoTime() - s) / 1e9;
  }

  /**
   * CPU seconds each role's containers used so far, from the engine's cgroup v1 accounting when
   * this machine runs the engine (empty otherwise).
   */
  private static Map<String, Double> containerCpuSeconds(DockerClient docker, RunIdentity run) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (var c :
        docker
            .listContainersCmd()
            .withLabelFilter(Map.of(RunIdentity.RUN_LABEL, run.runId()))
            .exec()) {
      java.nio.file.Path usage =
          java.nio.file.Path.of("/sys/fs/cgroup/cpuacct/docker", c.getId(), "cpuacct.usage");
      try {
        double seconds = Long.parseLong(java.nio.file.Files.readString(usage).trim()) / 1e9;
        out.merge(c.getLabels().get(RunIdentity.ROLE_LABEL), seconds, Double::sum);
      } catch (java.io.IOException | NumberFormatException e) {
        return Map.of();
      }
    }
    return out;
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static double millis(Duration d) {
    return d.toNanos() / 1e6;
  }

  private static List<Double> sorted(List<Double> values) {
    List<Double> out = new ArrayList<>();
    values.stream().sorted().forEach(v -> out.add(Math.round(v * 100) / 100.0));
    return out;
  }

  private static double medianOf(List<Double> values) {
    List<Double> v = new ArrayList<>(values);
    v.sort(Double::compare);
    return v.size() % 2 == 1
        ? v.get(v.size() / 2)
        : (v.get(v.size() / 2 - 1) + v.get(v.size() / 2)) / 2;
  }

  private static double median(List<double[]> runs, int field) {
    List<Double> values = new ArrayList<>();
    runs.forEach(r -> values.add(r[field]));
    values.sort(Double::compare);
    return values.size() % 2 == 1
        ? values.get(values.size() / 2)
        : (values.get(values.size() / 2 - 1) + values.get(values.size() / 2)) / 2;
  }
}
