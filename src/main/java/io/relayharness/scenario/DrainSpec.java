package io.relayharness.scenario;

/**
 * What happens after the load: the engine waits for the relay queue to empty. Immutable.
 *
 * @param maxSeconds the longest wait for an empty queue
 */
public record DrainSpec(int maxSeconds) {}
