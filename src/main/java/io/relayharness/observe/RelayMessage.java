package io.relayharness.observe;

/**
 * What the relay log says about one queue id besides its delivery attempts: who sent it, its
 * Message-ID, when it appeared and when it left the queue. Immutable; thread-safe.
 *
 * @param queueId the relay's queue id
 * @param messageId the Message-ID the cleanup daemon logged (as logged, usually in angle brackets),
 *     or null
 * @param client the {@code client=} of the smtpd line, or null
 * @param sender the {@code from=} of the queue manager line, or null
 * @param sizeBytes the {@code size=} of the queue manager line, or null
 * @param recipientCount the {@code nrcpt=} of the queue manager line, or null
 * @param firstSeenEpochMs the time of the first line naming this queue id
 * @param removedEpochMs the time of {@code QID: removed}, or null while still queued
 * @param lastLine the last status or queue manager line naming this queue id
 */
public record RelayMessage(
    String queueId,
    String messageId,
    String client,
    String sender,
    Long sizeBytes,
    Integer recipientCount,
    long firstSeenEpochMs,
    Long removedEpochMs,
    String lastLine) {}
