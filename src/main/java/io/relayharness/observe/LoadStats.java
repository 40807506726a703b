package io.relayharness.observe;

import io.relayharness.ledger.AcceptedMail;
import java.util.List;

/**
 * Load-side figures from the injector's ledger. The load duration runs from the first transaction's
 * start to the last one's end; accept latency is end minus start of each ACCEPTED transaction
 * (nearest-rank percentiles, NaN when none). Immutable; thread-safe.
 *
 * @param total transactions in the ledger
 * @param accepted ACCEPTED ones
 * @param rejected REJECTED ones
 * @param failed FAILED ones
 * @param durationMs load duration
 * @param acceptedPerSec accepted / load duration
 * @param errorRate (rejected + failed) / total, 0 when empty
 * @param acceptLatencyP50Ms median accept latency
 * @param acceptLatencyP95Ms 95th percentile accept latency
 * @param acceptLatencyP99Ms 99th percentile accept latency
 * @param acceptLatencyMaxMs largest accept latency
 */
public record LoadStats(
    long total,
    long accepted,
    long rejected,
    long failed,
    long durationMs,
    double acceptedPerSec,
    double errorRate,
    double acceptLatencyP50Ms,
    double acceptLatencyP95Ms,
    double acceptLatencyP99Ms,
    double acceptLatencyMaxMs) {

  /** Computes the figures of {@code ledger}. */
  public static LoadStats of(List<AcceptedMail> ledger) {
    long accepted = 0;
    long rejected = 0;
    long failed = 0;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    long[] latencies = new long[ledger.size()];
    int n = 0;
    for (AcceptedMail m : ledger) {
      first = Math.min(first, m.startEpochMs());
      last = Math.max(last, m.endEpochMs());
      switch (m.outcome()) {
        case ACCEPTED -> {
          accepted++;
          latencies[n++] = m.endEpochMs() - m.startEpochMs();
        }
        case REJECTED -> rejected++;
        case FAILED -> failed++;
      }
    }
    long durationMs = ledger.isEmpty() ? 0 : Math.max(0, last - first);
    Percentiles p = Percentiles.of(java.util.Arrays.copyOf(latencies, n));
    return new LoadStats(
        ledger.size(),
        accepted,
        rejected,
        failed,
        durationMs,
        durationMs == 0 ? 0 : accepted * 1000.0 / durationMs,
        ledger.isEmpty() ? 0 : (rejected + failed) / (double) ledger.size(),
        p.percentile(50),
        p.percentile(95),
        p.percentile(99),
        p.max());
  }
}
