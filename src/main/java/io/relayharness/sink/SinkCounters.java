package io.relayharness.sink;

import java.util.Map;

/**
 * What a sink has done since it started, as {@code GET /counters} returns it. Immutable;
 * thread-safe.
 *
 * @param worker the worker name
 * @param startEpochMs when this process started listening
 * @param nowEpochMs when the snapshot was taken
 * @param accepted messages answered 250 after the ledger made them durable
 * @param acceptedBytes content bytes of those messages
 * @param rejected replies of 4xx/5xx this sink sent by choice (faults, size limit), by code
 * @param rejectedByStage the same replies by stage ({@code connect}, {@code mail}, ...)
 * @param dropped messages recorded then left without a reply ({@code drop-before-250})
 * @param delayed events a delay was applied to
 * @param sessionsOpen SMTP connections open now
 * @param sessionsTotal SMTP connections since start
 * @param ledgerRecordsAtStart complete records the ledger held when this process opened it
 * @param ledgerBytes durable size of the ledger now
 */
public record SinkCounters(
    String worker,
    long startEpochMs,
    long nowEpochMs,
    long accepted,
    long acceptedBytes,
    Map<String, Long> rejected,
    Map<String, Long> rejectedByStage,
    long dropped,
    long delayed,
    long sessionsOpen,
    long sessionsTotal,
    long ledgerRecordsAtStart,
    long ledgerBytes) {

  public SinkCounters {
    rejected = Map.copyOf(rejected);
    rejectedByStage = Map.copyOf(rejectedByStage);
  }

  /** Returns the number of rejections with {@code code}. */
  public long rejected(int code) {
    return rejected.getOrDefault(String.valueOf(code), 0L);
  }
}
