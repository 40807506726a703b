package io.relayharness.report.browser;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.relayharness.ledger.JsonLines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.awaitility.core.ConditionTimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A headless Chromium (Debian's {@code chromium}) driven through Selenium and Debian's {@code
 * chromedriver}, both given by path so Selenium Manager never looks for (or downloads) anything:
 * open a local page with the network emulated offline, collect console errors, exceptions and any
 * non-local request (from chromedriver's browser and performance logs), read {@code
 * window.__reportStatus}, save a full-page screenshot. One browser per instance, one page at a
 * time. Not thread-safe.
 */
public final class HeadlessChromium implements AutoCloseable {

  /** Width of the page in CSS pixels, for layout and screenshots. */
  public static final int WIDTH_PX = 1400;

  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);
  private static final int MAX_SCREENSHOT_HEIGHT_PX = 16_000;

  private final ChromeDriver driver;

  /**
   * What a page did when opened.
   *
   * @param errors console errors, uncaught exceptions and error log entries
   * @param nonLocalRequests requests to anything but file: and data: URLs
   * @param status {@code window.__reportStatus}, or a missing node
   * @param screenshot the PNG written
   * @param read the value of the expression evaluated after load, or null
   */
  public record PageResult(
      List<String> errors,
      List<String> nonLocalRequests,
      JsonNode status,
      Path screenshot,
      JsonNode read) {}

  private HeadlessChromium(ChromiumSetup.Executables browser) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(browser.chromium().toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--window-size=" + WIDTH_PX + ",3000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(browser.chromedriver().toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
    offline.setOffline(true);
    driver.setNetworkConditions(offline);
    driver.manage().timeouts().pageLoadTimeout(STEP_TIMEOUT).scriptTimeout(STEP_TIMEOUT);
  }

  /** Starts chromium headless with a fresh profile, through chromedriver. */
  public static HeadlessChromium start(ChromiumSetup.Executables browser) {
    return new HeadlessChromium(browser);
  }

  /**
   * Opens {@code html} offline, waits until {@code window.__reportStatus.ready}, saves a full-page
   * PNG to {@code screenshot} and reports what the page did.
   */
  public PageResult open(Path html, Path screenshot) {
    return open(html, screenshot, null);
  }

  /**
   * Like {@link #open(Path, Path)}, and also evaluates {@code expression} (may be null) once the
   * page is ready, returning its JSON value in {@link PageResult#read()}.
   */
  public PageResult open(Path html, Path screenshot, String expression) {
    driver.get("about:blank");
    drain(LogType.BROWSER);
    drain(LogType.PERFORMANCE);
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", WIDTH_PX, "height", 1000, "deviceScaleFactor", 1, "mobile", false));
    driver.get(html.toAbsolutePath().toUri().toString());
    JsonNode status = awaitReady(html);
    saveScreenshot(screenshot);
    JsonNode read = expression == null ? null : evaluate(expression);
    List<String> errors = errors(driver.manage().logs().get(LogType.BROWSER).getAll());
    List<String> requests =
        nonLocalRequests(driver.manage().logs().get(LogType.PERFORMANCE).getAll());
    return new PageResult(errors, requests, status, screenshot, read);
  }

  private JsonNode evaluate(String expression) {
    Object text = driver.executeScript("return JSON.stringify(" + expression + ");");
    return json(String.valueOf(text));
  }

  private static JsonNode json(String text) {
    try {
      return JsonLines.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + text, e);
    }
  }

  private JsonNode awaitReady(Path html) {
    JsonNode[] last = new JsonNode[1];
    try {
      return await("window.__reportStatus.ready in " + html)
          .atMost(STEP_TIMEOUT)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(50))
          .until(
              () -> last[0] = evaluate("window.__reportStatus || null"),
              s -> s != null && s.path("ready").asBoolean(false));
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(
          "expected window.__reportStatus.ready in "
              + html
              + " within "
              + STEP_TIMEOUT.toSeconds()
              + " s; last status: "
              + last[0]
              + "; errors: "
              + errors(driver.manage().logs().get(LogType.BROWSER).getAll()),
          e);
    }
  }

  private void saveScreenshot(Path png) {
    Map<String, Object> layout = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    Object size = layout.get("cssContentSize");
    double contentHeight =
        size instanceof Map<?, ?> m && m.get("height") instanceof Number n ? n.doubleValue() : 3000;
    int height = (int) Math.min(MAX_SCREENSHOT_HEIGHT_PX, Math.ceil(contentHeight));
    Map<String, Object> clip =
        Map.of("x", 0, "y", 0, "width", WIDTH_PX, "height", height, "scale", 1);
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    try {
      Files.write(png, Base64.getDecoder().decode(String.valueOf(shot.get("data"))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + png, e);
    }
  }

  private void drain(String logType) {
    driver.manage().logs().get(logType);
  }

  /** Console errors, uncaught exceptions and failed loads: the browser log's SEVERE entries. */
  private static List<String> errors(List<LogEntry> browserLog) {
    List<String> out = new ArrayList<>();
    for (LogEntry e : browserLog) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
        out.add(e.getMessage());
      }
    }
    return out;
  }

  /** Every request the page sent that is not file:, data: or about:blank. */
  private static List<String> nonLocalRequests(List<LogEntry> performanceLog) {
    List<String> out = new ArrayList<>();
    for (LogEntry e : performanceLog) {
      JsonNode message = json(e.getMessage()).path("message");
      if (message.path("method").asText().equals("Network.requestWillBeSent")) {
        String url = message.path("params").path("request").path("url").asText();
        if (!url.startsWith("file:") && !url.startsWith("data:") && !url.equals("about:blank")) {
          out.add(url);
        }
      }
    }
    return out;
  }

  /** Closes the browser and chromedriver. */
  @Override
  public void close() {
    driver.quit();
  }
}
