package io.relayharness.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lints the project's shell scripts with shellcheck (every *.sh under docker/, the harness script
 * and .ci/run); shellcheck comes from docker/engine/ensure-shellcheck.sh.
 */
class ShellScriptsTest {

  private static String shellcheck;

  @BeforeAll
  static void findShellcheck() throws IOException, InterruptedException {
    ScriptRun r = ScriptRun.bash("docker/engine/ensure-shellcheck.sh", Duration.ofMinutes(10));
    if (r.exit() != 0) {
      System.err.println("[shell scripts] SKIPPED shellcheck: " + r.stderr().strip());
      Assumptions.abort("shellcheck unavailable: " + r.stderr().strip());
    }
    shellcheck = r.stdout().strip();
  }

  /** The scripts this project runs: on the host, in CI and inside its images. */
  static List<Path> scripts() throws IOException {
    List<Path> scripts = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("docker"))) {
      files.filter(f -> f.toString().endsWith(".sh")).sorted().forEach(scripts::add);
    }
    scripts.add(Path.of("harness"));
    scripts.add(Path.of(".ci/run"));
    return scripts;
  }

  @Test
  void theListHoldsTheSetUpScripts() throws IOException {
    assertThat(scripts())
        .as("scripts linted")
        .contains(
            Path.of("docker/engine/ensure-engine.sh"),
            Path.of("docker/engine/ensure-shellcheck.sh"),
            Path.of("docker/relay/relay-entrypoint.sh"),
            Path.of("harness"),
            Path.of(".ci/run"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void passesShellcheck(Path script) throws IOException, InterruptedException {
    ScriptRun r =
        ScriptRun.run(
            List.of(shellcheck, "--color=never", "--external-sources", script.toString()),
            Map.of(),
            Duration.ofMinutes(1));
    assertThat(r.exit()).as("shellcheck %s:%n%s%s", script, r.stdout(), r.stderr()).isZero();
  }
}
