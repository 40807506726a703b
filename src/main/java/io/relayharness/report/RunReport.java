package io.relayharness.report;

import io.relayharness.report.internal.ReportedRun;
import io.relayharness.report.internal.RunReportPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a run folder's report: {@code <runFolder>/report.html}, one self-contained page (chart
 * library, styles and data inlined) that opens from disk without a network. Reads the run folder's
 * typed records (observe's); a missing file leaves its part out with a note. Stateless; thread-safe
 * for different run folders.
 */
public final class RunReport {

  /** The report's file name inside the run folder. */
  public static final String FILE_NAME = "report.html";

  private RunReport() {}

  /** Writes {@code runFolder/report.html} and returns its path. */
  public static Path write(Path runFolder) {
    String html = RunReportPage.render(ReportedRun.load(runFolder));
    Path out = runFolder.resolve(FILE_NAME);
    try {
      Files.writeString(out, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out, e);
    }
    return out;
  }
}
