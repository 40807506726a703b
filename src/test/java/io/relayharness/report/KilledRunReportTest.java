package io.relayharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.relayharness.cli.HarnessCli;
import io.relayharness.ledger.AcceptedMail;
import io.relayharness.ledger.JsonLines;
import io.relayharness.observe.JsonLinesAppender;
import io.relayharness.observe.QueueSample;
import io.relayharness.observe.RunFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./harness report} renders the folder a harness killed with {@code kill -9} leaves: only
 * what is written as the run goes (scenario.yaml, the injector's ledger, queue samples, the relay
 * log), each streamed file cut in the middle of a line, and no run.json, verdicts.json,
 * timeline.jsonl, arrivals or faults (those are written when the run ends). SignalIT kills a real
 * harness; this test builds the same folder in a second, and checks what the page shows of it.
 */
class KilledRunReportTest {

  private static final Pattern DATA =
      Pattern.compile(
          "<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL);

  /** When the run started (2026-11-22T10:00:00Z). */
  private static final long T0 = 1_795_341_600_000L;

  private static final int MESSAGES = 40;

  private static final int QUEUE_SAMPLES = 6;

  @TempDir Path tmp;

  @Test
  void shouldRenderTheFolderOfARunKilledMidRun() throws IOException {
    Path dir = killedRunFolder();

    StringWriter out = new StringWriter();
    int code =
        HarnessCli.commandLine(new HarnessCli(() -> null))
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(out, true))
            .execute("report", dir.toString());

    assertThat(code).as("exit of ./harness report; output: %s", out).isZero();
    String html = Files.readString(dir.resolve(RunReport.FILE_NAME));
    assertThat(html)
        .as("what the page says is missing or cut short")
        .contains(
            "run.json is missing",
            "verdicts.json is missing",
            "accepted.jsonl:" + (MESSAGES + 1) + " skipped, not JSON",
            "queue.jsonl:" + (QUEUE_SAMPLES + 1) + " skipped, not JSON",
            "No verdicts");
    JsonNode data = data(html);
    JsonNode series = data.path("series");
    assertThat(sumOfCounts(series.path("rates").path("offered")))
        .as("every whole line of the injector's ledger is charted")
        .isEqualTo(MESSAGES);
    assertThat(series.path("queue").path("total"))
        .as("every whole queue sample (from the first message on)")
        .hasSize(QUEUE_SAMPLES - 1);
    assertThat(series.path("retries").path("worker1"))
        .as("the deferral the relay logged before the kill, read from relay.log")
        .hasSize(1);
    assertThat(data.path("timeline").path("total").asInt())
        .as("per-message timelines joined from the ledger, with no timeline.jsonl")
        .isEqualTo(MESSAGES);
    assertThat(data.path("latency").path("summary").path("notDelivered").asInt())
        .as("no arrivals were collected: every accepted message is without a copy")
        .isEqualTo(MESSAGES);
  }

  /** The folder as a killed harness leaves it, written the way the engine writes as it goes. */
  private Path killedRunFolder() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("reports/steady/20261122-100000"));
    RunFolder folder = RunFolder.open(dir);
    folder.writeScenarioYaml("name: steady\ntopology:\n  workers: 3\n");
    try (JsonLinesAppender accepted = folder.appender(RunFolder.ACCEPTED);
        JsonLinesAppender queue = folder.appender(RunFolder.QUEUE);
        JsonLinesAppender log = folder.appender(RunFolder.RELAY_LOG)) {
      for (int s = 0; s < QUEUE_SAMPLES; s++) {
        // the sampler starts with the harness, a second before the first message
        queue.append(new QueueSample(T0 + 500 + s * 1_000L, 0, 2, s > 3 ? 5 : 0, 0, 2, 0));
      }
      for (int i = 0; i < MESSAGES; i++) {
        accepted.append(mail(i, T0 + 1_000 + i * 100L));
      }
      log.appendLine(
          Instant.ofEpochMilli(T0 + 2_500)
              + " Nov 22 10:00:02 relay postfix/smtp[124]: 4Sx9Yq0m3Nz8RTcM:"
              + " to=<a@archive.example.com>, relay=none, delay=1.2,"
              + " delays=0.01/0/1.2/0, dsn=4.4.1, status=deferred (connect to"
              + " worker1.int.example.com[127.0.1.11]:2525: Connection refused)");
    }
    // kill -9: the writes in progress stop in the middle of a line
    append(dir.resolve(RunFolder.ACCEPTED), "{\"harnessId\":\"h-0040\",\"messageId\":\"<h-00");
    append(dir.resolve(RunFolder.QUEUE), "{\"epochMs\":17953416");
    append(dir.resolve(RunFolder.RELAY_LOG), "2026-11-22T10:00:03.1Z Nov 22 10:00:03 rel");
    return dir;
  }

  private static AcceptedMail mail(int i, long acceptEpochMs) {
    String id = String.format(Locale.ROOT, "h-%04d", i);
    return new AcceptedMail(
        id,
        "<" + id + "@load.example.com>",
        "journal@load.example.com",
        List.of("archive@archive.example.com"),
        4096,
        "sha-" + id,
        AcceptedMail.Outcome.ACCEPTED,
        250,
        "2.0.0 Ok: queued as Q" + i,
        "Q" + i,
        acceptEpochMs - 20,
        acceptEpochMs);
  }

  private static void append(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  private static long sumOfCounts(JsonNode points) {
    long sum = 0;
    for (JsonNode p : points) {
      sum += p.get(1).asLong();
    }
    return sum;
  }

  private static JsonNode data(String html) throws IOException {
    Matcher m = DATA.matcher(html);
    assertThat(m.find()).as("the page embeds its data").isTrue();
    return JsonLines.MAPPER.readTree(m.group(1));
  }
}
