package io.relayharness.experiment;

import java.nio.file.Path;
import java.util.Map;

/**
 * One run of an A/B comparison. Immutable; thread-safe.
 *
 * @param side {@code A} or {@code B}
 * @param repeat 1-based repeat number of its side
 * @param order 1-based position in the interleaved order (A1 B1 A2 B2 …)
 * @param runDir the run folder
 * @param passed whether the scenario held
 * @param failed the verdicts that failed
 * @param wallMs the run's wall-clock time, engine call to return
 * @param phasesMs milliseconds per phase: {@code start} (topology), {@code load}, {@code draining},
 *     {@code collecting}
 */
public record RepeatRun(
    String side,
    int repeat,
    int order,
    Path runDir,
    boolean passed,
    java.util.List<String> failed,
    long wallMs,
    Map<String, Long> phasesMs) {

  public RepeatRun {
    failed = java.util.List.copyOf(failed);
    phasesMs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phasesMs));
  }
}
