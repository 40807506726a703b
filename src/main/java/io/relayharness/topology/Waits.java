package io.relayharness.topology;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded, named waits: on timeout they say what was expected and what was last seen. */
public final class Waits {

  private Waits() {}

  /**
   * Polls {@code condition} every {@code pollMs} until it holds, or fails after {@code timeout}
   * with {@code what} and the last {@code seen} value.
   */
  public static void until(
      String what,
      Duration timeout,
      long pollMs,
      BooleanSupplier condition,
      Supplier<String> seen) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (condition.getAsBoolean()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "timed out after "
                + timeout.toMillis()
                + " ms waiting for "
                + what
                + "; last seen: "
                + seen.get());
      }
      try {
        Thread.sleep(pollMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for " + what, e);
      }
    }
  }
}
