package io.relayharness.faults;

/**
 * The time span of a named timeline step, for verdicts such as {@code expect.queueing.during}.
 * Immutable; thread-safe.
 *
 * @param name the step's name
 * @param startEpochMs when its action was applied
 * @param endEpochMs when it was undone, or null if it never was
 */
public record FaultWindow(String name, long startEpochMs, Long endEpochMs) {}
