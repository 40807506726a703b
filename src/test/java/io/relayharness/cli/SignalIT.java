package io.relayharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.relayharness.ledger.JsonLines;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C and SIGTERM during the load phase of a real run (the command line's main in its own JVM,
 * as {@code ./harness run} starts it): the run exits with the documented code, its containers and
 * network are gone, and the run folder holds what was collected and a report that says the run was
 * stopped.
 */
class SignalIT {

  private static final Path PROJECT = Path.of(System.getProperty("relayharness.project.dir", "."));
  private static final Pattern RUN_ID = Pattern.compile("io\\.relayharness\\.run=(rh-[\\w-]+)");
  private static final Pattern SENT = Pattern.compile("\\[load] \\S+ sent (\\d+)");

  @TempDir Path reports;

  @ParameterizedTest(name = "{0}")
  @CsvSource({"INT, 130", "TERM, 143"})
  void shouldCleanUpAndWriteAPartialReport(String signal, int exitCode) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--add-opens");
    cmd.add("java.base/java.lang=ALL-UNNAMED");
    cmd.add("-Drelayharness.project.dir=" + PROJECT.toAbsolutePath());
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
    List<String> all = new ArrayList<>();
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
    reader.start();
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

    new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("exited within 90 s of SIG%s", signal).isTrue();
    reader.join(5000);
    lines.drainTo(all);
    String output = String.join("\n", all);

    assertThat(p.exitValue())
        .as("exit code after SIG%s; output:%n%s", signal, output)
        .isEqualTo(exitCode);
    assertThat(docker("ps", "-aq", "--filter", "label=io.relayharness.run=" + runId))
        .as("containers of run %s", runId)
        .isBlank();
    assertThat(docker("network", "ls", "-q", "--filter", "label=io.relayharness.run=" + runId))
        .as("networks of run %s", runId)
        .isBlank();
    Path folder;
    try (Stream<Path> runs = Files.list(reports.resolve("steady-even-distribution"))) {
      folder =
          runs.filter(Files::isDirectory)
              .filter(d -> !d.endsWith("latest"))
              .findFirst()
              .orElseThrow();
    }
    assertThat(folder.resolve("report.html")).as("partial report").isNotEmptyFile();
    assertThat(folder.resolve("accepted.jsonl")).as("what the injector saw").isNotEmptyFile();
    assertThat(folder.resolve("relay.log")).as("the relay's log").isNotEmptyFile();
    JsonNode run = JsonLines.MAPPER.readTree(folder.resolve("run.json").toFile());
    assertThat(run.path("stoppedBy").asText())
        .as("run.json says why it stopped")
        .contains("signal");
    assertThat(run.path("passed").asBoolean(true)).as("a stopped run does not pass").isFalse();
    assertThat(Files.readString(folder.resolve("report.html"))).contains("Stopped early");
    assertThat(output).as("no stack trace on the console").doesNotContain("\tat ");
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
