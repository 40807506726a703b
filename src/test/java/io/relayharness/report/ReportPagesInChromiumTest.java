package io.relayharness.report;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.qameta.allure.Allure;
import io.relayharness.report.browser.ChromiumSetup;
import io.relayharness.report.browser.HeadlessChromium;
import io.relayharness.report.browser.HeadlessChromium.PageResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens the run report and the comparison of two synthetic runs (uneven 40/193/67 and even
 * 100/100/100) in headless Chromium through Selenium and chromedriver, offline: no errors, no
 * network, every chart drawn with data, screenshots saved in the run folders
 * (target/report-browser-test/reports/...).
 */
class ReportPagesInChromiumTest {

  private static final Path REPORTS = Path.of("target/report-browser-test/reports");
  private static final DateTimeFormatter RUN_NAME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  /** Every chart of the run report. */
  static final List<String> RUN_CHARTS =
      List.of(
          "chart-rates",
          "chart-delivered",
          "chart-queue",
          "chart-retries",
          "chart-latency-time",
          "chart-latency-pct",
          "chart-latency-hist",
          "chart-latency-cdf");

  /** Every chart of the comparison page. */
  static final List<String> COMPARE_CHARTS =
      List.of(
          "chart-rates",
          "chart-delivered",
          "chart-queue",
          "chart-split",
          "chart-latency-pct",
          "chart-latency-cdf");

  private static HeadlessChromium browser;
  private static Path unevenRun;
  private static Path evenRun;

  @BeforeAll
  static void startBrowserAndWriteRuns() throws IOException {
    ChromiumSetup.Executables chromium = ChromiumSetup.ensure();
    unevenRun = runFolder(SyntheticRunFolder.uneven());
    evenRun = runFolder(SyntheticRunFolder.even());
    browser = HeadlessChromium.start(chromium);
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void shouldDrawEveryChartOfTheRunReportOfflineWithoutErrors() throws IOException {
    Path html = RunReport.write(unevenRun);

    PageResult page = browser.open(html, unevenRun.resolve("report.png"));

    assertThat(page.errors()).as("console errors and exceptions in %s", html).isEmpty();
    assertThat(page.nonLocalRequests()).as("network requests from %s", html).isEmpty();
    assertThat(page.status().path("errors")).as("errors the page recorded").isEmpty();
    for (String chart : RUN_CHARTS) {
      JsonNode c = page.status().path("charts").path(chart);
      assertThat(c.path("skipped").isNull()).as("%s drawn (status %s)", chart, c).isTrue();
      assertThat(c.path("points").asInt()).as("%s points", chart).isPositive();
      assertThat(c.path("pixels").asInt()).as("%s ink pixels on its canvas", chart).isPositive();
    }
    assertThat(page.status().path("charts").path("chart-queue").path("faultBands").asInt())
        .as(
            "fault bands and markers over the queue chart: three faults, and the pale apply-to-undo"
                + " band of the one whose in-effect span is shorter")
        .isEqualTo(4);
    assertThat(page.screenshot()).isNotEmptyFile();
    attach("run report", html, page.screenshot());
  }

  @Test
  void shouldShowTheUnevenAndTheEvenSplitSideBySide() throws IOException {
    RunReport.write(unevenRun);
    RunReport.write(evenRun);
    Path html =
        RunComparison.write(unevenRun, evenRun, unevenRun.getParent().resolve("compare.html"));
    String readSplit =
        "Array.from(document.querySelectorAll('#split-table tbody tr[data-worker]')).map(tr =>"
            + " [tr.dataset.worker, tr.querySelector('.a-count').textContent,"
            + " tr.querySelector('.b-count').textContent])";

    PageResult page = browser.open(html, unevenRun.resolve("compare.png"), readSplit);
    Files.copy(page.screenshot(), evenRun.resolve("compare.png"), REPLACE_EXISTING);

    assertThat(page.errors()).as("console errors and exceptions in %s", html).isEmpty();
    assertThat(page.nonLocalRequests()).as("network requests from %s", html).isEmpty();
    assertThat(page.status().path("errors")).as("errors the page recorded").isEmpty();
    for (String chart : COMPARE_CHARTS) {
      JsonNode c = page.status().path("charts").path(chart);
      assertThat(c.path("skipped").isNull()).as("%s drawn (status %s)", chart, c).isTrue();
      assertThat(c.path("points").asInt()).as("%s points", chart).isPositive();
      assertThat(c.path("pixels").asInt()).as("%s ink pixels on its canvas", chart).isPositive();
    }
    assertThat(page.read().toString())
        .as("worker, A (uneven) and B (even) first arrivals as the page shows them")
        .isEqualTo(
            "[[\"worker0\",\"40\",\"100\"],[\"worker1\",\"193\",\"100\"],"
                + "[\"worker2\",\"67\",\"100\"]]");
    attach("comparison", html, page.screenshot());
  }

  @Test
  void shouldExplainEveryChartItCannotDrawForAPartialRun() throws IOException {
    Path run = Files.createDirectories(REPORTS.resolve("partial-run/20261122-000000"));
    Files.writeString(
        run.resolve("run.json"),
        "{\"scenario\":\"partial-run\",\"startEpochMs\":1000,\"endEpochMs\":31000,"
            + "\"gatlingReport\":null}");
    Files.writeString(
        run.resolve("accepted.jsonl"),
        "{\"outcome\":\"ACCEPTED\",\"startEpochMs\":5000,\"endEpochMs\":5010}\n"
            + "{\"outcome\":\"ACCEPTED\",\"startEpochMs\":6200,\"endEpochMs\":6210}\n");
    Path html = RunReport.write(run);

    PageResult page = browser.open(html, run.resolve("report.png"));

    assertThat(page.errors()).as("console errors and exceptions in %s", html).isEmpty();
    assertThat(page.status().path("errors")).as("errors the page recorded").isEmpty();
    JsonNode charts = page.status().path("charts");
    assertThat(charts.path("chart-rates").path("points").asInt())
        .as("offered and accepted in seconds 0 and 1 of the ledger")
        .isEqualTo(4);
    assertThat(charts.path("chart-delivered").path("skipped").asText())
        .as("why the deliveries chart is missing")
        .contains("arrivals.jsonl");
    assertThat(charts.path("chart-queue").path("skipped").asText())
        .as("why the queue chart is missing")
        .isEqualTo("no samples in queue.jsonl");
    assertThat(charts.path("chart-latency-cdf").path("skipped").asText())
        .contains("timeline.jsonl");
  }

  /** Attaches a page and its screenshot to this test in the Allure results (as the lead will). */
  private static void attach(String name, Path html, Path png) throws IOException {
    try (InputStream page = Files.newInputStream(html);
        InputStream shot = Files.newInputStream(png)) {
      Allure.addAttachment(name + " (HTML)", "text/html", page, ".html");
      Allure.addAttachment(name + " (screenshot)", "image/png", shot, ".png");
    }
  }

  private static Path runFolder(SyntheticRunFolder.Spec spec) throws IOException {
    Path scenario = REPORTS.resolve(spec.scenario());
    Path dir = scenario.resolve(RUN_NAME.format(Instant.ofEpochMilli(spec.startEpochMs())));
    SyntheticRunFolder.write(dir, spec);
    Path latest = scenario.resolve("latest");
    Files.deleteIfExists(latest);
    Files.createSymbolicLink(latest, dir.getFileName());
    return dir;
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
