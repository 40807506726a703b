package io.relayharness.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * CPU of this JVM's threads, grouped, from {@code /proc/self/task}: every thread, the JVM's own
 * compiler and GC threads included, named as the kernel keeps them (15 characters). Each thread's
 * figure is kept as last seen, so threads that ended between two {@link #sample}s still count up to
 * then. Thread-safe.
 */
public final class ThreadCpu {

  private final Function<String, String> grouping;
  private final Map<Long, Double> cpuByThread = new ConcurrentHashMap<>();
  private final Map<Long, String> groupByThread = new ConcurrentHashMap<>();

  /** {@code grouping} maps a thread's name to the group its CPU is counted in. */
  public ThreadCpu(Function<String, String> grouping) {
    this.grouping = grouping;
  }

  /** Reads every live thread's CPU; returns CPU seconds by group, ended threads included. */
  public Map<String, Double> sample() {
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : tasks.toList()) {
        long tid = Long.parseLong(task.getFileName().toString());
        try {
          String name = Files.readString(task.resolve("comm")).strip();
          cpuByThread.put(tid, ProcessCpu.ofStatSeconds(Files.readString(task.resolve("stat"))));
          groupByThread.putIfAbsent(tid, grouping.apply(name));
        } catch (IOException ended) {
          // the thread ended between the listing and the read: keep its last figure
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc/self/task: " + e.getMessage(), e);
    }
    Map<String, Double> out = new TreeMap<>();
    cpuByThread.forEach((id, cpu) -> out.merge(groupByThread.get(id), cpu, Double::sum));
    return out;
  }

  /** Returns {@code after - before} per group. */
  public static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
    Map<String, Double> out = new TreeMap<>();
    after.forEach((g, cpu) -> out.put(g, cpu - before.getOrDefault(g, 0.0)));
    return out;
  }

  /** The usual groups of a harness JVM: Gatling, JIT, GC, other JVM threads, the rest by name. */
  public static String defaultGroup(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    if (n.startsWith("gatling")) {
      return "gatling event loops and actors";
    }
    if (n.startsWith("pool-")) {
      return "pool threads (Gatling's actors, mail generation)";
    }
    if (n.startsWith("c1 ") || n.startsWith("c2 ")) {
      return "JIT compiler";
    }
    if (n.startsWith("gc ") || n.startsWith("g1 ") || n.startsWith("vm ")) {
      return "GC and VM";
    }
    return "other: " + name.replaceAll("[-#]?\\d+$", "").replaceAll("-\\d+-", "-");
  }
}
