package io.relayharness.observe;

import java.util.List;

/**
 * One message in the relay's queue as {@code postqueue -j} lists it. Immutable; thread-safe.
 *
 * @param queueName {@code incoming}, {@code active}, {@code deferred}, {@code hold} or {@code
 *     maildrop}
 * @param queueId the queue id
 * @param arrivalEpochSeconds when the message entered the queue, epoch seconds
 * @param messageSizeBytes the queue file's message size
 * @param sender the envelope sender (empty for the null sender)
 * @param recipients the recipients still to be delivered
 */
public record QueueEntry(
    String queueName,
    String queueId,
    long arrivalEpochSeconds,
    long messageSizeBytes,
    String sender,
    List<Recipient> recipients) {

  public QueueEntry {
    recipients = List.copyOf(recipients);
  }

  /** One pending recipient, with the reason of the last deferral if there was one. */
  public record Recipient(String address, String delayReason) {}
}
