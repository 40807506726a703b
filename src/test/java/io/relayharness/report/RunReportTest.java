package io.relayharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.relayharness.ledger.JsonLines;
import io.relayharness.observe.RunInfo;
import io.relayharness.report.internal.ConfigDiff;
import io.relayharness.report.internal.LatencyStats;
import io.relayharness.report.internal.ReportedRun;
import io.relayharness.report.internal.WorkerSplit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In-process checks of the run report and comparison pages (no browser). */
class RunReportTest {

  private static final Pattern DATA =
      Pattern.compile(
          "<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL);

  @TempDir Path tmp;

  @Test
  void shouldWriteOneSelfContainedPageWithTheRunData() throws IOException {
    Path run = SyntheticRunFolder.write(tmp.resolve("run"), SyntheticRunFolder.uneven());

    String html = Files.readString(RunReport.write(run));

    assertThat(html)
        .as("nothing loaded from elsewhere")
        .doesNotContainPattern("<script[^>]+src=")
        .doesNotContainPattern("<link[^>]+href=")
        .doesNotContainPattern("(src|href)=\"(https?:)?//");
    assertThat(html)
        .contains("echarts")
        .contains("gatling/smtpsimulation-1795000000000/index.html");
    JsonNode data = data(html);
    assertThat(data.path("series").path("delivered").fieldNames())
        .toIterable()
        .containsExactly("worker0", "worker1", "worker2");
    assertThat(data.path("series").path("faults")).hasSize(3);
    assertThat(data.path("timeline").path("total").asInt()).isEqualTo(300);
    assertThat(data.path("latency").path("summary").path("count").asInt()).isEqualTo(300);
  }

  @Test
  void shouldListOnlyTheSettingsThatDifferFromPostfixDefaults() throws IOException {
    Path run = SyntheticRunFolder.write(tmp.resolve("run"), SyntheticRunFolder.even());
    RunInfo runJson = ReportedRun.load(run).info();

    List<String> names =
        ConfigDiff.againstDefaults(runJson).stream().map(ConfigDiff.Row::name).toList();

    assertThat(names)
        .as("differs from the default")
        .contains("minimal_backoff_time", "smtp_connection_cache_on_demand")
        .as("equal to the default")
        .doesNotContain("smtp_tls_security_level");
  }

  @Test
  void shouldShowOnlyTheChangedSettingBetweenTheTwoRuns() throws IOException {
    Path a = SyntheticRunFolder.write(tmp.resolve("a"), SyntheticRunFolder.uneven());
    Path b = SyntheticRunFolder.write(tmp.resolve("b"), SyntheticRunFolder.even());

    List<ConfigDiff.Row> diff =
        ConfigDiff.between(ReportedRun.load(a).info(), ReportedRun.load(b).info());

    assertThat(diff)
        .containsExactly(new ConfigDiff.Row("smtp_connection_cache_on_demand", "yes", "no", "yes"));
  }

  @Test
  void shouldCountEachMessageOnceAtItsFirstWorker() throws IOException {
    Path run = SyntheticRunFolder.write(tmp.resolve("run"), SyntheticRunFolder.uneven());

    WorkerSplit split = WorkerSplit.of(ReportedRun.load(run));

    assertThat(split.firstArrivals())
        .isEqualTo(Map.of("worker0", 40L, "worker1", 193L, "worker2", 67L));
    assertThat(split.totalArrivals()).as("two duplicates included").isEqualTo(302);
  }

  @Test
  void shouldTakeNearestRankPercentiles() {
    long[] ms = new long[100];
    for (int i = 0; i < 100; i++) {
      ms[i] = 100 - i;
    }

    LatencyStats stats = LatencyStats.ofMs(ms, 2);

    assertThat(stats.percentileMs(50)).isEqualTo(50);
    assertThat(stats.percentileMs(95)).isEqualTo(95);
    assertThat(stats.percentileMs(99)).isEqualTo(99);
    assertThat(stats.percentileMs(100)).isEqualTo(100);
    assertThat(stats.histogram().path("counts").get(0).asInt()).as("bin <= 1 ms").isEqualTo(1);
  }

  @Test
  void shouldWriteAReportWithNotesWhenFilesAreMissing() throws IOException {
    Path run = Files.createDirectories(tmp.resolve("partial"));
    Files.writeString(
        run.resolve("run.json"),
        "{\"scenario\":\"partial\",\"startEpochMs\":1000,\"endEpochMs\":61000,"
            + "\"gatlingReport\":null,\"relaySettings\":{\"a\":\"1\"},\"relayDefaults\":{\"a\":\"2\"}}");
    Files.writeString(
        run.resolve("accepted.jsonl"),
        "{\"outcome\":\"ACCEPTED\",\"startEpochMs\":2000,\"endEpochMs\":2010}\nnot json\n");

    String html = Files.readString(RunReport.write(run));

    assertThat(html)
        .contains("faults.jsonl is missing")
        .contains("accepted.jsonl:2 skipped, not JSON")
        .contains("no Gatling report for this run")
        .contains("No verdicts");
  }

  @Test
  void shouldKeepScriptEndTagsInDataFromEndingTheDataBlock() throws IOException {
    Path run = SyntheticRunFolder.write(tmp.resolve("run"), SyntheticRunFolder.even());
    Files.writeString(
        run.resolve("verdicts.json"),
        "[{\"name\":\"x\",\"passed\":false,\"summary\":\"</script><b>s</b>\",\"figures\":{},"
            + "\"tables\":[]}]");
    Files.writeString(
        run.resolve("faults.jsonl"),
        "{\"startEpochMs\":1795000601000,"
            + "\"endEpochMs\":null,\"action\":\"</script>\",\"target\":\"relay\",\"detail\":\"\"}\n");

    String html = Files.readString(RunReport.write(run));

    assertThat(data(html).path("series").path("faults").get(0).path("action").asText())
        .isEqualTo("</script>");
    assertThat(html).contains("&lt;/script&gt;&lt;b&gt;s&lt;/b&gt;");
  }

  private static JsonNode data(String html) throws IOException {
    Matcher m = DATA.matcher(html);
    assertThat(m.find()).as("the page embeds its data").isTrue();
    return JsonLines.MAPPER.readTree(m.group(1));
  }
}
