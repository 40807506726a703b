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
 *     step name form that step's window (see {@link RunObservations#windows()})
 * @param appliedEpochMs when applying it had finished (a DNS change waits until the relay sees it),
 *     or null when it took no time worth noting
 * @param restoringEpochMs when its undo began, or null when it was not undone or took no time
 */
public record FaultEvent(
    long startEpochMs,
    Long endEpochMs,
    String action,
    String target,
    String detail,
    String step,
    Long appliedEpochMs,
    Long restoringEpochMs) {

  /** Makes an event whose apply and undo took no time worth noting. */
  public FaultEvent(
      long startEpochMs,
      Long endEpochMs,
      String action,
      String target,
      String detail,
      String step) {
    this(startEpochMs, endEpochMs, action, target, detail, step, null, null);
  }

  /** Makes an event that belongs to no named step. */
  public FaultEvent(
      long startEpochMs, Long endEpochMs, String action, String target, String detail) {
    this(startEpochMs, endEpochMs, action, target, detail, null);
  }

  /** A copy with the end of its apply and the start of its undo. */
  public FaultEvent withEffect(Long appliedEpochMs, Long restoringEpochMs) {
    return new FaultEvent(
        startEpochMs, endEpochMs, action, target, detail, step, appliedEpochMs, restoringEpochMs);
  }

  /**
   * The span in which the fault was surely in effect: from the end of its apply to the start of its
   * undo (open-ended when it was never undone).
   */
  public TimeWindow inEffect() {
    long from = appliedEpochMs != null ? appliedEpochMs : startEpochMs;
    Long to = restoringEpochMs != null ? restoringEpochMs : endEpochMs;
    return new TimeWindow(from, to == null ? null : Math.max(from, to));
  }
}
