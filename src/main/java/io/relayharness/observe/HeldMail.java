package io.relayharness.observe;

/**
 * A message that sat on a tier relay's disk while the relay was down: listed by the relay's
 * entrypoint when it started again, or by the harness when it thawed a paused relay, by queue id.
 * Immutable; thread-safe.
 *
 * @param relay the relay
 * @param epochMs when the relay came back (its restart, or its thaw)
 * @param queueId the queue id (the file name on its disk)
 * @param messageId the Message-ID the relay's log gives that queue id, or null
 * @param diskLost whether the relay came back without its disk, so the message is gone
 */
public record HeldMail(
    String relay, long epochMs, String queueId, String messageId, boolean diskLost) {}
