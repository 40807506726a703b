package io.relayharness.scenario.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Statistics;
import io.relayharness.bench.LabNotebook;
import io.relayharness.bench.ProcessCpu;
import io.relayharness.ledger.JsonLines;
import io.relayharness.observe.QueueSample;
import io.relayharness.observe.RunFolder;
import io.relayharness.scenario.Overrides;
import io.relayharness.scenario.ProgressSnapshot;
import io.relayharness.scenario.RunOptions;
import io.relayharness.scenario.RunResult;
import io.relayharness.scenario.Scenario;
import io.relayharness.scenario.ScenarioLoader;
import io.relayharness.topology.DockerEngine;
import io.relayharness.topology.ProjectLayout;
import io.relayharness.topology.RunIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The harness's share of the machine: runs a scenario through the same engine as {@code ./harness
 * run}, at a fixed offered rate, and reports the CPU each part spent per relayed message next to
 * the relay's own. Containers' CPU comes from the engine's stats ({@code cpu_stats.cpu_usage
 * .total_usage}), this JVM's (injector, engine and observers) from the process, split by thread.
 * The window runs from the first injected message to the end of the drain. Prints a lab-notebook
 * entry; asserts nothing. Run: {@code mvn -Pbench test -Dtest=HarnessShareBenchmark} (Docker). Not
 * thread-safe.
 */
class HarnessShareBenchmark {

  private static final String SCENARIO =
      System.getProperty("bench.scenario", "steady-even-distribution");
  private static final double RATE = Double.parseDouble(System.getProperty("bench.rate", "150"));
  private static final String DURATION = System.getProperty("bench.duration", "30s");

  @Test
  void cpuPerRelayedMessageByPart() throws Exception {
    Path project = ProjectLayout.locate().root();
    Path reports = project.resolve("target/bench-harness-share");
    Scenario scenario =
        new ScenarioLoader(project)
            .load(
                project.resolve("scenarios/" + SCENARIO + ".yaml"),
                new Overrides(List.of(), RATE, DURATION));
    DockerClient docker = DockerEngine.client();
    Sampler sampler = new Sampler(docker);
    RunResult result;
    try (DockerScenarioEngine engine = new DockerScenarioEngine()) {
      result = engine.run(scenario, new RunOptions(project, reports), sampler::onProgress);
    } finally {
      sampler.close();
    }
    Snapshot a = sampler.first.get(120, TimeUnit.SECONDS);
    Snapshot b = sampler.last.get(120, TimeUnit.SECONDS);
    long relayed = b.delivered - a.delivered;
    double seconds = (b.atNanos - a.atNanos) / 1e9;

    Map<String, Double> containers = new LinkedHashMap<>();
    b.containerCpu.forEach(
        (role, cpu) -> containers.put(role, cpu - a.containerCpu.getOrDefault(role, 0.0)));
    double relayRaw = containers.getOrDefault("relay", 0.0);
    // The run's queue sampler execs postqueue -j in the relay's container once a second; that CPU
    // lands in the relay's cgroup but is the harness's. Counted from the run's queue samples in the
    // window, each priced by execs into a relay of the same image measured just after the run.
    long probes = queueSamplesBetween(result.runDirectory(), a.epochMs, b.epochMs);
    double perProbe = ProbeCost.measure(docker, sampler.relayImage, sampler.relayEnv);
    double probeCpu = probes * perProbe;
    double relay = relayRaw - probeCpu;
    double jvm = b.jvmCpu - a.jvmCpu;
    Map<String, Double> threads = new TreeMap<>();
    b.threadCpu.forEach(
        (group, cpu) -> threads.put(group, cpu - a.threadCpu.getOrDefault(group, 0.0)));
    double injector = threads.getOrDefault(INJECTOR, 0.0);
    double runtime = threads.getOrDefault(RUNTIME, 0.0);
    double sampling = threads.getOrDefault(SAMPLING, 0.0);
    jvm -= sampling; // this benchmark's own sampling is not the harness's
    double observers = jvm - injector - runtime; // the rest of the JVM, ended threads included
    double ours = jvm + probeCpu;
    for (var e : containers.entrySet()) {
      if (!e.getKey().equals("relay")) {
        ours += e.getValue();
      }
    }
    double dockerd = b.dockerdCpu - a.dockerdCpu;

    LabNotebook notebook =
        new LabNotebook(
            "the harness's share: CPU per relayed message by part",
            "mvn -Pbench test -Dtest=HarnessShareBenchmark");
    notebook
        .note(
            "scenario "
                + SCENARIO
                + " at --rate "
                + RATE
                + " --duration "
                + DURATION
                + "; window: first injected message to the end of the drain, "
                + String.format(Locale.ROOT, "%.1f s", seconds))
        .note("run folder " + result.runDirectory() + "; verdicts " + verdicts(result))
        .note("machine shared with other developers: load average " + loadAverage())
        .figure("messages relayed in the window (sinks' counts)", relayed, "msg")
        .figure(
            "relay (Postfix container), as the engine counts it",
            perMessage(relayRaw, relayed),
            "CPU ms/msg")
        .figure(
            "  of which the harness's queue probes (docker exec postqueue -j)",
            perMessage(probeCpu, relayed),
            "CPU ms/msg")
        .note(
            String.format(
                Locale.ROOT,
                "queue probes: %d execs in the window at %.1f CPU ms each (%d execs into a fresh relay"
                    + " container of the same image, right after the run)",
                probes,
                perProbe * 1000,
                ProbeCost.EXECS))
        .figure("relay (Postfix), probes taken out", perMessage(relay, relayed), "CPU ms/msg")
        .figure(
            "queue probes (ours, in the relay's container)",
            perMessage(probeCpu, relayed),
            "CPU ms/msg");
    for (var e : containers.entrySet()) {
      if (!e.getKey().equals("relay")) {
        notebook.figure(
            e.getKey() + " (container)", perMessage(e.getValue(), relayed), "CPU ms/msg");
      }
    }
    notebook
        .figure("harness JVM, whole process", perMessage(jvm, relayed), "CPU ms/msg")
        .figure(
            "  injector (Gatling, its pool threads, SMTP client)",
            perMessage(injector, relayed),
            "CPU ms/msg")
        .figure("  JVM runtime (JIT, GC)", perMessage(runtime, relayed), "CPU ms/msg")
        .figure("  engine and observers (the rest)", perMessage(observers, relayed), "CPU ms/msg")
        .figure("ours together (all but the relay)", perMessage(ours, relayed), "CPU ms/msg")
        .ratio("ours / relay CPU per message", ours, relay, "<= 0.25")
        .figure(
            "docker engine (dockerd: logs, stats, API)", perMessage(dockerd, relayed), "CPU ms/msg")
        .note("dockerd serves every session on this machine: info only, not counted as ours")
        .note(
            String.format(
                Locale.ROOT,
                "this benchmark's own sampling threads (%.2f CPU s) are left out of the JVM's figure",
                sampling));
    threads.forEach(
        (group, cpu) ->
            notebook.note(
                String.format(Locale.ROOT, "  JVM threads %-44s %8.3f CPU s", group, cpu)));
    notebook.print();
  }

  private static final String INJECTOR = "injector";
  private static final String SAMPLER_THREAD = "bench-cpu-sampler";
  private static final String SAMPLING = "this benchmark's sampling";
  private static final String RUNTIME = "runtime";

  /** Which part of the harness JVM a thread works for, by its name. */
  static String threadGroup(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    // Gatling runs its actors (and so the mail generator) on unnamed pool threads
    if (n.startsWith("gatling") || n.startsWith("pool-") || n.startsWith("smtp")) {
      return INJECTOR;
    }
    if (n.startsWith("bench-cpu")) {
      return SAMPLING;
    }
    if (n.startsWith("c1 ")
        || n.startsWith("c2 ")
        || n.startsWith("gc ")
        || n.startsWith("g1 ")
        || n.startsWith("vm ")) {
      return RUNTIME;
    }
    return "other: " + name.replaceAll("[-#]?\\d+$", "").replaceAll("-\\d+-", "-");
  }

  /** The queue samples the run took within [fromMs, toMs]: one exec into the relay each. */
  static long queueSamplesBetween(Path runDir, long fromMs, long toMs) {
    List<QueueSample> samples = JsonLines.read(runDir.resolve(RunFolder.QUEUE), QueueSample.class);
    return samples.stream().filter(q -> q.epochMs() >= fromMs && q.epochMs() <= toMs).count();
  }

  private static String verdicts(RunResult r) {
    List<String> out = new ArrayList<>();
    r.outcomes().forEach(o -> out.add(o.name() + (o.passed() ? " ok" : " FAIL")));
    return String.join(", ", out);
  }

  private static double perMessage(double cpuSeconds, long messages) {
    return messages == 0 ? Double.NaN : cpuSeconds * 1000 / messages;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  /** CPU figures at one moment. */
  record Snapshot(
      long atNanos,
      long epochMs,
      long delivered,
      Map<String, Double> containerCpu,
      double jvmCpu,
      Map<String, Double> threadCpu,
      double dockerdCpu) {}

  /**
   * From the first injected message on, takes a snapshot every {@link #EVERY_MS} until the run's
   * containers go away; the window ends at the last complete one (drain and part of the collection
   * included). Thread CPU is kept per thread as last seen, so threads that ended (Gatling's) still
   * count.
   */
  static final class Sampler implements AutoCloseable {
    static final long EVERY_MS = 2000;
    final DockerClient docker;
    final ExecutorService pool = Executors.newFixedThreadPool(8, r -> daemon(r));
    final CompletableFuture<Snapshot> first = new CompletableFuture<>();
    final CompletableFuture<Snapshot> last = new CompletableFuture<>();
    final Map<Long, Double> cpuByThread = new java.util.concurrent.ConcurrentHashMap<>();
    final Map<Long, String> groupByThread = new java.util.concurrent.ConcurrentHashMap<>();
    volatile long delivered;
    volatile String relayId;
    volatile String relayImage;
    volatile String[] relayEnv;
    volatile boolean started;
    volatile boolean closed;

    Sampler(DockerClient docker) {
      this.docker = docker;
    }

    void onProgress(ProgressSnapshot p) {
      delivered = p.deliveredByWorker().values().stream().mapToLong(Long::longValue).sum();
      if (!started && p.sent() > 0) {
        started = true;
        Thread loop = daemon(this::loop);
        loop.start();
      }
    }

    private void loop() {
      Snapshot latest = null;
      try {
        Snapshot a = take(delivered);
        first.complete(a);
        latest = a;
        while (!closed) {
          Thread.sleep(EVERY_MS);
          Snapshot s = take(delivered);
          if (s.containerCpu().size() < a.containerCpu().size()) {
            break; // the run's clean-up has begun
          }
          latest = s;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        first.completeExceptionally(e); // no effect once complete: the containers went away
      }
      if (latest != null) {
        last.complete(latest);
      } else {
        last.completeExceptionally(new IllegalStateException("no snapshot was taken"));
      }
    }

    Snapshot take(long delivered) {
      long at = System.nanoTime();
      long epochMs = System.currentTimeMillis();
      double jvm = ProcessCpu.selfSeconds();
      Map<String, Double> threads = threadCpu(cpuByThread, groupByThread);
      double dockerd = dockerdCpu();
      List<Container> mine =
          docker
              .listContainersCmd()
              .withLabelFilter(
                  Map.of(RunIdentity.PID_LABEL, Long.toString(ProcessHandle.current().pid())))
              .exec();
      Map<String, CompletableFuture<Double>> cpu = new LinkedHashMap<>();
      for (Container c : mine) {
        String role = c.getLabels().getOrDefault(RunIdentity.ROLE_LABEL, c.getId());
        if (role.equals("relay") && relayId == null) {
          relayId = c.getId();
          relayImage = c.getImage();
          relayEnv = docker.inspectContainerCmd(c.getId()).exec().getConfig().getEnv();
        }
        cpu.put(
            role + "#" + c.getId(),
            CompletableFuture.supplyAsync(() -> containerCpuSeconds(c.getId()), pool));
      }
      Map<String, Double> byRole = new TreeMap<>();
      cpu.forEach((k, f) -> byRole.merge(roleOf(k), f.join(), Double::sum));
      return new Snapshot(at, epochMs, delivered, byRole, jvm, threads, dockerd);
    }

    private static String roleOf(String key) {
      String role = key.substring(0, key.indexOf('#'));
      return role.startsWith("sink") || role.startsWith("worker") ? "sinks" : role;
    }

    double containerCpuSeconds(String id) {
      return cpuSeconds(docker, id);
    }

    /** The container's cumulative CPU from the engine's stats API, in seconds. */
    static double cpuSeconds(DockerClient docker, String id) {
      CompletableFuture<Statistics> stats = new CompletableFuture<>();
      docker
          .statsCmd(id)
          .withNoStream(true)
          .exec(
              new ResultCallback.Adapter<Statistics>() {
                @Override
                public void onNext(Statistics s) {
                  stats.complete(s);
                }

                @Override
                public void onError(Throwable t) {
                  stats.completeExceptionally(t);
                }
              });
      try {
        Long total = stats.get(30, TimeUnit.SECONDS).getCpuStats().getCpuUsage().getTotalUsage();
        return total == null ? 0 : total / 1e9;
      } catch (Exception e) {
        throw new IllegalStateException("stats of container " + id + ": " + e, e);
      }
    }

    /**
     * Updates each live thread's CPU from {@code /proc/self/task} (every thread, the JVM's own
     * compiler and GC threads included; names as the kernel keeps them, 15 characters), then sums
     * every thread ever seen by group.
     */
    static Map<String, Double> threadCpu(Map<Long, Double> cpuByThread, Map<Long, String> groups) {
      try (var tasks = Files.list(Path.of("/proc/self/task"))) {
        for (Path task : tasks.toList()) {
          long tid = Long.parseLong(task.getFileName().toString());
          try {
            String name = Files.readString(task.resolve("comm")).strip();
            cpuByThread.put(tid, ProcessCpu.ofStatSeconds(Files.readString(task.resolve("stat"))));
            groups.putIfAbsent(tid, threadGroup(name));
          } catch (java.io.IOException ended) {
            // the thread ended between the listing and the read: keep its last figure
          }
        }
      } catch (java.io.IOException e) {
        throw new IllegalStateException("cannot list /proc/self/task: " + e.getMessage(), e);
      }
      Map<String, Double> out = new TreeMap<>();
      cpuByThread.forEach((id, cpu) -> out.merge(groups.get(id), cpu, Double::sum));
      return out;
    }

    /** dockerd's CPU from /proc, when it runs on this machine; 0 otherwise. */
    static double dockerdCpu() {
      return ProcessHandle.allProcesses()
          .filter(p -> p.info().command().map(c -> c.endsWith("/dockerd")).orElse(false))
          .mapToDouble(p -> ProcessCpu.ofPidSeconds(p.pid()))
          .sum();
    }

    static Thread daemon(Runnable r) {
      Thread t = new Thread(r, SAMPLER_THREAD);
      t.setDaemon(true);
      return t;
    }

    @Override
    public void close() {
      closed = true;
      pool.shutdown();
    }
  }
}
