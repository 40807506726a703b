package io.relayharness.load.internal;

import io.relayharness.ledger.BodyHash;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads the harness headers of a message given as raw bytes (not made by the generator): {@code
 * Message-ID}, {@code X-Harness-Id}, and the body hash computed from the bytes. Stateless;
 * thread-safe.
 */
public final class RawMessage {

  private RawMessage() {}

  /** Returns the value of header {@code name} in the header block, or null (no unfolding). */
  public static String header(byte[] message, String name) {
    int end = BodyHash.bodyStart(message, 0, message.length);
    if (end == 0) {
      end = message.length;
    }
    String headers = new String(message, 0, end, StandardCharsets.ISO_8859_1);
    String prefix = name.toLowerCase(Locale.ROOT) + ":";
    for (String line : headers.split("\r?\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
        return line.substring(prefix.length()).trim();
      }
    }
    return null;
  }
}
