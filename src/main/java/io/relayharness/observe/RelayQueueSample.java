package io.relayharness.observe;

/**
 * One sample of a tier relay's queue ({@code postqueue -j}). One line of {@code
 * relay-queues.jsonl}. Immutable; thread-safe.
 *
 * @param epochMs when it was taken
 * @param relay the relay, e.g. {@code relay1}
 * @param depth messages in its queue
 */
public record RelayQueueSample(long epochMs, String relay, int depth) {}
