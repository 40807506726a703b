package io.relayharness.report.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds Chromium and chromedriver for the browser tests through the project's own set-up script
 * ({@code docker/engine/ensure-chromium.sh}, which installs Debian's chromium and chromium-driver
 * packages when it can). When it cannot, the calling test is skipped with the script's reason,
 * printed so the skip is visible. Stateless; thread-safe.
 */
public final class ChromiumSetup {

  /**
   * The two executables a browser test needs.
   *
   * @param chromium the browser
   * @param chromedriver its WebDriver server, from the same distribution
   */
  public record Executables(Path chromium, Path chromedriver) {}

  private static final long INSTALL_TIMEOUT_SEC = 600;

  private ChromiumSetup() {}

  /**
   * Returns chromium and chromedriver, installing them first if needed; aborts the test when
   * impossible.
   */
  public static Executables ensure() {
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
      String[] lines = out.split("\n");
      if (p.exitValue() != 0
          || lines.length != 2
          || !Files.isExecutable(Path.of(lines[0]))
          || !Files.isExecutable(Path.of(lines[1]))) {
        return skip("ensure-chromium.sh exit " + p.exitValue() + ", printed " + out + ": " + err);
      }
      return new Executables(Path.of(lines[0]), Path.of(lines[1]));
    } catch (IOException e) {
      return skip("cannot run " + script + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return skip("interrupted while installing chromium");
    }
  }

  private static Executables skip(String reason) {
    System.err.println("[report tests] SKIPPED browser checks: " + reason);
    Assumptions.abort("Chromium unavailable: " + reason);
    return null;
  }
}
