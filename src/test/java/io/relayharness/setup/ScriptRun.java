package io.relayharness.setup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One finished run of a command: exit code, stdout and stderr. Output goes through files, so a
 * background child that keeps a descriptor open cannot make the run hang. Immutable.
 */
record ScriptRun(int exit, String stdout, String stderr) {

  /**
   * Runs {@code command} in the project directory with this JVM's environment changed by {@code
   * env} (a null value removes the variable); fails when it outlives {@code timeout}.
   */
  static ScriptRun run(List<String> command, Map<String, String> env, Duration timeout)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("script-run", ".out");
    Path err = Files.createTempFile("script-run", ".err");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(new ArrayList<>(command))
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      env.forEach(
          (name, value) -> {
            if (value == null) {
              pb.environment().remove(name);
            } else {
              pb.environment().put(name, value);
            }
          });
      Process p = pb.start();
      if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(command + " did not finish within " + timeout);
      }
      return new ScriptRun(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Runs {@code bash <script> args...} with the JVM's environment unchanged. */
  static ScriptRun bash(String script, Duration timeout, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", script));
    command.addAll(List.of(args));
    return run(command, Map.of(), timeout);
  }

  /** Exit code, stdout and stderr in one block, for assertion messages. */
  String describe() {
    return "exit " + exit + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr;
  }
}
