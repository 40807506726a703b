package io.relayharness.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run of a sweep point gave. Immutable; thread-safe.
 *
 * @param metrics the run's figures ({@link RunMetrics}, or the capacity a search found)
 * @param runDirs the run folders it wrote (one scenario run, or every step of a capacity search)
 * @param wallMs wall-clock time of the trial
 * @param note one line for the console and the page (held/failed, the knee found)
 */
public record TrialResult(
    Map<Metric, Double> metrics, List<String> runDirs, long wallMs, String note) {

  public TrialResult {
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    runDirs = List.copyOf(runDirs);
  }
}
