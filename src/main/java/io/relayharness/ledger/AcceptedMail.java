package io.relayharness.ledger;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;

/**
 * One message the load injector tried to hand to the relay, with the relay's answer: the "what the
 * relay took responsibility for" side of zero-loss. Immutable; thread-safe.
 *
 * @param harnessId the {@code X-Harness-Id} header the generator gave the message
 * @param messageId the {@code Message-ID} header
 * @param mailFrom the envelope sender
 * @param rcptTo the envelope recipients
 * @param sizeBytes the size of the message content sent
 * @param bodyHash the hash of the body as sent (see {@link BodyHash})
 * @param outcome whether the relay accepted it
 * @param replyCode the SMTP reply code that decided the outcome (0 when no reply came)
 * @param replyText the text of that reply, or the error for {@link Outcome#FAILED}
 * @param relayQueueId the queue id from {@code 250 ... queued as QID}, or null
 * @param startEpochMs when the transaction started (connection wait included)
 * @param endEpochMs when the deciding reply came
 */
public record AcceptedMail(
    String harnessId,
    String messageId,
    String mailFrom,
    List<String> rcptTo,
    long sizeBytes,
    @JsonAlias("bodySha256") String bodyHash, // also reads run folders from before the CRC hash
    Outcome outcome,
    int replyCode,
    String replyText,
    String relayQueueId,
    long startEpochMs,
    long endEpochMs) {

  /** What the relay did with a message. */
  public enum Outcome {
    /** The relay answered 250 to the end of data: it is now responsible for the message. */
    ACCEPTED,
    /** The relay answered 4xx or 5xx at some stage. */
    REJECTED,
    /** No SMTP answer decided it: connection refused, reset, timed out. */
    FAILED
  }

  public AcceptedMail {
    rcptTo = rcptTo == null ? List.of() : List.copyOf(rcptTo);
  }
}
