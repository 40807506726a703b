package io.relayharness.observe;

import io.relayharness.ledger.AcceptedMail;
import java.util.List;

/**
 * Everything known about one harness message: what the injector saw, what the relay tried, where it
 * arrived. One line of {@code timeline.jsonl}, built by {@link TimelineJoin}. Immutable;
 * thread-safe.
 *
 * @param harnessId the {@code X-Harness-Id}
 * @param messageId the {@code Message-ID}
 * @param queueId the relay's queue id, or null when none could be found
 * @param acceptEpochMs when the relay's deciding reply came (the injector's end time)
 * @param outcome the injector's outcome
 * @param attempts the relay's delivery attempts for the queue id, in log order
 * @param arrivals the sinks' copies, earliest first
 * @param endToEndMs first arrival minus accept, or null when nothing arrived
 */
public record MessageTimeline(
    String harnessId,
    String messageId,
    String queueId,
    long acceptEpochMs,
    AcceptedMail.Outcome outcome,
    List<DeliveryAttempt> attempts,
    List<Arrival> arrivals,
    Long endToEndMs) {

  public MessageTimeline {
    attempts = List.copyOf(attempts);
    arrivals = List.copyOf(arrivals);
  }

  /** One copy of the message stored by a sink. */
  public record Arrival(String worker, long epochMs, String bodySha256) {}
}
