package io.relayharness.scenario;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a run stands at one moment, for live progress output. Immutable; thread-safe.
 *
 * @param phase {@code start}, {@code warm-up}, {@code load}, {@code drain}, {@code collect}
 * @param elapsedMs time since the run started
 * @param sent messages the injector started
 * @param accepted messages the relay answered 250 to
 * @param rejected messages the relay refused with 4xx/5xx
 * @param failed messages no SMTP reply decided (refused connection, reset, timeout)
 * @param deliveredByWorker messages each worker's sink has taken, by worker name
 * @param relayQueueDepth messages in the relay's queue, or -1 when not known yet
 * @param currentFault the faults in effect, or {@code none}
 */
public record ProgressSnapshot(
    String phase,
    long elapsedMs,
    long sent,
    long accepted,
    long rejected,
    long failed,
    Map<String, Long> deliveredByWorker,
    int relayQueueDepth,
    String currentFault) {

  public ProgressSnapshot {
    deliveredByWorker = Collections.unmodifiableMap(new TreeMap<>(deliveredByWorker));
  }
}
