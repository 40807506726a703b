package io.relayharness.observe;

/**
 * One delivery attempt the relay logged for one recipient ({@code QID: to=<..>, relay=..,
 * status=..}), or a whole-message expiry ({@code QID: from=<..>, status=expired}). One line of
 * {@code attempts.jsonl}. Immutable; thread-safe.
 *
 * @param epochMs when the relay logged it (the engine's timestamp, millisecond resolution)
 * @param queueId the relay's queue id
 * @param recipient the envelope recipient, or null for a whole-message expiry
 * @param relay {@code host[ip]:port} the relay talked to, or {@code none}
 * @param worker {@code worker<i>} derived from the relay host or address (for {@code relay=none},
 *     from a {@code connect to HOST[IP]} detail), or null
 * @param dsn the DSN status code, e.g. {@code 2.0.0}, or null
 * @param status {@code sent}, {@code deferred}, {@code bounced} or {@code expired}
 * @param delaySeconds the {@code delay=} figure: seconds since the message arrived in the queue
 * @param delays the {@code delays=a/b/c/d} breakdown, or null
 * @param detail the text in parentheses after the status, or null
 */
public record DeliveryAttempt(
    long epochMs,
    String queueId,
    String recipient,
    String relay,
    String worker,
    String dsn,
    String status,
    double delaySeconds,
    String delays,
    String detail) {

  /** Status of an attempt that handed the message over. */
  public static final String SENT = "sent";

  /** Status of an attempt that will be retried. */
  public static final String DEFERRED = "deferred";

  /** Status of a permanent failure (a bounce goes to the sender). */
  public static final String BOUNCED = "bounced";

  /** Status of a message that outlived {@code maximal_queue_lifetime}. */
  public static final String EXPIRED = "expired";

  /**
   * The attempt as Postfix logs it, without the time: {@code QUEUEID: to=<..>, relay=..,
   * status=..}.
   */
  public String logText() {
    return queueId
        + ": to=<"
        + recipient
        + ">, relay="
        + relay
        + ", status="
        + status
        + (detail == null ? "" : " (" + detail + ")");
  }

  /** Returns whether this attempt delivered the message. */
  public boolean delivered() {
    return SENT.equals(status);
  }

  /** Returns whether the relay will try again after this attempt. */
  public boolean deferred() {
    return DEFERRED.equals(status);
  }
}
