package io.relayharness.sink.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the queue id in the value of a {@code Received:} header, as Postfix writes it: {@code from
 * h (h [ip]) by relay.example.com (Postfix) with ESMTP id 4Xyz123 for <a@b>; date}. Comments in
 * parentheses are removed first (they may hold words such as "with cipher"), then the token after
 * the {@code id} clause is taken. Works for short and long ({@code enable_long_queue_ids}) ids.
 * Stateless; thread-safe.
 */
public final class ReceivedQueueId {

  private static final Pattern ID_CLAUSE = Pattern.compile("(?i)(?:^|\\s)id\\s+([^\\s;]+)");

  private ReceivedQueueId() {}

  /** Returns the queue id in an unfolded {@code Received:} value, or null when it names none. */
  public static String parse(String receivedValue) {
    if (receivedValue == null) {
      return null;
    }
    Matcher m = ID_CLAUSE.matcher(withoutComments(receivedValue));
    return m.find() ? m.group(1) : null;
  }

  /**
   * Returns {@code value} with every (possibly nested) parenthesized comment replaced by a space.
   */
  static String withoutComments(String value) {
    StringBuilder out = new StringBuilder(value.length());
    int depth = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && depth > 0) {
        i++;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && depth > 0) {
        depth--;
        if (depth == 0) {
          out.append(' ');
        }
      } else if (depth == 0) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
