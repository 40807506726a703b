package io.relayharness.observe;

/**
 * A relay log line that matters to a verdict without being a delivery status: "message may be sent
 * more than once", "loops back to myself", or another Postfix {@code warning:}. One line of {@code
 * warnings.jsonl}. Immutable; thread-safe.
 *
 * @param epochMs when the relay logged it
 * @param queueId the queue id the line names, or null
 * @param kind {@link #MAY_BE_SENT_MORE_THAN_ONCE}, {@link #LOOPS_BACK_TO_MYSELF} or {@link #OTHER}
 * @param line the log line as read (engine timestamp included)
 */
public record RelayWarning(long epochMs, String queueId, String kind, String line) {

  /** The relay lost the reply to the final dot: the worker may have stored the message. */
  public static final String MAY_BE_SENT_MORE_THAN_ONCE = "may-be-sent-more-than-once";

  /** The relay found itself as the next hop (a worker address answered by the relay). */
  public static final String LOOPS_BACK_TO_MYSELF = "loops-back-to-myself";

  /** Any other Postfix warning. */
  public static final String OTHER = "other";
}
