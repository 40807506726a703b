package io.relayharness.faultproxy.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded, named waits for test conditions (no bare sleeps). Thread-safe (stateless). */
public final class Waits {

  private Waits() {}

  /** Polls {@code condition} until true; fails naming {@code what} and the last seen value. */
  public static void until(String what, Duration max, BooleanSupplier condition) {
    long deadline = System.nanoTime() + max.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + max.toMillis() + " ms waiting for " + what);
      }
      java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
    }
  }

  /** Polls until {@code value} equals {@code expected}; fails with both values. */
  public static <T> void untilEquals(String what, Duration max, T expected, Supplier<T> value) {
    long deadline = System.nanoTime() + max.toNanos();
    T seen = value.get();
    while (!expected.equals(seen)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after "
                + max.toMillis()
                + " ms waiting for "
                + what
                + ": expected "
                + expected
                + ", last seen "
                + seen);
      }
      java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
      seen = value.get();
    }
  }
}
