package io.relayharness.sink;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link SinkMain} in its own JVM (the test classpath), on loopback with free ports, for tests that
 * kill it with {@code kill -9}. Learns its ports from its start line. Thread-safe.
 */
final class SinkProcess implements AutoCloseable {

  private static final Pattern STARTED =
      Pattern.compile("sink started .* smtp=[^ ]+:(\\d+) http=[^ ]+:(\\d+) .*tornBytes=(\\d+)");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final List<String> output = new CopyOnWriteArrayList<>();
  private final int smtpPort;
  private final int httpPort;
  private final long tornBytes;

  private SinkProcess(Process process) throws IOException {
    this.process = process;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  output.add(line);
                }
              } catch (IOException e) {
                // the process died; the output so far is kept
              }
            },
            "sink-process-output");
    reader.setDaemon(true);
    reader.start();
    String line =
        await("the sink process to log its start line")
            .atMost(START_TIMEOUT)
            .pollInterval(Duration.ofMillis(20))
            .until(
                () -> {
                  if (!process.isAlive()) {
                    throw new AssertionError("sink process exited early: " + output);
                  }
                  return output.stream()
                      .filter(l -> STARTED.matcher(l).find())
                      .findFirst()
                      .orElse(null);
                },
                l -> l != null);
    Matcher m = STARTED.matcher(line);
    m.find();
    this.smtpPort = Integer.parseInt(m.group(1));
    this.httpPort = Integer.parseInt(m.group(2));
    this.tornBytes = Long.parseLong(m.group(3));
  }

  /** Starts worker0 with its ledger at {@code ledger}. */
  static SinkProcess start(Path ledger, long groupCommitMs) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-XX:TieredStopAtLevel=1"); // starts faster; throughput does not matter here
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(SinkMain.class.getName());
    cmd.addAll(
        List.of(
            "--name", "worker0",
            "--bind", "127.0.0.1",
            "--smtp-port", "0",
            "--http-port", "0",
            "--ledger", ledger.toString(),
            "--group-commit-ms", String.valueOf(groupCommitMs)));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try {
      return new SinkProcess(p);
    } catch (RuntimeException | Error e) {
      p.destroyForcibly();
      throw e;
    }
  }

  int smtpPort() {
    return smtpPort;
  }

  int httpPort() {
    return httpPort;
  }

  /** Returns the torn bytes the sink reported removing at start. */
  long tornBytes() {
    return tornBytes;
  }

  /** Returns what the process has printed so far. */
  List<String> output() {
    return List.copyOf(output);
  }

  /** Sends SIGKILL and waits (bounded) for the process to be gone. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      throw new AssertionError("sink process still alive 10 s after kill -9");
    }
  }

  /** Sends SIGTERM and waits (bounded) for a clean exit; returns the exit code. */
  int terminate() throws InterruptedException {
    // through the handle: Process.destroy() would also close our end of its output pipe
    process.toHandle().destroy();
    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      throw new AssertionError("sink process still alive 10 s after SIGTERM");
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
