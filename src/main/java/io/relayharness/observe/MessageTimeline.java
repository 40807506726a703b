package io.relayharness.observe;

import com.fasterxml.jackson.annotation.JsonAlias;
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
 * @param endToEndMs first arrival minus accept, never below 0 (see {@link
 *     TimelineJoin#endToEndMs(long, long)}), or null when nothing arrived
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

  /** Returns whether the relay took the message (the injector saw its 250). */
  public boolean accepted() {
    return outcome == AcceptedMail.Outcome.ACCEPTED;
  }

  /** Returns whether at least one copy arrived at a sink. */
  public boolean delivered() {
    return !arrivals.isEmpty();
  }

  /**
   * Returns whether the relay took the message and no copy arrived. Mail the relay refused (or that
   * got no deciding reply) is not "not delivered": it was never the relay's to deliver.
   */
  public boolean notDelivered() {
    return accepted() && arrivals.isEmpty();
  }

  /** Returns the worker of the earliest arrival, or null when nothing arrived. */
  public String firstWorker() {
    Arrival first = null;
    for (Arrival a : arrivals) {
      if (first == null || a.epochMs() < first.epochMs()) {
        first = a;
      }
    }
    return first == null ? null : first.worker();
  }

  /** One copy of the message stored by a sink. */
  public record Arrival(
      String worker,
      long epochMs,
      @JsonAlias("bodySha256") String bodyHash) {} // also reads run folders from before the CRC
}
