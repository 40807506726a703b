package io.relayharness.faults;

/**
 * One fault as it happened, a line of {@code faults.jsonl}. Immutable; thread-safe.
 *
 * @param startEpochMs when the action was applied
 * @param endEpochMs when its window ended, or null if instantaneous or never ended
 * @param action the action name, e.g. {@code proxy-down}
 * @param target {@code worker1}, {@code all-workers}, {@code relay}, ...
 * @param detail a short description (window name first when the step has one)
 */
public record FaultEvent(
    long startEpochMs, Long endEpochMs, String action, String target, String detail) {}
