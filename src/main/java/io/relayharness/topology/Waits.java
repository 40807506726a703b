package io.relayharness.topology;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Bounded, named waits for the harness itself (tests use Awaitility): on timeout they say what was
 * expected and what was last seen. The one polling loop of the main code. Stateless; thread-safe.
 */
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
    boolean held;
    try {
      held = upTo(timeout, pollMs, condition);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for " + what, e);
    }
    if (!held) {
      throw new IllegalStateException(
          "timed out after "
              + timeout.toMillis()
              + " ms waiting for "
              + what
              + "; last seen: "
              + seen.get());
    }
  }

  /**
   * Polls {@code condition} every {@code pollMs} until it holds or {@code timeout} has passed;
   * returns whether it held. For waits whose timeout is an outcome, not an error.
   */
  public static boolean upTo(Duration timeout, long pollMs, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(pollMs);
    }
  }
}
