package io.relayharness.sink;

import java.time.Duration;
import java.util.function.Supplier;

/** Bounded, named waits for tests: poll a condition, fail with what was seen. Thread-safe. */
final class Await {

  private Await() {}

  /** Waits until {@code probe} returns a value matching {@code done}; returns that value. */
  static <T> T until(
      String what, Duration timeout, Supplier<T> probe, java.util.function.Predicate<T> done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T seen = probe.get();
    while (!done.test(seen)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "waited " + timeout.toMillis() + " ms for " + what + "; last seen: " + seen);
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
      seen = probe.get();
    }
    return seen;
  }
}
