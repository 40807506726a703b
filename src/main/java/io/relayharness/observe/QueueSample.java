package io.relayharness.observe;

/**
 * The relay's queue at one moment, counted from {@code postqueue -j}. One line of {@code
 * queue.jsonl}. Messages in {@code maildrop} (not yet picked up) count as incoming. Immutable;
 * thread-safe.
 *
 * @param epochMs when the sample was taken
 * @param incoming messages in the incoming (and maildrop) queue
 * @param active messages in the active queue
 * @param deferred messages in the deferred queue
 * @param hold messages on hold
 * @param total all of the above
 * @param oldestAgeSeconds age of the oldest queued message at {@code epochMs}, 0 when empty
 */
public record QueueSample(
    long epochMs,
    int incoming,
    int active,
    int deferred,
    int hold,
    int total,
    long oldestAgeSeconds) {

  /** Returns the messages still on their way: incoming + active + deferred (hold excluded). */
  public int inFlight() {
    return incoming + active + deferred;
  }
}
