package io.relayharness.faults;

import java.util.List;

/**
 * The part of the topology a timeline step acts on: some workers, or the relay. Immutable;
 * thread-safe.
 *
 * @param name as written in the scenario: {@code worker1}, {@code worker0,worker1}, {@code
 *     all-workers} or {@code relay}
 * @param workers the worker names it covers (empty for the relay)
 */
public record FaultScope(String name, List<String> workers) {

  /** The scope name of the relay. */
  public static final String RELAY = "relay";

  /** The scope name of every worker. */
  public static final String ALL_WORKERS = "all-workers";

  public FaultScope {
    workers = List.copyOf(workers);
  }

  /** Returns the relay's scope. */
  public static FaultScope relay() {
    return new FaultScope(RELAY, List.of());
  }

  /** Returns the scope of one worker. */
  public static FaultScope worker(String worker) {
    return new FaultScope(worker, List.of(worker));
  }

  /** Returns the scope of several workers, named by their names joined with commas. */
  public static FaultScope workers(List<String> workers) {
    return new FaultScope(String.join(",", workers), workers);
  }

  /** Returns whether this scope covers the relay. */
  public boolean isRelay() {
    return RELAY.equals(name);
  }
}
