package io.relayharness.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.relayharness.load.smtp.SmtpDsl.smtp;
import static org.awaitility.Awaitility.await;

import com.sun.management.OperatingSystemMXBean;
import io.gatling.javaapi.core.Simulation;
import io.relayharness.bench.LabNotebook;
import io.relayharness.bench.PostfixTools;
import io.relayharness.bench.ThreadCpu;
import io.relayharness.load.mail.GeneratedMail;
import io.relayharness.load.mail.MailGenerator;
import io.relayharness.load.mail.MailGeneratorConfig;
import io.relayharness.load.smtp.SmtpProtocolBuilder;
import io.relayharness.load.smtp.client.PipeliningMode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Lab notebook: our Gatling SMTP protocol vs Postfix's smtp-source, both into Postfix's smtp-sink
 * on loopback, same message size (5 KB), 20 reused connections; plus the generator's rate for 50 KB
 * journal reports. Prints figures; asserts nothing.
 *
 * <p>Run: {@code mvn -o -Pbench test -Dtest=SmtpLoadBenchmark}
 */
class SmtpLoadBenchmark {

  private static final int SESSIONS = 20;
  private static final int MESSAGES = 20_000;
  private static final int SIZE_BYTES = 5_120;

  /** Parameters for {@link Bench}, which Gatling instantiates by name. */
  static volatile BenchParams params;

  record BenchParams(int port, GeneratedMail mail, PipeliningMode pipelining, int messages) {}

  /** Measured: wall and JVM CPU time between the simulation's before() and after(). */
  static volatile long loadNanos;

  static volatile long loadCpuNanos;

  static final ThreadCpu THREADS = new ThreadCpu(ThreadCpu::defaultGroup);

  static volatile Map<String, Double> loadThreadCpu;

  static volatile double settledSeconds;

  static volatile SmtpProtocolBuilder lastProtocol;

  /** 20 users, each sending the same 5 KB message over and over on its own connection. */
  public static final class Bench extends Simulation {
    private final SmtpProtocolBuilder protocol;
    private long startNanos;
    private long startCpu;
    private Map<String, Double> startThreads;

    public Bench() {
      BenchParams p = params;
      int eventLoops = 2 * Runtime.getRuntime().availableProcessors();
      protocol =
          smtp()
              .host("127.0.0.1")
              .port(p.port())
              .pipelining(p.pipelining())
              .maxConnectionsPerEventLoop(Math.max(1, SESSIONS / eventLoops));
      lastProtocol = protocol;
      setUp(
              scenario("bench")
                  .repeat(p.messages() / SESSIONS)
                  .on(smtp("send").send().message(p.mail()))
                  .injectOpen(atOnceUsers(SESSIONS)))
          .protocols(protocol);
    }

    @Override
    public void before() {
      startThreads = THREADS.sample();
      startCpu = cpuNanos();
      startNanos = System.nanoTime();
    }

    @Override
    public void after() {
      loadNanos = System.nanoTime() - startNanos;
      loadCpuNanos = cpuNanos() - startCpu;
      loadThreadCpu = ThreadCpu.delta(startThreads, THREADS.sample());
      protocol.protocol().close(Duration.ofSeconds(10));
    }
  }

  @Test
  void compareWithSmtpSource() throws Exception {
    Path tools = PostfixTools.dir();
    int port = freePort();
    Process sink =
        new ProcessBuilder(
                tools.resolve("smtp-sink").toString(), "-u", "nobody", "127.0.0.1:" + port, "256")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      awaitListening(port);
      GeneratedMail mail =
          new MailGenerator(
                  MailGeneratorConfig.builder()
                      .seed(1)
                      .idPrefix("bench")
                      .size(SIZE_BYTES, SIZE_BYTES + 1)
                      .sizeSigma(0)
                      .journalFraction(0)
                      .attachmentProbability(0)
                      .recipients(1, 1)
                      .build())
              .generate(0);

      // Reference: smtp-source, 20 sessions, connection reuse (-d), 5 KB messages.
      String source = tools.resolve("smtp-source").toString();
      String sourceArgs =
          "-d -s " + SESSIONS + " -l " + SIZE_BYTES + " -m " + MESSAGES + " 127.0.0.1:" + port;
      timedChild(
          source
              + " -d -s "
              + SESSIONS
              + " -l "
              + SIZE_BYTES
              + " -m 4000 127.0.0.1:"
              + port); // warm-up
      double[] ref = timedChild(source + " " + sourceArgs);
      double refRate = MESSAGES / ref[0];
      double refCpuPer1000 = ref[1] / (MESSAGES / 1000.0);

      // Ours, through Gatling: warm-up run, then measured runs.
      Path results = Path.of("target", "bench-gatling");
      params = new BenchParams(port, mail, PipeliningMode.AUTO, MESSAGES);
      GatlingLauncher.run(Bench.class, results, "warm-up");
      GatlingLauncher.run(Bench.class, results, "warm-up 2");
      double[] ours = measuredRun(results, PipeliningMode.AUTO);
      Map<String, Double> oursThreads = loadThreadCpu;
      double settled = settledSeconds;
      double[] oursNoPipe = measuredRun(results, PipeliningMode.OFF);

      // Generator: 50 KB journal reports, one thread.
      MailGenerator journals =
          new MailGenerator(
              MailGeneratorConfig.builder()
                  .seed(2)
                  .size(50_000, 50_001)
                  .sizeSigma(0)
                  .journalFraction(1)
                  .build());
      for (int i = 0; i < 1500; i++) {
        journals.next();
      }
      int generated = 3000;
      long g0 = System.nanoTime();
      long bytes = 0;
      for (int i = 0; i < generated; i++) {
        bytes += journals.next().sizeBytes();
      }
      double genSeconds = (System.nanoTime() - g0) / 1e9;

      new LabNotebook(
              "Gatling SMTP protocol vs smtp-source into smtp-sink (loopback)",
              "mvn -o -Pbench test -Dtest=SmtpLoadBenchmark")
          .note(
              "sink: smtp-sink -u nobody 127.0.0.1:"
                  + port
                  + " 256; message "
                  + mail.sizeBytes()
                  + " bytes (ours) / -l "
                  + SIZE_BYTES
                  + " (smtp-source); "
                  + SESSIONS
                  + " reused connections")
          .note("reference: smtp-source " + sourceArgs + " (no pipelining; smtp-source has none)")
          .note(
              "ours: Gatling 3.15.1 in-process, "
                  + SESSIONS
                  + " users x "
                  + (MESSAGES / SESSIONS)
                  + " messages, cap "
                  + Math.max(1, SESSIONS / (2 * Runtime.getRuntime().availableProcessors()))
                  + "/event loop; CPU = whole JVM (Gatling included) during the injection")
          .figure("smtp-source msg/s", refRate, "msg/s")
          .figure("ours msg/s (pipelining, as offered)", ours[0], "msg/s")
          .figure("ours msg/s (pipelining off)", oursNoPipe[0], "msg/s")
          .ratio("ours / smtp-source msg/s (pipelining)", ours[0], refRate, ">= 1.0")
          .ratio("ours / smtp-source msg/s (pipelining off)", oursNoPipe[0], refRate, "info")
          .figure("smtp-source CPU per 1000 msgs", refCpuPer1000 * 1000, "CPU ms")
          .figure("ours CPU per 1000 msgs (pipelining)", ours[1] * 1000, "CPU ms")
          .figure("ours CPU per 1000 msgs (pipelining off)", oursNoPipe[1] * 1000, "CPU ms")
          .ratio("ours / smtp-source CPU per message", ours[1], refCpuPer1000, "<= 1.5")
          .figure("ours KO in measured runs", ours[2] + oursNoPipe[2], "KO")
          .ratio(
              "ours / smtp-source CPU per message, JIT left out",
              ours[1] - oursThreads.getOrDefault(JIT, 0.0) / (MESSAGES / 1000.0),
              refCpuPer1000,
              "info")
          .note(
              String.format(
                  Locale.ROOT,
                  "before each measured run the JIT was let settle (%.1f s before the pipelining"
                      + " run)",
                  settled))
          .note("where ours spent its CPU (pipelining run), CPU ms per 1000 msgs by thread group:")
          .lines(
              oursThreads.entrySet().stream()
                  .filter(e -> e.getValue() > 0)
                  .map(
                      e ->
                          String.format(
                              Locale.ROOT,
                              "    %-50s %8.1f",
                              e.getKey(),
                              e.getValue() * 1000 / (MESSAGES / 1000.0)))
                  .toList())
          .figure("generator: 50 KB journal reports, 1 thread", generated / genSeconds, "msg/s")
          .figure("generator: bytes out", bytes / genSeconds / 1e6, "MB/s")
          .print();
    } finally {
      sink.destroy();
      sink.waitFor(5, TimeUnit.SECONDS);
    }
  }

  /**
   * Waits until the JIT compiler has settled (under 20 ms of compiler CPU in a second, at most 30
   * s): each Gatling run ends with its report, whose compilations otherwise land in the next run's
   * window (measured: about 40 % of our CPU per message there).
   */
  private static double awaitJitSettled() throws InterruptedException {
    long t0 = System.nanoTime();
    double before = THREADS.sample().getOrDefault(JIT, 0.0);
    while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(30)) {
      TimeUnit.SECONDS.sleep(1);
      double now = THREADS.sample().getOrDefault(JIT, 0.0);
      if (now - before < 0.02) {
        break;
      }
      before = now;
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  private static final String JIT = "JIT compiler";

  /** Runs the benchmark simulation; returns msg/s, CPU s per 1000 msgs, KO count. */
  private static double[] measuredRun(Path results, PipeliningMode mode)
      throws InterruptedException {
    settledSeconds = awaitJitSettled();
    params = new BenchParams(params.port(), params.mail(), mode, MESSAGES);
    GatlingLauncher.run(Bench.class, results, "measured " + mode);
    LoadCounters c = lastProtocol.protocol().counters();
    long done = c.snapshot().decided();
    double seconds = loadNanos / 1e9;
    return new double[] {done / seconds, loadCpuNanos / 1e9 / (done / 1000.0), c.errors()};
  }

  /** Runs {@code command} under bash; returns {wall seconds, child CPU seconds (user+sys)}. */
  private static double[] timedChild(String command) throws Exception {
    long t0 = System.nanoTime();
    String out = run(List.of("bash", "-c", command + " >/dev/null; times"));
    double wall = (System.nanoTime() - t0) / 1e9;
    String[] lines = out.trim().split("\n");
    Matcher m =
        Pattern.compile("(\\d+)m([\\d.]+)s\\s+(\\d+)m([\\d.]+)s").matcher(lines[lines.length - 1]);
    if (!m.find()) {
      throw new IllegalStateException("cannot read child CPU times from: " + out);
    }
    double cpu =
        Integer.parseInt(m.group(1)) * 60
            + Double.parseDouble(m.group(2))
            + Integer.parseInt(m.group(3)) * 60
            + Double.parseDouble(m.group(4));
    return new double[] {wall, cpu};
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(command + " failed: " + out);
    }
    return out;
  }

  private static long cpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void awaitListening(int port) {
    await("smtp-sink to listen on port " + port)
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .ignoreExceptionsInstanceOf(IOException.class)
        .until(
            () -> {
              try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
              }
            });
  }
}
