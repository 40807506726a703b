package io.relayharness.verdict;

import com.fasterxml.jackson.core.type.TypeReference;
import io.relayharness.observe.RunFolder;
import java.util.List;

/** Writes and reads a run folder's {@code verdicts.json}. Stateless; thread-safe. */
public final class VerdictResults {

  private VerdictResults() {}

  /** Writes {@code results} as the folder's {@code verdicts.json}. */
  public static void write(RunFolder folder, List<VerdictResult> results) {
    folder.writeJson(RunFolder.VERDICTS, results);
  }

  /** Reads the folder's {@code verdicts.json}; empty when absent. */
  public static List<VerdictResult> read(RunFolder folder) {
    if (!folder.has(RunFolder.VERDICTS)) {
      return List.of();
    }
    return folder.readJson(RunFolder.VERDICTS, new TypeReference<List<VerdictResult>>() {});
  }
}
