package io.relayharness.observe;

/**
 * One fault the scenario engine applied. One line of {@code faults.jsonl}. Immutable; thread-safe.
 *
 * @param startEpochMs when the fault was applied
 * @param endEpochMs when it was lifted, or null if instantaneous or never lifted
 * @param action e.g. {@code proxy-down}, {@code toxic}, {@code kill}, {@code pause}, {@code
 *     relay-restart}, {@code sink-fault}, {@code dns}
 * @param target e.g. {@code worker1}, {@code relay}
 * @param detail free text (toxic parameters, reply codes)
 * @param step the name of the scenario timeline step that applied it, or null; events sharing a
 *     step name form that step's window (see {@link RunObservations#windows()}). An addition to the
 *     run folder table in CONTRACTS.md.
 */
public record FaultEvent(
    long startEpochMs, Long endEpochMs, String action, String target, String detail, String step) {

  /** Makes an event that belongs to no named step. */
  public FaultEvent(
      long startEpochMs, Long endEpochMs, String action, String target, String detail) {
    this(startEpochMs, endEpochMs, action, target, detail, null);
  }
}
