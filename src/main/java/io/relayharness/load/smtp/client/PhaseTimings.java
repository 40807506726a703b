package io.relayharness.load.smtp.client;

/**
 * Durations of the phases of one transaction, in microseconds; -1 when a phase did not happen
 * (connection phases happen only for the first message on a new connection). Immutable;
 * thread-safe.
 *
 * @param waitMicros from the request to a ready connection (queueing and connection set-up)
 * @param connectMicros TCP connect of a new connection
 * @param ehloMicros greeting, EHLO, STARTTLS with its second EHLO, and AUTH of a new connection
 * @param envelopeMicros MAIL FROM and RCPT TO until their replies
 * @param dataMicros DATA until the 354 reply
 * @param endOfDataMicros the content until the reply to the final dot
 */
public record PhaseTimings(
    long waitMicros,
    long connectMicros,
    long ehloMicros,
    long envelopeMicros,
    long dataMicros,
    long endOfDataMicros) {}
