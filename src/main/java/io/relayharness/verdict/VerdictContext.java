package io.relayharness.verdict;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scenario tells the verdicts before any run: its workers, the split its topology implies,
 * and the names of its timeline steps. Validation checks worker and step names against it, and a
 * parameter left out takes its default from it (evenness weights from the topology). Immutable;
 * thread-safe.
 *
 * @param workers the worker names, e.g. worker0..worker2
 * @param defaultWeights the expected share per worker the topology implies (randmap weights, else
 *     equal among the lowest MX preference, 0 for backups)
 * @param steps the names of the timeline's named steps, in file order
 */
public record VerdictContext(
    List<String> workers, Map<String, Double> defaultWeights, List<String> steps) {

  /** No topology known: any worker or step name is accepted, defaults are the declared ones. */
  public static final VerdictContext NONE = new VerdictContext(List.of(), Map.of(), List.of());

  public VerdictContext {
    workers = List.copyOf(workers);
    defaultWeights = Collections.unmodifiableMap(new LinkedHashMap<>(defaultWeights));
    steps = List.copyOf(steps);
  }

  /** Returns whether worker names can be checked. */
  public boolean knowsWorkers() {
    return !workers.isEmpty();
  }
}
