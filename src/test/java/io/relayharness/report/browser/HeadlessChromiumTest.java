package io.relayharness.report.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser wrapper itself sees what the report tests rely on it to see: a console error, an
 * uncaught exception and a request that leaves the machine (blocked, as the network is offline).
 */
class HeadlessChromiumTest {

  @TempDir Path dir;

  @Test
  void shouldReportConsoleErrorsExceptionsAndNonLocalRequests() throws IOException {
    Path html = dir.resolve("bad.html");
    Files.writeString(
        html,
        """
        <!doctype html><html><body>
        <img src="http://203.0.113.9/pixel.png">
        <script>
          console.error("drawn badly");
          setTimeout(() => { window.__reportStatus = {ready: true, charts: {}}; }, 10);
          throw new Error("boom");
        </script>
        </body></html>
        """);
    try (HeadlessChromium browser = HeadlessChromium.start(ChromiumSetup.ensure())) {
      HeadlessChromium.PageResult page = browser.open(html, dir.resolve("bad.png"), "1 + 1");

      assertThat(page.errors())
          .as("errors seen")
          .anySatisfy(e -> assertThat(e).contains("drawn badly"))
          .anySatisfy(e -> assertThat(e).contains("boom"));
      assertThat(page.nonLocalRequests())
          .as("requests off the machine")
          .containsExactly("http://203.0.113.9/pixel.png");
      assertThat(page.status().path("ready").asBoolean()).isTrue();
      assertThat(page.read().asInt()).as("expression read after load").isEqualTo(2);
      assertThat(page.screenshot()).isNotEmptyFile();
    }
  }
}
