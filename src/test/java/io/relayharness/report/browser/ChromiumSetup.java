package io.relayharness.report.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds Chromium for the browser tests through the project's own set-up script ({@code
 * docker/engine/ensure-chromium.sh}, which installs Debian's package when it can). When it cannot,
 * the calling test is skipped with the script's reason, printed so the skip is visible. Stateless;
 * thread-safe.
 */
public final class ChromiumSetup {

  private static final long INSTALL_TIMEOUT_SEC = 600;

  private ChromiumSetup() {}

  /** The chromium executable, installing it first if needed; aborts the test when impossible. */
  public static Path ensure() {
    Path script = Path.of("docker/engine/ensure-chromium.sh").toAbsolutePath();
    try {
      Process p =
          new ProcessBuilder("bash", script.toString())
              .redirectError(ProcessBuilder.Redirect.PIPE)
              .start();
      if (!p.waitFor(INSTALL_TIMEOUT_SEC, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return skip("ensure-chromium.sh did not finish within " + INSTALL_TIMEOUT_SEC + " s");
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (p.exitValue() != 0 || out.isEmpty() || !Files.isExecutable(Path.of(out))) {
        return skip("ensure-chromium.sh exit " + p.exitValue() + ": " + err);
      }
      return Path.of(out);
    } catch (IOException e) {
      return skip("cannot run " + script + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return skip("interrupted while installing chromium");
    }
  }

  private static Path skip(String reason) {
    System.err.println("[report tests] SKIPPED browser checks: " + reason);
    Assumptions.abort("Chromium unavailable: " + reason);
    return null;
  }
}
