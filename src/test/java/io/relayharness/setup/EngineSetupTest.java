package io.relayharness.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real docker/engine/ensure-engine.sh against stub docker, dockerd, apt-get, id and
 * debootstrap (see {@link EngineStubs}): each branch a machine can take, without touching it.
 */
class EngineSetupTest {

  private static final String ARCHIVE = "http://archive.invalid/debian";
  private static final String DEB822 =
      """
      Types: deb
      URIs: %s
      Suites: bookworm bookworm-updates
      Components: main
      Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

      Types: deb
      URIs: http://security.invalid/debian-security
      Suites: bookworm-security
      Components: main
      """
          .formatted(ARCHIVE);

  @TempDir Path dir;

  @Test
  void freshMachineGetsAnEngineAndABaseImageBuiltFromAptsArchive()
      throws IOException, InterruptedException {
    EngineStubs machine = new EngineStubs(dir).aptSource("sources.list.d/debian.sources", DEB822);

    ScriptRun r = machine.runEnsureEngine();

    assertThat(r.exit()).as("exit code; %s", r.describe()).isZero();
    assertThat(machine.calls())
        .as("commands run, in order; %s", r.describe())
        .containsSubsequence(
            "docker info",
            "apt-get update -qq",
            "apt-get install -y -qq --no-install-recommends docker.io iptables",
            "dockerd ",
            "docker info",
            "docker image inspect " + EngineStubs.IMAGE,
            "docker pull -q " + EngineStubs.IMAGE,
            "apt-get install -y -qq debootstrap",
            "debootstrap --variant=minbase bookworm <rootfs> " + ARCHIVE,
            "docker import -c CMD [\"bash\"] - " + EngineStubs.IMAGE);
    assertThat(machine.importedEntries())
        .as("tar read by docker import: the debootstrapped tree without apt's lists")
        .contains("./etc/debian_version")
        .doesNotContain("./var/lib/apt/lists/stale-list");
    assertThat(Path.of(machine.rootfs()))
        .as("debootstrap's directory, removed after the import")
        .doesNotExist();
  }

  @Test
  void freshMachineShowsOneProgressLinePerStepAndLogsTheToolsOutput()
      throws IOException, InterruptedException {
    EngineStubs machine = new EngineStubs(dir).aptSource("sources.list.d/debian.sources", DEB822);

    ScriptRun r = machine.runEnsureEngine();

    assertThat(r.exit()).as("exit code; %s", r.describe()).isZero();
    assertThat(r.stdout()).as("stdout").isEmpty();
    assertThat(r.stderr().lines())
        .as("stderr lines")
        .isNotEmpty()
        .allMatch(l -> l.startsWith("[engine] "), "start with [engine]")
        .noneMatch(l -> l.contains("chatter"), "carry apt-get's or debootstrap's output")
        .anyMatch(l -> l.contains("installing docker.io"), "announce the docker.io install")
        .anyMatch(l -> l.contains("starting dockerd"), "announce dockerd")
        .anyMatch(l -> l.contains("debootstrap"), "announce debootstrap")
        .anyMatch(l -> l.contains("built locally"), "announce the import");
    assertThat(machine.stateDir().resolve("apt.log"))
        .as("apt-get's output in the state dir")
        .content()
        .contains("apt chatter", "apt chatter on stderr");
    assertThat(machine.stateDir().resolve("debootstrap.log"))
        .as("debootstrap's output in the state dir")
        .content()
        .contains("debootstrap chatter", "debootstrap chatter on stderr");
  }

  @Test
  void archiveIsReadFromAOneLineSourcesListToo() throws IOException, InterruptedException {
    EngineStubs machine =
        new EngineStubs(dir)
            .engineRunning()
            .debootstrapInstalled()
            .aptSource(
                "sources.list",
                "# comment\ndeb [arch=amd64 signed-by=/usr/share/keyrings/k.gpg] "
                    + ARCHIVE
                    + " bookworm main\n");

    ScriptRun r = machine.runEnsureEngine();

    assertThat(r.exit()).as("exit code; %s", r.describe()).isZero();
    assertThat(machine.calls())
        .as("commands run; %s", r.describe())
        .contains("debootstrap --variant=minbase bookworm <rootfs> " + ARCHIVE)
        .noneMatch(c -> c.startsWith("apt-get"));
  }

  @Test
  void noArchiveInAptsSourcesStopsWithExit2BeforeInstallingAnything()
      throws IOException, InterruptedException {
    EngineStubs machine = new EngineStubs(dir).engineRunning();

    ScriptRun r = machine.runEnsureEngine();

    assertThat(r.exit()).as("exit code; %s", r.describe()).isEqualTo(2);
    assertThat(r.stderr())
        .as("stderr")
        .contains("[engine] ERROR: apt names no package archive")
        .contains("RELAY_HARNESS_DEBIAN_MIRROR");
    assertThat(machine.calls())
        .as("commands run")
        .noneMatch(c -> c.startsWith("apt-get") || c.startsWith("debootstrap"));
  }

  @Test
  void noArchiveForTheSuiteStopsWithExit2() throws IOException, InterruptedException {
    EngineStubs machine =
        new EngineStubs(dir)
            .engineRunning()
            .aptSource("sources.list", "deb " + ARCHIVE + " trixie main\n");

    ScriptRun r = machine.runEnsureEngine();

    assertThat(r.exit()).as("exit code; %s", r.describe()).isEqualTo(2);
    assertThat(r.stderr())
        .as("stderr")
        .contains("[engine] ERROR: apt names no archive for Debian bookworm")
        .contains("RELAY_HARNESS_DEBIAN_MIRROR");
  }

  @Test
  void notRootWithoutEngineSaysWhatToDo() throws IOException, InterruptedException {
    EngineStubs machine =
        new EngineStubs(dir).uid("1000").aptSource("sources.list.d/debian.sources", DEB822);

    ScriptRun r = machine.runEnsureEngine();

    assertThat(r.exit()).as("exit code; %s", r.describe()).isEqualTo(2);
    assertThat(r.stderr())
        .as("stderr")
        .contains("[engine] ERROR: no Docker engine answers")
        .contains("Start Docker")
        .contains("DOCKER_HOST")
        .contains("root");
    assertThat(machine.calls())
        .as("commands run")
        .containsExactly("docker info")
        .noneMatch(c -> c.startsWith("apt-get") || c.startsWith("dockerd"));
  }

  @Test
  void workingDockerSetUpNoticesNothing() throws IOException, InterruptedException {
    EngineStubs machine = new EngineStubs(dir).engineRunning().imagePresent();

    ScriptRun r = machine.runEnsureEngine();

    assertThat(r.exit()).as("exit code; %s", r.describe()).isZero();
    assertThat(r.stdout()).as("stdout").isEmpty();
    assertThat(r.stderr()).as("stderr").isEmpty();
    assertThat(machine.calls())
        .as("commands run")
        .containsExactly("docker info", "docker image inspect " + EngineStubs.IMAGE);
    assertThat(Files.exists(machine.stateDir())).as("state dir created").isFalse();
  }
}
