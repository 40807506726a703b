package io.relayharness.load.mail;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * One generated message with its envelope: the harness id ({@code X-Harness-Id}), the {@code
 * Message-ID}, the envelope sender and recipients, the exact bytes to send (CRLF line ends, ending
 * in CRLF) and the {@link io.relayharness.ledger.BodyHash} of the body ({@code
 * X-Harness-Body-Hash}). Immutable; thread-safe: the bytes are never handed out for writing.
 */
public final class GeneratedMail {

  private final String id;
  private final String messageId;
  private final String from;
  private final List<String> rcpts;
  private final byte[] bytes;
  private final String bodyHash;

  /** Wraps {@code bytes} without copying; the caller must not change them afterwards. */
  public GeneratedMail(
      String id, String messageId, String from, List<String> rcpts, byte[] bytes, String bodyHash) {
    this.id = id;
    this.messageId = messageId;
    this.from = from;
    this.rcpts = List.copyOf(rcpts);
    this.bytes = bytes;
    this.bodyHash = bodyHash;
  }

  /** Returns the harness id, also in the {@code X-Harness-Id} header. */
  public String id() {
    return id;
  }

  /** Returns the {@code Message-ID} header value, with angle brackets. */
  public String messageId() {
    return messageId;
  }

  /** Returns the envelope sender. */
  public String from() {
    return from;
  }

  /** Returns the envelope recipients. */
  public List<String> rcpts() {
    return rcpts;
  }

  /** Returns a copy of the message bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Returns a read-only view of the message bytes (no copy). */
  public ByteBuffer content() {
    return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
  }

  /** Returns the message size in bytes. */
  public int sizeBytes() {
    return bytes.length;
  }

  /**
   * Returns the {@link io.relayharness.ledger.BodyHash} of the body, also in the {@code
   * X-Harness-Body-Hash} header.
   */
  public String bodyHash() {
    return bodyHash;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GeneratedMail m
        && id.equals(m.id)
        && messageId.equals(m.messageId)
        && from.equals(m.from)
        && rcpts.equals(m.rcpts)
        && Arrays.equals(bytes, m.bytes);
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "GeneratedMail[" + id + ", " + messageId + ", " + bytes.length + " bytes]";
  }
}
