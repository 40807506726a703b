package io.relayharness.load.smtp.client;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;

/**
 * One message to send: envelope, content, and who to tell when it is decided. The start time is
 * taken at construction, so the wait for a free connection counts in the response time. Immutable;
 * thread-safe (the listener is called once, on the connection's event loop).
 */
public final class SmtpTransaction {

  private final String from;
  private final List<String> rcpts;
  private final ByteBuffer content;
  private final Consumer<TransactionResult> listener;
  private final long startNanos;
  private final long startEpochMs;

  /**
   * @param from the envelope sender (empty for the null sender)
   * @param rcpts at least one envelope recipient
   * @param content the message (headers, empty line, body); CRLF line ends
   * @param listener told once when the transaction is decided
   */
  public SmtpTransaction(
      String from, List<String> rcpts, ByteBuffer content, Consumer<TransactionResult> listener) {
    if (rcpts.isEmpty()) {
      throw new IllegalArgumentException("a transaction needs at least one recipient");
    }
    this.from = from == null ? "" : from;
    this.rcpts = List.copyOf(rcpts);
    this.content = content.asReadOnlyBuffer();
    this.listener = listener;
    this.startNanos = System.nanoTime();
    this.startEpochMs = System.currentTimeMillis();
  }

  /** Returns the envelope sender. */
  public String from() {
    return from;
  }

  /** Returns the envelope recipients. */
  public List<String> rcpts() {
    return rcpts;
  }

  /** Returns a read-only view of the content. */
  public ByteBuffer content() {
    return content.duplicate();
  }

  /** Returns the content size in bytes. */
  public int sizeBytes() {
    return content.remaining();
  }

  /** Returns {@link System#nanoTime()} at construction. */
  public long startNanos() {
    return startNanos;
  }

  /** Returns the wall-clock start in epoch milliseconds. */
  public long startEpochMs() {
    return startEpochMs;
  }

  /** Tells the listener the result. */
  public void complete(TransactionResult result) {
    listener.accept(result);
  }
}
