package io.relayharness.sink.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The few header fields a sink records, read from a message's header block: {@code Message-ID},
 * {@code X-Harness-Id}, {@code X-Harness-Body-Hash} and the relay's queue id from the top (first)
 * {@code Received:} header. Folded headers are unfolded. Values are trimmed and otherwise kept as
 * written ({@code Message-ID} keeps its angle brackets). Immutable; thread-safe.
 *
 * @param messageId the first {@code Message-ID}, or null
 * @param harnessId the first {@code X-Harness-Id}, or null
 * @param declaredBodyHash the first {@code X-Harness-Body-Hash}, or null
 * @param relayQueueId the queue id named by the first {@code Received:}, or null
 */
public record HeaderFields(
    String messageId, String harnessId, String declaredBodyHash, String relayQueueId) {

  /** Parses the header block in {@code bytes[0, length)} (it may include the empty line). */
  public static HeaderFields parse(byte[] bytes, int length) {
    String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
    String messageId = null;
    String harnessId = null;
    String declared = null;
    String received = null;
    StringBuilder field = null;
    int from = 0;
    while (from <= text.length()) {
      int nl = text.indexOf('\n', from);
      int to = nl < 0 ? text.length() : nl;
      boolean crlf = nl > from && text.charAt(nl - 1) == '\r';
      String line = text.substring(from, crlf ? nl - 1 : to);
      from = to + 1;
      if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
        if (field != null) {
          field.append(line);
        }
        continue;
      }
      if (field != null) {
        String f = field.toString();
        int colon = f.indexOf(':');
        String name = f.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = f.substring(colon + 1).trim();
        switch (name) {
          case "message-id" -> messageId = messageId == null ? value : messageId;
          case "x-harness-id" -> harnessId = harnessId == null ? value : harnessId;
          case "x-harness-body-hash" -> declared = declared == null ? value : declared;
          case "received" -> received = received == null ? value : received;
          default -> {}
        }
      }
      if (line.isEmpty()) {
        break;
      }
      field = line.indexOf(':') > 0 ? new StringBuilder(line) : null;
    }
    return new HeaderFields(messageId, harnessId, declared, ReceivedQueueId.parse(received));
  }
}
