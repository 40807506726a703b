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
 * Runs the real docker/engine/ensure-postfix-tools.sh against stub apt-get, debconf-set-selections
 * and id: stdout carries the tools' directory and nothing else, whatever apt-get prints.
 */
class PostfixToolsScriptTest {

  @TempDir Path dir;
  private Path bin;
  private Path tools;

  @BeforeEach
  void stubs() throws IOException {
    bin = dir.resolve("bin");
    tools = dir.resolve("sbin");
    StubScripts.write(bin.resolve("id"), "[ \"${1:-}\" = -u ] && cat '%s/uid'\n".formatted(dir));
    StubScripts.write(
        bin.resolve("debconf-set-selections"), "cat >/dev/null; echo 'debconf chatter'\n");
    StubScripts.write(
        bin.resolve("apt-get"),
        """
        echo "apt chatter: apt-get $*"
        echo "W: apt chatter on stderr" >&2
        case "$1" in
          update) touch '%1$s/updated' ;;
          install)
            [ -f '%1$s/updated' ] || exit 100
            mkdir -p '%2$s' && touch '%2$s/smtp-source' '%2$s/smtp-sink'
            chmod +x '%2$s/smtp-source' '%2$s/smtp-sink' ;;
        esac
        """
            .formatted(dir, tools));
  }

  @Test
  void installPrintsOnlyTheDirectoryOnStdout() throws IOException, InterruptedException {
    ScriptRun r = run("0");

    assertThat(r.exit()).as("exit code; %s", r.describe()).isZero();
    assertThat(r.stdout()).as("stdout; %s", r.describe()).isEqualTo(tools + "\n");
    assertThat(r.stderr())
        .as("stderr")
        .contains("[postfix-tools] installing", "apt chatter: apt-get update", "debconf chatter");
  }

  @Test
  void toolsPresentPrintTheirDirectoryQuietly() throws IOException, InterruptedException {
    StubScripts.write(tools.resolve("smtp-source"), "");
    StubScripts.write(tools.resolve("smtp-sink"), "");

    ScriptRun r = run("1000");

    assertThat(r.exit()).as("exit code; %s", r.describe()).isZero();
    assertThat(r.stdout()).as("stdout").isEqualTo(tools + "\n");
    assertThat(r.stderr()).as("stderr").isEmpty();
  }

  @Test
  void notRootWithoutToolsExits2WithNothingOnStdout() throws IOException, InterruptedException {
    ScriptRun r = run("1000");

    assertThat(r.exit()).as("exit code; %s", r.describe()).isEqualTo(2);
    assertThat(r.stdout()).as("stdout").isEmpty();
    assertThat(r.stderr()).as("stderr").contains("apt-get install postfix");
  }

  private ScriptRun run(String uid) throws IOException, InterruptedException {
    Files.writeString(dir.resolve("uid"), uid + "\n");
    return ScriptRun.run(
        List.of(
            "bash", Path.of("docker/engine/ensure-postfix-tools.sh").toAbsolutePath().toString()),
        Map.of(
            "PATH", bin + ":/usr/bin:/bin",
            "RELAY_HARNESS_POSTFIX_TOOL_DIRS", dir.resolve("none") + " " + tools),
        Duration.ofSeconds(30));
  }
}
