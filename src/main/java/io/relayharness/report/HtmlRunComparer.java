package io.relayharness.report;

import io.relayharness.scenario.RunComparer;
import java.nio.file.Path;

/**
 * The command line's {@code compare}: one HTML page for two run folders. Stateless; thread-safe.
 */
public final class HtmlRunComparer implements RunComparer {

  @Override
  public void compare(Path runA, Path runB, Path outHtml) {
    RunComparison.write(runA, runB, outHtml);
  }
}
