package io.relayharness.sink;

import static org.awaitility.Awaitility.await;

import io.relayharness.bench.LabNotebook;
import io.relayharness.bench.PostfixTools;
import io.relayharness.bench.ProcessCpu;
import io.relayharness.bench.ThreadCpu;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Throughput of the sink with its durable ledger against Postfix's {@code smtp-sink} (which keeps
 * nothing), both loaded by Postfix's {@code smtp-source} on loopback. Prints a lab-notebook entry;
 * asserts nothing. Run: {@code mvn -o -Pbench test -Dtest=SinkBenchmark}. Not thread-safe.
 */
class SinkBenchmark {

  static final int SESSIONS = 20;
  static final int MESSAGE_BYTES = 5120;
  static final int MESSAGES = 20_000;
  static final int FSYNC_PER_MESSAGE_MESSAGES = 5_000;
  static final int WARMUP_MESSAGES = 3_000;
  static final int MAX_WARMUP_ROUNDS = 10;

  /** The group-commit wait of the measured sink (the default, 0); -Dbench.groupCommitMs=N. */
  static final long GROUP_COMMIT_MS = Long.getLong("bench.groupCommitMs", 0);

  private static final ThreadCpu THREADS = new ThreadCpu(SinkBenchmark::threadGroup);

  @Test
  void sinkWithDurableLedgerVersusPostfixSmtpSink() throws Exception {
    Path tools = PostfixTools.dir();
    // on the project's disk, not a tmpfs: fsync must cost what it costs
    Path dir = Files.createTempDirectory(Path.of("target"), "sink-bench-");
    LabNotebook notebook =
        new LabNotebook(
            "sink (SubEtha + durable ledger) vs Postfix smtp-sink, loopback",
            "mvn -o -Pbench test -Dtest=SinkBenchmark");
    List<String> load =
        List.of("-c", "-d", "-s", String.valueOf(SESSIONS), "-l", String.valueOf(MESSAGE_BYTES));

    double groupCommit;
    long groupFsyncs;
    double fsyncMs;
    double gatherMs;
    double fsyncShare;
    long groupRecords;
    Map<String, Double> groupThreads;
    int warmupRounds;
    double referenceBefore;
    double referenceAfter;
    double referenceCpuMsPerMsg;
    double groupCpuMsPerMsg;
    int port = freePort();
    // smtp-sink is measured right before and right after the sink (it idles meanwhile): on a
    // shared machine the load drifts within a minute, and one reference taken 10-20 s before the
    // sink's run moved the ratio by up to half (8.9k and 13.9k msg/s in consecutive runs)
    Process smtpSink =
        new ProcessBuilder(
                tools.resolve("smtp-sink").toString(), "-u", "nobody", "127.0.0.1:" + port, "1024")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("smtp-sink.out").toFile())
            .start();
    try {
      waitForListener(port);
      source(tools, load, WARMUP_MESSAGES, port);
      double referenceCpu0 = ProcessCpu.ofPidSeconds(smtpSink.pid());
      referenceBefore = source(tools, load, MESSAGES, port);
      referenceCpuMsPerMsg =
          (ProcessCpu.ofPidSeconds(smtpSink.pid()) - referenceCpu0) * 1000 / MESSAGES;

      try (SinkServer sink = start(dir.resolve("group"), LedgerSync.GROUP, GROUP_COMMIT_MS)) {
        warmupRounds = warmUntilJitSettles(tools, load, sink.smtpPort());
        long fsyncsBefore = fsyncs(sink);
        long[] syncBefore = sink.ledgerSyncNanos();
        Map<String, Double> threads0 = THREADS.sample();
        double cpu0 = ProcessCpu.selfSeconds();
        groupCommit = source(tools, load, MESSAGES, sink.smtpPort());
        groupCpuMsPerMsg = (ProcessCpu.selfSeconds() - cpu0) * 1000 / MESSAGES;
        groupThreads = ThreadCpu.delta(threads0, THREADS.sample());
        groupFsyncs = fsyncs(sink) - fsyncsBefore;
        long[] syncAfter = sink.ledgerSyncNanos();
        fsyncMs = (syncAfter[0] - syncBefore[0]) / 1e6 / groupFsyncs;
        fsyncShare = (syncAfter[0] - syncBefore[0]) / 1e9 / (MESSAGES / groupCommit);
        gatherMs = (syncAfter[1] - syncBefore[1]) / 1e6 / groupFsyncs;
        groupRecords = sink.counters().accepted();
      }
      referenceAfter = source(tools, load, MESSAGES, port);
    } finally {
      smtpSink.toHandle().destroy();
      smtpSink.waitFor(10, TimeUnit.SECONDS);
    }
    double reference = (referenceBefore + referenceAfter) / 2;

    double perMessage;
    try (SinkServer sink = start(dir.resolve("per-message"), LedgerSync.PER_MESSAGE, 0)) {
      source(tools, load, WARMUP_MESSAGES / 3, sink.smtpPort());
      perMessage = source(tools, load, FSYNC_PER_MESSAGE_MESSAGES, sink.smtpPort());
    }

    notebook
        .note(
            "load: smtp-source "
                + String.join(" ", load)
                + " -m N 127.0.0.1:port (after a warm-up of "
                + WARMUP_MESSAGES
                + " messages; the group-commit sink's warm-up repeated until the JIT settled: "
                + warmupRounds
                + " rounds)")
        .note("ledger on " + dir.toAbsolutePath() + " (ext4), fsync(false) via FileChannel.force")
        .note("machine shared with other developers: load average " + loadAverage())
        .figure(
            "Postfix smtp-sink (keeps nothing), right before the sink", referenceBefore, "msg/s")
        .figure("Postfix smtp-sink (keeps nothing), right after the sink", referenceAfter, "msg/s")
        .figure(
            "Postfix smtp-sink (keeps nothing), " + MESSAGES + " msgs, mean", reference, "msg/s")
        .figure(
            "sink, group commit (wait " + GROUP_COMMIT_MS + " ms), " + MESSAGES + " msgs",
            groupCommit,
            "msg/s")
        .figure("sink, group commit: messages per fsync", (double) MESSAGES / groupFsyncs, "msg")
        .figure("sink, group commit: time in one fsync", fsyncMs, "ms")
        .figure("sink, group commit: share of the run inside an fsync", fsyncShare, "")
        .figure("sink, group commit: leader's wait before its fsync", gatherMs, "ms")
        .figure("Postfix smtp-sink CPU per message", referenceCpuMsPerMsg, "ms")
        .figure("sink CPU per message (whole JVM), group commit", groupCpuMsPerMsg, "ms")
        .ratio("sink / smtp-sink CPU per message", groupCpuMsPerMsg, referenceCpuMsPerMsg, "info");
    groupThreads.forEach(
        (group, seconds) -> {
          if (seconds * 1000 / MESSAGES >= 0.001) {
            notebook.figure(
                "  of which " + group + ", per message", seconds * 1000 / MESSAGES, "ms");
          }
        });
    notebook
        .figure(
            "sink, fsync per message, " + FSYNC_PER_MESSAGE_MESSAGES + " msgs", perMessage, "msg/s")
        .ratio(
            "sink group commit / smtp-sink", groupCommit, reference, "as high as the disk allows")
        .ratio("sink fsync per message / smtp-sink", perMessage, reference, "for comparison")
        .ratio("group commit / fsync per message", groupCommit, perMessage, "> 1")
        .note("accepted by the group-commit sink in total (warm-up included): " + groupRecords)
        .print();
    deleteTree(dir);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static SinkServer start(Path dir, LedgerSync sync, long groupCommitMs)
      throws IOException {
    return TestSinks.start(dir, sync, groupCommitMs);
  }

  /**
   * The sink's threads by role: SMTP sessions (SubEtha's pool threads, renamed while they serve a
   * session), the JIT, GC and VM, the rest by name.
   */
  private static String threadGroup(String name) {
    if (name.startsWith("org.subethamai") || name.startsWith("pool-")) {
      return "SMTP session threads (SubEtha)";
    }
    return ThreadCpu.defaultGroup(name);
  }

  private static long fsyncs(SinkServer sink) {
    return sink.fsyncCount();
  }

  /**
   * Warms the sink with the benchmark's load in rounds of {@link #WARMUP_MESSAGES} until a round's
   * JIT compiler CPU is under a tenth of the sink JVM's CPU (at most {@link #MAX_WARMUP_ROUNDS}): a
   * sink serves for minutes, so its compilations belong before the measurement, as smtp-sink's do
   * (it is compiled ahead). Without this, C2 was still compiling during the measured run: a quarter
   * of the sink's CPU per message. Returns the rounds run.
   */
  private static int warmUntilJitSettles(Path tools, List<String> load, int port) throws Exception {
    int rounds = 0;
    while (rounds < MAX_WARMUP_ROUNDS) {
      Map<String, Double> before = THREADS.sample();
      double cpu0 = ProcessCpu.selfSeconds();
      source(tools, load, WARMUP_MESSAGES, port);
      rounds++;
      double jit = ThreadCpu.delta(before, THREADS.sample()).getOrDefault(JIT, 0.0);
      if (jit < 0.1 * (ProcessCpu.selfSeconds() - cpu0)) {
        break;
      }
    }
    return rounds;
  }

  private static final String JIT = "JIT compiler";

  /** Runs smtp-source for {@code messages} and returns messages per second. */
  private static double source(Path tools, List<String> load, int messages, int port)
      throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(tools.resolve("smtp-source").toString());
    cmd.addAll(load);
    cmd.addAll(List.of("-m", String.valueOf(messages), "127.0.0.1:" + port));
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("smtp-source failed: " + tail(out));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return messages / seconds;
  }

  private static void waitForListener(int port) {
    await("smtp-sink to listen on " + port)
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
              } catch (IOException e) {
                return false;
              }
            },
            up -> up);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String tail(String s) {
    return s.length() <= 2000 ? s : s.substring(s.length() - 2000);
  }
}
