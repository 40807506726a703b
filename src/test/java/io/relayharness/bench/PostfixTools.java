package io.relayharness.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Finds Postfix's {@code smtp-source} and {@code smtp-sink}, the benchmarks' reference load and
 * reference sink, through {@code docker/engine/ensure-postfix-tools.sh} (which installs Debian's
 * package when it can). The script's progress goes to this JVM's stderr; only its last stdout line
 * is the directory. Stateless; thread-safe.
 */
public final class PostfixTools {

  private PostfixTools() {}

  /** Returns the directory that holds smtp-source and smtp-sink, installing them if needed. */
  public static Path dir() throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("bash", "docker/engine/ensure-postfix-tools.sh")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("ensure-postfix-tools.sh failed (see stderr above): " + out);
    }
    Path dir = Path.of(out.lines().reduce((a, b) -> b).orElse(""));
    if (!Files.isExecutable(dir.resolve("smtp-source"))) {
      throw new IllegalStateException(
          "ensure-postfix-tools.sh printed '" + out + "', which holds no smtp-source");
    }
    return dir;
  }
}
