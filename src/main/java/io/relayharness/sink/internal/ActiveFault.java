package io.relayharness.sink.internal;

import io.relayharness.sink.Fault;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/** A validated fault and how often it has fired. Thread-safe (methods synchronized). */
final class ActiveFault {

  private final Fault fault;
  private long remaining; // -1: no limit
  private long fired;

  ActiveFault(Fault validated) {
    this.fault = validated;
    this.remaining = validated.count() == null ? -1 : validated.count();
  }

  Fault fault() {
    return fault;
  }

  /** Decides whether it fires for one event at {@code nowEpochMs}, and counts it if so. */
  synchronized boolean tryFire(long nowEpochMs, RandomGenerator random) {
    if (!isActive(nowEpochMs)) {
      return false;
    }
    if (fault.probability() < 1.0 && random.nextDouble() >= fault.probability()) {
      return false;
    }
    if (remaining > 0) {
      remaining--;
    }
    fired++;
    return true;
  }

  private boolean isActive(long nowEpochMs) {
    return remaining != 0
        && (fault.fromEpochMs() == null || nowEpochMs >= fault.fromEpochMs())
        && (fault.untilEpochMs() == null || nowEpochMs < fault.untilEpochMs());
  }

  /**
   * Returns the fault's fields plus {@code fired}, {@code remaining} (null: no limit), {@code
   * active}.
   */
  @SuppressWarnings("unchecked")
  synchronized Map<String, Object> status(long nowEpochMs) {
    Map<String, Object> out =
        new LinkedHashMap<>(io.relayharness.ledger.JsonLines.MAPPER.convertValue(fault, Map.class));
    out.put("fired", fired);
    out.put("remaining", remaining < 0 ? null : remaining);
    out.put("active", isActive(nowEpochMs));
    return out;
  }
}
