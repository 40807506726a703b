package io.relayharness.report;

import io.relayharness.report.internal.ComparisonPage;
import io.relayharness.report.internal.ReportedRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one self-contained HTML page comparing two run folders A and B: relay config and scenario
 * diff, verdicts side by side, overlaid charts, latency percentile deltas and the split of mail
 * over the workers. Links to the runs' own reports are relative to the page. Stateless; thread-safe
 * for different output files.
 */
public final class RunComparison {

  private RunComparison() {}

  /** Writes the comparison of {@code runA} and {@code runB} to {@code outHtml}; returns it. */
  public static Path write(Path runA, Path runB, Path outHtml) {
    Path dir = outHtml.toAbsolutePath().getParent();
    String html = ComparisonPage.render(ReportedRun.load(runA), ReportedRun.load(runB), dir);
    try {
      Files.createDirectories(dir);
      Files.writeString(outHtml, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + outHtml, e);
    }
    return outHtml;
  }
}
