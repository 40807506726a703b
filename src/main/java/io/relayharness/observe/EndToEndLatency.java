package io.relayharness.observe;

import java.util.Arrays;
import java.util.List;

/**
 * End-to-end latency of a run, the one computation the verdicts, the report and the A/B metrics
 * share: over the messages the relay accepted, the latency of each delivered one ({@link
 * MessageTimeline#endToEndMs()}, already clamped at 0) and the count of those not delivered ({@link
 * MessageTimeline#notDelivered()}). Mail the relay refused counts in neither. Immutable;
 * thread-safe.
 *
 * @param percentiles the latencies of the delivered messages, in ms
 * @param notDelivered accepted messages of which no copy arrived
 */
public record EndToEndLatency(Percentiles percentiles, long notDelivered) {

  /** Returns the latency of the accepted messages among {@code timelines}. */
  public static EndToEndLatency of(List<MessageTimeline> timelines) {
    long[] ms = new long[timelines.size()];
    int n = 0;
    long missing = 0;
    for (MessageTimeline t : timelines) {
      if (!t.accepted()) {
        continue;
      }
      if (t.endToEndMs() != null) {
        ms[n++] = t.endToEndMs();
      } else if (t.notDelivered()) {
        missing++;
      }
    }
    return new EndToEndLatency(Percentiles.of(Arrays.copyOf(ms, n)), missing);
  }

  /** Returns how many accepted messages arrived (each counted once). */
  public int delivered() {
    return percentiles.count();
  }
}
