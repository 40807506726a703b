package io.relayharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.relayharness.ledger.JsonLines;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Stopping a real run in its load phase (the command line's main in its own JVM, as {@code
 * ./harness run} starts it):
 *
 * <ul>
 *   <li>Ctrl-C and SIGTERM: the run exits with the documented code, its containers and network are
 *       gone, and the run folder holds what was collected and a report that says it stopped early;
 *   <li>{@code kill -9}: the run folder, written as the run goes, is one that {@code ./harness
 *       report} renders.
 * </ul>
 */
class SignalIT {

  private static final Path PROJECT = Path.of(System.getProperty("relayharness.project.dir", "."));
  private static final Pattern RUN_ID = Pattern.compile("io\\.relayharness\\.run=(rh-[\\w-]+)");
  private static final Pattern SENT = Pattern.compile("\\[load] \\S+ sent (\\d+)");

  @TempDir Path reports;

  /** A run started in its own JVM and read until it is in the load phase. */
  private record Started(
      Process process,
      String runId,
      List<String> output,
      LinkedBlockingQueue<String> lines,
      Thread reader) {

    /** Waits for the process to end and returns everything it printed. */
    String awaitOutput(Duration timeout) throws InterruptedException {
      assertThat(process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS))
          .as("the run ended within %s", timeout)
          .isTrue();
      reader.join(Duration.ofSeconds(5).toMillis()); // it drains the pipe after the end
      lines.drainTo(output);
      return String.join("\n", output);
    }
  }

  private Started startAndAwaitLoad() throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--add-opens");
    cmd.add("java.base/java.lang=ALL-UNNAMED");
    cmd.add("-Drelayharness.project.dir=" + PROJECT.toAbsolutePath());
    // The harness's own logging, as ./harness has it (the test class path also holds the tests'
    // quieter logback-test.xml, which would hide the run's INFO lines).
    cmd.add("-Dlogback.configurationFile=" + SignalIT.class.getResource("/logback.xml"));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.relayharness.cli.HarnessCli");
    cmd.addAll(
        List.of(
            "--project",
            PROJECT.toAbsolutePath().toString(),
            "run",
            "steady-even-distribution",
            "--duration",
            "30s",
            "--progress-interval",
            "1000",
            "--reports",
            reports.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                  lines.add(l);
                }
              } catch (IOException e) {
                // the process ended
              }
            });
    reader.setDaemon(true);
    reader.start();
    List<String> all = new ArrayList<>();
    String runId = null;
    boolean loading = false;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (!loading && System.nanoTime() < deadline && p.isAlive()) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line == null) {
        continue;
      }
      all.add(line);
      Matcher id = RUN_ID.matcher(line);
      if (id.find()) {
        runId = id.group(1);
      }
      Matcher sent = SENT.matcher(line);
      loading = sent.find() && Long.parseLong(sent.group(1)) > 0;
    }
    assertThat(loading)
        .as("the run reached the load phase; output:%n%s", String.join("\n", all))
        .isTrue();
    assertThat(runId).as("the run's id in its clean-up line").isNotNull();
    return new Started(p, runId, all, lines, reader);
  }

  @ParameterizedTest(name = "SIG{0}")
  @CsvSource({"INT, 130", "TERM, 143"})
  void shouldCleanUpAndWriteAPartialReport(String signal, int exitCode) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeFalse(
        signal.equals("INT") && sigintIgnored(),
        "SIGINT is ignored by whatever started these tests (a background job): a JVM started so"
            + " cannot catch it, and neither can the harness");
    Started run = startAndAwaitLoad();
    kill(signal, run);
    String output = run.awaitOutput(Duration.ofSeconds(90));

    assertThat(run.process().exitValue())
        .as("exit code after SIG%s; output:%n%s", signal, output)
        .isEqualTo(exitCode);
    assertThat(docker("ps", "-aq", "--filter", "label=io.relayharness.run=" + run.runId()))
        .as("containers of run %s", run.runId())
        .isBlank();
    assertThat(
            docker("network", "ls", "-q", "--filter", "label=io.relayharness.run=" + run.runId()))
        .as("networks of run %s", run.runId())
        .isBlank();
    Path folder = runFolder();
    assertThat(folder.resolve("report.html")).as("partial report").isNotEmptyFile();
    assertThat(folder.resolve("accepted.jsonl")).as("what the injector saw").isNotEmptyFile();
    assertThat(folder.resolve("relay.log")).as("the relay's log").isNotEmptyFile();
    JsonNode runJson = JsonLines.MAPPER.readTree(folder.resolve("run.json").toFile());
    assertThat(runJson.path("stoppedBy").asText())
        .as("run.json says why it stopped")
        .contains("signal");
    assertThat(runJson.path("passed").asBoolean(true)).as("a stopped run does not pass").isFalse();
    assertThat(Files.readString(folder.resolve("report.html"))).contains("Stopped early");
    assertThat(output).as("no stack trace on the console").doesNotContain("\tat ");
  }

  @Test
  void shouldLeaveAFolderTheReportCommandRendersWhenKilled() throws Exception {
    Started run = startAndAwaitLoad();
    try {
      Awaitility.await("queue samples in the run folder")
          .atMost(Duration.ofSeconds(20))
          .until(() -> Files.size(runFolder().resolve("queue.jsonl")) > 0);
      kill("KILL", run);
      run.awaitOutput(Duration.ofSeconds(30));
      Path folder = runFolder();
      assertThat(folder.resolve("accepted.jsonl"))
          .as("the injector's ledger so far")
          .isNotEmptyFile();
      assertThat(folder.resolve("queue.jsonl")).as("queue samples so far").isNotEmptyFile();
      assertThat(folder.resolve("run.json")).as("a killed run judged nothing").doesNotExist();

      StringWriter out = new StringWriter();
      int code =
          HarnessCli.commandLine(new HarnessCli(() -> null))
              .setOut(new PrintWriter(out, true))
              .setErr(new PrintWriter(out, true))
              .execute("report", folder.toString());
      assertThat(code).as("report of the killed run's folder: %s", out).isZero();
      assertThat(Files.readString(folder.resolve("report.html")))
          .as("the page says what the kill left out and charts what was written")
          .contains("run.json is missing", "verdicts.json is missing", "id=\"chart-rates\"")
          .doesNotContain("no message ledger");
    } finally {
      // No shutdown hook ran: remove the run's containers and network by their label.
      removeByLabel(run.runId());
    }
  }

  /** Whether this process ignores SIGINT (inherited by the run's JVM): Linux's SigIgn mask. */
  private static boolean sigintIgnored() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & 0x2L) != 0;
      }
    }
    return false;
  }

  private static void kill(String signal, Started run) throws Exception {
    new ProcessBuilder("kill", "-" + signal, Long.toString(run.process().pid())).start().waitFor();
  }

  private Path runFolder() throws IOException {
    try (Stream<Path> runs = Files.list(reports.resolve("steady-even-distribution"))) {
      return runs.filter(Files::isDirectory)
          .filter(d -> !d.endsWith("latest"))
          .findFirst()
          .orElseThrow();
    }
  }

  private static void removeByLabel(String runId) throws Exception {
    String label = "label=io.relayharness.run=" + runId;
    for (String id : docker("ps", "-aq", "--filter", label).split("\\s+")) {
      if (!id.isBlank()) {
        docker("rm", "-f", id);
      }
    }
    for (String id : docker("network", "ls", "-q", "--filter", label).split("\\s+")) {
      if (!id.isBlank()) {
        docker("network", "rm", id);
      }
    }
  }

  private static String docker(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add("docker");
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    return out.strip();
  }
}
