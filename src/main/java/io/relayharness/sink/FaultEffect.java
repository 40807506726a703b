package io.relayharness.sink;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a sink fault does when it fires: the {@code action} of a {@link Fault} in the sink's JSON.
 * (Named apart from {@code faults.FaultAction}, a step of a scenario's timeline.) Immutable;
 * thread-safe.
 */
public enum FaultEffect {
  /** Answer with the fault's code and text (after its delay, if any). */
  @JsonProperty("reply")
  REPLY,
  /** Only wait {@code delayMs}, then carry on normally. */
  @JsonProperty("delay")
  DELAY,
  /**
   * Only at {@code eod}: take the whole message, record it durably in the ledger (it did arrive)
   * and in the dropped ledger, then close the connection without any reply. The relay sees no 250,
   * logs that the message may be sent more than once, and retries: a real duplicate.
   */
  @JsonProperty("drop-before-250")
  DROP_BEFORE_250
}
