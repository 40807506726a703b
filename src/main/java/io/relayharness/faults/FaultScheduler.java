package io.relayharness.faults;

/**
 * A clock and a timer for the {@link TimelineRunner}: tasks run one at a time, in time order, and
 * tasks due at the same time run in the order they were scheduled. Implementations are thread-safe.
 */
public interface FaultScheduler extends AutoCloseable {

  /** A scheduled task that can be cancelled. */
  interface Scheduled {
    /** Cancels the task if it has not started. */
    void cancel();
  }

  /** Returns the current time in epoch milliseconds. */
  long nowEpochMs();

  /** Runs {@code task} at {@code atEpochMs} (at once when that has passed). */
  Scheduled schedule(long atEpochMs, Runnable task);

  /** Cancels every pending task and stops the timer thread, if any. */
  @Override
  void close();
}
