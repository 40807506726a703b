package io.relayharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.cli.HarnessCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./harness report} and {@code ./harness compare} write the pages from run folders. */
class ReportCommandsTest {

  @TempDir Path tmp;

  private int harness(StringWriter out, String... args) {
    return HarnessCli.commandLine(new HarnessCli(() -> null))
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(out, true))
        .execute(args);
  }

  @Test
  void shouldRewriteTheReportOfARunFolder() throws IOException {
    Path run = SyntheticRunFolder.write(tmp.resolve("run"), SyntheticRunFolder.even());
    Files.deleteIfExists(run.resolve("report.html"));
    StringWriter out = new StringWriter();

    assertThat(harness(out, "report", run.toString())).as("exit; output: %s", out).isZero();
    assertThat(run.resolve("report.html")).isNotEmptyFile();
  }

  @Test
  void shouldCompareTwoRunFolders() throws IOException {
    Path a = SyntheticRunFolder.write(tmp.resolve("a"), SyntheticRunFolder.uneven());
    Path b = SyntheticRunFolder.write(tmp.resolve("b"), SyntheticRunFolder.even());
    Path page = tmp.resolve("out/compare.html");
    StringWriter out = new StringWriter();

    assertThat(harness(out, "compare", a.toString(), b.toString(), "-o", page.toString()))
        .as("exit; output: %s", out)
        .isZero();
    assertThat(Files.readString(page))
        .contains("id=\"split-table\"")
        .contains("data-worker=\"worker1\"");
  }
}
