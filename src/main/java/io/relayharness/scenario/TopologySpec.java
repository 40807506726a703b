package io.relayharness.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The workers behind the relay; the DNS zone is generated from their MX preferences. Immutable;
 * thread-safe.
 *
 * @param workers the number of workers, named {@code worker0..N-1}
 * @param preferences the MX preference of every worker (defaults filled in)
 * @param weights the randmap weight of every worker (defaults filled in)
 */
public record TopologySpec(
    int workers, Map<String, Integer> preferences, Map<String, Integer> weights) {

  public TopologySpec {
    preferences = Collections.unmodifiableMap(new LinkedHashMap<>(preferences));
    weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
  }

  /** Returns the worker names of a topology with {@code workers} workers. */
  public static List<String> workerNames(int workers) {
    return IntStream.range(0, workers).mapToObj(i -> "worker" + i).toList();
  }

  /** Returns this topology's worker names. */
  public List<String> workerNames() {
    return workerNames(workers);
  }

  /** Returns the workers that share the lowest (winning) MX preference. */
  public List<String> primaryWorkers() {
    int lowest = preferences.values().stream().mapToInt(Integer::intValue).min().orElse(0);
    return workerNames().stream().filter(w -> preferences.get(w) == lowest).toList();
  }
}
