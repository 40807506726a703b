package io.relayharness.observe;

/**
 * One message as one relay of a tier saw it, from that relay's log. Immutable; thread-safe.
 *
 * @param relay the relay, e.g. {@code relay0}
 * @param messageId the Message-ID its cleanup logged (angle brackets as logged)
 * @param queueId the relay's queue id
 * @param receivedEpochMs when the relay first logged the queue id (it took the message)
 * @param deliveredEpochMs when it logged {@code status=sent} to a worker, or null
 * @param worker the worker it delivered to, or null
 */
public record TierHop(
    String relay,
    String messageId,
    String queueId,
    long receivedEpochMs,
    Long deliveredEpochMs,
    String worker) {}
