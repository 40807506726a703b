package io.relayharness.report.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayharness.ledger.JsonLines;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A headless Chromium (Debian's {@code chromium}) started for tests with no network use, driven
 * over the DevTools protocol: open a local page with the network emulated offline, collect console
 * errors, exceptions and any non-local request, read {@code window.__reportStatus}, save a
 * full-page screenshot. One browser per instance, one page at a time. Not thread-safe.
 */
public final class HeadlessChromium implements AutoCloseable {

  /** Width of the page in CSS pixels, for layout and screenshots. */
  public static final int WIDTH_PX = 1400;

  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);
  private static final int MAX_SCREENSHOT_HEIGHT_PX = 16_000;

  private final Process process;
  private final Path userDataDir;
  private final DevToolsConnection devTools;
  private final List<String> stderr = new CopyOnWriteArrayList<>();

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

  private HeadlessChromium(Path chromium) throws IOException {
    userDataDir = Files.createTempDirectory("relay-harness-chromium-");
    process =
        new ProcessBuilder(
                chromium.toString(),
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
                "--user-data-dir=" + userDataDir,
                "--window-size=" + WIDTH_PX + ",3000",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "about:blank")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    CompletableFuture<URI> endpoint = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  stderr.add(line);
                  int at = line.indexOf("ws://");
                  if (line.startsWith("DevTools listening on") && at >= 0) {
                    endpoint.complete(URI.create(line.substring(at).trim()));
                  }
                }
              } catch (IOException e) {
                endpoint.completeExceptionally(e);
              }
              endpoint.completeExceptionally(
                  new IOException("chromium ended before DevTools listened: " + stderr));
            },
            "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    try {
      devTools = DevToolsConnection.open(endpoint.get(30, TimeUnit.SECONDS));
    } catch (Exception e) {
      close();
      throw new IOException("chromium did not start DevTools within 30 s; stderr: " + stderr, e);
    }
  }

  /** Starts {@code chromium} headless with a fresh profile. */
  public static HeadlessChromium start(Path chromium) throws IOException {
    return new HeadlessChromium(chromium);
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
    String targetId =
        devTools
            .send(null, "Target.createTarget", params().put("url", "about:blank"), STEP_TIMEOUT)
            .path("targetId")
            .asText();
    String session =
        devTools
            .send(
                null,
                "Target.attachToTarget",
                params().put("targetId", targetId).put("flatten", true),
                STEP_TIMEOUT)
            .path("sessionId")
            .asText();
    try {
      for (String domain : List.of("Runtime", "Log", "Page", "Network")) {
        devTools.send(session, domain + ".enable", null, STEP_TIMEOUT);
      }
      devTools.send(
          session,
          "Network.emulateNetworkConditions",
          params()
              .put("offline", true)
              .put("latency", 0)
              .put("downloadThroughput", -1)
              .put("uploadThroughput", -1),
          STEP_TIMEOUT);
      devTools.send(
          session,
          "Emulation.setDeviceMetricsOverride",
          params()
              .put("width", WIDTH_PX)
              .put("height", 1000)
              .put("deviceScaleFactor", 1)
              .put("mobile", false),
          STEP_TIMEOUT);
      devTools.send(
          session,
          "Page.navigate",
          params().put("url", html.toAbsolutePath().toUri().toString()),
          STEP_TIMEOUT);
      devTools.awaitEvent(
          "Page.loadEventFired for " + html,
          e ->
              "Page.loadEventFired".equals(e.path("method").asText())
                  && session.equals(e.path("sessionId").asText()),
          STEP_TIMEOUT);
      JsonNode status = awaitReady(session, html);
      saveScreenshot(session, screenshot);
      JsonNode read = null;
      if (expression != null) {
        read = json(evaluate(session, "JSON.stringify(" + expression + ")").asText("null"));
      }
      return new PageResult(errors(session), nonLocalRequests(session), status, screenshot, read);
    } finally {
      devTools.send(null, "Target.closeTarget", params().put("targetId", targetId), STEP_TIMEOUT);
    }
  }

  private JsonNode evaluate(String session, String expression) {
    JsonNode r =
        devTools.send(
            session,
            "Runtime.evaluate",
            params().put("expression", expression).put("returnByValue", true),
            STEP_TIMEOUT);
    if (r.has("exceptionDetails")) {
      throw new IllegalStateException(
          "page threw on " + expression + ": " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  private static JsonNode json(String text) {
    try {
      return JsonLines.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + text, e);
    }
  }

  private JsonNode awaitReady(String session, Path html) {
    long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
    JsonNode status = null;
    while (System.nanoTime() < deadline) {
      status = json(evaluate(session, "JSON.stringify(window.__reportStatus || null)").asText());
      if (status != null && status.path("ready").asBoolean(false)) {
        return status;
      }
      // The page's scripts run synchronously after load; one more round trip is the only pause.
      devTools.send(session, "Runtime.evaluate", params().put("expression", "0"), STEP_TIMEOUT);
    }
    throw new IllegalStateException(
        "expected window.__reportStatus.ready in "
            + html
            + " within "
            + STEP_TIMEOUT.toSeconds()
            + " s; last status: "
            + status
            + "; errors: "
            + errors(session));
  }

  private void saveScreenshot(String session, Path png) {
    JsonNode layout = devTools.send(session, "Page.getLayoutMetrics", null, STEP_TIMEOUT);
    int height =
        (int)
            Math.min(
                MAX_SCREENSHOT_HEIGHT_PX,
                Math.ceil(layout.path("cssContentSize").path("height").asDouble(3000)));
    ObjectNode clip = params().put("x", 0).put("y", 0).put("width", WIDTH_PX).put("height", height);
    clip.put("scale", 1);
    ObjectNode p = params().put("format", "png").put("captureBeyondViewport", true);
    p.set("clip", clip);
    String data =
        devTools.send(session, "Page.captureScreenshot", p, STEP_TIMEOUT).path("data").asText();
    try {
      Files.write(png, Base64.getDecoder().decode(data));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + png, e);
    }
  }

  private List<String> errors(String session) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : devTools.events()) {
      if (!session.equals(e.path("sessionId").asText())) {
        continue;
      }
      JsonNode p = e.path("params");
      switch (e.path("method").asText()) {
        case "Runtime.consoleAPICalled" -> {
          String type = p.path("type").asText();
          if (type.equals("error") || type.equals("assert")) {
            out.add("console." + type + ": " + p.path("args"));
          }
        }
        case "Runtime.exceptionThrown" -> out.add("exception: " + p.path("exceptionDetails"));
        case "Log.entryAdded" -> {
          if (p.path("entry").path("level").asText().equals("error")) {
            out.add(
                "log: "
                    + p.path("entry").path("text").asText()
                    + " "
                    + p.path("entry").path("url").asText());
          }
        }
        default -> {}
      }
    }
    return out;
  }

  private List<String> nonLocalRequests(String session) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : devTools.events()) {
      if (session.equals(e.path("sessionId").asText())
          && e.path("method").asText().equals("Network.requestWillBeSent")) {
        String url = e.path("params").path("request").path("url").asText();
        if (!url.startsWith("file:") && !url.startsWith("data:") && !url.equals("about:blank")) {
          out.add(url);
        }
      }
    }
    return out;
  }

  private static ObjectNode params() {
    return JsonLines.MAPPER.createObjectNode();
  }

  /** Closes the browser and deletes its profile. */
  @Override
  public void close() {
    if (devTools != null) {
      try {
        devTools.send(null, "Browser.close", null, Duration.ofSeconds(5));
      } catch (RuntimeException ignored) {
        // the process is ended below either way
      }
      devTools.close();
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(userDataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp dir left behind is harmless
    }
  }
}
