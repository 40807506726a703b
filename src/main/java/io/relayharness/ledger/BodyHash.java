package io.relayharness.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The content hash that follows a message from the generator to the sinks: SHA-256 over the body,
 * i.e. every byte after the first empty line that ends the header block ({@code CRLF CRLF}, or
 * {@code LF LF} for bare-LF content). Headers are excluded because the relay prepends {@code
 * Received:}. The generator writes the value into {@code X-Harness-Body-Sha256}; a sink recomputes
 * it. Stateless; thread-safe.
 */
public final class BodyHash {

  /** The header that carries the hash the generator computed. */
  public static final String HEADER = "X-Harness-Body-Sha256";

  /** The header that carries the harness's own id of a message. */
  public static final String ID_HEADER = "X-Harness-Id";

  private BodyHash() {}

  /** Returns the hex SHA-256 of the body of {@code message} (whole message if no header end). */
  public static String of(byte[] message) {
    return of(message, 0, message.length);
  }

  /** Returns the hex SHA-256 of the body within {@code message[offset, offset+length)}. */
  public static String of(byte[] message, int offset, int length) {
    int bodyStart = bodyStart(message, offset, length);
    MessageDigest digest = sha256();
    digest.update(message, bodyStart, offset + length - bodyStart);
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Returns the index of the first body byte, or {@code offset} when there is no header end. */
  public static int bodyStart(byte[] m, int offset, int length) {
    int end = offset + length;
    for (int i = offset; i < end - 1; i++) {
      if (m[i] == '\n') {
        if (m[i + 1] == '\n') {
          return i + 2;
        }
        if (m[i + 1] == '\r' && i + 2 < end && m[i + 2] == '\n') {
          return i + 3;
        }
      }
    }
    return offset;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
