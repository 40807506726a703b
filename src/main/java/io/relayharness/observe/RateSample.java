package io.relayharness.observe;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts for one second of a run. One line of {@code rates.jsonl}. Immutable; thread-safe.
 *
 * @param epochMs the start of the second
 * @param offered messages the injector started
 * @param accepted messages the relay answered 250 to
 * @param rejected messages the relay refused with 4xx/5xx
 * @param failed messages without a deciding reply
 * @param delivered messages stored per worker name
 */
public record RateSample(
    long epochMs,
    long offered,
    long accepted,
    long rejected,
    long failed,
    Map<String, Long> delivered) {

  public RateSample {
    delivered =
        delivered == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(delivered));
  }
}
