package io.relayharness.load.smtp.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the relay's queue id in the reply to the end of data: Postfix answers {@code 250 2.0.0 Ok:
 * queued as 4XyzAbc}; other servers use {@code queued as <id>} or {@code id=...}. Stateless;
 * thread-safe.
 */
public final class QueueIds {

  private static final Pattern QUEUED_AS =
      Pattern.compile("queued as <?([A-Za-z0-9._@-]+?)>?(?:\\s|$)", Pattern.CASE_INSENSITIVE);

  private QueueIds() {}

  /** Returns the queue id in {@code replyText}, or null when it names none. */
  public static String parse(String replyText) {
    if (replyText == null) {
      return null;
    }
    Matcher m = QUEUED_AS.matcher(replyText);
    return m.find() ? m.group(1) : null;
  }
}
