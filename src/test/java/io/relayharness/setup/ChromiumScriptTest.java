package io.relayharness.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real docker/engine/ensure-chromium.sh against stub apt-get, flock and id on a PATH that
 * holds only the stubs: it prints chromium's and chromedriver's paths, installs both packages when
 * either is missing, and says what to install when it may not.
 */
class ChromiumScriptTest {

  @TempDir Path dir;
  private Path bin;
  private Path installed;

  @BeforeEach
  void stubs() throws IOException {
    bin = dir.resolve("bin");
    installed = dir.resolve("installed");
    Files.createDirectories(installed);
    StubScripts.write(
        bin.resolve("id"), "[ \"${1:-}\" = -u ] && echo \"$(< '%s/uid')\"\n".formatted(dir));
    StubScripts.write(bin.resolve("flock"), "exit 0\n");
    StubScripts.write(
        bin.resolve("apt-get"),
        """
        PATH=/usr/bin:/bin
        echo "$*" >> '%1$s/apt-calls'
        case "$1" in
          install)
            for p in "$@"; do
              case "$p" in
                chromium) printf '#!/bin/bash\\n' > '%2$s/chromium'; chmod +x '%2$s/chromium' ;;
                chromium-driver)
                  printf '#!/bin/bash\\n' > '%2$s/chromedriver'; chmod +x '%2$s/chromedriver' ;;
              esac
            done ;;
        esac
        """
            .formatted(dir, installed));
  }

  @Test
  void bothPresentPrintsTheirPathsQuietlyWithoutApt() throws IOException, InterruptedException {
    StubScripts.write(installed.resolve("chromium"), "");
    StubScripts.write(installed.resolve("chromedriver"), "");

    ScriptRun r = run("1000");

    assertThat(r.exit()).as("exit code; %s", r.describe()).isZero();
    assertThat(r.stdout())
        .as("stdout")
        .isEqualTo(installed.resolve("chromium") + "\n" + installed.resolve("chromedriver") + "\n");
    assertThat(r.stderr()).as("stderr").isEmpty();
    assertThat(dir.resolve("apt-calls")).as("apt-get called").doesNotExist();
  }

  @Test
  void aMissingDriverIsInstalledWithChromiumAsRoot() throws IOException, InterruptedException {
    StubScripts.write(installed.resolve("chromium"), "");

    ScriptRun r = run("0");

    assertThat(r.exit()).as("exit code; %s", r.describe()).isZero();
    assertThat(r.stdout())
        .as("stdout: the two paths and nothing else")
        .isEqualTo(installed.resolve("chromium") + "\n" + installed.resolve("chromedriver") + "\n");
    assertThat(Files.readString(dir.resolve("apt-calls")))
        .as("apt-get calls")
        .contains("install -y -qq --no-install-recommends chromium chromium-driver");
    assertThat(r.stderr()).contains("[chromium] installing");
  }

  @Test
  void notRootWithoutTheDriverExits2NamingThePackage() throws IOException, InterruptedException {
    StubScripts.write(installed.resolve("chromium"), "");

    ScriptRun r = run("1000");

    assertThat(r.exit()).as("exit code; %s", r.describe()).isEqualTo(2);
    assertThat(r.stdout()).as("stdout").isEmpty();
    assertThat(r.stderr()).as("stderr").contains("apt-get install chromium chromium-driver");
    assertThat(dir.resolve("apt-calls")).as("apt-get called").doesNotExist();
  }

  private ScriptRun run(String uid) throws IOException, InterruptedException {
    Files.writeString(dir.resolve("uid"), uid + "\n");
    return ScriptRun.run(
        List.of(
            "/bin/bash", Path.of("docker/engine/ensure-chromium.sh").toAbsolutePath().toString()),
        Map.of("PATH", bin + ":" + installed),
        Duration.ofSeconds(30));
  }
}
