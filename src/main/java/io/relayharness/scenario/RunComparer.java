package io.relayharness.scenario;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the comparison of two run folders as one HTML page. Implemented by the report package;
 * found by the command line through {@link java.util.ServiceLoader} ({@code
 * META-INF/services/io.relayharness.scenario.RunComparer}). Implementations must be thread-safe.
 */
public interface RunComparer {

  /**
   * Compares two runs.
   *
   * @param runA the first run folder (holds {@code run.json})
   * @param runB the second run folder
   * @param outHtml the page to write
   */
  void compare(Path runA, Path runB, Path outHtml) throws IOException;
}
