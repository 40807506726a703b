package io.relayharness.observe;

import java.util.Map;

/**
 * The run folder's {@code run.json}. Immutable; thread-safe.
 *
 * @param scenario the scenario name
 * @param description the scenario's description
 * @param variant the relay config variant
 * @param startEpochMs when the run started
 * @param endEpochMs when it ended, or null while running
 * @param passed whether every verdict passed, or null before verdicts
 * @param relaySettings the relay's effective {@code postconf -n} values
 * @param relayDefaults {@code postconf -d} values for the same names
 * @param gatlingReport {@code gatling/<dir>/index.html}, or null
 * @param stoppedBy why the run stopped before its end (a signal, a failure), or null when it ran to
 *     its end
 */
public record RunInfo(
    String scenario,
    String description,
    String variant,
    long startEpochMs,
    Long endEpochMs,
    Boolean passed,
    Map<String, String> relaySettings,
    Map<String, String> relayDefaults,
    String gatlingReport,
    String stoppedBy) {

  public RunInfo {
    relaySettings =
        relaySettings == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(relaySettings));
    relayDefaults =
        relayDefaults == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(relayDefaults));
  }

  /** Returns a copy that ended at {@code endEpochMs} with verdict {@code passed}. */
  public RunInfo finished(long endEpochMs, boolean passed) {
    return new RunInfo(
        scenario,
        description,
        variant,
        startEpochMs,
        endEpochMs,
        passed,
        relaySettings,
        relayDefaults,
        gatlingReport,
        stoppedBy);
  }
}
