package io.relayharness.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Builds a base image from nothing with the real docker/engine/ensure-engine.sh, under a throwaway
 * tag no registry holds: the path a fresh machine takes (pull attempt, debootstrap from apt's
 * archive, docker import). Removes only that tag afterwards.
 */
class BaseImageIT {

  @Test
  void ensureEngineBuildsAMissingBaseImageWithDebootstrap()
      throws IOException, InterruptedException {
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
    Assumptions.assumeTrue(onPath("apt-get"), "needs apt-get");
    String tag =
        "relay-harness-test/base:" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Path state = Files.createDirectories(Path.of("target/base-image-it"));
    try {
      long start = System.nanoTime();
      ScriptRun r =
          ScriptRun.run(
              List.of("bash", "docker/engine/ensure-engine.sh"),
              Map.of(
                  "RELAY_HARNESS_BASE_IMAGE",
                  tag,
                  "RELAY_HARNESS_STATE_DIR",
                  state.toAbsolutePath().toString()),
              Duration.ofMinutes(10));
      System.err.print(r.stderr());
      System.err.printf(
          "[base image] ensure-engine.sh for %s took %d s%n",
          tag, (System.nanoTime() - start) / 1_000_000_000L);

      assertThat(r.exit()).as("ensure-engine.sh exit; %s", r.describe()).isZero();
      assertThat(r.stderr())
          .as("progress lines: the fresh-machine path")
          .contains("trying docker pull", "debootstrap --variant=minbase", "built locally");
      assertThat(docker("image", "inspect", tag).exit()).as("docker image inspect " + tag).isZero();
      ScriptRun release = docker("run", "--rm", tag, "cat", "/etc/debian_version");
      assertThat(release.exit()).as("docker run; %s", release.describe()).isZero();
      assertThat(release.stdout().strip())
          .as("/etc/debian_version in the new image")
          .matches("12\\.\\d+");
    } finally {
      docker("image", "rm", tag);
    }
  }

  private static ScriptRun docker(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    return ScriptRun.run(command, Map.of(), Duration.ofMinutes(2));
  }

  private static boolean onPath(String command) throws IOException, InterruptedException {
    return ScriptRun.run(
                List.of("sh", "-c", "command -v " + command), Map.of(), Duration.ofSeconds(10))
            .exit()
        == 0;
  }
}
