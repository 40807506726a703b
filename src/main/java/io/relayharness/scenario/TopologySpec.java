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
 * @param relays how many relays: 1 is today's single relay; 2..4 a relay tier {@code relay0..}
 * @param regions the region of every tier relay (defaults filled in; empty for one relay)
 * @param relayPreferences the archive domain's MX preference of every tier relay (defaults filled
 *     in; empty for one relay)
 * @param sender whether a sending MTA takes the load in front of a tier (else relay0 does)
 * @param senderOverrides main.cf settings of the sending MTA on top of its {@code sender} variant
 * @param workerPools the workers of each tier relay's own pool, resolved from {@code
 *     topology.workerPools} (keys a relay or a region); empty: every relay shares every worker
 */
public record TopologySpec(
    int workers,
    Map<String, Integer> preferences,
    Map<String, Integer> weights,
    int relays,
    Map<String, String> regions,
    Map<String, Integer> relayPreferences,
    boolean sender,
    Map<String, String> senderOverrides,
    Map<String, List<String>> workerPools) {

  public TopologySpec {
    preferences = Collections.unmodifiableMap(new LinkedHashMap<>(preferences));
    weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    regions = Collections.unmodifiableMap(new LinkedHashMap<>(regions));
    relayPreferences = Collections.unmodifiableMap(new LinkedHashMap<>(relayPreferences));
    senderOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(senderOverrides));
    Map<String, List<String>> pools = new LinkedHashMap<>();
    workerPools.forEach((relay, pool) -> pools.put(relay, List.copyOf(pool)));
    workerPools = Collections.unmodifiableMap(pools);
  }

  /** One relay, no tier. */
  public TopologySpec(int workers, Map<String, Integer> preferences, Map<String, Integer> weights) {
    this(workers, preferences, weights, 1, Map.of(), Map.of(), false, Map.of(), Map.of());
  }

  /** Whether the topology has a relay tier (two or more relays). */
  public boolean isTier() {
    return relays > 1;
  }

  /** The tier's relay names, {@code relay0..} (empty for one relay). */
  public List<String> relayNames() {
    return isTier() ? IntStream.range(0, relays).mapToObj(i -> "relay" + i).toList() : List.of();
  }

  /** The tier's region names, in first-seen order. */
  public List<String> regionNames() {
    return regions.values().stream().distinct().toList();
  }

  /** The tier relays in {@code region}. */
  public List<String> relaysIn(String region) {
    return relayNames().stream().filter(r -> region.equals(regions.get(r))).toList();
  }

  /** Whether each tier relay has its own worker pool (else they share every worker). */
  public boolean hasWorkerPools() {
    return !workerPools.isEmpty();
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
