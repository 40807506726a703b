package io.relayharness.observe;

/**
 * A relay log line that matters to a verdict without being a delivery status: "message may be sent
 * more than once", "loops back to myself", or another Postfix {@code warning:}. One line of {@code
 * warnings.jsonl}. Immutable; thread-safe.
 *
 * @param epochMs when the relay logged it
 * @param queueId the queue id the line names, or null
 * @param kind {@link #MAY_BE_SENT_MORE_THAN_ONCE}, {@link #LOOPS_BACK_TO_MYSELF}, {@link #FATAL},
 *     {@link #PANIC}, {@link #THROTTLED}, {@link #TABLE_UNAVAILABLE} or {@link #OTHER}
 * @param line the log line as read (engine timestamp included)
 */
public record RelayWarning(long epochMs, String queueId, String kind, String line) {

  /** The relay lost the reply to the final dot: the worker may have stored the message. */
  public static final String MAY_BE_SENT_MORE_THAN_ONCE = "may-be-sent-more-than-once";

  /** The relay found itself as the next hop (a worker address answered by the relay). */
  public static final String LOOPS_BACK_TO_MYSELF = "loops-back-to-myself";

  /** A daemon stopped on a {@code fatal:} error (bad setting, missing file). */
  public static final String FATAL = "fatal";

  /** A daemon stopped on a {@code panic:} (an internal error). */
  public static final String PANIC = "panic";

  /** The master throttles a daemon that keeps dying ({@code bad command startup -- throttling}). */
  public static final String THROTTLED = "throttled";

  /**
   * A lookup table cannot be read ({@code warning: hash:... is unavailable}): every client gets
   * 451.
   */
  public static final String TABLE_UNAVAILABLE = "table-unavailable";

  /** Any other Postfix warning. */
  public static final String OTHER = "other";

  /** Returns whether this line says the relay itself is broken, whatever the mail did. */
  public boolean unhealthy() {
    return isUnhealthy(kind);
  }

  /** Returns whether a warning of {@code kind} says the relay itself is broken. */
  public static boolean isUnhealthy(String kind) {
    return FATAL.equals(kind)
        || PANIC.equals(kind)
        || THROTTLED.equals(kind)
        || TABLE_UNAVAILABLE.equals(kind);
  }

  /**
   * Returns the kind of a Postfix message text (after the {@code program[pid]: } tag and any queue
   * id), or null when it is no warning.
   */
  public static String classify(String text) {
    if (text.contains("message may be sent more than once")) {
      return MAY_BE_SENT_MORE_THAN_ONCE;
    }
    if (text.contains("loops back to myself")) {
      return LOOPS_BACK_TO_MYSELF;
    }
    if (text.startsWith("fatal: ")) {
      return FATAL;
    }
    if (text.startsWith("panic: ")) {
      return PANIC;
    }
    if (text.startsWith("warning: ")) {
      if (text.contains("bad command startup -- throttling")) {
        return THROTTLED;
      }
      if (text.contains(" is unavailable")) {
        return TABLE_UNAVAILABLE;
      }
      return OTHER;
    }
    return null;
  }
}
