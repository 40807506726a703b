package io.relayharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The single-run comparison page never calls B better or worse: one run per side is not evidence
 * (repeats and statistics are {@code ./harness ab}'s).
 */
class SingleRunComparisonWordingTest {

  @TempDir Path tmp;

  @Test
  void shouldCallNothingBetterOrWorseFromOneRunPerSide() throws IOException {
    Path a = SyntheticRunFolder.write(tmp.resolve("a"), SyntheticRunFolder.uneven());
    Path b = SyntheticRunFolder.write(tmp.resolve("b"), SyntheticRunFolder.even());
    Path page = tmp.resolve("compare.html");

    RunComparison.write(a, b, page);

    String html = Files.readString(page);
    assertThat(html)
        .as("no better/worse colouring of the latency deltas")
        .doesNotContain("class=\"better\"", "class=\"worse\"", "Green: B is");
    assertThat(html)
        .as("says why and what to run instead")
        .contains("One run per side", "./harness ab &lt;scenario&gt; --repeats N");
  }
}
