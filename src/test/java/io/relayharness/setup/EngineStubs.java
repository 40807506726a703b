package io.relayharness.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in machine for docker/engine/ensure-engine.sh: stub docker, dockerd, apt-get, id and
 * debootstrap first on PATH, each appending its command line to calls.log. The stubs simulate a
 * machine without an engine or registry: "docker info" fails until the stub dockerd has started;
 * "docker image inspect" fails until "docker import" has read an image tar from stdin; "docker
 * pull" fails; "apt-get install" fails until "apt-get update" ran and then installs the stub
 * dockerd (package docker.io) or debootstrap (package debootstrap). One per test; not thread-safe.
 */
final class EngineStubs {

  static final String IMAGE = "relay-harness-test/stub:1";

  private final Path root;
  private final Path bin;
  private final Path sim;
  private String uid = "0";

  EngineStubs(Path root) throws IOException {
    this.root = root;
    this.bin = Files.createDirectories(root.resolve("bin"));
    this.sim = Files.createDirectories(root.resolve("sim"));
    Files.createDirectories(aptDir());
    write(
        bin.resolve("docker"),
        """
        echo "docker $*" >>"$CALLS"
        case "$1" in
          info) [ -f "$SIM/engine-up" ] ;;
          image) [ -f "$SIM/image-present" ] ;;
          pull) echo "Error response from daemon: no registry (stub)" >&2; exit 1 ;;
          import) tar -t >"$SIM/imported.txt" && touch "$SIM/image-present" && echo sha256:0 ;;
          *) exit 1 ;;
        esac
        """);
    write(
        bin.resolve("apt-get"),
        """
        echo "apt-get $*" >>"$CALLS"
        echo "Reading package lists... (apt chatter)"
        echo "W: apt chatter on stderr" >&2
        case "$1" in
          update) touch "$SIM/lists-updated" ;;
          install)
            [ -f "$SIM/lists-updated" ] || { echo "E: Unable to locate package" >&2; exit 100; }
            for p in "$@"; do
              if [ -d "$PKGS/$p" ]; then cp "$PKGS/$p"/* "$BIN/"; fi
            done ;;
        esac
        """);
    write(
        bin.resolve("id"),
        """
        if [ "${1:-}" = -u ]; then cat "$SIM/uid"; else exec /usr/bin/id "$@"; fi
        """);
    write(
        Files.createDirectories(root.resolve("pkgs/docker.io")).resolve("dockerd"),
        """
        echo "dockerd $*" >>"$CALLS"
        echo "dockerd chatter"
        touch "$SIM/engine-up"
        """);
    write(
        Files.createDirectories(root.resolve("pkgs/debootstrap")).resolve("debootstrap"),
        """
        echo "debootstrap $*" >>"$CALLS"
        echo "I: Retrieving InRelease (debootstrap chatter)"
        echo "W: debootstrap chatter on stderr" >&2
        echo "$3" >"$SIM/rootfs"
        mkdir -p "$3/etc" "$3/var/lib/apt/lists"
        echo 12.11 >"$3/etc/debian_version"
        touch "$3/var/lib/apt/lists/stale-list"
        """);
  }

  /** "id -u" prints this (0 unless set). */
  EngineStubs uid(String uid) {
    this.uid = uid;
    return this;
  }

  /** An engine that answers "docker info" from the start. */
  EngineStubs engineRunning() throws IOException {
    Files.writeString(sim.resolve("engine-up"), "");
    return this;
  }

  /** The base image present from the start. */
  EngineStubs imagePresent() throws IOException {
    Files.writeString(sim.resolve("image-present"), "");
    return this;
  }

  /** debootstrap installed from the start. */
  EngineStubs debootstrapInstalled() throws IOException {
    Files.copy(root.resolve("pkgs/debootstrap/debootstrap"), bin.resolve("debootstrap"));
    return this;
  }

  /** Adds a file under the test's apt sources root (e.g. "sources.list.d/debian.sources"). */
  EngineStubs aptSource(String relative, String content) throws IOException {
    Path file = aptDir().resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return this;
  }

  /** Runs the real ensure-engine.sh on this stand-in machine. */
  ScriptRun runEnsureEngine() throws IOException, InterruptedException {
    Files.writeString(sim.resolve("uid"), uid + "\n");
    Map<String, String> env = new HashMap<>();
    env.put("PATH", bin + ":/usr/bin:/bin");
    env.put("RELAY_HARNESS_BASE_IMAGE", IMAGE);
    env.put("RELAY_HARNESS_STATE_DIR", stateDir().toString());
    env.put("RELAY_HARNESS_APT_SOURCES_DIR", aptDir().toString());
    env.put("RELAY_HARNESS_DEBIAN_MIRROR", null);
    env.put("RELAY_HARNESS_BASE_SUITE", null);
    env.put("DOCKER_HOST", null);
    return ScriptRun.run(
        List.of("bash", Path.of("docker/engine/ensure-engine.sh").toAbsolutePath().toString()),
        env,
        Duration.ofSeconds(60));
  }

  /** The stubs' command lines in call order, the rootfs directory written as {@code <rootfs>}. */
  List<String> calls() throws IOException {
    Path log = root.resolve("calls.log");
    if (!Files.exists(log)) {
      return List.of();
    }
    String rootfs = rootfs();
    return Files.readAllLines(log).stream()
        .map(l -> rootfs.isEmpty() ? l : l.replace(rootfs, "<rootfs>"))
        .toList();
  }

  /** The directory debootstrap was asked to fill, or "" when it did not run. */
  String rootfs() throws IOException {
    Path f = sim.resolve("rootfs");
    return Files.exists(f) ? Files.readString(f).strip() : "";
  }

  /** The entries of the tar "docker import" read from stdin. */
  List<String> importedEntries() throws IOException {
    Path f = sim.resolve("imported.txt");
    return Files.exists(f) ? Files.readAllLines(f) : List.of();
  }

  Path stateDir() {
    return root.resolve("state");
  }

  private Path aptDir() {
    return root.resolve("apt");
  }

  private void write(Path file, String body) throws IOException {
    StubScripts.write(
        file,
        "CALLS='%s' SIM='%s' PKGS='%s' BIN='%s'\n"
                .formatted(root.resolve("calls.log"), sim, root.resolve("pkgs"), bin)
            + body);
  }
}
