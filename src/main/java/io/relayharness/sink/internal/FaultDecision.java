package io.relayharness.sink.internal;

import io.relayharness.sink.Fault;
import io.relayharness.sink.FaultEffect;

/**
 * What the faults decided for one event: a total delay, and the fault that decides the outcome
 * (null: carry on normally). Immutable; thread-safe.
 */
record FaultDecision(long delayMs, Fault outcome) {

  static final FaultDecision NONE = new FaultDecision(0, null);

  /** Whether a fault answers with its own reply code. */
  boolean replies() {
    return outcome != null && outcome.action() == FaultEffect.REPLY;
  }

  /** Whether the message is to be taken and the connection closed before the 250. */
  boolean dropsBefore250() {
    return outcome != null && outcome.action() == FaultEffect.DROP_BEFORE_250;
  }

  /** Waits the delay (the calling session thread sleeps). */
  void sleepDelay(RunningCounters counters) {
    if (delayMs <= 0) {
      return;
    }
    counters.countDelayed();
    try {
      Thread.sleep(delayMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
